import type { Actor } from '../../../kernel/actor.ts';
import type { FieldErrors } from '../../../kernel/errors.ts';
import { ErrorSummary, Field, Pager, Select, TextInput } from '../../../web/components.tsx';
import type { Html } from '../../../web/jsx/jsx-runtime.ts';
import type { CatalogueEntry } from '../domain/catalogue-entry.ts';
import { DISCLOSURE_ATTRIBUTE_LABELS, EXEMPTION_BASES, EXEMPTIONS } from '../domain/disclosure.ts';
import type { Genre } from '../domain/genres.ts';
import { ITEM_STATE_LABELS, ITEM_STATES } from '../domain/item-workflow.ts';
import type { Topic } from '../domain/topics.ts';
import { VALIDITY_LABELS } from '../domain/validity.ts';
import type { Item } from '../sql/item-rows.ts';
import type { ItemFormValues } from './item-form.ts';

export interface FormOptions {
  topics: Topic[];
  genres: Genre[];
  entries: CatalogueEntry[];
  units: { id: string; name: string }[];
}

export function TopicSelect(props: { topics: Topic[]; value?: string | undefined; errors?: FieldErrors | undefined; name?: string; empty?: string }): Html {
  const name = props.name ?? 'topicCode';
  const roots = props.topics.filter((t) => t.parentCode === null);
  return (
    <select id={name} name={name} aria-invalid={props.errors?.[name] ? 'true' : undefined}>
      <option value="">{props.empty ?? '请选择主题分类'}</option>
      {roots.map((root) => {
        const children = props.topics.filter((t) => t.parentCode === root.code);
        if (children.length === 0)
          return (
            <option value={root.code} selected={root.code === props.value}>
              {root.name}
            </option>
          );
        return (
          <optgroup label={root.name}>
            {children.map((c) => (
              <option value={c.code} selected={c.code === props.value}>
                {c.name}
              </option>
            ))}
          </optgroup>
        );
      })}
    </select>
  );
}

export function StateBadge({ item }: { item: Item }): Html {
  const cls = item.state === 'published' ? 'ok' : item.state === 'retracted' ? 'bad' : 'warn';
  return <span class={`badge ${cls}`}>{ITEM_STATE_LABELS[item.state]}</span>;
}

/** The draft form (create and edit); errors appear beside their fields. */
export function ItemForm(props: { action: string; csrfToken: string; values: ItemFormValues; errors?: FieldErrors | undefined; options: FormOptions; submitLabel: string }): Html {
  const { values: v, errors: e, options } = props;
  return (
    <form method="post" action={props.action} novalidate>
      <ErrorSummary errors={e} />
      <input type="hidden" name="_csrf" value={props.csrfToken} />
      {v.version && <input type="hidden" name="version" value={v.version} />}
      <Field name="title" label="标题" errors={e} required>
        <TextInput name="title" value={v.title} errors={e} maxlength={200} />
      </Field>
      <Field name="documentNumber" label="发文字号" errors={e} hint="如：县科技发〔2026〕12号（年份用六角括号〔〕）；无文号可留空">
        <TextInput name="documentNumber" value={v.documentNumber} errors={e} />
      </Field>
      <Field name="writtenOn" label="成文日期" errors={e} required>
        <TextInput name="writtenOn" type="date" value={v.writtenOn} errors={e} />
      </Field>
      <Field name="jointIssuers" label="联合发文机关" errors={e} hint="多个机关用顿号分隔；单独发文留空">
        <TextInput name="jointIssuers" value={v.jointIssuers} errors={e} />
      </Field>
      <Field name="unitId" label="承办科室" errors={e}>
        <Select name="unitId" value={v.unitId} empty="（未指定）" options={options.units.map((u) => ({ value: u.id, label: u.name }))} errors={e} />
      </Field>
      <Field name="topicCode" label="主题分类" errors={e} required>
        <TopicSelect topics={options.topics} value={v.topicCode} errors={e} />
      </Field>
      <Field name="genreCode" label="体裁" errors={e} required>
        <Select name="genreCode" value={v.genreCode} empty="请选择体裁" options={options.genres.map((g) => ({ value: g.code, label: g.name }))} errors={e} />
      </Field>
      <Field name="catalogueEntryId" label="主动公开基本目录事项" errors={e} hint="决定公开时限；未关联时按条例第二十六条20个工作日计">
        <Select name="catalogueEntryId" value={v.catalogueEntryId} empty="（未关联）" options={options.entries.map((c) => ({ value: c.id, label: `${c.level1}${c.level2 ? ' / ' + c.level2 : ''}` }))} errors={e} />
      </Field>
      <Field name="effectiveOn" label="生效日期" errors={e} hint="规章、行政规范性文件填写施行日期">
        <TextInput name="effectiveOn" type="date" value={v.effectiveOn} errors={e} />
      </Field>
      <fieldset>
        <legend>公开属性（制作时认定，须说明依据）</legend>
        <Field name="disclosure" label="公开属性" errors={e} required>
          <Select name="disclosure" value={v.disclosure} empty="请选择" options={Object.entries(DISCLOSURE_ATTRIBUTE_LABELS).map(([value, label]) => ({ value, label }))} errors={e} />
        </Field>
        <Field name="exemptionBasis" label="不予公开的依据（仅不予公开时填写）" errors={e}>
          <Select name="exemptionBasis" value={v.exemptionBasis} empty="请选择" options={EXEMPTION_BASES.map((b) => ({ value: b, label: `${EXEMPTIONS[b].label}（${EXEMPTIONS[b].legalBasis}）` }))} errors={e} />
        </Field>
        <Field name="exemptionReason" label="不予公开的理由" errors={e}>
          <TextInput name="exemptionReason" value={v.exemptionReason} errors={e} />
        </Field>
        <Field name="onRequestReason" label="依申请公开的理由（仅依申请公开时填写）" errors={e}>
          <TextInput name="onRequestReason" value={v.onRequestReason} errors={e} />
        </Field>
      </fieldset>
      <Field name="summary" label="内容概述" errors={e} hint="不超过500字">
        <textarea id="summary" name="summary" rows="3">{v.summary ?? ''}</textarea>
      </Field>
      <Field name="bodyHtml" label="正文" errors={e} hint="可使用段落、标题、列表、表格；脚本等不安全内容会被清除">
        <textarea id="bodyHtml" name="bodyHtml" rows="14">{v.bodyHtml ?? ''}</textarea>
      </Field>
      <p class="actions">
        <button type="submit">{props.submitLabel}</button>
      </p>
    </form>
  );
}

