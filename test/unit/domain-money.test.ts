/**
 * Money display (shared/domain/money): the one rule every screen and document uses — exact amounts
 * with separators, compact 万/亿 (zh-CN) and K/M/B (en) with three significant digits.
 */
import { describe, expect, it } from 'vitest';
import { formatMoney, formatMoneyBoth } from '../../shared/domain/money';

const zh = (minor: number) => formatMoney(minor, 'CNY', 'zh-CN', { compact: true });
const en = (minor: number, c: 'USD' | 'CNY' = 'USD') => formatMoney(minor, c, 'en', { compact: true });

describe('formatMoney, exact', () => {
  it('writes minor units as the major amount with thousands separators and the symbol', () => {
    expect(formatMoney(123_456_789, 'CNY', 'zh-CN')).toBe('¥1,234,567.89');
    expect(formatMoney(100_000, 'CNY', 'zh-CN')).toBe('¥1,000');
    expect(formatMoney(5, 'USD', 'en')).toBe('US$0.05');
    expect(formatMoney(0, 'EUR', 'en')).toBe('€0');
    expect(formatMoney(-150, 'CNY', 'en')).toBe('-¥1.50');
    expect(formatMoney(1_000_000_00, 'HKD', 'en')).toBe('HK$1,000,000');
    expect(formatMoney(120_000_000_000, 'CNY', 'zh-CN')).toBe('¥1,200,000,000');
  });

  it('is the same in both languages', () => {
    for (const v of [0, 1, 99, 100_00, 35_600_000, -987_654_321]) expect(formatMoney(v, 'CNY', 'zh-CN')).toBe(formatMoney(v, 'CNY', 'en'));
  });
});

describe('formatMoney, compact in Chinese: 万 and 亿', () => {
  it('zero, below 1万 and the step to 万', () => {
    expect(zh(0)).toBe('¥0');
    expect(zh(999_900)).toBe('¥9,999');
    expect(zh(1_000_000)).toBe('¥1万');
    // 9,999.50 rounds to 10,000: it is 1万, not "¥10,000"
    expect(zh(999_950)).toBe('¥1万');
    expect(zh(999_949)).toBe('¥9,999');
    expect(zh(12_345)).toBe('¥123');
    expect(zh(5)).toBe('¥0.05');
  });

  it('three significant digits: the list and the receivables card say ¥35.6万', () => {
    expect(zh(35_600_000)).toBe('¥35.6万');
    expect(zh(12_345_600)).toBe('¥12.3万');
    expect(zh(123_450_000)).toBe('¥123万');
    expect(zh(1_234_000_00)).toBe('¥123万');
    expect(zh(12_340_000_00)).toBe('¥1234万');
    expect(zh(1_500_000)).toBe('¥1.5万');
    expect(zh(1_234_500)).toBe('¥1.23万');
  });

  it('亿: company revenue 1,200,000,000 is ¥12亿; 1.2亿; 12.35亿', () => {
    expect(zh(120_000_000_000)).toBe('¥12亿');
    expect(zh(12_000_000_000)).toBe('¥1.2亿');
    expect(zh(123_456_789_000)).toBe('¥12.3亿');
    expect(zh(3_000_000_000_0)).toBe('¥3亿');
    expect(zh(1_234_567_890_000_00)).toBe('¥12,346亿');
  });

  it('rounds halves away from zero on whole minor units, and a figure rounding up to the next unit takes it', () => {
    expect(zh(35_650_000)).toBe('¥35.7万');
    expect(zh(-35_650_000)).toBe('-¥35.7万');
    expect(zh(9_999_999_999)).toBe('¥1亿'); // not "¥10000万"
    expect(zh(9_999_950_000)).toBe('¥1亿');
    expect(zh(9_999_400_000)).toBe('¥9999万');
  });

  it('negative amounts keep their sign before the symbol', () => {
    expect(zh(-1_500_000)).toBe('-¥1.5万');
    expect(zh(-999_900)).toBe('-¥9,999');
    expect(zh(-120_000_000_000)).toBe('-¥12亿');
  });
});

describe('formatMoney, compact in English: K, M and B', () => {
  it('the same amounts', () => {
    expect(en(0)).toBe('US$0');
    expect(en(99_900)).toBe('US$999');
    expect(en(99_950)).toBe('US$1K');
    expect(en(150_000)).toBe('US$1.5K');
    expect(en(110_004, 'CNY')).toBe('¥1.1K');
    expect(en(35_600_000, 'CNY')).toBe('¥356K');
    expect(en(123_456_789)).toBe('US$1.23M');
    expect(en(120_000_000_000, 'CNY')).toBe('¥1.2B');
    expect(en(250_000_000_000)).toBe('US$2.5B');
    expect(en(-2_000_000)).toBe('-US$20K');
    expect(en(99_999_999)).toBe('US$1M'); // not "$1000K"
    expect(en(99_949_999)).toBe('US$999K');
  });
});

describe('formatMoneyBoth (a form reads back what it understood)', () => {
  it('exact, then the compact reading when it differs', () => {
    expect(formatMoneyBoth(120_000_000_000, 'CNY', 'zh-CN')).toBe('¥1,200,000,000（¥12亿）');
    expect(formatMoneyBoth(1_200_000, 'CNY', 'zh-CN')).toBe('¥12,000（¥1.2万）');
    expect(formatMoneyBoth(120_000_000_000, 'CNY', 'en')).toBe('¥1,200,000,000 (¥1.2B)');
    expect(formatMoneyBoth(500_000, 'CNY', 'zh-CN')).toBe('¥5,000');
    expect(formatMoneyBoth(0, 'CNY', 'zh-CN')).toBe('¥0');
  });
});
