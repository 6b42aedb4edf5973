import type { Html } from '../../../web/jsx/jsx-runtime.ts';
import { PortalLayout, type SiteInfo } from '../../../web/layout.tsx';
import type { CatalogueEntry } from '../../catalogue/domain/catalogue-entry.ts';
import type { Organ } from '../../identity/index.ts';
import type { DisclosureOfficeContacts, Settings } from '../../settings/settings-service.ts';
import { describeIndexPattern } from '../domain/standard-columns.ts';
import type { ListedItem } from '../public-listing.ts';
import { Breadcrumbs, ItemList, type Names } from './portal-views.tsx';

/**
 * The 政府信息公开工作机构 of one organ with what is known of the contact details 条例 Art. 12
 * requires (名称、办公地址、办公时间、联系电话、传真号码、互联网联系方式). Address and phone come
 * from the organ record unless the installation setting `disclosureOffice` (系统设置, main organ
 * only) gives the office's own; the rest from that setting. Unknown details are left out rather than invented.
 */
export interface DisclosureOffice {
  organName: string;
  name?: string | undefined;
  address?: string | undefined;
  officeHours?: string | undefined;
  phone?: string | undefined;
  fax?: string | undefined;
  email?: string | undefined;
  website?: string | undefined;
}

const text = (v: unknown) => (typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined);

/** The offices of the organs on this site, the main organ first. */
export function disclosureOffices(settings: Settings, organs: readonly Organ[]): DisclosureOffice[] {
  return [...organs]
    .sort((a, b) => Number(b.isMain) - Number(a.isMain))
    .map((o) => {
      const own: Partial<DisclosureOfficeContacts> = o.isMain ? settings.disclosureOffice : {};
      return {
        organName: o.name,
        name: text(own.name),
        address: text(own.address) ?? text(o.address),
        officeHours: text(own.officeHours),
        phone: text(own.phone) ?? text(o.phone),
        fax: text(own.fax),
        email: text(own.email),
        website: text(own.website),
      };
    });
}

export function OfficeContacts({ offices }: { offices: readonly DisclosureOffice[] }): Html {
  return (
    <>
      {offices.map((o) => {
        const rows: [string, string | undefined][] = [
          ['工作机构名称', o.name],
          ['办公地址', o.address],
          ['办公时间', o.officeHours],
          ['联系电话', o.phone],
          ['传真号码', o.fax],
          ['电子邮箱', o.email],
          ['互联网联系方式', o.website],
        ];
        const known = rows.filter(([, v]) => v);
        return (
          <section class="office">
            <h3>{o.organName}</h3>
            {known.length === 0 ? (
              <p class="muted">联系方式尚未在本网站登记。</p>
            ) : (
              <dl class="kv">
                {known.map(([k, v]) => (
                  <>
                    <dt>{k}</dt>
                    <dd>{k === '电子邮箱' ? <a href={`mailto:${v}`}>{v}</a> : v}</dd>
                  </>
                ))}
              </dl>
            )}
          </section>
        );
      })}
    </>
  );
}

/** 信息公开指南 generated from the data (条例 Art. 12): 分类、编排体系、获取方式、工作机构. */
export function GuidePage(props: {
  site: SiteInfo;
  names: Names;
  settings: Settings;
  organs: readonly Organ[];
  entries: readonly CatalogueEntry[];
  entryCounts: Map<string, number>;
  rootCounts: Map<string, number>;
  guideItems: readonly ListedItem[];
}): Html {
  const { site, names } = props;
  const level1 = [...new Set(props.entries.map((e) => e.level1))];
  const roots = names.topics.filter((t) => t.parentCode === null && (props.rootCounts.get(t.code) ?? 0) > 0);
  return (
    <PortalLayout site={site} title="信息公开指南" current="/xxgk/guide" meta={{ columnName: '信息公开指南', columnType: '信息公开', columnDescription: '政府信息的分类、编排体系、获取方式和政府信息公开工作机构的联系方式' }}>
      <Breadcrumbs trail={[{ href: '/xxgk', label: '政府信息公开' }, { label: '信息公开指南' }]} />
      <h1>{site.organName}政府信息公开指南</h1>
      <p>为便于公民、法人和其他组织获取政府信息，根据《中华人民共和国政府信息公开条例》第十二条，编制本指南。本页内容根据本网站登记的机构信息和政府信息目录自动生成，随信息更新。</p>
      <h2>一、政府信息的分类</h2>
      <p>
        {props.entries.length > 0 ? (
          <>
            主动公开的政府信息按<a href="/xxgk#catalogue">主动公开基本目录</a>分为 {level1.length} 类、{props.entries.length} 个事项（{level1.join('、')}），
          </>
        ) : (
          '主动公开的政府信息'
        )}
        按<a href="/xxgk#topics">主题分类</a>编排{roots.length > 0 && `，现有信息涉及${roots.map((t) => t.name).join('、')}等 ${roots.length} 个一级分类`}。
      </p>
      <p>按体裁分为{names.genres.map((g) => g.name).join('、')}等。规章和行政规范性文件标注有效性（有效、失效、废止），失效、废止的文件继续公开以供查阅。</p>
      <h2>二、编排体系</h2>
      <p>每条政府信息设有索引号、名称（标题）、内容概述、生成日期（成文日期），并标注发布机构、发文字号、主题分类、发布日期和有效性。</p>
      <p>索引号的编制规则为“{describeIndexPattern(props.settings.indexNumberPattern)}”，一经发布不再改变。信息按发布日期由新到旧排列。</p>
      <h2>三、获取方式</h2>
      <h3>（一）主动公开</h3>
      <ul>
        <li>本网站“<a href="/xxgk/list">法定主动公开内容</a>”栏目，可按主题分类、体裁、发布机构、年份、有效性筛选；</li>
        <li>订阅源：<a href="/feed.xml">最新公开信息（Atom）</a>，各主题分类和栏目另有订阅源；</li>
        <li>开放数据接口：<a href="/api/v1/public/items">/api/v1/public/items</a>（JSON，说明见<a href="/api/openapi.json">接口文档</a>）。</li>
      </ul>
      <h3>（二）依申请公开</h3>
      <p>
        需要获取主动公开以外的政府信息的，可以向政府信息公开工作机构提出申请，详见<a href="/ysqgk">依申请公开</a>。
      </p>
      <h2>四、政府信息公开工作机构</h2>
      <OfficeContacts offices={disclosureOffices(props.settings, props.organs)} />
      {props.guideItems.length > 0 && (
        <>
          <h2>五、本机关发布的政府信息公开指南</h2>
          <ItemList items={props.guideItems} />
        </>
      )}
    </PortalLayout>
  );
}
