import { describe, expect, it } from 'vitest';
import { describeFee, pageRate, perPieceFee, perVolumeFee, pieceRate } from './fees.ts';

describe('按件计收 (国办函〔2020〕109号 Art. 4)', () => {
  it.each([
    [1, 0],
    [10, 0],
    [11, 100],
    [30, 100],
    [31, 200],
    [40, 200],
    [41, 300],
    [50, 300],
    [51, 400],
    [95, 800], // 91–100: the 7th 档 above 30
  ])('piece %i of the month costs %i 元', (n, rate) => {
    expect(pieceRate(n)).toBe(rate);
  });

  it.each([
    // [previous pieces this month, pieces in this application, 元]
    [0, 35, 3000], // REFERENCE.md §4.4: March total
    [8, 4, 200], // §4.4: pieces 9–12 → pieces 11 and 12
    [0, 10, 0],
    [0, 0, 0],
    [10, 1, 100],
    [30, 5, 1000], // pieces 31–35 at 200 元
    [29, 3, 100 + 200 + 200],
    [45, 10, 5 * 300 + 5 * 400],
  ])('after %i pieces, %i more cost %i 元', (previous, pieces, amount) => {
    expect(perPieceFee(previous, pieces).amount).toBe(amount);
  });

  it('the March example, band by band', () => {
    const fee = perPieceFee(0, 35);
    expect(fee.bands).toEqual([
      { from: 1, to: 10, rate: 0, amount: 0 },
      { from: 11, to: 30, rate: 100, amount: 2000 },
      { from: 31, to: 35, rate: 200, amount: 1000 },
    ]);
    expect(describeFee(fee, '件')).toEqual(['第1—10件：10件 × 0元 = 0元', '第11—30件：20件 × 100元 = 2000元', '第31—35件：5件 × 200元 = 1000元']);
  });

  it.each([
    [-1, 1],
    [0, -1],
    [0.5, 1],
    [0, Number.NaN],
  ])('refuses counts %d and %d', (previous, pieces) => {
    expect(() => perPieceFee(previous, pieces)).toThrow(RangeError);
  });
});

describe('按量计收 (国办函〔2020〕109号 Art. 5)', () => {
  it.each([
    [0, 0],
    [30, 0],
    [31, 10],
    [100, 700],
    [101, 720],
    [200, 2700],
    [201, 2740],
    [250, 4700], // REFERENCE.md §4.4
  ])('%i pages cost %i 元', (pages, amount) => {
    expect(perVolumeFee(pages).amount).toBe(amount);
  });

  it.each([
    [30, 0],
    [31, 10],
    [100, 10],
    [101, 20],
    [200, 20],
    [201, 40],
  ])('page %i at %i 元', (p, rate) => {
    expect(pageRate(p)).toBe(rate);
  });

  it('the 250-page example, band by band', () => {
    expect(describeFee(perVolumeFee(250), '页')).toEqual([
      '第1—30页：30页 × 0元 = 0元',
      '第31—100页：70页 × 10元 = 700元',
      '第101—200页：100页 × 20元 = 2000元',
      '第201—250页：50页 × 40元 = 2000元',
    ]);
  });
});
