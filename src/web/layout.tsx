import type { Actor } from '../kernel/actor.ts';
import { ROLE_LABELS } from '../kernel/actor.ts';
import { can } from '../modules/identity/domain/permissions.ts';
import type { Child, Html } from './jsx/jsx-runtime.ts';
import { raw } from './jsx/jsx-runtime.ts';

/** Site identity shown on every page and in the government-site meta tags (国办发〔2017〕47号). */
export interface SiteInfo {
  siteName: string;
  siteDomain: string;
  siteIdCode: string;
  organName: string;
  address: string;
  phone: string;
}

export interface PageMeta {
  columnName?: string;
  columnType?: string;
  articleTitle?: string;
  pubDate?: string;
  contentSource?: string;
  description?: string;
  /** ColumnDescription / ColumnKeywords of the column the page belongs to. */
  columnDescription?: string;
  columnKeywords?: string;
  /** The page's own Atom feed, offered besides the site-wide one. */
  feed?: { href: string; title: string };
}

const DOCTYPE = raw('<!DOCTYPE html>');

function MetaTags({ site, meta }: { site: SiteInfo; meta: PageMeta }): Html {
  return (
    <>
      <meta name="SiteName" content={site.siteName} />
      <meta name="SiteDomain" content={site.siteDomain} />
      <meta name="SiteIDCode" content={site.siteIdCode} />
      {meta.columnName && <meta name="ColumnName" content={meta.columnName} />}
      {meta.columnDescription && <meta name="ColumnDescription" content={meta.columnDescription} />}
      {meta.columnKeywords && <meta name="ColumnKeywords" content={meta.columnKeywords} />}
      {meta.columnType && <meta name="ColumnType" content={meta.columnType} />}
      {meta.articleTitle && <meta name="ArticleTitle" content={meta.articleTitle} />}
      {meta.pubDate && <meta name="PubDate" content={meta.pubDate} />}
      {meta.contentSource && <meta name="ContentSource" content={meta.contentSource} />}
      {meta.description && <meta name="description" content={meta.description} />}
    </>
  );
}

export const PORTAL_NAV = [
  { href: '/', label: '首页' },
  { href: '/xxgk', label: '政府信息公开' },
  { href: '/xxgk/guide', label: '信息公开指南' },
  { href: '/xxgk/rules', label: '信息公开制度' },
  { href: '/xxgk/list', label: '法定主动公开内容' },
  { href: '/xxgk/annual-reports', label: '信息公开年报' },
  { href: '/ysqgk', label: '依申请公开' },
  { href: '/search', label: '搜索' },
];

/** The public 信息公开专栏 frame. */
export function PortalLayout(props: { site: SiteInfo; title: string; meta?: PageMeta; current?: string; children?: Child }): Html {
  const { site, title, meta = {}, current } = props;
  return (
    <>
      {DOCTYPE}
      <html lang="zh-CN">
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <title>{`${title} - ${site.siteName}`}</title>
          <MetaTags site={site} meta={meta} />
          <link rel="stylesheet" href="/assets/site.css" />
          <link rel="alternate" type="application/atom+xml" title="最新公开信息" href="/feed.xml" />
          {meta.feed && <link rel="alternate" type="application/atom+xml" title={meta.feed.title} href={meta.feed.href} />}
        </head>
        <body>
          <a class="skip" href="#content">跳到正文</a>
          <header class="site">
            <div class="wrap">
              <a class="brand" href="/">{site.siteName}</a>
              <nav class="main" aria-label="网站导航">
                <ul>
                  {PORTAL_NAV.map((n) => (
                    <li>
                      <a href={n.href} aria-current={current === n.href ? 'page' : undefined}>
                        {n.label}
                      </a>
                    </li>
                  ))}
                </ul>
              </nav>
            </div>
          </header>
          <main id="content" class="wrap">
            {props.children}
          </main>
          <footer class="site">
            <div class="wrap">
              <p>
                主办单位：{site.organName}　地址：{site.address}　电话：{site.phone}
              </p>
              <p>网站标识码：{site.siteIdCode}</p>
            </div>
          </footer>
        </body>
      </html>
    </>
  );
}

