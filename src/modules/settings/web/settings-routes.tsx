import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { RouteModule } from '../../../app.tsx';
import type { Actor } from '../../../kernel/actor.ts';
import { InvalidInput, type FieldErrors } from '../../../kernel/errors.ts';
import type { Services } from '../../../services.ts';
import { formFields, redirectWithNotice, requireActor, sendHtml } from '../../../web/http.ts';
import { registerMessages } from '../../../web/messages.ts';
import { formatIndexNumber, validateIndexPattern } from '../../catalogue/domain/index-number.ts';
import type { DisclosureOfficeContacts, Settings } from '../settings-service.ts';
import { OFFICE_FIELD_CHARS, saveSettings, SETTINGS_FIELD_CHARS, SETTINGS_MESSAGES, type SettingsInput } from './settings-changes.ts';
import { OFFICE_FIELDS, SETTINGS_PAGE, SettingsPage, settingsFormValues } from './settings-views.tsx';

registerMessages(SETTINGS_MESSAGES);

const NOTICES = new Set(['settings-saved', 'settings-unchanged']);

const field = (name: keyof typeof SETTINGS_FIELD_CHARS, description: string) => Type.String({ maxLength: SETTINGS_FIELD_CHARS[name], description });

const SettingsBody = Type.Object(
  {
    siteName: field('siteName', '网站名称（SiteName）'),
    siteDomain: field('siteDomain', '网站域名（SiteDomain），不含 http:// 和路径'),
    siteIdCode: field('siteIdCode', '网站标识码（SiteIDCode），10位数字'),
    indexNumberPattern: field('indexNumberPattern', '索引号编制规则：文字与占位符 {机构代码}、{YYYY}、{YYYYMM}、{serial:N}；只影响此后新编的索引号'),
    defaultPublicationLimitWorkingDays: Type.Integer({ description: '默认公开时限（工作日），1至60' }),
    foiDueSoonWorkingDays: Type.Optional(Type.Integer({ description: '依申请公开“即将到期”：剩余不超过此数的工作日时提醒，1至19；不提交则保持原值' })),
    disclosureOffice: Type.Optional(
      Type.Object(
        Object.fromEntries(OFFICE_FIELDS.map(([name, label]) => [name, Type.String({ maxLength: OFFICE_FIELD_CHARS[name], description: `${label}；空字符串表示不填` })])) as Record<keyof DisclosureOfficeContacts, ReturnType<typeof Type.String>>,
        { additionalProperties: false, description: '政府信息公开工作机构（《政府信息公开条例》第十二条，显示在信息公开指南中）；不提交则保持原值，提交时须包含全部字段' },
      ),
    ),
  },
  { additionalProperties: false },
);

const ErrorOut = Type.Object({ error: Type.Object({ code: Type.String(), message: Type.String() }, { additionalProperties: true }) });
const refusals = { 400: ErrorOut, 401: ErrorOut, 403: ErrorOut };

const settingsJson = (s: Settings) => ({
  siteName: s.siteName,
  siteDomain: s.siteDomain,
  siteIdCode: s.siteIdCode,
  indexNumberPattern: s.indexNumberPattern,
  defaultPublicationLimitWorkingDays: s.defaultPublicationLimitWorkingDays,
  disclosureOffice: s.disclosureOffice,
  foiDueSoonWorkingDays: s.foiDueSoonWorkingDays,
});

/** The form as typed; a working-day limit that is not a whole number reaches the check as NaN. */
function inputFromForm(f: Record<string, string>): SettingsInput {
  const whole = (text: string | undefined) => {
    const t = (text ?? '').trim();
    return t === '' ? null : /^\d{1,6}$/.test(t) ? Number(t) : Number.NaN;
  };
  return {
    siteName: f.siteName ?? '',
    siteDomain: f.siteDomain ?? '',
    siteIdCode: f.siteIdCode ?? '',
    indexNumberPattern: f.indexNumberPattern ?? '',
    defaultPublicationLimitWorkingDays: whole(f.defaultPublicationLimitWorkingDays),
    foiDueSoonWorkingDays: whole(f.foiDueSoonWorkingDays),
    disclosureOffice: Object.fromEntries(OFFICE_FIELDS.map(([name]) => [name, f[`disclosureOffice.${name}`] ?? ''])) as unknown as DisclosureOfficeContacts,
  };
}

/** 系统设置 (settings.manage): console page and GET/PUT /api/v1/settings. */
export function settingsRoutes(s: Services): RouteModule {
  return async (scope: FastifyInstance) => {
    settingsPages(scope, s);
    await settingsApi(scope, s);
  };
}

function settingsPages(app: FastifyInstance, s: Services): void {
  async function render(request: FastifyRequest, reply: FastifyReply, actor: Actor, state: { values?: Record<string, string>; errors?: FieldErrors; notice?: string | undefined }, status = 200) {
    const stored = await s.settings.get();
    const main = await s.identity.mainOrgan();
    const pattern = validateIndexPattern(stored.indexNumberPattern);
    const example = main && pattern.ok ? formatIndexNumber(pattern.value, { organCode: main.code, date: s.clock.today(), serial: 1 }) : undefined;
    const values = state.values ?? settingsFormValues(stored);
    const page = SettingsPage({ site: await s.site(), actor, csrfToken: request.csrfToken, values, errors: state.errors ?? {}, example: example?.ok ? example.value : undefined, organSiteIdCode: main?.siteIdCode ?? null, notice: state.notice });
    return sendHtml(reply, page, status);
  }

  app.get(SETTINGS_PAGE, { schema: { hide: true } }, async (request, reply) => {
    const actor = requireActor(request, 'settings.manage');
    const notice = (request.query as Record<string, unknown>).notice;
    return render(request, reply, actor, { notice: typeof notice === 'string' && NOTICES.has(notice) ? notice : undefined });
  });

  app.post(SETTINGS_PAGE, { schema: { hide: true } }, async (request, reply) => {
    const actor = requireActor(request, 'settings.manage');
    const values = formFields(request.body);
    try {
      const { changed } = await saveSettings(s.settings, actor, inputFromForm(values));
      return redirectWithNotice(reply, SETTINGS_PAGE, changed ? 'settings-saved' : 'settings-unchanged');
    } catch (error) {
      if (!(error instanceof InvalidInput)) throw error;
      return render(request, reply, actor, { values, errors: error.fields }, 400);
    }
  });
}

async function settingsApi(scope: FastifyInstance, s: Services): Promise<void> {
  const app = scope.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['settings'];
  // Refused before the body is validated, so callers without the permission learn nothing about the schema.
  const preValidation = async (request: FastifyRequest) => void requireActor(request, 'settings.manage');

  app.get('/api/v1/settings', { preValidation, schema: { tags, summary: '系统设置', response: { 200: SettingsBody, ...refusals } } }, async () => {
    return settingsJson(await s.settings.get());
  });

  app.put(
    '/api/v1/settings',
    { preValidation, schema: { tags, summary: '修改系统设置（须提交全部字段；只记录有变化的字段；已有索引号不变）', body: SettingsBody, response: { 200: SettingsBody, ...refusals } } },
    async (request) => settingsJson((await saveSettings(s.settings, requireActor(request), request.body)).settings),
  );
}
