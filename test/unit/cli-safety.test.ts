/* eslint-disable no-control-regex -- these tests look for control characters */
/**
 * Issue 10, items 7-9: control characters in names (refused by the contract and the importers,
 * escaped in everything the CLI prints), careless --db paths (nothing created), and --out paths
 * (one translated line, exit 1, no partial file anywhere).
 */
import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { messages } from '../../shared/i18n';
import { forbiddenChar, stripForbidden } from '../../shared/api/text';
import { EXIT_DB, EXIT_FAIL, EXIT_OK } from '../../electron/backend/cli/run';
import { ROOT, runCaptured } from './cli-helpers';
import { cell, shown } from '../../electron/backend/cli/text';
import { writeOutFile } from '../../electron/backend/cli/files';
import { prepareDbPath } from '../../electron/backend/paths';
import { sanitizeSectionHtml } from '../../electron/backend/plans/sanitize';
import { useTestEnv, writeDbWithAccounts } from './helpers';

const env = useTestEnv();
const ESC = '\x1b';
const RLO = '\u202e';

/** The CLI in-process with exactly these arguments (no --locale added). */
const cli = runCaptured;

const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64');

/** One line on stderr, no stack trace. */
function expectOneLine(err: string) {
  expect(err.endsWith('\n')).toBe(true);
  expect(err.trimEnd().split('\n')).toHaveLength(1);
  expect(err).not.toMatch(/\n\s+at /);
}

describe('the text rule (shared/api/text.ts)', () => {
  it('one-line text refuses C0, DEL, C1, separators and every bidi control; paragraphs keep tab and line breaks', () => {
    for (const ch of ['\x00', '\x1b', '\n', '\r', '\t', '\x7f', '\x85', '\x9b', '\u2028', '\u061c', '\u200e', '\u200f', '\u202a', '\u202e', '\u2066', '\u2069']) {
      expect(forbiddenChar(`a${ch}b`), JSON.stringify(ch)).toBe(ch);
    }
    expect(forbiddenChar('国能电力集团 Guoneng (Power) — 100%')).toBeNull();
    expect(forbiddenChar('line one\nline two\r\n\tindented', true)).toBeNull();
    expect(forbiddenChar('a\rb', true)).toBe('\r');
    expect(forbiddenChar(`a${ESC}b`, true)).toBe(ESC);
    expect(forbiddenChar(`a${RLO}b`, true)).toBe(RLO);
  });

  it('plan text (rich HTML) drops them, also when written as entities', () => {
    expect(sanitizeSectionHtml(`<p>a${RLO}b&#x202E;c${ESC}d</p>`)).toBe('<p>abcd</p>');
    expect(stripForbidden('a\r\nb\rc\x1bd')).toBe('a\r\nb\ncd');
  });
});

describe('the contract refuses control characters (text-control-char)', () => {
  it('account names with an escape, a line break or U+202E: a specific, translated error', async () => {
    const b = env.backend();
    for (const [name, char] of [
      [`Evil${ESC}[2J`, 'U+001B'],
      ['Two\nlines', 'U+000A'],
      [`Reversed${RLO}cba`, 'U+202E'],
    ] as const) {
      const r = await b.invoke('accounts-create', { name });
      expect(r).toMatchObject({ ok: false, error: { code: 'text-control-char', params: { field: 'name', char } } });
      if (!r.ok) expect(r.error.message).not.toContain('\n');
    }
    expect(messages.en.errors['text-control-char']).toContain('{{char}}');
    expect(messages['zh-CN'].errors['text-control-char']).toContain('{{char}}');
    expect(((await b.call('accounts-list', {})) as unknown[]).length).toBe(0);
  });

  it('every kind of field: one-line fields refuse line breaks, notes keep them but refuse escapes', async () => {
    const b = env.backend();
    const a = await b.call('accounts-create', { name: 'Acme', notes: 'first line\nsecond line\n\tindented' });
    expect(a.notes).toBe('first line\nsecond line\n\tindented');
    const refused = async (method: string, args: unknown, field: string) => {
      const r = await b.invoke(method, args);
      expect(r, `${method} ${field}`).toMatchObject({ ok: false, error: { code: 'text-control-char', params: { field } } });
    };
    await refused('accounts-update', { id: a.id, patch: { notes: `x${ESC}]0;title${'\x07'}` } }, 'patch.notes');
    await refused('accounts-update', { id: a.id, patch: { shortName: 'A\nB' } }, 'patch.shortName');
    await refused('accounts-rename', { id: a.id, name: `A${RLO}` }, 'name');
    await refused('people-save', { name: `Wang${'\u2066'}Wei` }, 'name');
    await refused('opportunities-save', { accountId: a.id, name: 'Bid\tA' }, 'name');
    await refused('opportunities-save', { accountId: a.id, name: 'Bid', rivals: [`X${RLO}`] }, 'rivals.0');
    await refused('stakeholders-create', { accountId: a.id, name: 'Li Na', title: `CIO${RLO}` }, 'title');
    await refused('views-save', { name: 'v\nw', query: {} }, 'name');
    await refused('tiers-save', { nameZh: `铜牌${ESC}`, rank: 5, visitsPerQuarter: 1, callsPerMonth: 0 }, 'nameZh');
    await refused('plan-item-save', { planId: 1, data: { kind: 'competitor', name: `Rival${'\u200f'}` } }, 'data.name');
    await refused('map-snapshot-save', { accountId: a.id, label: 'before\nafter' }, 'label');
    // Untouched by the refusals.
    expect((await b.call('accounts-get', { id: a.id })).account).toMatchObject({ name: 'Acme', shortName: null });
  });
});

