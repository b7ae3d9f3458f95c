/**
 * The plan document's pure pieces, without a printer or a database: the one objective figure shared
 * by the plan and the forum deck, and the table's page-break rule (a small table is one piece, a long
 * one keeps its last KEEP_ROWS rows, total included, together).
 */
import { describe, expect, it } from 'vitest';
import { objectiveFigure } from '../../electron/backend/documents/figure';
import { KEEP_ROWS, SMALL_TABLE_ROWS, table } from '../../electron/backend/documents/plan-parts';

describe('objectiveFigure', () => {
  it('prints money short, basis points as a percentage, counts grouped, nothing for no value', () => {
    expect(objectiveFigure('money', 12_000_000_00, 'CNY', 'zh-CN')).toBe('¥1200万');
    expect(objectiveFigure('percent', 1250, 'CNY', 'en')).toBe('12.5%');
    expect(objectiveFigure('number', 12345, 'CNY', 'en')).toBe('12,345');
    expect(objectiveFigure('number', null, 'CNY', 'en')).toBe('');
  });
});

describe('table', () => {
  const rows = (n: number) => Array.from({ length: n }, (_, i) => [String(i), '<b>x</b>']);
  it('keeps a small table in one piece and marks it small', () => {
    const html = table([{ label: 'A&B' }, { label: 'n', cls: 'num' }], rows(SMALL_TABLE_ROWS));
    expect(html).toMatch(/^<table class="grid small">/);
    expect(html).toContain('<th>A&amp;B</th><th class="num">n</th>');
    expect(html.match(/<tbody/g)).toHaveLength(1);
    expect(html).toContain('<td class="num"><b>x</b></td>');
  });
  it('keeps the last rows of a long table, with its total, together', () => {
    const html = table([{ label: 'a' }, { label: 'b' }], rows(SMALL_TABLE_ROWS + 5), { cls: 'actions', foot: ['', 'total'] });
    expect(html).toMatch(/^<table class="grid actions">/);
    const tail = html.slice(html.indexOf('<tbody class="tail">'));
    expect(tail.match(/<tr/g)).toHaveLength(KEEP_ROWS);
    expect(tail).toContain('<tr class="total"><td></td><td>total</td></tr>');
  });
});
