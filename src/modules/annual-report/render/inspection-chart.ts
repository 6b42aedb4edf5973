/**
 * The bar chart of indicator scores in the self-inspection report, rendered on the server as SVG by echarts
 * (no browser script: the page and the printed HTML carry the finished picture). echarts is loaded on first
 * use: it costs ≈ 19 MB of memory that a server which never draws a chart does not need (bench/RESULTS.md).
 */
import type { ScoredIndicator } from '../domain/inspection.ts';

/** An SVG bar chart of each indicator's score out of 100; not-applicable indicators show as 0 with 不适用 in the label. */
export async function indicatorChartSvg(indicators: readonly ScoredIndicator[], options: { width?: number; height?: number } = {}): Promise<string> {
  const echarts = await import('echarts');
  const width = options.width ?? 720;
  const height = options.height ?? Math.max(220, 60 + indicators.length * 44);
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption({
      animation: false,
      grid: { left: 190, right: 60, top: 20, bottom: 30 },
      xAxis: { type: 'value', min: 0, max: 100, axisLabel: { fontSize: 12 } },
      yAxis: { type: 'category', inverse: true, data: indicators.map((i) => i.label), axisLabel: { fontSize: 13 } },
      series: [
        {
          type: 'bar',
          barMaxWidth: 26,
          data: indicators.map((i) => ({
            value: i.score === null ? 0 : Math.round(i.score * 1000) / 10,
            itemStyle: { color: i.score === null ? '#9e9e9e' : i.score >= 0.9 ? '#2e7d32' : i.score >= 0.6 ? '#ef6c00' : '#c62828' },
            label: { show: true, position: 'right', formatter: i.score === null ? '不适用' : '{c}' },
          })),
        },
      ],
    });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}
