/**
 * `plan pdf` on the command line, in-process: argument checks and exit codes, files written whole or
 * not at all, and (with Chromium) the printed plan itself - its text, its fonts (subset CID TrueType,
 * no Type 3), the running footer's page numbers, contents page numbers that match the pages the
 * sections landed on, and the customer version. Page 1 and a middle page are rendered into
 * test-results/plan-pdf/ for a look.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Backend } from '../../electron/backend/backend';
import { EXIT_FAIL, EXIT_OK } from '../../electron/backend/cli/run';
import { runCaptured } from './cli-helpers';
import { findChromium } from '../../electron/backend/documents/chromium-printer';
import { namedDestinationPages, pdfPageCount } from '../../electron/backend/documents/pdf-pages';
import { PLAN_SECTIONS } from '../../shared/domain/plan';
import { messages } from '../../shared/i18n';
import { NOW } from './accounts-helpers';
import { ls, sha256, useTestEnv } from './helpers';
import { seedPlan, type PlanFixture } from './plan-fixtures';

const env = useTestEnv();
const RESULTS = path.resolve('test-results', 'plan-pdf');

/** The CLI in-process with exactly these arguments (no --locale added). */
const cli = runCaptured;

async function seeded(): Promise<{ db: string; f: PlanFixture }> {
  const db = env.file('keyplan.db');
  const b = new Backend({ dbPath: db, transport: 'test', now: () => NOW, log: () => {} });
  try {
    const f = await seedPlan(b, { actions: 30, people: 24 });
    return { db, f };
  } finally {
    await b.close();
  }
}

const partials = () => ls(env.dir).filter((f) => f.includes('partial'));

