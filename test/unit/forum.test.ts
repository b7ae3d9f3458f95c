/**
 * The customer-forum deck: its slides (title, board, Pareto, then per account), customer-safe,
 * escaping, forum-export's progress events and export-cancel, and `forum pdf` on the command line
 * (with Chromium: the text, a 16:9 page, subset CID TrueType fonts only; two pages rendered into
 * test-results/forum-pdf/ for a look).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Backend } from '../../electron/backend/backend';
import { EXIT_FAIL, EXIT_OK, runCli } from '../../electron/backend/cli/run';
import { findChromium } from '../../electron/backend/documents/chromium-printer';
import { FIXED_SLIDES, FIXED_SLIDES_CUSTOMER, highlights, SLIDES_PER_ACCOUNT, SLIDES_PER_ACCOUNT_WITHOUT_PLAN } from '../../electron/backend/documents/forum-deck';
import type { Printer } from '../../electron/backend/documents/printer';
import { exportSteps, PRINT_STEPS_PER_SLIDE } from '../../electron/backend/exports/forum-export';
import type { ExportProgress } from '../../shared/api/forum';
import { NOW } from './accounts-helpers';
import { expectError, ls, useTestEnv } from './helpers';
import { seedPlan, type PlanFixture } from './plan-fixtures';

const env = useTestEnv();
const RESULTS = path.resolve('test-results', 'forum-pdf');
const HOSTILE = 'Acme <script>alert(1)</script> & "Co"';

function countingPrinter(): Printer & { calls: number } {
  const p = {
    calls: 0,
    pdf: () => {
      p.calls++;
      return Promise.resolve(new TextEncoder().encode('%PDF-1.4\n%%EOF\n'));
    },
    png: () => Promise.resolve(new Uint8Array()),
    close: () => Promise.resolve(),
  };
  return p;
}

/** A planned account (seedPlan) and one without a plan, with revenue and a person on its map. */
async function seed(b: Backend): Promise<{ f: PlanFixture; other: number }> {
  const f = await seedPlan(b, { actions: 12, people: 6 });
  const other = await b.call('accounts-create', { name: HOSTILE });
  await b.call('revenue-set', { accountId: other.id, year: 2025, revenue: 3_000_000_00, target: 3_500_000_00 });
  await b.call('stakeholders-create', { accountId: other.id, name: '周明', title: 'CIO', notes: '私下：难以接近' });
  return { f, other: other.id };
}

