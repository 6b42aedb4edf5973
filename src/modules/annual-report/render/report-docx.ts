import type { ReportDocument } from '../domain/report-layout.ts';

/**
 * A report (or a self-inspection report) as DOCX bytes. The renderer and the docx package (≈ 8 MB per process) are
 * loaded on the first download, not at start, as official-document.ts does for 告知书.
 */
export async function renderReportDocx(doc: ReportDocument): Promise<Buffer> {
  return (await import('./report-docx-render.ts')).renderDocx(doc);
}
