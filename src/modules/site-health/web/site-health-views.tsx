/** The dashboard's parts: the veto banner, verdicts, findings grouped by indicator with fix links, the trend, the report. */
import type { Html } from '../../../web/jsx/jsx-runtime.ts';
import type { OfficialDocument } from '../../../web/docx/official-document.ts';
import { formatInstant } from '../../../web/format.ts';
import { INDICATOR_KEYS, INDICATORS, SEVERITY_LABELS, type IndicatorVerdict } from '../domain/site-assessment.ts';
import type { SiteHealthRun, StoredFinding } from '../sql/site-health-repository.ts';

export const STATUS_LABELS: Readonly<Record<IndicatorVerdict['status'], string>> = { ok: '正常', problem: '存在问题', veto: '单项否决', 'not-applicable': '不适用' };
const TRIGGER_LABELS: Readonly<Record<SiteHealthRun['trigger'], string>> = { scheduled: '每日定时', manual: '手动' };

/** The verdict of a run, prominent: 单项否决 first. */
export function VetoBanner({ run }: { run: SiteHealthRun }): Html {
  const vetoes = run.verdicts.filter((v) => v.status === 'veto');
  if (vetoes.length === 0) return <p class="notice ok" id="veto-status">未触及单项否决指标（国办秘函〔2019〕19号）。</p>;
  return (
    <div class="notice error" id="veto-status" role="alert">
      <p><strong>单项否决：</strong>本次检查有{vetoes.length}项达到国办秘函〔2019〕19号单项否决标准，网站检查将被判定为不合格，须立即整改。</p>
      <ul>{vetoes.map((v) => <li><a href={`#${v.indicator}`}>{v.label}</a>：{v.summary}</li>)}</ul>
    </div>
  );
}

export function VerdictTable({ run }: { run: SiteHealthRun }): Html {
  return (
    <table>
      <thead><tr><th scope="col">指标</th><th scope="col">结果</th><th scope="col">数量</th><th scope="col">情况</th></tr></thead>
      <tbody>
        {run.verdicts.map((v) => (
          <tr class={`verdict-${v.status}`}>
            <td><a href={`#${v.indicator}`}>{v.label}</a></td>
            <td>{STATUS_LABELS[v.status]}</td>
            <td>{String(v.count)}</td>
            <td>{v.summary}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Findings grouped by indicator, each with the rule it breaks and the page where it is fixed. */
export function FindingGroups({ findings }: { findings: readonly StoredFinding[] }): Html {
  return (
    <>
      {INDICATOR_KEYS.map((key) => {
        const group = findings.filter((f) => f.indicator === key);
        return (
          <section id={key} class="finding-group">
            <h3>{INDICATORS[key].label}（{group.length}）</h3>
            {group.length === 0 ? (
              <p class="muted">未发现问题。</p>
            ) : (
              <ol class="findings">
                {group.map((f) => (
                  <li class={`finding severity-${f.severity}`}>
                    <strong>[{SEVERITY_LABELS[f.severity]}]</strong> {f.title}
                    <p>{f.explanation}</p>
                    <a class="fix" href={f.fixUrl}>去整改</a>
                  </li>
                ))}
              </ol>
            )}
          </section>
        );
      })}
    </>
  );
}

/** Past runs, newest first: whether each was vetoed and the count per indicator. */
export function Trend({ runs }: { runs: readonly SiteHealthRun[] }): Html {
  const max = Math.max(1, ...runs.map((r) => r.findingCount));
  return (
    <table class="trend">
      <thead>
        <tr>
          <th scope="col">检查时间</th>
          <th scope="col">方式</th>
          <th scope="col">单项否决</th>
          {INDICATOR_KEYS.map((k) => <th scope="col">{INDICATORS[k].label}</th>)}
          <th scope="col">问题总数</th>
        </tr>
      </thead>
      <tbody>
        {runs.map((r) => (
          <tr>
            <td><a href={`/console/site-health/runs/${r.id}`}>{formatInstant(r.startedAt)}</a></td>
            <td>{TRIGGER_LABELS[r.trigger]}</td>
            <td>{r.isVetoed ? '是' : '否'}</td>
            {INDICATOR_KEYS.map((k) => {
              const v = r.verdicts.find((x) => x.indicator === k);
              return <td>{v ? (v.status === 'not-applicable' ? '—' : String(v.count)) : '—'}</td>;
            })}
            <td>
              <span class="bar" style={`display:inline-block;height:0.8em;background:#b33;width:${Math.round((r.findingCount / max) * 80)}px`}></span> {String(r.findingCount)}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** An official document as a printable HTML page body. */
export function DocumentView({ doc }: { doc: OfficialDocument }): Html {
  return (
    <article class="official-document">
      <h1>{doc.title}</h1>
      {doc.blocks.map((b) => {
        switch (b.kind) {
          case 'heading':
            return b.level === 1 ? <h2>{b.text}</h2> : <h3>{b.text}</h3>;
          case 'paragraph':
            return <p>{b.text}</p>;
          case 'table':
            return (
              <table>
                <thead>{b.header.map((h) => <tr>{h.map((c) => <th scope="col">{c}</th>)}</tr>)}</thead>
                <tbody>{b.rows.map((row) => <tr>{row.map((c) => <td>{String(c)}</td>)}</tr>)}</tbody>
              </table>
            );
          case 'signature':
            return <p class="signature">{b.lines.map((l) => <>{l}<br /></>)}</p>;
        }
      })}
    </article>
  );
}