describe('plan pdf', () => {
  it('refuses bad arguments, an unknown account or a year without a plan; a failed export leaves no file', async () => {
    const { db } = await seeded();
    const out = env.file('plan.pdf');
    const usage = await cli(['plan', 'svg', '--account', '国能电力集团', '--year', '2026', '--out', out, '--db', db]);
    expect(usage.code).toBe(EXIT_FAIL);
    // In the language of --locale (zh-CN by default), and in English
    expect(usage.err).toContain('用法：plan pdf --account 客户名称 --year 年份');
    expect((await cli(['plan', 'pdf', '--account', '国能电力集团', '--year', '2026', '--db', db])).err).toContain('plan pdf 需要 --out 文件');
    expect((await cli(['plan', 'pdf', '--account', '国能电力集团', '--year', '2026', '--db', db, '--locale', 'en'])).err).toContain('plan pdf needs --out FILE');
    expect((await cli(['plan', 'pdf', '--account', '国能电力集团', '--out', out, '--db', db, '--locale', 'en'])).err).toContain('--year YYYY is required');
    for (const y of ['26', '2026.5', 'next', '3000']) {
      const r = await cli(['plan', 'pdf', '--account', '国能电力集团', '--year', y, '--out', out, '--db', db]);
      expect(r.code, y).toBe(EXIT_FAIL);
      expect(r.err).toContain('--year 是 2026 这样的年份');
    }
    expect((await cli(['plan', 'pdf', '--account', '国能电力集团', '--year', '2026', '--locale', 'fr', '--out', out, '--db', db])).code).toBe(EXIT_FAIL);
    const unknown = await cli(['plan', 'pdf', '--account', '国能电力', '--year', '2026', '--out', out, '--db', db]);
    expect(unknown.code).toBe(EXIT_FAIL);
    expect(unknown.err).toContain('没有名为“国能电力”的客户。是不是：国能电力集团？');
    const unknownEn = await cli(['plan', 'pdf', '--account', '国能电力', '--year', '2026', '--out', out, '--db', db, '--locale', 'en']);
    expect(unknownEn.err).toContain('No account named "国能电力". Did you mean: 国能电力集团?');
    // an existing file stays as it was when the export fails
    fs.writeFileSync(out, 'old');
    const hash = sha256(out);
    const noPlan = await cli(['plan', 'pdf', '--account', '国能电力集团', '--year', '2030', '--out', out, '--db', db]);
    expect(noPlan.code).toBe(EXIT_FAIL);
    expect(noPlan.err).toMatch(/\[not-found\]/);
    expect(sha256(out)).toBe(hash);
    expect(partials()).toEqual([]);
    // a damaged database: exit 2
    const broken = env.file('broken.db');
    fs.writeFileSync(broken, 'not a database at all'.repeat(200));
    expect((await cli(['plan', 'pdf', '--account', '国能电力集团', '--year', '2026', '--out', out, '--db', broken])).code).toBe(2);
  });

  it.skipIf(!findChromium())('prints the plan through Chromium: text, fonts, footer page numbers, contents pages, the customer version', async () => {
    const { db, f } = await seeded();
    const t = messages['zh-CN'].planDoc;
    const pdf = env.file('plan.pdf');
    const r = await cli(['plan', 'pdf', '--account', '国能电力集团', '--year', '2026', '--out', pdf, '--db', db]);
    expect(r.code, r.err).toBe(EXIT_OK);
    expect(r.out).toBe(`已写入 ${pdf}（${fs.statSync(pdf).size} 字节）\n`);
    const bytes = fs.readFileSync(pdf);
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');

    const fonts = execFileSync('pdffonts', [pdf], { encoding: 'utf8' });
    expect(fonts).toContain('CID TrueType');
    expect(fonts).not.toContain('Type 3');

    const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
    const pages = Number(/Pages:\s+(\d+)/.exec(info)![1]);
    expect(info).toMatch(/Page size:\s+59[45](\.\d+)? x 84[12](\.\d+)? pts \(A4\)/);
    expect(pages).toBeGreaterThanOrEqual(14);
    expect(pdfPageCount(bytes)).toBe(pages);

    const text = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' });
    expect(text).toContain('国能电力集团');
    expect(text).toContain(f.action);
    expect(text).toContain(f.internal.risk);
    for (const key of PLAN_SECTIONS) expect(text, key).toContain(t.sections[key]);
    // the footer on every page but the cover: "第 x / y 页" (pdftotext drops the spaces)
    const pageTexts = text.split('\f').slice(0, pages);
    expect(pageTexts[0]).not.toMatch(/第\s*1\s*\/\s*\d+\s*页/);
    for (let p = 2; p <= pages; p++) expect(pageTexts[p - 1], `page ${p}`).toMatch(new RegExp(`第\\s*${p}\\s*/\\s*${pages}\\s*页`));
    expect(pageTexts[1]).toContain('国能电力集团 2026 年度客户计划');

    // the contents' page numbers are the pages the sections' headings are on
    const dests = namedDestinationPages(bytes);
    const sectionPages = PLAN_SECTIONS.map((_, i) => dests.get(`sec-${i + 1}`) ?? 0);
    expect(sectionPages[0]).toBe(3); // after the cover and the contents
    for (let i = 1; i < sectionPages.length; i++) expect(sectionPages[i]).toBeGreaterThan(sectionPages[i - 1]!);
    const toc = execFileSync('pdftotext', ['-layout', '-f', '2', '-l', '2', pdf, '-'], { encoding: 'utf8' });
    PLAN_SECTIONS.forEach((key, i) => {
      const page = dests.get(`sec-${i + 1}`)!;
      expect(toc, key).toMatch(new RegExp(`${i + 1}\\s+${t.sections[key]}[\\s.]*${page}\\s*$`, 'm'));
      expect(pageTexts[page - 1], key).toContain(t.sections[key]);
    });

    // for a look: the cover, the contents and a page in the middle
    fs.mkdirSync(RESULTS, { recursive: true });
    const actionsPage = dests.get(`sec-${PLAN_SECTIONS.indexOf('actions') + 1}`)!;
    for (const p of [1, 2, actionsPage, dests.get(`sec-${PLAN_SECTIONS.indexOf('dmu') + 1}`)!]) {
      execFileSync('pdftoppm', ['-png', '-r', '50', '-f', String(p), '-l', String(p), '-singlefile', pdf, path.join(RESULTS, `plan-zh-page-${p}`)]);
    }

    // the customer version, in English
    const safe = env.file('safe.pdf');
    const s = await cli(['plan', 'pdf', '--account', '国能电力集团', '--year', '2026', '--locale', 'en', '--safe', '--out', safe, '--db', db]);
    expect(s.code, s.err).toBe(EXIT_OK);
    expect(s.out).toContain('customer version');
    const safeText = execFileSync('pdftotext', [safe, '-'], { encoding: 'utf8' });
    expect(safeText).toContain('Customer version');
    expect(safeText).toContain('Account overview');
    expect(safeText).toMatch(/Page\s*3\s*\/\s*\d+/);
    expect(safeText).toContain(f.action);
    expect(safeText).not.toContain(f.internal.risk);
    expect(safeText).not.toContain(f.internal.notes);
    for (const w of Object.values(messages.en.dmu.attitudes)) expect(safeText, w).not.toContain(w);
    expect(execFileSync('pdffonts', [safe], { encoding: 'utf8' })).not.toContain('Type 3');
    execFileSync('pdftoppm', ['-png', '-r', '50', '-f', '1', '-l', '1', '-singlefile', safe, path.join(RESULTS, 'plan-en-safe-page-1')]);
    expect(partials()).toEqual([]);
  }, 60_000);
});
