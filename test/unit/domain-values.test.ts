/**
 * Forgiving value parsers (shared/domain/values): what people type into spreadsheets becomes exact
 * integers, ISO dates and booleans, or a reason why not.
 */
import { describe, expect, it } from 'vitest';
import { parseBoolean, parseDate, parseInteger, parseMoney, parsePercent, parseScaled, toHalfWidth } from '../../shared/domain/values';

const ok = <T>(value: T) => ({ ok: true, value });
const bad = (reason: string) => ({ ok: false, reason });

describe('parseMoney (minor units)', () => {
  it.each([
    ['1100.04', 110_004],
    ['$1,100.04 ', 110_004],
    ['  ¥ 1,234,567.89', 123_456_789],
    ['￥12,000', 1_200_000],
    ['12,000元', 1_200_000],
    ['RMB 1,000', 100_000],
    ['1000 CNY', 100_000],
    ['USD 5', 500],
    ['HK$10', 1000],
    ['€7.5', 750],
    ['1.2万', 1_200_000],
    ['1.2万元', 1_200_000],
    ['3亿', 3_000_000_000_0],
    ['2.5亿元', 2_500_000_000_0],
    ['3千元', 300_000],
    ['2百万', 200_000_000],
    ['1.23456万', 1_234_560],
    ['2.5k', 250_000],
    ['2.5K', 250_000],
    ['1.5M', 150_000_000],
    ['1.5 mn', 150_000_000],
    ['2bn', 200_000_000_000],
    ['(1,000)', -100_000],
    ['(¥1,000.50)', -100_050],
    ['-12.5', -1250],
    ['−12.5', -1250], // a real minus sign
    ['-¥5', -500],
    ['¥-5', -500],
    ['-1.5万', -1_500_000],
    ['１２３．４５', 12_345], // full-width, as Chinese input methods type it
    ['１，２００', 120_000],
    ['12 345', 1_234_500],
    ["1'234", 123_400],
    ['.5', 50],
    ['5.', 500],
    ['0', 0],
    ['007', 700],
  ] as const)('%j -> %i', (input, minor) => {
    expect(parseMoney(input)).toEqual(ok(minor));
  });

  it('rounds half away from zero, in decimal, never through binary floating point', () => {
    expect(parseMoney('0.005')).toEqual(ok(1));
    expect(parseMoney('-0.005')).toEqual(ok(-1));
    expect(parseMoney('0.00499')).toEqual(ok(0));
    expect(parseMoney('1.004')).toEqual(ok(100));
    expect(parseMoney('2.675')).toEqual(ok(268)); // 2.675 * 100 is 267.49999... in floating point
    expect(parseMoney('-2.675')).toEqual(ok(-268));
    expect(parseMoney('1.015万')).toEqual(ok(1_015_000));
    expect(parseMoney('0.000005万')).toEqual(ok(5));
    expect(parseMoney('0.0000005万')).toEqual(ok(1)); // 0.005 yuan
    expect(parseMoney('99999999999.995')).toEqual(ok(100_000_000_000_00));
  });

  it('takes numbers as spreadsheets store them', () => {
    expect(parseMoney(1234.5)).toEqual(ok(123_450));
    expect(parseMoney(0.1 + 0.2)).toEqual(ok(30));
    expect(parseMoney(-0.015)).toEqual(ok(-2));
    expect(parseMoney(42)).toEqual(ok(4200));
  });

  it.each(['', '   ', 'abc', '1.2.3', '12abc', '万', '$', '1e5', '1,2', '12-3', '１２ａ', 'N/A', '--'])('refuses %j as not-a-number', (input) => {
    expect(parseMoney(input)).toEqual(bad('not-a-number'));
  });

  it('refuses numbers that are not finite, and amounts past the exact range', () => {
    expect(parseMoney(Number.NaN)).toEqual(bad('not-a-number'));
    expect(parseMoney(Number.POSITIVE_INFINITY)).toEqual(bad('not-a-number'));
    expect(parseMoney('99999999999999999999')).toEqual(bad('out-of-range'));
    expect(parseMoney('1000万亿')).toEqual(bad('not-a-number'));
  });

  it('parseScaled scales to other precisions', () => {
    expect(parseScaled('12.3456', 4)).toEqual(ok(123_456));
    expect(parseScaled('12.34565', 4)).toEqual(ok(123_457));
    expect(parseScaled('7', 0)).toEqual(ok(7));
    expect(parseScaled('7.5', 0)).toEqual(ok(8));
  });
});

describe('parsePercent (basis points)', () => {
  it.each([
    ['35%', 3500],
    ['35', 3500],
    ['35 %', 3500],
    ['0.35', 3500], // a bare fraction, as spreadsheets store percentages
    ['1.0', 10_000],
    ['12.5%', 1250],
    ['12.5', 1250],
    ['12.34%', 1234],
    ['12.345%', 1235],
    ['0.5%', 50],
    ['100%', 10_000],
    ['0', 0],
    ['0%', 0],
    ['３５％', 3500],
  ] as const)('%j -> %i', (input, bp) => {
    expect(parsePercent(input)).toEqual(ok(bp));
  });

  it('takes numbers too', () => {
    expect(parsePercent(0.35)).toEqual(ok(3500));
    expect(parsePercent(35)).toEqual(ok(3500));
    expect(parsePercent(1)).toEqual(ok(100));
  });

  it('refuses what is not a share', () => {
    expect(parsePercent('150%')).toEqual(bad('out-of-range'));
    expect(parsePercent('101')).toEqual(bad('out-of-range'));
    expect(parsePercent('-5%')).toEqual(bad('out-of-range'));
    expect(parsePercent('abc')).toEqual(bad('not-a-percent'));
    expect(parsePercent('')).toEqual(bad('not-a-percent'));
    expect(parsePercent('%')).toEqual(bad('not-a-percent'));
  });
});

