/**
 * 信息处理费 (条例 Art. 42; 国办函〔2020〕109号, REFERENCE.md §4): 按件 per applicant per calendar month across all their
 * applications, or 按量 by pages per application, both 超额累进 (Art. 3), never both on one application.
 */
import type { FeeMethod } from './request-events.ts';

/** Chinese names of the two methods (国办函〔2020〕109号 Art. 4, 5). */
export const FEE_METHOD_LABELS: Readonly<Record<FeeMethod, string>> = {
  'per-piece': '按件计收',
  'per-volume': '按量计收',
};

/** One band of a fee: units `from`–`to` (inclusive) charged `rate` 元 each. */
export interface FeeBand {
  from: number;
  to: number;
  rate: number;
  amount: number;
}

/** A fee in whole 元 with the bands it was charged in (zero-rate bands included, so the notice can show them). */
export interface FeeBreakdown {
  amount: number;
  bands: FeeBand[];
}

/** 国办函〔2020〕109号 Art. 4: pieces 1–10 of the month free. */
export const FREE_PIECES_PER_MONTH = 10;

/** 国办函〔2020〕109号 Art. 5: pages 1–30 of an application free. */
export const FREE_PAGES_PER_APPLICATION = 30;

/**
 * 国办函〔2020〕109号 Art. 4: the rate of the month's n-th piece: 1–10 free, 11–30 100 元, then per 档 of 10 pieces
 * 100 元 more (31–40 200 元, 41–50 300 元: 100 × (1 + ⌈(n − 30) / 10⌉); band reading [P], REFERENCE.md §4.1).
 */
export function pieceRate(n: number): number {
  assertCount(n, 'piece number', 1);
  if (n <= FREE_PIECES_PER_MONTH) return 0;
  if (n <= 30) return 100;
  return 100 * (1 + Math.ceil((n - 30) / 10));
}

/** 国办函〔2020〕109号 Art. 5: the rate of an application's p-th page: ≤ 30 free, 31–100 10 元, 101–200 20 元, 201+ 40 元. */
export function pageRate(p: number): number {
  assertCount(p, 'page number', 1);
  if (p <= FREE_PAGES_PER_APPLICATION) return 0;
  if (p <= 100) return 10;
  if (p <= 200) return 20;
  return 40;
}

/**
 * 国办函〔2020〕109号 Art. 4: the 按件 fee of one application split into `piecesInThisRequest` pieces (一事一申请),
 * when the applicant already has `previousPiecesThisMonth` pieces in the same calendar month, whatever their outcome.
 */
export function perPieceFee(previousPiecesThisMonth: number, piecesInThisRequest: number): FeeBreakdown {
  assertCount(previousPiecesThisMonth, 'previous pieces', 0);
  assertCount(piecesInThisRequest, 'pieces', 0);
  return charge(previousPiecesThisMonth + 1, previousPiecesThisMonth + piecesInThisRequest, pieceRate);
}

/** 国办函〔2020〕109号 Art. 5: the 按量 fee of one application of `pages` pages (paper, e-mail or electronic copies). */
export function perVolumeFee(pages: number): FeeBreakdown {
  assertCount(pages, 'pages', 0);
  return charge(1, pages, pageRate);
}

/** Sums units first…last at their marginal rates, grouping consecutive units of one rate into a band. */
function charge(first: number, last: number, rateOf: (unit: number) => number): FeeBreakdown {
  const bands: FeeBand[] = [];
  for (let unit = first; unit <= last; unit++) {
    const rate = rateOf(unit);
    const band = bands.at(-1);
    if (band && band.rate === rate) {
      band.to = unit;
      band.amount += rate;
    } else {
      bands.push({ from: unit, to: unit, rate, amount: rate });
    }
  }
  return { amount: bands.reduce((sum, band) => sum + band.amount, 0), bands };
}

/** Counts come from a validated form; anything else is a programming error. */
function assertCount(value: number, name: string, min: number): void {
  if (!Number.isInteger(value) || value < min) throw new RangeError(`${name} must be an integer >= ${min}, got ${value}`);
}

/** The band lines of a 收费通知, e.g. `第11—30件：20件 × 100元 = 2000元` (unit 件 or 页). */
export function describeFee(breakdown: FeeBreakdown, unit: '件' | '页'): string[] {
  return breakdown.bands.map((b) => {
    const range = b.from === b.to ? `第${b.from}${unit}` : `第${b.from}—${b.to}${unit}`;
    return `${range}：${b.to - b.from + 1}${unit} × ${b.rate}元 = ${b.amount}元`;
  });
}
