import { Type } from '@sinclair/typebox';
import type { FastifyRequest } from 'fastify';
import { requireActor } from '../../../web/http.ts';
import type { Action } from '../domain/permissions.ts';

/** Refuses before the body is validated, so callers without the permission learn nothing about the schema. */
export const permit = (action?: Action) => async (request: FastifyRequest) => {
  requireActor(request, action);
};

/** The error body every /api/v1 refusal carries: a stable code, its Chinese message, and field codes for 400s. */
export const ErrorOut = Type.Object(
  {
    error: Type.Object(
      {
        code: Type.String({ description: '稳定的错误代码，如 forbidden、invalid-input' }),
        message: Type.String({ description: '中文说明' }),
        fields: Type.Optional(Type.Record(Type.String(), Type.Object({ code: Type.String(), message: Type.String() }), { description: '逐字段的错误代码与说明' })),
      },
      { additionalProperties: true },
    ),
  },
  { additionalProperties: true },
);

/** Response schemas for the refusals an endpoint can give, e.g. `refusals(400, 403, 409)`. */
export function refusals(...statuses: number[]): Record<number, typeof ErrorOut> {
  return Object.fromEntries(statuses.map((s) => [s, ErrorOut]));
}
