import type { Actor } from '../../kernel/actor.ts';
import { Conflict, InvalidInput, NotFound } from '../../kernel/errors.ts';
import { newId } from '../../kernel/ids.ts';
import { isApiTokenFormat, tokenNameProblem, type ApiToken } from './domain/api-token.ts';
import { authorize } from './domain/authorize.ts';
import { normaliseUsername } from './domain/user.ts';
import { actorOf, auditActorOf, type IdentityDeps, type IdentityService } from './identity-service.ts';
import { newApiToken, sha256Hex } from './secrets.ts';
import { apiTokens, users } from './sql/identity-repository.ts';

type ApiTokenUseCases = Pick<IdentityService, 'createApiToken' | 'revokeApiToken' | 'listApiTokens' | 'actorFromBearer'>;

/** last_used_at is written at most once a minute per token. */
const TOUCH_INTERVAL_MS = 60_000;

/** People manage their own tokens; managing someone else's takes `user.manage`. */
function authorizeFor(by: Actor, ownerId: string): void {
  authorize(by, by.id === ownerId ? 'token.manage-own' : 'user.manage');
}

/** 令牌: bearer tokens for the /api/v1 API, stored as SHA-256 only and revocable. */
export function createApiTokenUseCases({ db, clock, audit }: IdentityDeps): ApiTokenUseCases {
  return {
    async createApiToken(by, username, name) {
      const owner = await users.findByUsername(db, normaliseUsername(username));
      if (!owner) throw new NotFound('user-not-found');
      authorizeFor(by, owner.id);
      const problem = tokenNameProblem(name);
      if (problem) throw new InvalidInput({ name: problem });
      if (owner.isDisabled) throw new Conflict('user-disabled');
      const secret = newApiToken();
      const token: ApiToken = { id: newId(), userId: owner.id, name: name.trim(), createdAt: clock.now().toISOString(), lastUsedAt: null, revokedAt: null };
      await db.transaction().execute(async (trx) => {
        await apiTokens.insert(trx, token, sha256Hex(secret));
        await audit(trx, { actor: auditActorOf(by), action: 'token.create', subjectType: 'api-token', subjectId: token.id, after: token });
      });
      return { token, secret };
    },

    async revokeApiToken(by, tokenId) {
      const token = await apiTokens.findById(db, tokenId);
      if (!token) throw new NotFound('token-not-found');
      authorizeFor(by, token.userId);
      if (token.revokedAt) return token;
      const revoked = { ...token, revokedAt: clock.now().toISOString() };
      await db.transaction().execute(async (trx) => {
        await apiTokens.revoke(trx, token.id, revoked.revokedAt);
        await audit(trx, { actor: auditActorOf(by), action: 'token.revoke', subjectType: 'api-token', subjectId: token.id, before: { revokedAt: null }, after: { revokedAt: revoked.revokedAt } });
      });
      return revoked;
    },

    async listApiTokens(by, userId) {
      authorizeFor(by, userId);
      return apiTokens.listForUser(db, userId);
    },

    async actorFromBearer(secret) {
      if (!isApiTokenFormat(secret)) return undefined;
      const found = await apiTokens.findActiveByHash(db, sha256Hex(secret));
      if (!found || found.user.isDisabled) return undefined;
      const now = clock.now();
      // Usage time is bookkeeping shown to the owner, not a change anyone made: not audited.
      if (!found.token.lastUsedAt || now.getTime() - Date.parse(found.token.lastUsedAt) >= TOUCH_INTERVAL_MS) await apiTokens.touch(db, found.token.id, now.toISOString());
      return actorOf(found.user);
    },
  };
}
