import Database from 'better-sqlite3';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { Backend } from '../../electron/backend/backend';
import { KEYPLAN_APPLICATION_ID } from '../../electron/backend/db/identity';
import { fill, LANGS, launchBrowser, msg, newPage, screenshot, startPreview, tempDir, type Locale, type Preview } from './harness';

const ACCOUNT = '华东电网有限公司';

interface Prepared {
  dir: string;
  dbPath: string;
  bytes: Buffer;
  backupPath: string;
}

/**
 * A folder with keyplan.db full of random bytes, and beside it backups/ holding a good database
 * (written through the Backend directly) with one account.
 */
async function prepareCorrupt(dir: string): Promise<Prepared> {
  const source = path.join(dir, 'source', 'keyplan.db');
  fs.mkdirSync(path.dirname(source), { recursive: true });
  const backend = new Backend({ dbPath: source, transport: 'test', log: () => {} });
  await backend.call('accounts-create', { name: ACCOUNT });
  await backend.close();
  const backupPath = path.join(dir, 'backups', 'keyplan-20260101T080000Z.db');
  fs.mkdirSync(path.dirname(backupPath), { recursive: true });
  fs.copyFileSync(source, backupPath);
  const written = new Date('2026-01-01T08:00:00Z');
  fs.utimesSync(backupPath, written, written);
  fs.rmSync(path.dirname(source), { recursive: true, force: true });

  const dbPath = path.join(dir, 'keyplan.db');
  const bytes = crypto.randomBytes(48 * 1024);
  fs.writeFileSync(dbPath, bytes);
  return { dir, dbPath, bytes, backupPath };
}