export interface ListQuery {
  q?: string | undefined;
  state?: string | undefined;
  disclosure?: string | undefined;
  genreCode?: string | undefined;
  topicCode?: string | undefined;
  year?: string | undefined;
  page: number;
}

/** The staff list with filters; works as a plain GET form. */
export function ItemList(props: { actor: Actor; query: ListQuery; total: number; items: Item[]; topics: Topic[]; genres: Genre[]; genreName: (code: string) => string }): Html {
  const q = props.query;
  const href = (page: number) => `/console/items?${new URLSearchParams({ ...Object.fromEntries(Object.entries(q).filter(([, v]) => v !== undefined && v !== '')), page: String(page) } as Record<string, string>)}`;
  return (
    <>
      <form class="filters" method="get" action="/console/items" role="search">
        <div class="field">
          <label for="q">标题、索引号或文号</label>
          <input type="search" id="q" name="q" value={q.q ?? ''} />
        </div>
        <div class="field">
          <label for="state">状态</label>
          <Select name="state" value={q.state} empty="全部" options={ITEM_STATES.map((s) => ({ value: s, label: ITEM_STATE_LABELS[s] }))} />
        </div>
        <div class="field">
          <label for="disclosure">公开属性</label>
          <Select name="disclosure" value={q.disclosure} empty="全部" options={Object.entries(DISCLOSURE_ATTRIBUTE_LABELS).map(([value, label]) => ({ value, label }))} />
        </div>
        <div class="field">
          <label for="genreCode">体裁</label>
          <Select name="genreCode" value={q.genreCode} empty="全部" options={props.genres.map((g) => ({ value: g.code, label: g.name }))} />
        </div>
        <div class="field">
          <label for="topicCode">主题分类</label>
          <TopicSelect topics={props.topics} value={q.topicCode} empty="全部" />
        </div>
        <div class="field">
          <label for="year">成文年份</label>
          <input type="number" id="year" name="year" min="2000" max="2100" value={q.year ?? ''} />
        </div>
        <button type="submit">筛选</button>
      </form>
      <p class="actions">
        <a class="button" href="/console/items/new">新建信息</a>
      </p>
      <div class="table-scroll">
        <table>
          <caption class="muted">共 {props.total} 条</caption>
          <thead>
            <tr>
              <th scope="col">索引号</th>
              <th scope="col">标题</th>
              <th scope="col">体裁</th>
              <th scope="col">公开属性</th>
              <th scope="col">有效性</th>
              <th scope="col">状态</th>
              <th scope="col">成文日期</th>
            </tr>
          </thead>
          <tbody>
            {props.items.map((item) => (
              <tr>
                <td>{item.indexNumber}</td>
                <td>
                  <a href={`/console/items/${item.id}`}>{item.title}</a>
                  {item.documentNumber && <div class="muted">{item.documentNumber}</div>}
                </td>
                <td>{props.genreName(item.genreCode)}</td>
                <td>{DISCLOSURE_ATTRIBUTE_LABELS[item.disclosure]}</td>
                <td>{VALIDITY_LABELS[item.validity]}</td>
                <td>
                  <StateBadge item={item} />
                </td>
                <td>{item.writtenOn}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Pager page={q.page} pageSize={20} total={props.total} href={href} />
    </>
  );
}
