import type { Actor } from '../../../kernel/actor.ts';
import { Forbidden } from '../../../kernel/errors.ts';
import { can, type Action } from './permissions.ts';

/** Use cases call this first: the permission matrix decides, whatever door (console, API, CLI) was used. */
export function authorize(actor: Actor, action: Action): void {
  if (!can(actor.role, action)) throw new Forbidden('forbidden', { action });
}
