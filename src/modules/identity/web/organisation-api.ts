import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { NotFound } from '../../../kernel/errors.ts';
import { requireActor } from '../../../web/http.ts';
import { normaliseOrganCode } from '../domain/organ.ts';
import type { IdentityService } from '../identity-service.ts';
import { permit, refusals } from './api-support.ts';

/**
 * Longest text each organ field takes, shared by the API schema and the console form. Codes are given
 * room beyond their 18 characters so that the check-digit rules, not the schema, answer a wrong one.
 */
export const ORGAN_FIELD_CHARS = { name: 100, shortName: 50, code: 40, creditCode: 40, siteIdCode: 20, address: 200, phone: 50 } as const;
export const UNIT_NAME_CHARS = 50;
export const MAX_SORT_ORDER = 9999;

const Nullable = (description: string) => Type.Union([Type.String(), Type.Null()], { description });
const text = (field: keyof typeof ORGAN_FIELD_CHARS, description: string) => Type.String({ maxLength: ORGAN_FIELD_CHARS[field], description });

const OrganOut = Type.Object({
  id: Type.String(),
  code: Type.String({ description: '机构代码（用于索引号）' }),
  name: Type.String({ description: '名称' }),
  shortName: Type.String({ description: '简称' }),
  creditCode: Nullable('统一社会信用代码'),
  isMain: Type.Boolean({ description: '是否为本机关（主机关）' }),
  siteIdCode: Nullable('网站标识码'),
  address: Nullable('地址'),
  phone: Nullable('电话'),
  createdAt: Type.String({ format: 'date-time' }),
});

const UnitOut = Type.Object({ id: Type.String(), organId: Type.String(), name: Type.String({ description: '科室名称' }), sortOrder: Type.Integer(), createdAt: Type.String({ format: 'date-time' }) });

const CreateOrganBody = Type.Object(
  {
    name: text('name', '机关名称'),
    shortName: Type.Optional(text('shortName', '简称；缺省为名称')),
    code: Type.Optional(text('code', '机构代码：18位统一社会信用代码或9位组织机构代码（XXXXXXXX-X）；缺省为统一社会信用代码')),
    creditCode: Type.Optional(text('creditCode', '统一社会信用代码（18位，校验码须正确）')),
    isMain: Type.Optional(Type.Boolean({ description: '设为本机关；第一个机关自动成为本机关，本机关只能有一个' })),
    siteIdCode: Type.Optional(text('siteIdCode', '网站标识码（10位数字）')),
    address: Type.Optional(text('address', '地址')),
    phone: Type.Optional(text('phone', '电话')),
  },
  { additionalProperties: false },
);

const CreateUnitBody = Type.Object(
  {
    name: Type.String({ maxLength: UNIT_NAME_CHARS, description: '科室名称，在本机关内唯一' }),
    organCode: Type.Optional(Type.String({ maxLength: ORGAN_FIELD_CHARS.code, description: '所属机关的机构代码；缺省为本机关' })),
    sortOrder: Type.Optional(Type.Integer({ minimum: 0, maximum: MAX_SORT_ORDER, description: '排序号，小的在前' })),
  },
  { additionalProperties: false },
);

const OrganParams = Type.Object({ code: Type.String({ maxLength: ORGAN_FIELD_CHARS.code, description: '机构代码' }) });

const tags = ['organisation'];

/** /api/v1 机关 and 科室: anyone with user.read lists them; organisation.manage adds them. */
export async function organisationApi(scope: FastifyInstance, identity: IdentityService): Promise<void> {
  const app = scope.withTypeProvider<TypeBoxTypeProvider>();

  app.get(
    '/api/v1/organs',
    { preValidation: permit('user.read'), schema: { tags, summary: '机关列表（本机关在前）', response: { 200: Type.Object({ organs: Type.Array(OrganOut) }), ...refusals(401, 403) } } },
    async () => ({ organs: await identity.listOrgans() }),
  );

  app.post(
    '/api/v1/organs',
    { preValidation: permit('organisation.manage'), schema: { tags, summary: '新增机关', body: CreateOrganBody, response: { 201: Type.Object({ organ: OrganOut }), ...refusals(400, 401, 403, 409) } } },
    async (request, reply) => reply.status(201).send({ organ: await identity.createOrgan(requireActor(request), request.body) }),
  );

  app.get(
    '/api/v1/organs/:code/units',
    { preValidation: permit('user.read'), schema: { tags, summary: '某机关的科室', params: OrganParams, response: { 200: Type.Object({ units: Type.Array(UnitOut) }), ...refusals(401, 403, 404) } } },
    async (request) => {
      const code = normaliseOrganCode(request.params.code);
      const organ = (await identity.listOrgans()).find((o) => o.code === code);
      if (!organ) throw new NotFound('organ-not-found');
      return { units: await identity.listUnits(organ.id) };
    },
  );

  app.post(
    '/api/v1/units',
    { preValidation: permit('organisation.manage'), schema: { tags, summary: '新增科室', body: CreateUnitBody, response: { 201: Type.Object({ unit: UnitOut }), ...refusals(400, 401, 403, 409) } } },
    async (request, reply) => reply.status(201).send({ unit: await identity.createUnit(requireActor(request), request.body) }),
  );
}