describe('parseInteger', () => {
  it('reads whole numbers with separators and units', () => {
    expect(parseInteger('1,200')).toEqual(ok(1200));
    expect(parseInteger('3万')).toEqual(ok(30_000));
    expect(parseInteger('1.5万')).toEqual(ok(15_000));
    expect(parseInteger('1.0')).toEqual(ok(1));
    expect(parseInteger('１２')).toEqual(ok(12));
    expect(parseInteger('-3')).toEqual(ok(-3));
    expect(parseInteger(42)).toEqual(ok(42));
  });

  it('refuses fractions and garbage', () => {
    expect(parseInteger('1.5')).toEqual(bad('not-an-integer'));
    expect(parseInteger(2.5)).toEqual(bad('not-an-integer'));
    expect(parseInteger('many')).toEqual(bad('not-a-number'));
    expect(parseInteger('')).toEqual(bad('not-a-number'));
  });
});

describe('parseBoolean', () => {
  it.each(['是', '有', '对', 'y', 'Y', 'yes', 'YES', 'true', 'True', '1', '√', '✓', '✔', 'x', ' yes '])('%j is true', (s) => {
    expect(parseBoolean(s)).toEqual(ok(true));
  });

  it.each(['否', '无', '不是', 'n', 'no', 'No', 'false', 'FALSE', '0', '', '  '])('%j is false', (s) => {
    expect(parseBoolean(s)).toEqual(ok(false));
  });

  it('takes booleans and 0/1 numbers, and refuses the rest', () => {
    expect(parseBoolean(true)).toEqual(ok(true));
    expect(parseBoolean(false)).toEqual(ok(false));
    expect(parseBoolean(1)).toEqual(ok(true));
    expect(parseBoolean(0)).toEqual(ok(false));
    expect(parseBoolean(2)).toEqual(bad('not-a-boolean'));
    expect(parseBoolean('maybe')).toEqual(bad('not-a-boolean'));
    expect(parseBoolean('是的吧')).toEqual(bad('not-a-boolean'));
  });
});

describe('parseDate', () => {
  it.each([
    ['2026-01-05', '2026-01-05'],
    ['2026/1/5', '2026-01-05'],
    ['2026.1.5', '2026-01-05'],
    ['2026-1-5', '2026-01-05'],
    ['2026年1月5日', '2026-01-05'],
    ['2026 年 1 月 5 日', '2026-01-05'],
    ['2026年12月31日', '2026-12-31'],
    ['２０２６－０１－０５', '2026-01-05'],
    ['20260105', '2026-01-05'],
    ['2026-01-05 10:30', '2026-01-05'],
    ['2026-01-05T10:30:00Z', '2026-01-05'],
    ['2024/2/29', '2024-02-29'],
    // day/month order: month first, as US spreadsheets write it, unless the first number cannot be a month
    ['5/1/2026', '2026-05-01'],
    ['1/13/2026', '2026-01-13'],
    ['13/1/2026', '2026-01-13'],
    ['31.12.2026', '2026-12-31'],
    // Excel serial numbers
    ['45000', '2023-03-15'],
    ['46023', '2026-01-01'],
  ] as const)('%j -> %s', (input, iso) => {
    expect(parseDate(input)).toEqual(ok(iso));
  });

  it('reads Excel serial numbers, including the days around Excel’s phantom 1900-02-29', () => {
    expect(parseDate(46023)).toEqual(ok('2026-01-01'));
    expect(parseDate(45000.75)).toEqual(ok('2023-03-15')); // a time of day is dropped
    expect(parseDate(1)).toEqual(ok('1900-01-01'));
    expect(parseDate(59)).toEqual(ok('1900-02-28'));
    expect(parseDate(61)).toEqual(ok('1900-03-01'));
    expect(parseDate(0)).toEqual(bad('not-a-date'));
    expect(parseDate(-1)).toEqual(bad('not-a-date'));
    expect(parseDate(3_000_000)).toEqual(bad('not-a-date'));
    expect(parseDate(Number.NaN)).toEqual(bad('not-a-date'));
  });

  it('takes Date objects by their UTC day', () => {
    expect(parseDate(new Date(Date.UTC(2026, 0, 5)))).toEqual(ok('2026-01-05'));
    expect(parseDate(new Date(Number.NaN))).toEqual(bad('not-a-date'));
  });

  it.each(['2026-02-30', '2026-02-29', '2026-13-01', '2026-00-01', '32/1/2026', '13/13/2026', '2026年2月30日', '20261301', '12345678', 'tomorrow', '', '2026', '1/5', '2026-01'])(
    'refuses %j',
    (input) => {
      expect(parseDate(input)).toEqual(bad('not-a-date'));
    },
  );
});

describe('toHalfWidth', () => {
  it('folds full-width ASCII and the ideographic space', () => {
    expect(toHalfWidth('ＡＢＣ１２３％－．，\u3000')).toBe('ABC123%-., ');
    expect(toHalfWidth('河南')).toBe('河南');
  });
});
