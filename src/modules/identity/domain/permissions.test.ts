import { describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../../../kernel/actor.ts';
import { ACTIONS, can, isAction } from './permissions.ts';

/**
 * The specification, written out by hand (not derived from PERMISSIONS): x = allowed.
 * admin everything; officer runs disclosure; editor drafts and submits; leader reviews and
 * approves; auditor reads, including the audit log.
 */
const MATRIX = `
  action                  admin officer editor leader auditor
  item.read                 x      x      x      x      x
  item.create               x      x      x      -      -
  item.edit                 x      x      x      -      -
  item.submit               x      x      x      -      -
  item.return               x      -      -      x      -
  item.approve              x      -      -      x      -
  item.publish              x      x      -      -      -
  item.schedule             x      x      -      -      -
  item.revise               x      x      -      -      -
  item.retract              x      x      -      -      -
  item.set-validity         x      x      -      -      -
  item.link                 x      x      x      -      -
  item.attach               x      x      x      -      -
  item.override-checks      x      -      -      x      -
  catalogue-entry.read      x      x      x      x      x
  catalogue-entry.manage    x      x      -      -      -
  audit.read                x      -      -      x      x
  audit.export              x      -      -      -      x
  user.read                 x      x      -      -      x
  user.manage               x      -      -      -      -
  token.manage-own          x      x      x      x      x
  organisation.manage       x      -      -      -      -
  calendar.manage           x      -      -      -      -
  settings.manage           x      -      -      -      -
  data.import               x      x      -      -      -
  data.export               x      x      -      -      x
  foi.read                  x      x      -      x      x
  foi.register              x      x      -      -      -
  foi.process               x      x      -      -      -
  foi.approve-extension     x      x      -      x      -
  foi.templates             x      x      -      -      -
  foi.export                x      x      -      -      x
  report.read               x      x      -      x      x
  report.edit               x      x      -      -      -
  report.publish            x      x      -      -      -
  inspection.manage         x      x      -      -      -
  site-health.read          x      x      -      -      x
  site-health.run           x      x      -      -      -
`;

const [header, ...rows] = MATRIX.trim().split('\n').map((line) => line.trim().split(/\s+/));
const roleColumns = header!.slice(1) as Role[];
const expected = new Map(rows.map(([action, ...marks]) => [action!, marks]));

describe('permission matrix', () => {
  it('has one row per action and one column per role, nothing more', () => {
    expect([...expected.keys()].sort()).toEqual([...ACTIONS].sort());
    expect([...roleColumns].sort()).toEqual([...ROLES].sort());
    for (const marks of expected.values()) expect(marks.every((m) => m === 'x' || m === '-') && marks.length === roleColumns.length).toBe(true);
  });

  const cells = ACTIONS.flatMap((action) => roleColumns.map((role, column) => [action, role, expected.get(action)?.[column] === 'x'] as const));

  it.each(cells)('%s by %s: %s', (action, role, allowed) => {
    expect(can(role, action)).toBe(allowed);
  });

  it('recognises actions', () => {
    expect(isAction('user.manage')).toBe(true);
    expect(isAction('user.delete')).toBe(false);
    expect(isAction(undefined)).toBe(false);
  });
});