describe('the importers refuse control characters per row (control-char)', () => {
  it('accounts: a name with an escape, a line break or U+202E is a row error; nothing imported', async () => {
    const b = env.backend();
    const csv = `客户名称,备注\nGood,"fine\nnote"\n"Evil${ESC}[31m",x\n"Two\nlines",x\n"Rev${RLO}",x\n`;
    const r = await b.call('import-run', { fileName: 'a.csv', contentBase64: b64(csv) });
    expect(r.rejected).toBe(true);
    // A refused name also leaves the row without a name (as a too-long one does).
    expect(r.errors.filter((e) => e.code !== 'required').map((e) => [e.line, e.column, e.code]), JSON.stringify(r.errors)).toEqual([
      [4, '客户名称', 'control-char'],
      [5, '客户名称', 'control-char'],
      [7, '客户名称', 'control-char'],
    ]);
    expect(messages.en.domain.importError['control-char']).toBeTruthy();
    expect(messages['zh-CN'].domain.importError['control-char']).toBeTruthy();
    const ok = await b.call('import-run', { fileName: 'a.csv', contentBase64: b64(csv), skipInvalid: true });
    expect(ok.created).toBe(1);
    expect((await b.call('accounts-list', {})).map((a) => [a.name, a.notes])).toEqual([['Good', 'fine\nnote']]);
  });

  it('stakeholders: a name or title with one is a row error', async () => {
    const b = env.backend();
    const a = await b.call('accounts-create', { name: 'Acme' });
    const csv = `姓名,职务,备注\n王伟,CIO,"a\nb"\n"李${RLO}娜",CTO,\n张三,"C${ESC}EO",\n`;
    const r = await b.call('stakeholders-import', { accountId: a.id, fileName: 'p.csv', contentBase64: b64(csv) });
    expect(r.rejected).toBe(true);
    expect(r.errors.filter((e) => e.code !== 'person-required').map((e) => [e.line, e.column, e.code]), JSON.stringify(r.errors)).toEqual([
      [4, '姓名', 'control-char'],
      [5, '职务', 'control-char'],
    ]);
  });
});

