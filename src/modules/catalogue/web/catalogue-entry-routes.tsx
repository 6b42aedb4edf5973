import { Type } from '@sinclair/typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { RouteModule } from '../../../app.tsx';
import { Conflict, InvalidInput } from '../../../kernel/errors.ts';
import type { Services } from '../../../services.ts';
import { ErrorSummary, Field } from '../../../web/components.tsx';
import { formFields, formList, redirectWithNotice, requireActor, sendHtml } from '../../../web/http.ts';
import type { Html } from '../../../web/jsx/jsx-runtime.ts';
import { ConsoleLayout } from '../../../web/layout.tsx';
import { can } from '../../identity/domain/permissions.ts';
import { AUDIENCES, BASIS_TYPES, CHANNELS, LEVELS, METHODS, timeLimitTextFor, type CatalogueEntry, type CatalogueEntryInput } from '../domain/catalogue-entry.ts';
import { noticeFrom, positiveInt } from './console-support.ts';

function entryFromForm(body: unknown): CatalogueEntryInput {
  const f = formFields(body);
  const limit = f.timeLimitWorkingDays?.trim() ? Number(f.timeLimitWorkingDays) : null;
  return {
    sortOrder: positiveInt(f.sortOrder, 0),
    level1: f.level1 ?? '',
    level2: f.level2 ?? '',
    content: f.content ?? '',
    basis: (f.basis ?? '')
      .split(/\r?\n/)
      .map((l) => l.trim())
      .filter(Boolean)
      .map((l) => {
        const m = /^【(.+?)】(.+)$/.exec(l);
        return m ? { type: m[1] as CatalogueEntryInput['basis'][number]['type'], title: m[2]!.trim() } : { type: '其他' as const, title: l };
      }),
    timeLimitWorkingDays: limit,
    timeLimitText: f.timeLimitText?.trim() || timeLimitTextFor(limit),
    subject: f.subject ?? '',
    channels: formList(body, 'channels'),
    audience: formList(body, 'audience'),
    methods: formList(body, 'methods'),
    levels: formList(body, 'levels'),
  };
}

function Checks(props: { name: string; options: readonly string[]; values: string[] }): Html {
  return (
    <div>
      {props.options.map((o, i) => (
        <label style="display:inline-block;font-weight:normal;margin-right:1rem">
          <input type="checkbox" name={props.name} value={o} id={i === 0 ? props.name : undefined} checked={props.values.includes(o)} /> {o}
        </label>
      ))}
    </div>
  );
}

function EntryForm(props: { action: string; csrf: string; e: CatalogueEntryInput & { version?: number }; errors?: Record<string, string> | undefined }): Html {
  const { e, errors } = props;
  return (
    <form method="post" action={props.action}>
      <ErrorSummary errors={errors} />
      <input type="hidden" name="_csrf" value={props.csrf} />
      {e.version && <input type="hidden" name="version" value={String(e.version)} />}
      <Field name="sortOrder" label="序号" errors={errors}><input type="number" id="sortOrder" name="sortOrder" value={String(e.sortOrder)} min="0" /></Field>
      <Field name="level1" label="公开事项（一级）" errors={errors} required><input type="text" id="level1" name="level1" value={e.level1} /></Field>
      <Field name="level2" label="公开事项（二级）" errors={errors}><input type="text" id="level2" name="level2" value={e.level2} /></Field>
      <Field name="content" label="公开内容（要素）" errors={errors} required><textarea id="content" name="content" rows="3">{e.content}</textarea></Field>
      <Field name="basis" label="公开依据" errors={errors} required hint={`每行一条，可用【类型】前缀：${BASIS_TYPES.join('、')}`}>
        <textarea id="basis" name="basis" rows="3">{e.basis.map((b) => `【${b.type}】${b.title}`).join('\n')}</textarea>
      </Field>
      <Field name="timeLimitWorkingDays" label="公开时限（工作日）" errors={errors} hint="留空表示无固定工作日时限（如“实时”），请在下方填写文字"><input type="number" id="timeLimitWorkingDays" name="timeLimitWorkingDays" value={e.timeLimitWorkingDays === null ? '' : String(e.timeLimitWorkingDays)} min="1" max="365" /></Field>
      <Field name="timeLimitText" label="公开时限（文字）" errors={errors} hint="留空时按工作日数自动生成"><input type="text" id="timeLimitText" name="timeLimitText" value={e.timeLimitText} /></Field>
      <Field name="subject" label="公开主体" errors={errors} required><input type="text" id="subject" name="subject" value={e.subject} /></Field>
      <Field name="channels" label="公开渠道和载体" errors={errors} required><Checks name="channels" options={CHANNELS} values={e.channels} /></Field>
      <Field name="audience" label="公开对象" errors={errors} required><Checks name="audience" options={AUDIENCES} values={e.audience} /></Field>
      <Field name="methods" label="公开方式" errors={errors} required><Checks name="methods" options={METHODS} values={e.methods} /></Field>
      <Field name="levels" label="公开层级" errors={errors} required><Checks name="levels" options={LEVELS} values={e.levels} /></Field>
      <p class="actions"><button type="submit">保存</button></p>
    </form>
  );
}

