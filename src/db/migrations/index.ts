import type { Kysely } from 'kysely';
import type { Dialect } from '../database.ts';
import * as base from './202611290001-kernel-base.ts';
import * as identity from './202611290002-identity.ts';
import * as audit from './202611290003-audit.ts';
import * as catalogue from './202611290004-catalogue.ts';
import * as publicItems from './202611290005-portal-public-items.ts';
import * as searchIndex from './202611290006-search-index.ts';
import * as foiRequests from './202611290007-foi-requests.ts';
import * as annualReport from './202611290008-annual-report.ts';
import * as contentGate from './202612040001-content-gate.ts';
import * as annualReportCorrections from './202612040004-annual-report-corrections.ts';
import * as siteHealth from './202612040002-site-health.ts';
import * as foiReminders from './202612040003-foi-reminders.ts';
import * as searchOrder from './202612040005-search-order.ts';
import * as searchTitleKeys from './202612040006-search-title-keys.ts';
import * as searchFacets from './202612050001-search-facets.ts';
import * as itemsRetractedIndex from './202612050002-items-retracted-index.ts';
import * as counterNotify from './202612050003-counter-notify.ts';
import * as searchTitles from './202612050004-search-titles.ts';
import * as toastLz4 from './202612050005-toast-lz4.ts';

export interface Migration {
  up(db: Kysely<any>, dialect: Dialect): Promise<void>;
}

/** Every migration in order. Landed migrations are immutable (STYLE.md §7). */
export const migrations: ReadonlyArray<readonly [string, Migration]> = [
  ['202611290001-kernel-base', base],
  ['202611290002-identity', identity],
  ['202611290003-audit', audit],
  ['202611290004-catalogue', catalogue],
  ['202611290005-portal-public-items', publicItems],
  ['202611290006-search-index', searchIndex],
  ['202611290007-foi-requests', foiRequests],
  ['202611290008-annual-report', annualReport],
  ['202612040001-content-gate', contentGate],
  ['202612040002-site-health', siteHealth],
  ['202612040003-foi-reminders', foiReminders],
  ['202612040004-annual-report-corrections', annualReportCorrections],
  ['202612040005-search-order', searchOrder],
  ['202612040006-search-title-keys', searchTitleKeys],
  ['202612050001-search-facets', searchFacets],
  ['202612050002-items-retracted-index', itemsRetractedIndex],
  ['202612050003-counter-notify', counterNotify],
  ['202612050004-search-titles', searchTitles],
  ['202612050005-toast-lz4', toastLz4],
];