describe('a database that cannot be opened', () => {
  let browser: Browser;
  let preview: Preview | undefined;
  let cleanup: (() => void) | undefined;

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  afterEach(async () => {
    await preview?.stop();
    cleanup?.();
    preview = undefined;
  });

  async function openCorrupt(lang: Locale): Promise<{ page: Page; prepared: Prepared }> {
    const tmp = tempDir();
    cleanup = tmp.cleanup;
    const prepared = await prepareCorrupt(tmp.dir);
    preview = await startPreview({ dbPath: prepared.dbPath });
    const page = await newPage(browser, { lang });
    await page.goto(preview.url);
    await page.getByRole('heading', { level: 1, name: msg(lang).dbError.title.corrupt }).waitFor();
    return { page, prepared };
  }

  for (const lang of LANGS) {
    it(`explains the problem, leaves the file alone and offers three ways on (${lang})`, async () => {
      const t = msg(lang);
      const { page, prepared } = await openCorrupt(lang);

      expect(await page.getByRole('navigation').count()).toBe(0);
      await page.getByText(t.dbError.untouched).waitFor();
      expect(await page.getByTestId('db-path').innerText()).toBe(prepared.dbPath);
      for (const title of [t.dbError.restore.title, t.dbError.open.title, t.dbError.create.title]) {
        await page.getByRole('heading', { level: 3, name: title }).waitFor();
      }
      await page.getByRole('button', { name: t.dbError.restore.action, exact: true }).waitFor();
      await page.getByRole('button', { name: t.dbError.open.action, exact: true }).waitFor();
      await page.getByRole('button', { name: t.dbError.create.action, exact: true }).waitFor();
      await screenshot(page, 'db-corrupt', lang);

      // The technical detail is there, collapsed until asked for.
      const detail = page.locator('details');
      expect(await detail.getAttribute('open')).toBeNull();
      await page.getByText(t.dbError.detail).click();
      expect(await detail.getAttribute('open')).not.toBeNull();
      await screenshot(page, 'db-corrupt-full', lang, { fullPage: true });

      // Opening a file that does not exist is refused with the translated error.
      const missing = path.join(prepared.dir, 'nowhere', 'missing.db');
      await page.getByLabel(t.dbError.open.label, { exact: true }).fill(missing);
      await page.getByRole('button', { name: t.dbError.open.action, exact: true }).click();
      await page.getByText(fill(t.errors['file-not-found'], { path: missing })).waitFor();

      // An empty path is caught before calling.
      await page.getByLabel(t.dbError.create.label, { exact: true }).fill('');
      await page.getByRole('button', { name: t.dbError.create.action, exact: true }).click();
      await page.getByText(t.dbError.pathEmpty).waitFor();

      // Creating over an existing file is refused (file-exists).
      await page.getByLabel(t.dbError.create.label, { exact: true }).fill(prepared.dbPath);
      await page.getByRole('button', { name: t.dbError.create.action, exact: true }).click();
      await page.getByText(fill(t.errors['file-exists'], { path: prepared.dbPath })).waitFor();
      await screenshot(page, 'db-corrupt-errors', lang, { fullPage: true });

      expect(fs.readFileSync(prepared.dbPath).equals(prepared.bytes)).toBe(true);
      await page.context().close();
    });
  }

  it('restores from a backup and shows the workspace with the restored account', async () => {
    const t = msg('zh-CN');
    const { page, prepared } = await openCorrupt('zh-CN');
    expect(fs.readFileSync(prepared.dbPath).equals(prepared.bytes)).toBe(true);

    await page.getByRole('button', { name: t.dbError.restore.action, exact: true }).click();
    await page.getByRole('navigation', { name: t.nav.label }).waitFor();
    await page.getByRole('rowheader', { name: ACCOUNT }).waitFor();
    await screenshot(page, 'db-restored', 'zh-CN');

    // The damaged file was renamed aside, byte for byte, not overwritten or deleted.
    const aside = fs.readdirSync(prepared.dir).filter((n) => n.startsWith('keyplan.db.corrupt-') && !/-(wal|shm)$/.test(n));
    expect(aside).toHaveLength(1);
    expect(fs.readFileSync(path.join(prepared.dir, aside[0]!)).equals(prepared.bytes)).toBe(true);
    await page.context().close();
  });

  it('starts a new database elsewhere and shows the (empty) workspace', async () => {
    const t = msg('en');
    const { page, prepared } = await openCorrupt('en');
    const fresh = path.join(prepared.dir, 'elsewhere', 'fresh.db');
    fs.mkdirSync(path.dirname(fresh));
    await page.getByLabel(t.dbError.create.label, { exact: true }).fill(fresh);
    await page.getByRole('button', { name: t.dbError.create.action, exact: true }).click();
    await page.getByRole('navigation', { name: t.nav.label }).waitFor();
    await page.getByRole('heading', { name: t.accounts.empty.title }).waitFor();
    expect(fs.existsSync(fresh)).toBe(true);
    expect(fs.readFileSync(prepared.dbPath).equals(prepared.bytes)).toBe(true);

    await page.getByRole('link', { name: t.nav.settings, exact: true }).click();
    await expect.poll(() => page.getByTestId('db-path').innerText()).toBe(fresh);
    await page.context().close();
  });

  it('explains a file that cannot be read at all', async () => {
    for (const lang of LANGS) {
      const t = msg(lang);
      const tmp = tempDir();
      // a folder where the database file should be
      const dbPath = path.join(tmp.dir, 'keyplan.db');
      fs.mkdirSync(dbPath);
      const p = await startPreview({ dbPath });
      try {
        const page = await newPage(browser, { lang });
        await page.goto(p.url);
        await page.getByRole('heading', { level: 1, name: t.dbError.title.unreadable }).waitFor();
        await page.getByText(t.dbError.untouched).waitFor();
        await screenshot(page, 'db-unreadable', lang);
        await page.context().close();
      } finally {
        await p.stop();
        expect(fs.statSync(dbPath).isDirectory()).toBe(true);
        tmp.cleanup();
      }
    }
  });

  it('explains a database from a newer Keyplan', async () => {
    for (const lang of LANGS) {
      const t = msg(lang);
      const tmp = tempDir();
      const dbPath = path.join(tmp.dir, 'keyplan.db');
      const db = new Database(dbPath);
      db.exec('CREATE TABLE t (x)');
      db.pragma(`application_id = ${KEYPLAN_APPLICATION_ID}`);
      db.pragma('user_version = 99');
      db.close();
      const before = fs.readFileSync(dbPath);
      const p = await startPreview({ dbPath });
      try {
        const page = await newPage(browser, { lang });
        await page.goto(p.url);
        await page.getByRole('heading', { level: 1, name: t.dbError.title.newer }).waitFor();
        await page.getByText(fill(t.dbError.body.newer, { found: 99, supported: 1 }).slice(0, 12)).waitFor();
        await page.getByText(t.dbError.restore.none).waitFor();
        await screenshot(page, 'db-newer', lang);
        await page.context().close();
      } finally {
        await p.stop();
        expect(fs.readFileSync(dbPath).equals(before)).toBe(true);
        tmp.cleanup();
      }
    }
  });

  it('explains a file that is not a Keyplan database, leaving it byte for byte and nothing beside it', async () => {
    for (const lang of LANGS) {
      const t = msg(lang);
      const tmp = tempDir();
      // another program's SQLite database, in WAL mode as many are
      const dbPath = path.join(tmp.dir, 'places.sqlite');
      const db = new Database(dbPath);
      db.pragma('journal_mode = WAL');
      db.exec("CREATE TABLE moz_places (id INTEGER PRIMARY KEY, url TEXT); INSERT INTO moz_places (url) VALUES ('https://example.com')");
      db.close();
      const before = crypto.createHash('sha256').update(fs.readFileSync(dbPath)).digest('hex');
      const p = await startPreview({ dbPath });
      try {
        const page = await newPage(browser, { lang });
        await page.goto(p.url);
        await page.getByRole('heading', { level: 1, name: t.dbError.title['not-keyplan'] }).waitFor();
        await page.getByText(t.dbError.body['not-keyplan']).waitFor();
        await page.getByText(t.dbError.untouched).waitFor();
        await page.getByRole('heading', { level: 3, name: t.dbError.create.title }).waitFor();
        await screenshot(page, 'db-not-keyplan', lang);
        await page.context().close();
      } finally {
        await p.stop();
        expect(crypto.createHash('sha256').update(fs.readFileSync(dbPath)).digest('hex')).toBe(before);
        expect(fs.readdirSync(tmp.dir)).toEqual(['places.sqlite']);
        tmp.cleanup();
      }
    }
  });
});
