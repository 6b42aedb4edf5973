/** 行政复议 and 行政诉讼 recorded against an application (条例 Art. 51), with their results for the annual report. */
import { CsrfField } from '../../../web/components.tsx';
import type { Html } from '../../../web/jsx/jsx-runtime.ts';
import { REVIEW_KINDS, REVIEW_RESULTS, type FoiReview, type ReviewKind, type ReviewResult } from '../sql/foi-rows.ts';

export const REVIEW_KIND_LABELS: Readonly<Record<ReviewKind, string>> = {
  reconsideration: '行政复议',
  'litigation-direct': '未经复议直接起诉',
  'litigation-after-reconsideration': '复议后起诉',
};

export const REVIEW_RESULT_LABELS: Readonly<Record<ReviewResult, string>> = {
  upheld: '结果维持',
  corrected: '结果纠正',
  other: '其他结果',
  pending: '尚未审结',
};

function ReviewFields({ prefix, review }: { prefix: string; review?: FoiReview }): Html {
  return (
    <>
      <div class="field">
        <label for={`${prefix}-kind`}>类型</label>
        <select id={`${prefix}-kind`} name="kind">
          {REVIEW_KINDS.map((k) => (
            <option value={k} selected={review?.kind === k}>
              {REVIEW_KIND_LABELS[k]}
            </option>
          ))}
        </select>
      </div>
      <div class="field">
        <label for={`${prefix}-result`}>结果</label>
        <select id={`${prefix}-result`} name="result">
          {REVIEW_RESULTS.map((r) => (
            <option value={r} selected={(review?.result ?? 'pending') === r}>
              {REVIEW_RESULT_LABELS[r]}
            </option>
          ))}
        </select>
      </div>
      <div class="field">
        <label for={`${prefix}-filed`}>提起日期</label>
        <input id={`${prefix}-filed`} type="date" name="filedOn" value={review?.filedOn} required />
      </div>
      <div class="field">
        <label for={`${prefix}-decided`}>审结日期</label>
        <input id={`${prefix}-decided`} type="date" name="decidedOn" value={review?.decidedOn ?? undefined} />
      </div>
      <div class="field">
        <label for={`${prefix}-note`}>备注</label>
        <input id={`${prefix}-note`} type="text" name="note" value={review?.note ?? undefined} maxlength={2000} />
      </div>
    </>
  );
}

export function ReviewSection({ requestId, reviews, csrf, canProcess }: { requestId: string; reviews: FoiReview[]; csrf: string; canProcess: boolean }): Html {
  return (
    <section aria-labelledby="reviews">
      <h2 id="reviews">行政复议和行政诉讼</h2>
      {reviews.length === 0 && <p class="muted">暂无记录。</p>}
      {reviews.map((r) => (
        <details>
          <summary>
            {REVIEW_KIND_LABELS[r.kind]}：{r.filedOn} 提起，{REVIEW_RESULT_LABELS[r.result]}
            {r.decidedOn && `（${r.decidedOn} 审结）`}
          </summary>
          {canProcess && (
            <form method="post" action={`/console/foi/${requestId}/reviews/${r.id}`}>
              <CsrfField token={csrf} />
              <input type="hidden" name="version" value={String(r.version)} />
              <ReviewFields prefix={`review-${r.id}`} review={r} />
              <button type="submit">保存结果</button>
            </form>
          )}
        </details>
      ))}
      {canProcess && (
        <form method="post" action={`/console/foi/${requestId}/reviews`}>
          <h3>登记复议或诉讼</h3>
          <CsrfField token={csrf} />
          <ReviewFields prefix="review-new" />
          <button type="submit">登记</button>
        </form>
      )}
    </section>
  );
}
