import type { FastifyInstance } from 'fastify';
import type { RouteModule } from '../../../app.tsx';
import { DomainError } from '../../../kernel/errors.ts';
import { formatChineseDate } from '../../../kernel/local-date.ts';
import type { Services } from '../../../services.ts';
import { sendHtml } from '../../../web/http.ts';
import { raw, type Html } from '../../../web/jsx/jsx-runtime.ts';
import { PortalLayout } from '../../../web/layout.tsx';
import { VALIDITY_LABELS } from '../../catalogue/domain/validity.ts';
import type { PublicItem } from '../../catalogue/public-catalogue.ts';

function ItemPage({ item, topicLabel, genreName }: { item: PublicItem; topicLabel: string; genreName: string }): Html {
  const c = item.content;
  const ended = item.validity !== 'effective';
  return (
    <article>
      <nav aria-label="当前位置" class="muted">
        <a href="/">首页</a> › <a href="/xxgk">政府信息公开</a> › <a href="/xxgk/list">法定主动公开内容</a>
      </nav>
      <table class="meta-table">
        <tbody>
          <tr><th scope="row">索引号</th><td>{item.indexNumber}</td><th scope="row">主题分类</th><td>{topicLabel}</td></tr>
          <tr><th scope="row">发布机构</th><td>{c.organName}{c.jointIssuers.length > 0 && `、${c.jointIssuers.join('、')}`}</td><th scope="row">成文日期</th><td>{formatChineseDate(c.writtenOn)}</td></tr>
          <tr><th scope="row">发文字号</th><td>{c.documentNumber ?? ''}</td><th scope="row">发布日期</th><td>{formatChineseDate(c.publishedOn)}</td></tr>
          <tr><th scope="row">标题</th><td colspan="3">{c.title}</td></tr>
          <tr><th scope="row">体裁</th><td>{genreName}</td><th scope="row">有效性</th><td>{VALIDITY_LABELS[item.validity]}</td></tr>
        </tbody>
      </table>
      {ended && (
        <p class="validity-banner" role="note">
          本文件已{VALIDITY_LABELS[item.validity]}
          {item.repealedOn && `（${formatChineseDate(item.repealedOn)}废止）`}
          {item.expiredOn && `（${formatChineseDate(item.expiredOn)}失效）`}，仅供查阅参考。
        </p>
      )}
      <h1>{c.title}</h1>
      <div class="body-text">{raw(c.bodyHtml)}</div>
      {c.attachments.length > 0 && (
        <section>
          <h2>附件</h2>
          <ul>
            {c.attachments.map((a) => (
              <li><a href={`/xxgk/content/${item.id}/files/${a.id}`}>{a.filename}</a> <span class="muted">（{Math.ceil(a.sizeBytes / 1024)} KB）</span></li>
            ))}
          </ul>
        </section>
      )}
      {item.links.length > 0 && (
        <section>
          <h2>相关文件</h2>
          <ul>
            {item.links.map((l) => (
              <li>{l.direction === 'incoming' ? (l.kind === 'repeals' ? '本文件已被废止，见：' : '本文件已被修订，见：') : l.kind === 'repeals' ? '本文件废止了：' : '本文件修订了：'}<a href={`/xxgk/content/${l.id}`}>{l.title}</a></li>
            ))}
          </ul>
        </section>
      )}
    </article>
  );
}

/** Public pages that read the catalogue (the full 信息公开专栏 is issue #3). */
export function portalRoutes(s: Services): RouteModule {
  return (app: FastifyInstance) => {
    app.get('/', async (_request, reply) => {
      const site = await s.site();
      const latest = await s.database.db
        .selectFrom('items')
        .select(['id', 'title', 'published_on'])
        .where('disclosure', '=', 'proactive')
        .where('current_edition', 'is not', null)
        .where('state', '!=', 'retracted')
        .orderBy('published_on', 'desc')
        .limit(15)
        .execute();
      // The list shows the working title only when it matches a published edition's (never an unpublished revision).
      const titles = new Map<string, string>();
      for (const r of latest) titles.set(r.id, (await s.publicCatalogue.findItem(r.id))?.content.title ?? '');
      return sendHtml(reply, (
        <PortalLayout site={site} title="首页" current="/" meta={{ columnName: '首页', columnType: '首页' }}>
          <h1>{site.organName}</h1>
          <h2>最新公开信息</h2>
          <ul>
            {latest.filter((r) => titles.get(r.id)).map((r) => (
              <li><a href={`/xxgk/content/${r.id}`}>{titles.get(r.id)}</a> <span class="muted">{r.published_on}</span></li>
            ))}
          </ul>
        </PortalLayout>
      ));
    });

    app.get<{ Params: { id: string } }>('/xxgk/content/:id', async (request, reply) => {
      const item = await s.publicCatalogue.findItem(request.params.id);
      const site = await s.site();
      if (!item) {
        const notice = await s.publicCatalogue.retractionNotice(request.params.id);
        if (!notice) throw new DomainError('not-found', 404);
        return sendHtml(reply, <PortalLayout site={site} title={notice.title}><h1>{notice.title}</h1><p class="notice warn">{notice.notice}</p></PortalLayout>, 410);
      }
      const c = item.content;
      return sendHtml(reply, (
        <PortalLayout site={site} title={c.title} current="/xxgk/list" meta={{ columnName: '法定主动公开内容', columnType: '信息公开', articleTitle: c.title, pubDate: c.publishedOn, contentSource: c.organName, description: c.summary }}>
          <ItemPage item={item} topicLabel={await s.reference.topicLabel(c.topicCode)} genreName={await s.reference.genreName(c.genreCode)} />
        </PortalLayout>
      ));
    });

    app.get<{ Params: { id: string; aid: string } }>('/xxgk/content/:id/files/:aid', async (request, reply) => {
      const file = await s.publicCatalogue.openAttachment(request.params.id, request.params.aid);
      if (!file) throw new DomainError('not-found', 404);
      return reply
        .type(file.mediaType)
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.filename)}`)
        .header('x-content-type-options', 'nosniff')
        .header('etag', `"${file.sha256}"`)
        .send(file.stream);
    });
  };
}