export interface ConsoleNavItem {
  href: string;
  label: string;
}

export const CONSOLE_NAV: (ConsoleNavItem & { show?: (a: Actor) => boolean })[] = [
  { href: '/console', label: '工作台' },
  { href: '/console/items', label: '政府信息目录' },
  { href: '/console/catalogue', label: '主动公开基本目录' },
  { href: '/console/foi', label: '依申请公开', show: (a) => can(a.role, 'foi.read') },
  { href: '/console/annual-reports', label: '年度报告', show: (a) => can(a.role, 'report.read') },
  { href: '/console/self-inspection', label: '政务公开自查', show: (a) => can(a.role, 'report.read') },
  { href: '/console/site-health', label: '网站健康检查', show: (a) => can(a.role, 'site-health.read') },
  { href: '/console/calendar', label: '工作日历' },
  { href: '/console/audit', label: '审计日志', show: (a) => ['admin', 'leader', 'auditor'].includes(a.role) },
  { href: '/console/users', label: '用户与令牌' },
  { href: '/console/organisation', label: '机关与科室', show: (a) => can(a.role, 'user.read') },
  { href: '/console/settings', label: '系统设置', show: (a) => can(a.role, 'settings.manage') },
];

/** The staff console frame. */
export function ConsoleLayout(props: {
  site: SiteInfo;
  title: string;
  actor: Actor;
  csrfToken: string;
  current?: string;
  notice?: { kind?: 'ok' | 'error' | 'warn'; text: string } | undefined;
  children?: Child;
}): Html {
  const { site, actor } = props;
  return (
    <>
      {DOCTYPE}
      <html lang="zh-CN">
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <meta name="robots" content="noindex" />
          <title>{`${props.title} - 政务公开管理后台`}</title>
          <link rel="stylesheet" href="/assets/site.css" />
        </head>
        <body>
          <a class="skip" href="#content">跳到正文</a>
          <header class="site">
            <div class="wrap">
              <a class="brand" href="/console">{site.organName} 政务公开管理后台</a>
              <div>
                <span>
                  {actor.displayName}（{ROLE_LABELS[actor.role]}）
                </span>{' '}
                <form method="post" action="/logout" style="display:inline">
                  <input type="hidden" name="_csrf" value={props.csrfToken} />
                  <button type="submit" class="secondary">退出</button>
                </form>
              </div>
            </div>
          </header>
          <div class="wrap console">
            <nav class="side" aria-label="后台导航">
              <ul>
                {CONSOLE_NAV.filter((n) => !n.show || n.show(actor)).map((n) => (
                  <li>
                    <a href={n.href} aria-current={props.current === n.href ? 'page' : undefined}>
                      {n.label}
                    </a>
                  </li>
                ))}
                <li>
                  <a href="/">查看门户网站</a>
                </li>
              </ul>
            </nav>
            <main id="content">
              {props.notice && (
                <p class={`notice ${props.notice.kind ?? 'ok'}`} role="status">
                  {props.notice.text}
                </p>
              )}
              <h1>{props.title}</h1>
              {props.children}
            </main>
          </div>
        </body>
      </html>
    </>
  );
}

/** A bare page for sign-in and errors. */
export function PlainLayout(props: { title: string; children?: Child }): Html {
  return (
    <>
      {DOCTYPE}
      <html lang="zh-CN">
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <title>{props.title}</title>
          <link rel="stylesheet" href="/assets/site.css" />
        </head>
        <body>
          <main id="content" class="wrap" style="max-width:32rem">
            <h1>{props.title}</h1>
            {props.children}
          </main>
        </body>
      </html>
    </>
  );
}
