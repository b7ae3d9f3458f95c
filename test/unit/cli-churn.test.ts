/**
 * `churn [--year YYYY] [--json]` on the command line, in-process: the rates by quarter, half-year
 * and year, by reason, industry and reason x industry, the revenue lost, in English and Chinese and
 * as JSON; a bad --year is refused before the database is opened.
 */
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Backend } from '../../electron/backend/backend';
import { EXIT_FAIL, EXIT_OK } from '../../electron/backend/cli/run';
import { runCaptured } from './cli-helpers';
import { useTestEnv } from './helpers';

const env = useTestEnv();
const W = 10_000_00;

async function seeded(): Promise<string> {
  const db = env.file('keyplan.db');
  const b = new Backend({ dbPath: db, transport: 'test', now: () => new Date('2024-01-01T08:00:00.000Z'), log: () => {} });
  try {
    await b.call('accounts-create', { name: 'Alpha', industry: 'Finance' });
    const beta = await b.call('accounts-create', { name: 'Beta', industry: 'Finance', churnStatus: 'churned', churnReason: 'competitor-price', churnedOn: '2025-02-10' });
    await b.call('revenue-set', { accountId: beta.id, year: 2024, revenue: 50 * W });
    await b.call('accounts-create', { name: 'Gamma', industry: '教育', churnStatus: 'churned', churnReason: 'customer-business', churnedOn: '2025-08-01' });
  } finally {
    await b.close();
  }
  return db;
}

describe('cli churn', () => {
  it('prints the rates by period, reason, industry and reason x industry with the revenue lost', async () => {
    const db = await seeded();
    const r = await runCaptured(['churn', '--db', db, '--year', '2025', '--locale', 'en']);
    expect(r.err).toBe('');
    expect(r.code).toBe(EXIT_OK);
    const lines = r.out.split('\n');
    expect(lines[0]).toMatch(/^Churn in 2025 \(amounts in CNY, as of \d{4}-\d\d-\d\d\)$/);
    expect(r.out).toContain('Churn rate for the year 66.67%: 2 of 3 accounts at the start; revenue lost ¥500,000');
    expect(lines).toContain('  Q1: 3 at start, 1 churned, rate 33.33%, revenue lost ¥500,000');
    expect(lines).toContain('  Q2: 2 at start, 0 churned, rate 0.00%, revenue lost ¥0');
    expect(lines).toContain('  Q3: 2 at start, 1 churned, rate 50.00%, revenue lost ¥0');
    expect(lines).toContain('  Q4: 1 at start, 0 churned, rate 0.00%, revenue lost ¥0');
    expect(lines).toContain('  First half: 3 at start, 1 churned, rate 33.33%, revenue lost ¥500,000');
    expect(lines).toContain("  Competitor's price: 1 (50.00% of churned), revenue lost ¥500,000");
    expect(lines).toContain('  Finance: 1 churned, rate 50.00% (2 at start), 50.00% of churned, revenue lost ¥500,000');
    expect(lines).toContain("  Customer's own business x 教育: 1, revenue lost ¥0");
  });

  it('speaks Chinese by default, and --json gives the figures untranslated', async () => {
    const db = await seeded();
    const zh = await runCaptured(['churn', '--db', db, '--year', '2025']);
    expect(zh.code).toBe(EXIT_OK);
    expect(zh.out).toContain('全年流失率 66.67%：期初 3 个客户，流失 2 个');
    expect(zh.out).toContain('  竞争对手价格 × Finance：1 个');
    const js = await runCaptured(['churn', '--db', db, '--year', '2025', '--json']);
    expect(js.code).toBe(EXIT_OK);
    const f = JSON.parse(js.out) as { year: number; quarters: { key: string; churned: number }[]; halves: { key: string }[]; total: { rate: number; revenueLost: number }; byReason: { reason: string }[] };
    expect(f.year).toBe(2025);
    expect(f.quarters.map((q) => q.churned)).toEqual([1, 0, 1, 0]);
    expect(f.halves.map((h) => h.key)).toEqual(['H1', 'H2']);
    expect(f.total).toMatchObject({ rate: 2 / 3, revenueLost: 50 * W });
    expect(f.byReason.map((x) => x.reason)).toEqual(['competitor-price', 'customer-business']);
  });

  it('refuses a bad --year before any database is made', async () => {
    const db = env.file('none.db');
    const r = await runCaptured(['churn', '--db', db, '--year', '20x5', '--locale', 'en']);
    expect(r.code).toBe(EXIT_FAIL);
    expect(r.err).toContain('--year is a year such as 2026, not "20x5"');
    expect(fs.existsSync(db)).toBe(false);
  });
});