const slideCount = (html: string) => (html.match(/<section class="slide /g) ?? []).length;

describe('forum deck', () => {
  it('has the fixed slides and per account divider, review, objectives, actions and map (review and map without a plan)', async () => {
    const b = env.backend({ now: () => NOW });
    const { f, other } = await seed(b);
    const deck = await b.call('forum-deck', { year: f.year, accountIds: [f.accountId, other], locale: 'zh-CN' });
    expect(deck.slides).toBe(FIXED_SLIDES + SLIDES_PER_ACCOUNT + SLIDES_PER_ACCOUNT_WITHOUT_PLAN);
    expect(slideCount(deck.html)).toBe(deck.slides);
    expect(deck.html).toContain(`${deck.slides} / ${deck.slides}`);
    expect(deck.html).toContain('客户座谈会');
    expect(deck.html).toContain('第 2 项行动'); // doing; the first action (done) is not a key action
    expect(deck.html).not.toContain(f.action);
    expect(deck.html).toContain('@page { size: 338.7mm 190.5mm');
    // escaping: the hostile name is text everywhere (the board's srcdoc escapes it twice)
    expect(deck.html).not.toContain('<script>alert(1)');
    expect(deck.html).toContain('Acme &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;Co&quot;');
    // default: the accounts with a plan that year
    const offered = await b.call('forum-accounts', { year: f.year });
    expect(offered.accounts.map((a) => [a.id, a.hasPlan])).toEqual([
      [f.accountId, true],
      [other, false],
    ]);
    expect(offered.defaults).toEqual([f.accountId]);
    const byDefault = await b.call('forum-deck', { year: f.year, locale: 'en' });
    expect(byDefault.accountIds).toEqual([f.accountId]);
    expect(byDefault.html).toContain('Customer forum');
    expect(byDefault.html).not.toMatch(/[\u4e00-\u9fff]{2,}座谈会/);
  });

  it('customer-safe leaves out attitudes, private notes, favoured competitors and internal risks', async () => {
    const b = env.backend({ now: () => NOW });
    const { f, other } = await seed(b);
    const internal = await b.call('forum-deck', { year: f.year, accountIds: [f.accountId, other], locale: 'zh-CN' });
    const safe = await b.call('forum-deck', { year: f.year, accountIds: [f.accountId, other], locale: 'zh-CN', safe: true });
    expect(internal.html).toContain(f.internal.favours);
    for (const s of [f.internal.notes, f.internal.favours, f.internal.risk, '私下：难以接近', '反对', '内线']) expect(safe.html, s).not.toContain(s);
    expect(safe.html).toContain('对外版');
    // a forum has customers in the room: no board, no Pareto of all customers (audience.ts)
    expect(safe.slides).toBe(FIXED_SLIDES_CUSTOMER + SLIDES_PER_ACCOUNT + SLIDES_PER_ACCOUNT_WITHOUT_PLAN);
    expect(slideCount(safe.html)).toBe(safe.slides);
    for (const kind of ['board', 'pareto']) {
      expect(internal.html).toContain(`<section class="slide ${kind}">`);
      expect(safe.html).not.toContain(`<section class="slide ${kind}">`);
    }
  });

  it('shortens the review to its first items', () => {
    expect(highlights('<h2>回顾</h2><p>一 &amp; 二</p><ul><li><p>x'.concat('长'.repeat(200), '</p></li></ul>'))).toEqual(['回顾', '一 & 二', `x${'长'.repeat(88)}…`]);
    expect(highlights('')).toEqual([]);
  });
});

describe('forum-export', () => {
  it('reports progress per step and returns the PDF', async () => {
    const printer = countingPrinter();
    const b = env.backend({ now: () => NOW, printer });
    const { f, other } = await seed(b);
    const events: ExportProgress[] = [];
    b.on('export-progress', (p) => events.push(p));
    const file = await b.call('forum-export', { year: f.year, accountIds: [f.accountId, other], locale: 'en', safe: true, jobId: 'j1' });
    expect(file.fileName).toBe(`customer-forum-${f.year}-customer-version.pdf`);
    expect(file.mime).toBe('application/pdf');
    expect(printer.calls).toBe(1);
    expect(events.map((e) => e.stage)).toEqual(['prepare', 'portfolio', 'account', 'account', 'print', 'print']);
    // the print weighs one step per slide: when Chromium starts printing, the bar is far from the end
    const { slides } = await b.call('forum-deck', { year: f.year, accountIds: [f.accountId, other], locale: 'en', safe: true });
    const total = 3 + slides * PRINT_STEPS_PER_SLIDE;
    expect(exportSteps(2, slides)).toEqual({ build: 3, total });
    expect(events.every((e) => e.jobId === 'j1' && e.total === total)).toBe(true);
    expect(events.map((e) => e.done)).toEqual([0, 1, 2, 3, 3, total]);
    expect(events[4]!.done / total).toBeLessThan(0.5);
    expect(events[2]!.account).toBe(f.accountName);
  });

  it('export-cancel after the first progress event stops it with export-cancelled, nothing printed', async () => {
    const printer = countingPrinter();
    const b = env.backend({ now: () => NOW, printer });
    const { f, other } = await seed(b);
    const events: ExportProgress[] = [];
    const cancels: Promise<unknown>[] = [];
    b.on('export-progress', (p) => {
      events.push(p);
      if (events.length === 1) cancels.push(b.invoke('export-cancel', { jobId: p.jobId }));
    });
    const reply = await b.invoke('forum-export', { year: f.year, accountIds: [f.accountId, other], locale: 'zh-CN', jobId: 'j2' });
    expectError(reply, 'export-cancelled');
    expect(await cancels[0]).toEqual({ ok: true, value: { cancelled: true } });
    expect(events).toHaveLength(1);
    expect(printer.calls).toBe(0);
    // the job is gone: cancelling again finds nothing, and a new export with the same id runs
    expect(await b.call('export-cancel', { jobId: 'j2' })).toEqual({ cancelled: false });
    await b.call('forum-export', { year: f.year, accountIds: [f.accountId], locale: 'zh-CN', jobId: 'j2' });
  });

  it("each Backend owns its jobs: a cancel through one does not stop another's job of the same id", async () => {
    const printerA = countingPrinter();
    const a = env.backend({ now: () => NOW, printer: printerA });
    const b = env.backend({ now: () => NOW, printer: countingPrinter(), dbPath: env.file('other.db') });
    const { f, other } = await seed(a);
    await seed(b);
    const cancels: Promise<unknown>[] = [];
    a.on('export-progress', (p) => {
      if (p.stage === 'prepare') cancels.push(b.invoke('export-cancel', { jobId: p.jobId }));
    });
    const file = await a.call('forum-export', { year: f.year, accountIds: [f.accountId, other], locale: 'en', jobId: 'same' });
    expect(file.mime).toBe('application/pdf');
    expect(printerA.calls).toBe(1);
    expect(cancels).toHaveLength(1);
    expect(await cancels[0]).toEqual({ ok: true, value: { cancelled: false } });
    // and the Backend that runs it does reach it
    const stop: Promise<unknown>[] = [];
    a.on('export-progress', (p) => {
      if (p.stage === 'prepare') stop.push(a.invoke('export-cancel', { jobId: p.jobId }));
    });
    expectError(await a.invoke('forum-export', { year: f.year, accountIds: [f.accountId], locale: 'en', jobId: 'same' }), 'export-cancelled');
    expect(await stop[0]).toEqual({ ok: true, value: { cancelled: true } });
  });

  it('refuses unknown accounts', async () => {
    const b = env.backend({ now: () => NOW, printer: countingPrinter() });
    await seed(b);
    expectError(await b.invoke('forum-export', { year: 2026, accountIds: [999], locale: 'en' }), 'not-found');
  });
});

async function cli(argv: string[]) {
  let out = '';
  let err = '';
  const code = await runCli(argv, { out: (s) => (out += s), err: (s) => (err += s), env: {} });
  return { code, out, err };
}

describe('forum pdf (CLI)', () => {
  it('refuses bad input and unknown names, writing nothing', async () => {
    const db = env.file('keyplan.db');
    const b = new Backend({ dbPath: db, transport: 'test', now: () => NOW, log: () => {} });
    await seed(b);
    await b.close();
    const out = env.file('deck.pdf');
    expect((await cli(['forum', 'pdf', '--db', db, '--out', out])).code).toBe(EXIT_FAIL);
    const unknown = await cli(['forum', 'pdf', '--db', db, '--year', '2026', '--accounts', '国能电力,Nobody', '--out', out]);
    expect(unknown.code).toBe(EXIT_FAIL);
    expect(unknown.err).toMatch(/没有名为“Nobody”的客户|是不是/);
    expect((await cli(['forum', 'pdf', '--db', db, '--year', '2026', '--locale', 'fr', '--out', out])).code).toBe(EXIT_FAIL);
    expect(ls(env.dir).filter((n) => n.includes('deck'))).toEqual([]);
  });

  it.skipIf(!findChromium())('prints a 16:9 deck with embedded CID TrueType fonts and progress on stderr', { timeout: 120_000 }, async () => {
    const db = env.file('keyplan.db');
    const b = new Backend({ dbPath: db, transport: 'test', now: () => NOW, log: () => {} });
    const { f } = await seed(b);
    await b.close();
    const out = env.file('deck.pdf');
    const r = await cli(['forum', 'pdf', '--db', db, '--year', String(f.year), '--accounts', `${f.accountName},${HOSTILE}`, '--locale', 'en', '--out', out]);
    expect(r.code, r.err).toBe(EXIT_OK);
    // 2 accounts, 11 slides: 3 building steps and 11 printing (one a slide); the print starts at 3
    expect(r.err).toContain('[3/14] print');
    expect(r.err).toContain('[14/14] print');
    expect(ls(env.dir).filter((n) => n.includes('partial'))).toEqual([]);
    const text = execFileSync('pdftotext', [out, '-'], { encoding: 'utf8' });
    for (const s of [f.accountName, 'Acme <script>alert(1)</script>', 'Customer forum', 'Revenue concentration', 'Key actions', 'Decision-making unit', '第 2 项行动']) expect(text, s).toContain(s);
    const info = execFileSync('pdfinfo', [out], { encoding: 'utf8' });
    expect(info).toMatch(/Pages:\s+11\b/);
    const size = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(info)!;
    expect(Number(size[1]) / Number(size[2])).toBeCloseTo(16 / 9, 2);
    const fonts = execFileSync('pdffonts', [out], { encoding: 'utf8' });
    expect(fonts).toContain('CID TrueType');
    expect(fonts).not.toContain('Type 3');
    fs.mkdirSync(RESULTS, { recursive: true });
    execFileSync('pdftoppm', ['-png', '-r', '40', '-f', '2', '-l', '3', out, path.join(RESULTS, 'en')]);
    const safe = await cli(['forum', 'pdf', '--db', db, '--year', String(f.year), '--safe', '--out', env.file('safe.pdf')]);
    expect(safe.code, safe.err).toBe(EXIT_OK);
    const safeText = execFileSync('pdftotext', [env.file('safe.pdf'), '-'], { encoding: 'utf8' });
    expect(safeText).toContain('客户座谈会');
    for (const s of [f.internal.notes, f.internal.favours, f.internal.risk]) expect(safeText, s).not.toContain(s);
    execFileSync('pdftoppm', ['-png', '-r', '40', '-f', '5', '-l', '6', env.file('safe.pdf'), path.join(RESULTS, 'zh-safe')]);
  });
});
