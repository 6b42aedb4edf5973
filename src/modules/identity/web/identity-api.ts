import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { ROLES, type Actor } from '../../../kernel/actor.ts';
import { requireActor } from '../../../web/http.ts';
import type { ApiToken } from '../domain/api-token.ts';
import type { IdentityService } from '../identity-service.ts';
import { permit, refusals } from './api-support.ts';

const Role = Type.Union(ROLES.map((r) => Type.Literal(r)));

const Me = Type.Object({
  id: Type.String(),
  username: Type.String(),
  displayName: Type.String(),
  role: Role,
  organId: Type.String(),
  unitId: Type.Union([Type.String(), Type.Null()]),
});

const UserOut = Type.Object({
  id: Type.String(),
  username: Type.String(),
  displayName: Type.String(),
  role: Role,
  organId: Type.String(),
  unitId: Type.Union([Type.String(), Type.Null()]),
  isDisabled: Type.Boolean(),
  createdAt: Type.String({ format: 'date-time' }),
});

const UserListingOut = Type.Intersect([UserOut, Type.Object({ organName: Type.String(), unitName: Type.Union([Type.String(), Type.Null()]) })]);

const CreateUserBody = Type.Object(
  {
    username: Type.String({ maxLength: 32, description: '3至32位小写字母、数字或“._-”' }),
    displayName: Type.String({ maxLength: 50 }),
    role: Role,
    password: Type.String({ maxLength: 200, description: '至少10个字符，不能全为数字，不能与用户名相同' }),
    organCode: Type.Optional(Type.String({ maxLength: 18, description: '机构代码；缺省为本机关' })),
    unitName: Type.Optional(Type.String({ maxLength: 50, description: '科室名称' })),
  },
  { additionalProperties: false },
);

const CreateTokenBody = Type.Object({ name: Type.String({ maxLength: 50, description: '令牌用途，如“年报导出脚本”' }) }, { additionalProperties: false });

const TokenOut = Type.Object({
  id: Type.String(),
  name: Type.String(),
  createdAt: Type.String({ format: 'date-time' }),
  lastUsedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  revokedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
});

const CreatedTokenOut = Type.Intersect([TokenOut, Type.Object({ token: Type.String({ description: '令牌明文，只返回这一次' }) })]);

const TokenParams = Type.Object({ id: Type.String({ maxLength: 64 }) });

const UsernameParams = Type.Object({ username: Type.String({ maxLength: 64, description: '用户名' }) });

/** Generous, so that the password policy (not the schema) answers with `password-too-long`; bounded, so hashing cost is. */
const PASSWORD_FIELD_CHARS = 1024;

const NewPassword = Type.String({ maxLength: PASSWORD_FIELD_CHARS, description: '新密码：至少10个字符，不能全为数字，不能与用户名相同' });

const ResetPasswordBody = Type.Object(
  { password: NewPassword, currentPassword: Type.Optional(Type.String({ maxLength: PASSWORD_FIELD_CHARS, description: '仅当重置的是本人密码时必填（当前密码）' })) },
  { additionalProperties: false },
);

const ChangeOwnPasswordBody = Type.Object({ currentPassword: Type.String({ maxLength: PASSWORD_FIELD_CHARS, description: '当前密码' }), password: NewPassword }, { additionalProperties: false });

const tags = ['identity'];

const tokenOut = (t: ApiToken) => ({ id: t.id, name: t.name, createdAt: t.createdAt, lastUsedAt: t.lastUsedAt, revokedAt: t.revokedAt });

const actorOf = (request: FastifyRequest): Actor => requireActor(request);

/** /api/v1 identity endpoints, authenticated by bearer token; described in /api/openapi.json. */
export async function identityApi(scope: FastifyInstance, identity: IdentityService): Promise<void> {
  const app = scope.withTypeProvider<TypeBoxTypeProvider>();

  app.get('/api/v1/me', { schema: { tags, summary: '当前令牌所属的用户', response: { 200: Me } } }, async (request) => actorOf(request));

  app.get(
    '/api/v1/users',
    { preValidation: permit('user.read'), schema: { tags, summary: '用户列表', response: { 200: Type.Object({ users: Type.Array(UserListingOut) }) } } },
    async (request) => ({ users: await identity.listUsers(actorOf(request)) }),
  );

  app.post(
    '/api/v1/users',
    { preValidation: permit('user.manage'), schema: { tags, summary: '新建用户', body: CreateUserBody, response: { 201: Type.Object({ user: UserOut }) } } },
    async (request, reply) => {
      const user = await identity.createUser(actorOf(request), request.body);
      return reply.status(201).send({ user });
    },
  );

  app.post(
    '/api/v1/users/:username/disable',
    { preValidation: permit('user.manage'), schema: { tags, summary: '停用用户（其会话全部结束，令牌停止生效）', params: UsernameParams, response: { 200: Type.Object({ user: UserOut }), ...refusals(403, 404, 409) } } },
    async (request) => ({ user: await identity.disableUser(actorOf(request), request.params.username) }),
  );

  app.post(
    '/api/v1/users/:username/enable',
    { preValidation: permit('user.manage'), schema: { tags, summary: '重新启用用户（未吊销的令牌恢复生效）', params: UsernameParams, response: { 200: Type.Object({ user: UserOut }), ...refusals(403, 404) } } },
    async (request) => ({ user: await identity.enableUser(actorOf(request), request.params.username) }),
  );

  app.put(
    '/api/v1/users/:username/password',
    { preValidation: permit('user.manage'), schema: { tags, summary: '重置用户密码（该用户的所有会话结束）', params: UsernameParams, body: ResetPasswordBody, response: { 204: Type.Null(), ...refusals(400, 403, 404) } } },
    async (request, reply) => {
      await identity.setPassword(actorOf(request), { username: request.params.username, ...request.body });
      return reply.status(204).send(null);
    },
  );

  app.put(
    '/api/v1/me/password',
    { preValidation: permit(), schema: { tags, summary: '修改本人密码（须提供当前密码；所有后台会话结束，令牌不受影响）', body: ChangeOwnPasswordBody, response: { 204: Type.Null(), ...refusals(400, 401) } } },
    async (request, reply) => {
      const actor = actorOf(request);
      await identity.setPassword(actor, { username: actor.username, ...request.body });
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/v1/tokens',
    { preValidation: permit('token.manage-own'), schema: { tags, summary: '为自己创建令牌（明文只返回一次）', body: CreateTokenBody, response: { 201: CreatedTokenOut } } },
    async (request, reply) => {
      const actor = actorOf(request);
      const created = await identity.createApiToken(actor, actor.username, request.body.name);
      return reply.status(201).send({ ...tokenOut(created.token), token: created.secret });
    },
  );

  app.delete(
    '/api/v1/tokens/:id',
    { preValidation: permit('token.manage-own'), schema: { tags, summary: '吊销令牌', params: TokenParams, response: { 204: Type.Null() } } },
    async (request, reply) => {
      await identity.revokeApiToken(actorOf(request), request.params.id);
      return reply.status(204).send(null);
    },
  );
}