describe('the CLI escapes what it prints', () => {
  /** A database that already holds such names (written before the rule, straight into SQLite). */
  async function pollutedDb(): Promise<string> {
    const db = env.file('keyplan.db');
    await writeDbWithAccounts(db, ['Parent', 'Plain']);
    const raw = new Database(db);
    raw.prepare("UPDATE accounts SET name = ? WHERE name = 'Plain'").run(`Evil${ESC}[2J\nForged\t9${RLO}cba`);
    raw.prepare("UPDATE accounts SET name = ?, parent_id = NULL WHERE name = 'Parent'").run(`Par${'\x85'}ent`);
    raw.prepare('UPDATE accounts SET parent_id = (SELECT id FROM accounts WHERE name LIKE ?) WHERE name LIKE ?').run('Par%', 'Evil%');
    raw.close();
    return db;
  }

  it('list accounts: one line per account, control characters shown as \\x1b, \\n, \\t, \\u202e', async () => {
    const db = await pollutedDb();
    const r = await cli(['list', 'accounts', '--db', db]);
    expect(r.code).toBe(EXIT_OK);
    expect(r.out).not.toMatch(/[\x1b\x85\u202e\r]/);
    const lines = r.out.trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines.map((l) => l.split('\t').length).sort()).toEqual([2, 3]);
    expect(r.out).toContain('Evil\\x1b[2J\\nForged\\t9\\u202ecba\t(Par\\u0085ent)');
  });

  it('list accounts --json stays valid JSON and round-trips the names, with nothing raw on the terminal', async () => {
    const db = await pollutedDb();
    const r = await cli(['list', 'accounts', '--json', '--db', db]);
    expect(r.code).toBe(EXIT_OK);
    expect(r.out).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f-\x9f\u202e]/);
    const names = (JSON.parse(r.out) as { name: string }[]).map((a) => a.name).sort();
    expect(names).toEqual([`Evil${ESC}[2J\nForged\t9${RLO}cba`, `Par${'\x85'}ent`]);
  });

  it('an import error quotes the bad value escaped', async () => {
    const db = env.file('keyplan.db');
    const file = env.file('bad.csv');
    fs.writeFileSync(file, `客户名称\n"Evil${ESC}[2J"\n`);
    const r = await cli(['import', 'accounts', file, '--db', db, '--locale', 'en']);
    expect(r.code).toBe(EXIT_FAIL);
    expect(r.err).not.toContain(ESC);
    expect(r.err).toContain('("Evil\\x1b[2J")');
    expect(r.err).toContain(messages.en.domain.importError['control-char']);
  });

  it('shown keeps the layout (tab, line feed, CR LF); cell makes one field', () => {
    expect(shown(`a\tb\nc\r\nd\re${ESC}f${RLO}\x7f`)).toBe('a\tb\nc\r\nd\\re\\x1bf\\u202e\\u007f');
    expect(cell('a\tb\nc')).toBe('a\\tb\\nc');
  });
});

describe('--db: only the default location is created', () => {
  it('--db in a folder that does not exist: one line, exit 2, nothing created', async () => {
    const db = env.file('nope', 'deeper', 'typo.db');
    const r = await cli(['doctor', '--db', db]);
    expect(r.code).toBe(EXIT_DB);
    expectOneLine(r.err);
    expect(r.err).toContain('[db-folder-missing]');
    expect(r.out).toBe('');
    expect(fs.existsSync(env.file('nope'))).toBe(false);
    const viaEnv = await cli(['create', 'account', 'Acme'], { KEYPLAN_DB: db });
    expect(viaEnv.code).toBe(EXIT_DB);
    expect(fs.existsSync(env.file('nope'))).toBe(false);
  });

  it('the default location is created with its folders; an explicit one in an existing folder is created', () => {
    const dataDir = env.file('data', 'Keyplan');
    expect(prepareDbPath(undefined, {}, dataDir)).toBe(path.join(dataDir, 'keyplan.db'));
    expect(fs.statSync(dataDir).isDirectory()).toBe(true);
    expect(() => prepareDbPath(env.file('missing', 'x.db'), {})).toThrow(/does not exist/);
    expect(prepareDbPath(env.file('here.db'), {})).toBe(env.file('here.db'));
  });

  it('a usage error creates no database: sample --accounts abc, list nothing, map without --out', async () => {
    const db = env.file('keyplan.db');
    for (const argv of [['sample', '--accounts', 'abc'], ['list'], ['map', 'svg', '--account', 'A'], ['plan', 'pdf', '--out', env.file('p.pdf')], ['forum', 'pdf', '--year', 'x', '--out', env.file('f.pdf')], ['coverage', '--days', '0']]) {
      const r = await cli([...argv, '--db', db]);
      expect(r.code, argv.join(' ')).toBe(EXIT_FAIL);
      expectOneLine(r.err);
    }
    expect(fs.readdirSync(env.dir)).toEqual([]);
  });
});

