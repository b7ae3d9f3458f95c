/** One currency for cross-account figures (shared/domain/fx): integer conversion, rates, the footnote. */
import { describe, expect, it } from 'vitest';
import { convertMinor, converter, formatRate, fxFootnote, fxPlan, parseRate } from '../../shared/domain/fx';
import { messages } from '../../shared/i18n';

describe('convertMinor', () => {
  it('multiplies by the rate in integer millionths and rounds once, half away from zero', () => {
    expect(convertMinor(100, 7_100_000)).toBe(710); // 1.00 USD -> 7.10 CNY
    expect(convertMinor(110_004, 7_100_000)).toBe(781_028); // 1,100.04 USD -> 7,810.284 -> 7,810.28
    expect(convertMinor(1, 500_000)).toBe(1); // 0.5 fen rounds up
    expect(convertMinor(-1, 500_000)).toBe(-1); // and away from zero when negative
    expect(convertMinor(1, 499_999)).toBe(0);
    expect(convertMinor(0, 7_100_000)).toBe(0);
  });

  it('stays exact beyond 2^53 intermediate products (BigInt), and refuses floats', () => {
    // 9e13 fen (900 billion USD) x 7.123456: the product is far above 2^53
    expect(convertMinor(90_000_000_000_000, 7_123_456)).toBe(641_111_040_000_000);
    expect(() => convertMinor(1.5, 7_100_000)).toThrow(RangeError);
    expect(() => convertMinor(100, 0)).toThrow(RangeError);
  });

  it('the converter keeps the reporting currency as it is and has no answer without a rate', () => {
    const c = converter({ reporting: 'CNY', rates: [{ currency: 'USD', rateMicro: 7_100_000, asOf: '2026-12-01' }] });
    expect(c(12_345, 'CNY')).toBe(12_345);
    expect(c(100, 'USD')).toBe(710);
    expect(c(100, 'EUR')).toBeNull();
  });
});

describe('rates as people write them', () => {
  it('parses up to 6 decimals, positive only; formats without trailing zeros', () => {
    expect(parseRate('7.1')).toBe(7_100_000);
    expect(parseRate(' 0.140845 ')).toBe(140_845);
    expect(parseRate('7,10')).toBe(7_100_000);
    expect(parseRate('7')).toBe(7_000_000);
    for (const bad of ['', '0', '0.0000001', '-7.1', 'abc', '7.1.1', '1e3']) expect(parseRate(bad)).toBeNull();
    expect(formatRate(7_100_000)).toBe('7.1');
    expect(formatRate(140_845)).toBe('0.140845');
    expect(formatRate(7_000_000)).toBe('7');
  });
});

describe('fxPlan and the footnote', () => {
  const accounts = [
    { name: '国能电力', currency: 'CNY' as const },
    { name: 'Acme Inc.', currency: 'USD' as const },
    { name: 'Siemens', currency: 'EUR' as const },
    { name: 'Bosch', currency: 'EUR' as const },
  ];
  it('includes the reporting currency and those with a rate; names the rest per currency', () => {
    const p = fxPlan(accounts, { reporting: 'CNY', rates: [{ currency: 'USD', rateMicro: 7_100_000, asOf: '2026-12-01' }] });
    expect(accounts.map((a) => p.included(a))).toEqual([true, true, false, false]);
    expect(p.note).toEqual({
      reporting: 'CNY',
      used: [{ currency: 'USD', rateMicro: 7_100_000, asOf: '2026-12-01' }],
      excluded: [{ currency: 'EUR', accounts: 2, names: ['Siemens', 'Bosch'] }],
    });
    expect(fxFootnote(p.note, messages.en.portfolio.fx)).toEqual([
      'Converted at the rates of 2026-12-01: 1 USD = 7.1 CNY',
      '2 accounts in EUR not counted: no rate (Siemens, Bosch)',
    ]);
    expect(fxFootnote(p.note, messages['zh-CN'].portfolio.fx)).toEqual(['按 2026-12-01 的汇率换算：1 USD = 7.1 CNY', '2 个 EUR 客户未计入：没有汇率（Siemens、Bosch）']);
  });

  it('a rate unused (no account in it) is not mentioned; one currency only says so; long name lists are cut', () => {
    const p = fxPlan([accounts[0]!], { reporting: 'CNY', rates: [{ currency: 'USD', rateMicro: 7_100_000, asOf: '2026-12-01' }] });
    expect(fxFootnote(p.note, messages.en.portfolio.fx)).toEqual(['All amounts in CNY']);
    const many = fxPlan(
      ['a', 'b', 'c', 'd', 'e'].map((name) => ({ name, currency: 'HKD' as const })),
      { reporting: 'CNY', rates: [] },
    );
    expect(fxFootnote(many.note, messages.en.portfolio.fx)).toEqual(['5 accounts in HKD not counted: no rate (a, b, c, 2 more)']);
  });
});
