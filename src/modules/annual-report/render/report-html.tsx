/**
 * The printed report (domain/report-layout.ts) as HTML: the body published as the catalogue item (only tags the
 * catalogue's sanitiser keeps: h2, h3, p, table with colspan/rowspan) and the console preview in the official layout.
 */
import type { Html } from '../../../web/jsx/jsx-runtime.ts';
import { raw } from '../../../web/jsx/jsx-runtime.ts';
import type { PrintedTable, ReportBlock, ReportDocument } from '../domain/report-layout.ts';

function PrintedTableHtml({ table }: { table: PrintedTable }): Html {
  const header = table.rows.slice(0, table.headerRowCount);
  const body = table.rows.slice(table.headerRowCount);
  const row = (cells: PrintedTable['rows'][number]) => (
    <tr>
      {cells.map((c) =>
        c.isHeader ? (
          <th colspan={c.colspan > 1 ? c.colspan : undefined} rowspan={c.rowspan > 1 ? c.rowspan : undefined} scope={c.colspan > 1 ? 'colgroup' : 'col'}>{c.text}</th>
        ) : (
          <td colspan={c.colspan > 1 ? c.colspan : undefined} rowspan={c.rowspan > 1 ? c.rowspan : undefined}>{c.text}</td>
        ),
      )}
    </tr>
  );
  return (
    <table>
      {header.length > 0 && <thead>{header.map(row)}</thead>}
      <tbody>{body.map(row)}</tbody>
    </table>
  );
}

function Block({ block }: { block: ReportBlock }): Html {
  if (block.kind === 'heading') return block.level === 1 ? <h2>{block.text}</h2> : <h3>{block.text}</h3>;
  if (block.kind === 'paragraph') return <p>{block.text}</p>;
  return <PrintedTableHtml table={block.table} />;
}

/** The report body without its title (the catalogue item page prints the title): the published item's 正文. */
export function reportBodyHtml(doc: ReportDocument): string {
  return (
    <>
      {doc.blocks.map((b) => (
        <Block block={b} />
      ))}
      {doc.signature.map((line) => (
        <p>{line}</p>
      ))}
    </>
  ).value;
}

const PREVIEW_CSS = `
.official-document { max-width: 46rem; margin: 1rem auto; padding: 2.5rem 2.6rem; background: #fff; border: 1px solid #ccc; box-shadow: 0 1px 4px rgba(0,0,0,.12); font-family: "仿宋_GB2312", "FangSong", "STFangsong", serif; font-size: 16pt; line-height: 28.95pt; }
.official-document .doc-title { font-family: "方正小标宋简体", "SimSun", serif; font-size: 22pt; line-height: 1.5; text-align: center; font-weight: normal; margin: 0 0 1rem; }
.official-document h2 { font-family: "黑体", "SimHei", sans-serif; font-size: 16pt; font-weight: normal; text-indent: 2em; margin: 0; }
.official-document h3 { font-family: "楷体_GB2312", "KaiTi", serif; font-size: 16pt; font-weight: normal; text-indent: 2em; margin: 0; }
.official-document p { text-indent: 2em; margin: 0; text-align: justify; }
.official-document p.signature { text-align: right; text-indent: 0; padding-right: 4em; }
.official-document table { font-size: 10.5pt; line-height: 1.4; margin: .5rem 0 1rem; }
.official-document th, .official-document td { border: 1px solid #000; padding: 2px 4px; text-align: center; font-weight: normal; }
.official-document th { font-weight: bold; }
`;

/** The console preview: the whole document, A4-like, with the official fonts where the browser has them. */
export function ReportPreview({ doc }: { doc: ReportDocument }): Html {
  return (
    <>
      <style>{raw(PREVIEW_CSS)}</style>
      <article class="official-document" aria-label="年度报告预览">
        <h1 class="doc-title">{doc.title}</h1>
        {doc.blocks.map((b) => (
          <Block block={b} />
        ))}
        {doc.signature.map((line) => (
          <p class="signature">{line}</p>
        ))}
      </article>
    </>
  );
}
