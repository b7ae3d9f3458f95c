/** Money display (shared/domain/money): full amounts with separators, compact 万/亿 and K/M/B. */
import { describe, expect, it } from 'vitest';
import { formatMoney } from '../../shared/domain/money';

describe('formatMoney', () => {
  it('writes minor units as the major amount with thousands separators and the symbol', () => {
    expect(formatMoney(123_456_789, 'CNY', 'zh-CN')).toBe('¥1,234,567.89');
    expect(formatMoney(100_000, 'CNY', 'zh-CN')).toBe('¥1,000');
    expect(formatMoney(5, 'USD', 'en')).toBe('US$0.05');
    expect(formatMoney(0, 'EUR', 'en')).toBe('€0');
    expect(formatMoney(-150, 'CNY', 'en')).toBe('-¥1.50');
    expect(formatMoney(1_000_000_00, 'HKD', 'en')).toBe('HK$1,000,000');
  });

  it('compact in Chinese: 万 and 亿', () => {
    const zh = (minor: number) => formatMoney(minor, 'CNY', 'zh-CN', { compact: true });
    expect(zh(999_900)).toBe('¥9999');
    expect(zh(1_000_000)).toBe('¥1万');
    expect(zh(123_450_000)).toBe('¥123.45万');
    expect(zh(3_000_000_000_0)).toBe('¥3亿');
    expect(zh(1_234_567_890_00)).toBe('¥12.35亿');
    expect(zh(-1_500_000)).toBe('-¥1.5万');
    // just under 1亿 rounds up to it: not "¥10000万"
    expect(zh(9_999_999_999)).toBe('¥1亿');
    expect(zh(12_345)).toBe('¥123.45');
  });

  it('compact in English: K, M and B', () => {
    const en = (minor: number, c: 'USD' | 'CNY' = 'USD') => formatMoney(minor, c, 'en', { compact: true });
    expect(en(99_900)).toBe('US$999');
    expect(en(150_000)).toBe('US$1.5K');
    expect(en(123_456_789)).toBe('US$1.23M');
    expect(en(250_000_000_000)).toBe('US$2.5B');
    expect(en(1_234_500_00, 'CNY')).toBe('¥1.23M');
    expect(en(-2_000_000)).toBe('-US$20K');
    expect(en(99_999_999)).toBe('US$1M'); // not "US$1000K"
  });
});