describe('--out: one line, exit 1, no partial file', () => {
  async function withAccounts(): Promise<string> {
    const db = env.file('keyplan.db');
    await writeDbWithAccounts(db, ['Acme', '华为技术']);
    return db;
  }
  const listing = () => fs.readdirSync(env.dir).sort();

  it('export accounts --out <a directory>', async () => {
    const db = await withAccounts();
    const dir = env.file('reports');
    fs.mkdirSync(dir);
    const before = listing();
    const r = await cli(['export', 'accounts', '--out', dir, '--format', 'csv', '--db', db, '--locale', 'en']);
    expect(r.code).toBe(EXIT_FAIL);
    expectOneLine(r.err);
    expect(r.err).toContain('[out-path-invalid]');
    expect(r.err).toContain(messages.en.pathReason['is-folder']);
    expect(listing()).toEqual(before);
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('export accounts --out in a missing folder, on /proc/version, on a device, over the database', async () => {
    const db = await withAccounts();
    const before = listing();
    const cases: [string, string][] = [
      [env.file('missing', 'x.csv'), 'no-folder'],
      [env.file('keyplan.db', 'x.csv'), 'not-a-folder'],
      ['/dev/null', 'not-a-file'],
      [db, 'is-database'],
      [`${db}-wal`, 'is-database'],
    ];
    if (fs.existsSync('/proc/version')) cases.push(['/proc/version', 'write-failed']);
    for (const [out, reason] of cases) {
      const r = await cli(['export', 'accounts', '--format', 'csv', '--out', out, '--db', db]);
      expect(r.code, out).toBe(EXIT_FAIL);
      expectOneLine(r.err);
      // the reason in words, in the language of --locale (zh-CN by default)
      expect(r.err, out).toContain(messages['zh-CN'].pathReason[reason as keyof typeof messages.en.pathReason]);
    }
    expect(listing()).toEqual(before);
    if (fs.existsSync('/proc')) expect(fs.readdirSync('/proc').filter((f) => f.includes('partial'))).toEqual([]);
  });

  it('map svg --out <a directory>: out-path-invalid, not file-not-found, before the account is looked up', async () => {
    const db = await withAccounts();
    const dir = env.file('maps');
    fs.mkdirSync(dir);
    const r = await cli(['map', 'svg', '--account', 'Acme', '--out', dir, '--db', db]);
    expect(r.code).toBe(EXIT_FAIL);
    expectOneLine(r.err);
    expect(r.err).toContain('[out-path-invalid]');
    expect(r.err).not.toContain('file-not-found');
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('an existing file named with --out is replaced whole; no temporary file is left', async () => {
    const db = await withAccounts();
    const out = env.file('accounts.json');
    fs.writeFileSync(out, 'old');
    const r = await cli(['export', 'accounts', '--out', out, '--db', db]);
    expect(r.code).toBe(EXIT_OK);
    expect((JSON.parse(fs.readFileSync(out, 'utf8')) as unknown[]).length).toBe(2);
    expect(listing().filter((f) => f.includes('partial'))).toEqual([]);
  });

  it('writeOutFile: a failure after the temporary file was written removes it', () => {
    const dir = env.file('out');
    fs.mkdirSync(dir);
    const target = path.join(dir, 'x.csv');
    // The rename fails (as across devices): the written temporary file must go.
    const realRename = fs.renameSync;
    fs.renameSync = (() => {
      throw Object.assign(new Error('EXDEV: cross-device link not permitted'), { code: 'EXDEV' });
    }) as typeof fs.renameSync;
    try {
      expect(() => writeOutFile(target, Buffer.from('data'))).toThrow(/could not be written/);
    } finally {
      fs.renameSync = realRename;
    }
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('npx tsx electron/backend/cli/main.ts export accounts --out /proc/version: one line, exit 1, no stack', async () => {
    const db = await withAccounts();
    const out = fs.existsSync('/proc/version') ? '/proc/version' : env.file('missing', 'x.csv');
    const r = await new Promise<{ code: number | null; stderr: string }>((resolve, reject) => {
      const child = spawn('npx', ['tsx', 'electron/backend/cli/main.ts', 'export', 'accounts', '--format', 'csv', '--out', out, '--db', db], {
        cwd: ROOT,
        env: { ...process.env, KEYPLAN_DB: '' },
        stdio: ['ignore', 'ignore', 'pipe'],
      });
      let stderr = '';
      child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
      child.on('error', reject);
      child.on('close', (code) => resolve({ code, stderr }));
    });
    expect(r.code).toBe(1);
    expectOneLine(r.stderr);
    expect(r.stderr).toContain('[out-path-invalid]');
  });
});
