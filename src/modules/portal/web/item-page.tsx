import { raw, type Html } from '../../../web/jsx/jsx-runtime.ts';
import type { CatalogueEntry } from '../../catalogue/domain/catalogue-entry.ts';
import type { PublicItem } from '../../catalogue/public-catalogue.ts';
import { Breadcrumbs, chineseDate, genreName, itemHref, topicName, topicPathLabel, validityLabel, type Names } from './portal-views.tsx';

export const attachmentHref = (itemId: string, attachmentId: string) => `${itemHref(itemId)}/files/${encodeURIComponent(attachmentId)}`;

/** How a link reads from this item's side: it revises/repeals an older one, or a newer one revised/repealed it. */
export function linkSentence(l: PublicItem['links'][number]): string {
  if (l.direction === 'incoming') return l.kind === 'repeals' ? '本文件已被以下文件废止：' : '本文件已被以下文件修订：';
  return l.kind === 'repeals' ? '本文件废止了：' : '本文件修订了：';
}

/**
 * 废止/失效 documents stay public (they are still the record of what applied) and say so above
 * the title, in words, with the date and the document that replaced them.
 */
function ValidityBanner({ item }: { item: PublicItem }): Html | null {
  if (item.validity === 'effective') return null;
  const endedOn = item.repealedOn ?? item.expiredOn;
  const successors = item.links.filter((l) => l.direction === 'incoming');
  return (
    <div class="validity-banner" role="note">
      <p>
        本文件已{validityLabel(item.validity)}
        {endedOn && `（${chineseDate(endedOn)}${validityLabel(item.validity)}）`}，仅供查阅参考。
      </p>
      {successors.map((l) => (
        <p>
          {l.kind === 'repeals' ? '废止文件：' : '修订后的文件：'}
          <a href={itemHref(l.id)}>{l.title}</a>
        </p>
      ))}
    </div>
  );
}

/** The detail page of a public item: the metadata header (REFERENCE.md §6.3), body, attachments and related documents. */
export function ItemPage({ item, names, entry }: { item: PublicItem; names: Names; entry: CatalogueEntry | undefined }): Html {
  const c = item.content;
  const topic = names.topics.find((t) => t.code === c.topicCode);
  const row = (label: string, value: Html | string | null | undefined, wide = false) => (
    <div class={wide ? 'wide' : undefined}>
      <dt>{label}</dt>
      <dd>{value || '—'}</dd>
    </div>
  );
  return (
    <article class="item">
      <Breadcrumbs trail={[{ href: '/xxgk', label: '政府信息公开' }, { href: '/xxgk/list', label: '法定主动公开内容' }, ...(topic ? [{ href: `/xxgk/topics/${encodeURIComponent(topic.parentCode ?? topic.code)}`, label: topicName(names, topic.parentCode ?? topic.code) }] : [])]} />
      <ValidityBanner item={item} />
      <dl class="meta-grid" aria-label="文件信息">
        {row('索引号', item.indexNumber)}
        {row('主题分类', topic ? <a href={`/xxgk/topics/${encodeURIComponent(topic.code)}`}>{topicPathLabel(names, topic.code)}</a> : c.topicCode)}
        {row('发布机构', `${c.organName}${c.jointIssuers.length > 0 ? `、${c.jointIssuers.join('、')}` : ''}`)}
        {row('成文日期', chineseDate(c.writtenOn))}
        {row('发文字号', c.documentNumber)}
        {row('发布日期', chineseDate(c.publishedOn))}
        {row('体裁', genreName(names, c.genreCode))}
        {row('有效性', validityLabel(item.validity))}
        {item.effectiveOn && row('生效日期', chineseDate(item.effectiveOn))}
        {entry && row('公开目录', <a href={`/xxgk/catalogue/${encodeURIComponent(entry.id)}`}>{`${entry.level1} › ${entry.level2}`}</a>)}
        {row('标题', c.title, true)}
      </dl>
      <h1>{c.title}</h1>
      {c.summary && (
        <p class="summary">
          <strong>内容概述：</strong>
          {c.summary}
        </p>
      )}
      <div class="body-text">{raw(c.bodyHtml)}</div>
      {c.attachments.length > 0 && (
        <section aria-labelledby="attachments-heading">
          <h2 id="attachments-heading">附件</h2>
          <ul>
            {c.attachments.map((a) => (
              <li>
                <a href={attachmentHref(item.id, a.id)}>{a.filename}</a> <span class="muted">（{Math.max(1, Math.ceil(a.sizeBytes / 1024))} KB）</span>
              </li>
            ))}
          </ul>
        </section>
      )}
      {item.links.length > 0 && (
        <section aria-labelledby="links-heading">
          <h2 id="links-heading">相关文件</h2>
          <ul>
            {item.links.map((l) => (
              <li>
                {linkSentence(l)}
                <a href={itemHref(l.id)}>{l.title}</a> <span class="muted">（索引号：{l.indexNumber}）</span>
              </li>
            ))}
          </ul>
        </section>
      )}
    </article>
  );
}
