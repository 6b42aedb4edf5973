import type { FastifyInstance } from 'fastify';
import { buildApp } from './app.tsx';
import { ANNUAL_REPORT_MESSAGES, annualReportRoutes } from './modules/annual-report/index.ts';
import { auditRoutes } from './modules/audit/web/audit-routes.tsx';
import { calendarRoutes } from './modules/calendar/web/calendar-routes.tsx';
import { CATALOGUE_ENTRY_MESSAGES } from './modules/catalogue/domain/catalogue-entry.ts';
import { CATALOGUE_MESSAGES } from './modules/catalogue/domain/catalogue-messages.ts';
import { catalogueEntryRoutes } from './modules/catalogue/web/catalogue-entry-routes.tsx';
import { catalogueConsoleRoutes } from './modules/catalogue/web/console-routes.tsx';
import { itemApiRoutes } from './modules/catalogue/web/item-api-routes.ts';
import { WORKDAYS_CLI_MESSAGES } from './modules/calendar/index.ts';
import { FOI_MESSAGES, foiApiRoutes, foiConsoleRoutes, foiPublicRoutes } from './modules/foi-requests/index.ts';
import { IDENTITY_MESSAGES, identityRoutes } from './modules/identity/index.ts';
import type { PortalOptions } from './modules/portal/index.ts';
import { publicPortal } from './modules/portal/web/portal-routes.tsx';
import { searchRoutes } from './modules/search/web/search-routes.tsx';
import { settingsRoutes } from './modules/settings/web/settings-routes.tsx';
import { contentCheckRoutes } from './modules/content-checks/web/content-check-routes.ts';
import { SITE_HEALTH_MESSAGES, siteHealthRoutes } from './modules/site-health/index.ts';
import type { Services } from './services.ts';
import { consoleHomeRoutes } from './web/console-home.tsx';
import { registerMessages } from './web/messages.ts';

registerMessages({ ...CATALOGUE_MESSAGES, ...CATALOGUE_ENTRY_MESSAGES, ...IDENTITY_MESSAGES, ...WORKDAYS_CLI_MESSAGES, ...ANNUAL_REPORT_MESSAGES, ...FOI_MESSAGES, ...SITE_HEALTH_MESSAGES, ...EXTRA_MESSAGES() });

function EXTRA_MESSAGES(): Record<string, string> {
  return {
    'item-not-found': '该政府信息不存在。',
    'item-not-editable': '只有草稿可以编辑；已发布的信息请先点击“修订”。',
    'attachment-not-found': '附件不存在。',
    'attachment-empty': '请选择要上传的文件，文件不能为空。',
    'attachment-too-large': '附件不能超过20MB。',
    'attachment-type-not-allowed': '只能上传 PDF、DOCX、XLSX、OFD 文件或图片（按文件内容识别，而非扩展名）。',
    'catalogue-entry-not-found': '主动公开基本目录事项不存在。',
    'unknown-catalogue-entry': '所选主动公开基本目录事项不存在。',
    'unknown-organ': '发布机构不存在。',
    'unknown-index-number': '没有找到该索引号对应的文件。',
    'disclosure-fixed-after-publication': '已发布信息的公开属性不能更改；如不应公开，请撤回。',
    'not-own-unit': '科室编辑只能处理本科室的信息。',
    'topic-ambiguous': '该主题分类名称对应多个分类，请使用“一级分类/二级分类”的写法。',
    'index-pattern-invalid': '索引号编制规则配置有误，请联系系统管理员。',
  };
}

/** The whole HTTP application on a set of services. */
export function buildGongkaiApp(s: Services, options: { secureCookies?: boolean; logger?: boolean; trustProxy?: string | false; portal?: PortalOptions } = {}): Promise<FastifyInstance> {
  const site = () => s.site();
  const portal = publicPortal(s, options.portal);
  return buildApp({
    fastPath: portal.fastPath,
    // 工作日 deadlines, 告知书 dates and timeliness are computed on the calendar, and due-soon on a setting: as stored now.
    beforeRequest: () => s.refresh(),
    auth: s.identity,
    secureCookies: options.secureCookies ?? false,
    logger: options.logger ?? false,
    trustProxy: options.trustProxy ?? false,
    routes: [
      portal.routes,
      searchRoutes(s, portal.surface),
      identityRoutes({ identity: s.identity, site, secureCookies: options.secureCookies ?? false }),
      consoleHomeRoutes(s),
      catalogueConsoleRoutes(s),
      catalogueEntryRoutes(s),
      itemApiRoutes(s),
      auditRoutes(s),
      calendarRoutes(s),
      settingsRoutes(s),
      contentCheckRoutes(),
      annualReportRoutes(s),
      foiPublicRoutes(s),
      foiConsoleRoutes(s),
      foiApiRoutes(s),
      siteHealthRoutes(s),
    ],
  });
}
