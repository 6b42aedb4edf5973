/** 条例 Art. 44: the one-step form that publishes a disclosed answer as 主动公开. */
import { CsrfField } from '../../../web/components.tsx';
import type { Html } from '../../../web/jsx/jsx-runtime.ts';

export interface PromoteOptions {
  topics: { code: string; name: string; parentCode: string | null }[];
  genres: { code: string; name: string }[];
  defaultTitle: string;
}

export function PromoteForm({ requestId, csrf, options }: { requestId: string; csrf: string; options: PromoteOptions }): Html {
  const roots = options.topics.filter((t) => t.parentCode === null);
  return (
    <form method="post" action={`/console/foi/${requestId}/promote`} aria-labelledby="promote-title">
      <h2 id="promote-title">转为主动公开（条例第四十四条）</h2>
      <p class="hint">多个申请人申请公开相同、可以公开的政府信息的，可以纳入主动公开范围。提交后直接发布到政府信息目录。</p>
      <CsrfField token={csrf} />
      <div class="field">
        <label for="promote-title-input">标题</label>
        <input id="promote-title-input" type="text" name="title" value={options.defaultTitle} required maxlength={500} />
      </div>
      <div class="field">
        <label for="promote-topic">主题分类</label>
        <select id="promote-topic" name="topicCode" required>
          <option value="">请选择</option>
          {roots.map((root) => (
            <optgroup label={root.name}>
              {options.topics.filter((t) => t.parentCode === root.code).map((t) => (
                <option value={t.code}>{t.name}</option>
              ))}
            </optgroup>
          ))}
        </select>
      </div>
      <div class="field">
        <label for="promote-genre">体裁</label>
        <select id="promote-genre" name="genreCode" required>
          <option value="">请选择</option>
          {options.genres.map((g) => (
            <option value={g.code}>{g.name}</option>
          ))}
        </select>
      </div>
      <div class="field">
        <label for="promote-summary">摘要</label>
        <textarea id="promote-summary" name="summary" rows={2} maxlength={2000}></textarea>
      </div>
      <div class="field">
        <label for="promote-body">正文</label>
        <textarea id="promote-body" name="body" rows={6}></textarea>
      </div>
      <button type="submit">发布为主动公开</button>
    </form>
  );
}
