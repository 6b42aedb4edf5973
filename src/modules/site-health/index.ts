/** 网站健康检查 against 国办秘函〔2019〕19号: the module's public surface; other modules import only from here. */

/** Column freshness limits by column type (动态要闻 2周, 通知公告/政策文件 6个月). */
export { COLUMN_TYPES, FRESHNESS_LIMITS, HOME_PAGE_LIMIT, isStale, windowStart, type ColumnType } from './domain/freshness.ts';
/** The check's rules: findings, verdicts and 单项否决. */
export { assessSite, INDICATORS, INDICATOR_KEYS, type Assessment, type Finding, type IndicatorKey, type IndicatorVerdict, type SiteFacts, type UnansweredComment } from './domain/site-assessment.ts';
/** Use cases: run now, the daily job, latest run, trend, monthly report; the comment-source extension point. */
export { SiteHealthService, SITE_HEALTH_JOB, type CommentSource, type RunReport, type SiteHealthDeps } from './site-health-service.ts';
/** The self-inspection indicator 栏目按期更新率. */
export { columnFreshnessIndicator } from './column-freshness-indicator.ts';
/** Console dashboard and /api/v1/site-health, and the Chinese messages of the module's codes. */
export { siteHealthRoutes } from './web/site-health-routes.tsx';
export { SITE_HEALTH_MESSAGES } from './web/site-health-messages.ts';