const BLANK: CatalogueEntryInput = { sortOrder: 0, level1: '', level2: '', content: '', basis: [], timeLimitWorkingDays: 20, timeLimitText: '', subject: '', channels: ['政府网站'], audience: ['全社会'], methods: ['主动'], levels: ['县级'] };

const tick = (on: boolean) => (on ? '√' : '');

/** 主动公开基本目录 pages and API. */
export function catalogueEntryRoutes(s: Services): RouteModule {
  return (app: FastifyInstance) => {
    const page = async (request: FastifyRequest, reply: FastifyReply, title: string, body: Html, status = 200) =>
      sendHtml(reply, <ConsoleLayout site={await s.site()} title={title} actor={request.actor!} csrfToken={request.csrfToken} current="/console/catalogue" notice={noticeFrom(request)}>{body}</ConsoleLayout>, status);

    app.get('/console/catalogue', async (request, reply) => {
      const actor = requireActor(request, 'catalogue-entry.read');
      const entries = await s.catalogueEntries.list();
      const counts = await s.catalogueEntries.itemCounts();
      return page(request, reply, '主动公开基本目录', (
        <>
          {can(actor.role, 'catalogue-entry.manage') && <p class="actions"><a class="button" href="/console/catalogue/new">新增目录事项</a></p>}
          <div class="table-scroll">
            <table>
              <thead>
                <tr><th scope="col" rowspan="2">序号</th><th scope="colgroup" colspan="2">公开事项</th><th scope="col" rowspan="2">公开内容（要素）</th><th scope="col" rowspan="2">公开依据</th><th scope="col" rowspan="2">公开时限</th><th scope="col" rowspan="2">公开主体</th><th scope="col" rowspan="2">公开渠道和载体</th><th scope="colgroup" colspan="2">公开对象</th><th scope="colgroup" colspan="2">公开方式</th><th scope="colgroup" colspan="2">公开层级</th><th scope="col" rowspan="2">已关联信息</th></tr>
                <tr><th scope="col">一级事项</th><th scope="col">二级事项</th><th scope="col">全社会</th><th scope="col">特定群体</th><th scope="col">主动</th><th scope="col">依申请</th><th scope="col">县级</th><th scope="col">乡级</th></tr>
              </thead>
              <tbody>
                {entries.map((e: CatalogueEntry) => (
                  <tr>
                    <td>{e.sortOrder}</td>
                    <td>{can(actor.role, 'catalogue-entry.manage') ? <a href={`/console/catalogue/${e.id}`}>{e.level1}</a> : e.level1}</td>
                    <td>{e.level2}</td><td>{e.content}</td>
                    <td>{e.basis.map((b) => `【${b.type}】${b.title}`).join('；')}</td>
                    <td>{e.timeLimitText}</td><td>{e.subject}</td><td>{e.channels.join('、')}</td>
                    <td>{tick(e.audience.includes('全社会'))}</td><td>{tick(e.audience.includes('特定群体'))}</td>
                    <td>{tick(e.methods.includes('主动'))}</td><td>{tick(e.methods.includes('依申请'))}</td>
                    <td>{tick(e.levels.includes('县级'))}</td><td>{tick(e.levels.includes('乡级'))}</td>
                    <td>{counts.get(e.id)?.total ?? 0}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      ));
    });

    app.get('/console/catalogue/new', async (request, reply) => {
      requireActor(request, 'catalogue-entry.manage');
      return page(request, reply, '新增目录事项', <EntryForm action="/console/catalogue" csrf={request.csrfToken} e={BLANK} />);
    });

    app.post('/console/catalogue', async (request, reply) => {
      const actor = requireActor(request, 'catalogue-entry.manage');
      const input = entryFromForm(request.body);
      try {
        await s.catalogueEntries.create(actor, input);
        return redirectWithNotice(reply, '/console/catalogue', 'entry-saved');
      } catch (e) {
        if (e instanceof InvalidInput) return page(request, reply, '新增目录事项', <EntryForm action="/console/catalogue" csrf={request.csrfToken} e={input} errors={e.fields} />, 400);
        throw e;
      }
    });

    app.get<{ Params: { id: string } }>('/console/catalogue/:id', async (request, reply) => {
      requireActor(request, 'catalogue-entry.manage');
      const entry = await s.catalogueEntries.get(request.params.id);
      return page(request, reply, `编辑目录事项：${entry.level1}`, <EntryForm action={`/console/catalogue/${entry.id}`} csrf={request.csrfToken} e={entry} />);
    });

    app.post<{ Params: { id: string } }>('/console/catalogue/:id', async (request, reply) => {
      const actor = requireActor(request, 'catalogue-entry.manage');
      const input = entryFromForm(request.body);
      const version = positiveInt(formFields(request.body).version, 0);
      try {
        await s.catalogueEntries.update(actor, request.params.id, version, input);
        return redirectWithNotice(reply, '/console/catalogue', 'entry-saved');
      } catch (e) {
        if (e instanceof InvalidInput || (e instanceof Conflict && e.code === 'stale-version'))
          return page(request, reply, '编辑目录事项', <EntryForm action={`/console/catalogue/${request.params.id}`} csrf={request.csrfToken} e={{ ...input, version: (await s.catalogueEntries.get(request.params.id)).version }} errors={e instanceof InvalidInput ? e.fields : { level1: 'stale-version' }} />, e instanceof InvalidInput ? 400 : 409);
        throw e;
      }
    });

    const tags = ['主动公开基本目录'];
    const EntryBody = Type.Object(
      {
        sortOrder: Type.Integer({ minimum: 0 }),
        level1: Type.String({ maxLength: 200 }),
        level2: Type.String({ maxLength: 200 }),
        content: Type.String({ maxLength: 4000 }),
        basis: Type.Array(Type.Object({ type: Type.Union(BASIS_TYPES.map((b) => Type.Literal(b))), title: Type.String({ maxLength: 500 }) }, { additionalProperties: false }), { maxItems: 20 }),
        timeLimitWorkingDays: Type.Union([Type.Integer(), Type.Null()]),
        timeLimitText: Type.Optional(Type.String({ maxLength: 200 })),
        subject: Type.String({ maxLength: 200 }),
        channels: Type.Array(Type.String(), { maxItems: 20 }),
        audience: Type.Array(Type.String(), { maxItems: 2 }),
        methods: Type.Array(Type.String(), { maxItems: 2 }),
        levels: Type.Array(Type.String(), { maxItems: 2 }),
        version: Type.Optional(Type.Integer({ minimum: 1 })),
      },
      { additionalProperties: false },
    );
    const toInput = (b: Record<string, unknown>): CatalogueEntryInput => {
      const { version: _v, ...rest } = b as unknown as CatalogueEntryInput & { version?: number };
      return { ...rest, timeLimitText: rest.timeLimitText?.trim() || timeLimitTextFor(rest.timeLimitWorkingDays) };
    };
    app.get('/api/v1/catalogue-entries', { schema: { tags, summary: '主动公开基本目录' } }, async (request) => {
      requireActor(request, 'catalogue-entry.read');
      return { entries: await s.catalogueEntries.list() };
    });
    app.post('/api/v1/catalogue-entries', { schema: { tags, summary: '新增目录事项', body: EntryBody } }, async (request, reply) => {
      const actor = requireActor(request, 'catalogue-entry.manage');
      return reply.status(201).send(await s.catalogueEntries.create(actor, toInput(request.body as Record<string, unknown>)));
    });
    app.put<{ Params: { id: string } }>('/api/v1/catalogue-entries/:id', { schema: { tags, summary: '修改目录事项（需 version）', body: EntryBody } }, async (request) => {
      const actor = requireActor(request, 'catalogue-entry.manage');
      const body = request.body as Record<string, unknown> & { version?: number };
      if (!body.version) throw new InvalidInput({ version: 'required' });
      return s.catalogueEntries.update(actor, request.params.id, body.version, toInput(body));
    });
  };
}
