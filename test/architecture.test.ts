import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

/** STYLE.md §2: domain code is pure, and modules meet only through each other's index.ts. */
const root = join(import.meta.dirname, '..', 'src');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

const importsOf = (file: string) => [...readFileSync(file, 'utf8').matchAll(/^\s*(?:import|export)[^'"]*from\s+['"]([^'"]+)['"]/gm)].map((m) => m[1]!);

describe('architecture rules', () => {
  const all = files(root);

  it('keeps domain/ folders free of storage, HTTP, node modules and the system clock', () => {
    const offenders: string[] = [];
    for (const file of all.filter((f) => f.includes('/domain/'))) {
      for (const spec of importsOf(file)) {
        const allowed = spec.startsWith('.') && !/\/(sql|web)\//.test(spec) && !spec.includes('/db/');
        if (!allowed) offenders.push(`${relative(root, file)} imports ${spec}`);
      }
      const text = readFileSync(file, 'utf8');
      if (/new Date\(\)|Date\.now\(\)/.test(text)) offenders.push(`${relative(root, file)} reads the system clock`);
    }
    expect(offenders).toEqual([]);
  });

  it('has no domain file importing from outside src/kernel and its own module', () => {
    const offenders: string[] = [];
    for (const file of all.filter((f) => f.includes('/domain/'))) {
      const module = relative(root, file).split('/').slice(0, 2).join('/');
      for (const spec of importsOf(file).filter((s) => s.startsWith('.'))) {
        const target = relative(root, join(file, '..', spec));
        if (!target.startsWith('kernel/') && !target.startsWith(module + '/')) offenders.push(`${relative(root, file)} → ${target}`);
      }
    }
    expect(offenders).toEqual([]);
  });
});
