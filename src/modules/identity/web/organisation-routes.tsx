import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Actor } from '../../../kernel/actor.ts';
import type { FieldErrors } from '../../../kernel/errors.ts';
import { formFields, redirectWithNotice, requireActor, sendHtml } from '../../../web/http.ts';
import type { SiteInfo } from '../../../web/layout.tsx';
import { can } from '../domain/permissions.ts';
import type { IdentityService } from '../identity-service.ts';
import { EMPTY_FORM, fieldErrorsOf, renamedFields, statusOf, type FormState } from './form-state.ts';
import { MAX_SORT_ORDER, ORGAN_FIELD_CHARS } from './organisation-api.ts';
import { ORGANISATION_PAGE, OrganisationPage } from './organisation-views.tsx';

const NOTICES = new Set(['organ-created', 'unit-created']);

/** Form fields longer than the API schema allows (the console must not store what the API refuses). */
function overlongFields(values: Record<string, string>): FieldErrors {
  const errors: FieldErrors = {};
  for (const [field, limit] of Object.entries(ORGAN_FIELD_CHARS)) if ([...(values[field] ?? '')].length > limit) errors[field] = 'too-long';
  return errors;
}

/** The 排序号 as typed: blank means the default, anything but a whole number in range is refused. */
function parseSortOrder(text: string | undefined): number | undefined | 'invalid' {
  if (!text?.trim()) return undefined;
  const n = Number(text.trim());
  return /^\d+$/.test(text.trim()) && n <= MAX_SORT_ORDER ? n : 'invalid';
}

/** 机关与科室 console page: read with user.read, add with organisation.manage. */
export function organisationPages(app: FastifyInstance, deps: { identity: IdentityService; site: () => Promise<SiteInfo> | SiteInfo }): void {
  const { identity } = deps;

  async function render(request: FastifyRequest, reply: FastifyReply, actor: Actor, state: { organForm?: FormState; unitForm?: FormState; notice?: string | undefined }, status = 200) {
    const organs = await Promise.all((await identity.listOrgans()).map(async (organ) => ({ organ, units: await identity.listUnits(organ.id) })));
    const manage = can(actor.role, 'organisation.manage') ? { organForm: state.organForm ?? EMPTY_FORM, unitForm: state.unitForm ?? EMPTY_FORM } : undefined;
    return sendHtml(reply, OrganisationPage({ site: await deps.site(), actor, csrfToken: request.csrfToken, organs, manage, notice: state.notice }), status);
  }

  app.get(ORGANISATION_PAGE, { schema: { hide: true } }, async (request, reply) => {
    const actor = requireActor(request, 'user.read');
    const notice = (request.query as Record<string, unknown>).notice;
    return render(request, reply, actor, { notice: typeof notice === 'string' && NOTICES.has(notice) ? notice : undefined });
  });

  app.post(`${ORGANISATION_PAGE}/organs`, { schema: { hide: true } }, async (request, reply) => {
    const actor = requireActor(request, 'organisation.manage');
    const values = formFields(request.body);
    const overlong = overlongFields(values);
    if (Object.keys(overlong).length > 0) return render(request, reply, actor, { organForm: { values, errors: overlong } }, 400);
    try {
      await identity.createOrgan(actor, { name: values.name ?? '', shortName: values.shortName, code: values.code, creditCode: values.creditCode, siteIdCode: values.siteIdCode, address: values.address, phone: values.phone });
      return redirectWithNotice(reply, ORGANISATION_PAGE, 'organ-created');
    } catch (error) {
      return render(request, reply, actor, { organForm: { values, errors: fieldErrorsOf(error, { 'organ-code-taken': 'code' }) } }, statusOf(error));
    }
  });

  app.post(`${ORGANISATION_PAGE}/units`, { schema: { hide: true } }, async (request, reply) => {
    const actor = requireActor(request, 'organisation.manage');
    const values = formFields(request.body);
    const sortOrder = parseSortOrder(values.sortOrder);
    if (sortOrder === 'invalid') return render(request, reply, actor, { unitForm: { values, errors: { sortOrder: 'invalid-sort-order' } } }, 400);
    try {
      await identity.createUnit(actor, { name: values.unitName ?? '', organCode: values.organCode, sortOrder });
      return redirectWithNotice(reply, ORGANISATION_PAGE, 'unit-created');
    } catch (error) {
      const errors = renamedFields(fieldErrorsOf(error, { 'unit-name-taken': 'name' }), { name: 'unitName' });
      return render(request, reply, actor, { unitForm: { values, errors } }, statusOf(error));
    }
  });
}
