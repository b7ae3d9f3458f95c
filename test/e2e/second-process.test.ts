/**
 * Restore from Settings while another Keyplan process (the command line, here
 * test/unit/fixtures/db-peer.ts) has the database open: refused in the user's language, naming that
 * process, nothing changed; once that process is gone (killed, its registration left behind) the
 * same restore goes through.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import readline from 'node:readline';
import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { invoke, LANGS, launchBrowser, msg, newPage, ROOT, screenshot, startPreview, tempDir, type Preview } from './harness';

const PEER = path.join(ROOT, 'test', 'unit', 'fixtures', 'db-peer.ts');

/** Starts the peer on `dbPath` as the command line and waits for its `{"ready":PID}`. */
async function startPeer(dbPath: string) {
  const child = spawn(process.execPath, ['--import', 'tsx', PEER, dbPath, 'cli'], { cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
  const closed = new Promise<NodeJS.Signals | null>((resolve) => child.on('close', (_code, signal) => resolve(signal)));
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (s: string) => (stderr += s));
  const ready = await new Promise<string>((resolve, reject) => {
    readline.createInterface({ input: child.stdout }).once('line', resolve);
    void closed.then(() => reject(new Error(`peer ended before it was ready: ${stderr}`)));
  });
  expect(JSON.parse(ready)).toEqual({ ready: child.pid });
  return { pid: child.pid!, kill: async () => (child.kill('SIGKILL'), closed) };
}

describe('restore while another process has the database open', () => {
  let browser: Browser;
  let preview: Preview | undefined;
  let cleanup: (() => void) | undefined;
  let peer: Awaited<ReturnType<typeof startPeer>> | undefined;

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  afterEach(async () => {
    await peer?.kill();
    await preview?.stop();
    cleanup?.();
    peer = undefined;
    preview = undefined;
  });

  for (const lang of LANGS) {
    it(`is refused naming that process, then works once it is gone (${lang})`, { timeout: 90_000 }, async () => {
      const t = msg(lang);
      const tmp = tempDir();
      cleanup = tmp.cleanup;
      preview = await startPreview({ dbPath: path.join(tmp.dir, 'keyplan.db') });
      await invoke(preview, 'accounts-create', { name: 'Backed up' });
      const page = await newPage(browser, { lang });
      await page.goto(`${preview.url}#/settings`);
      await page.getByRole('heading', { level: 1, name: t.settings.title }).waitFor();
      await page.getByRole('button', { name: t.settings.database.backupNow }).click();
      const manual = page.locator('.backups-table tbody tr').filter({ hasText: t.settings.database.kinds.manual });
      await manual.waitFor();
      await invoke(preview, 'accounts-create', { name: 'Written later' });

      peer = await startPeer(preview.dbPath);
      await manual.getByRole('button', { name: t.settings.database.restore }).click();
      const dialog = page.getByRole('dialog', { name: t.settings.database.restoreTitle });
      await dialog.getByRole('button', { name: t.settings.database.restoreConfirm, exact: true }).click();
      const refusal = dialog.getByText(t.processKind.cli, { exact: false });
      await refusal.waitFor();
      const said = await refusal.innerText();
      expect(said).toContain(String(peer.pid));
      expect(said).not.toMatch(/\{\{|db-in-use|internal/);
      if (lang === 'en') expect(said).not.toMatch(/[\u4e00-\u9fff]/);
      await screenshot(page, 'settings-restore-db-in-use', lang);
      const names = () => invoke(preview!, 'accounts-list', {}).then((l) => (l as { name: string }[]).map((a) => a.name).sort());
      expect(await names()).toEqual(['Backed up', 'Written later']);

      // the other process is killed: its registration stays behind and counts for nothing
      await peer.kill();
      await dialog.getByRole('button', { name: t.settings.database.restoreConfirm, exact: true }).click();
      await dialog.waitFor({ state: 'hidden' });
      await expect.poll(names).toEqual(['Backed up']);
      await page.context().close();
    });
  }
});
