/**
 * The tables a method declares it writes (shared/api/tables.ts, `writes` in the contract): the typed
 * list is the schema's, every declaration names real tables, and what a call really writes (seen by
 * temporary triggers on the connection) is declared - so the data-changed event that Backend.invoke
 * announces from the declaration names every table a window may have to refetch.
 */
import { describe, expect, it } from 'vitest';
import { INTERNAL_TABLES, isTableName, METHODS, TABLE_NAMES, contract, writesOf, type Method } from '../../shared/api/contract';
import type { Backend } from '../../electron/backend/backend';
import type { Db } from '../../electron/backend/db/types';
import { expectOk, sampleArgs, useTestEnv } from './helpers';

const env = useTestEnv();

function schemaTables(db: Db): string[] {
  return (db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").pluck().all() as string[]).sort();
}

/** Records which tables the connection writes from now on: TEMP triggers on every table. */
function watchWrites(db: Db): { take(): string[] } {
  db.exec('CREATE TEMP TABLE IF NOT EXISTS written (name TEXT NOT NULL)');
  for (const t of TABLE_NAMES) {
    for (const op of ['INSERT', 'UPDATE', 'DELETE']) {
      db.exec(`CREATE TEMP TRIGGER IF NOT EXISTS "watch_${t}_${op}" AFTER ${op} ON main."${t}" BEGIN INSERT INTO temp.written VALUES ('${t}'); END`);
    }
  }
  return {
    take() {
      const names = [...new Set(db.prepare('SELECT name FROM temp.written').pluck().all() as string[])].sort();
      db.exec('DELETE FROM temp.written');
      return names;
    },
  };
}

/** What `method` wrote through `b` beyond what it declares (empty when declared right). */
async function undeclared(b: Backend, watch: { take(): string[] }, method: Method, args: unknown): Promise<{ ok: boolean; extra: string[] }> {
  watch.take();
  const reply = await b.invoke(method, args);
  const wrote = watch.take();
  return { ok: reply.ok, extra: wrote.filter((t) => !writesOf(method).includes(t as never)) };
}

describe('table names', () => {
  it('TABLE_NAMES are the tables of a freshly migrated database, less the internal ones named', () => {
    const b = env.backend();
    const all = schemaTables(b.connection());
    expect([...TABLE_NAMES].sort()).toEqual(all.filter((t) => !(INTERNAL_TABLES as readonly string[]).includes(t)));
    for (const t of INTERNAL_TABLES) expect(all).toContain(t);
    expect(new Set(TABLE_NAMES).size).toBe(TABLE_NAMES.length);
  });

  it("every method's writes name real tables, once", () => {
    for (const m of METHODS) {
      const w = contract[m].writes;
      expect(w.filter((t) => !isTableName(t)), m).toEqual([]);
      expect(new Set(w).size, m).toBe(w.length);
    }
    expect(isTableName('revenue')).toBe(false);
    expect(isTableName('account_revenue')).toBe(true);
  });
});

describe('declared writes', () => {
  it('sample-load announces every table it fills (satisfaction and competitors among them)', async () => {
    const b = env.backend();
    const watch = watchWrites(b.connection());
    const events: string[][] = [];
    b.on('data-changed', (e) => events.push(e.tables));
    expectOk(await b.invoke('sample-load', { accounts: 6, today: '2026-05-15' }));
    const wrote = watch.take();
    expect(wrote).toEqual(expect.arrayContaining(['satisfaction', 'competitors', 'accounts']));
    expect(events).toHaveLength(1);
    expect(wrote.filter((t) => !events[0]!.includes(t as never))).toEqual([]);
  });

  it('a call writes no table its method does not declare (every method, on the sample workspace)', async () => {
    const b = env.backend();
    expectOk(await b.invoke('sample-load', { accounts: 8, today: '2026-05-15' }));
    const watch = watchWrites(b.connection());
    const args = sampleArgs(env.dir);
    // the database lifecycle replaces or copies the file and announces db-changed instead
    const lifecycle = new Set<Method>(['db-open', 'db-create', 'db-restore', 'sample-load']);
    const wrong: string[] = [];
    let succeeded = 0;
    for (const m of METHODS) {
      if (lifecycle.has(m)) continue;
      const { ok, extra } = await undeclared(b, watch, m, args[m]);
      if (ok) succeeded++;
      if (extra.length) wrong.push(`${m}: ${extra.join(', ')}`);
    }
    expect(wrong).toEqual([]);
    expect(succeeded).toBeGreaterThan(METHODS.length / 2);
  });

  it('the writes that need a particular state are declared too (bin, bulk edits, approval, deletes that cascade)', async () => {
    const b = env.backend();
    expectOk(await b.invoke('sample-load', { accounts: 8, today: '2026-05-15' }));
    const watch = watchWrites(b.connection());
    const plan = await b.call('plan-create', { accountId: 1, year: 2031 });
    const person = (await b.call('people-list', {}))[0]!;
    const steps: [Method, unknown][] = [
      ['accounts-bulk-update', { ids: [3, 4], patch: { grade: 'C' } }],
      ['plan-status-set', { planId: plan.plan.id, status: 'review' }],
      ['plan-status-set', { planId: plan.plan.id, status: 'approved' }],
      ['plan-roll-forward', { planId: plan.plan.id }],
      ['stakeholders-delete', { id: 1 }],
      ['people-delete', { id: person.id }],
      ['accounts-delete', { id: 2 }],
      ['accounts-bin-restore', { ids: [2] }],
      ['accounts-delete', { id: 2 }],
      ['accounts-bin-purge', { ids: [2] }],
    ];
    const wrong: string[] = [];
    for (const [m, args] of steps) {
      const { ok, extra } = await undeclared(b, watch, m, args);
      if (!ok) wrong.push(`${m} failed`);
      if (extra.length) wrong.push(`${m}: ${extra.join(', ')}`);
    }
    expect(wrong).toEqual([]);
  });

  it('a read announces nothing; a write announces its declared tables once', async () => {
    const b = env.backend();
    const events: string[][] = [];
    b.on('data-changed', (e) => events.push(e.tables));
    await b.call('accounts-list', {});
    expect(events).toEqual([]);
    const a = await b.call('accounts-create', { name: 'Acme' });
    await b.call('revenue-set', { accountId: a.id, year: 2026, revenue: 100_00 });
    expect(events).toEqual([[...writesOf('accounts-create')], [...writesOf('revenue-set')]]);
    expect(events[1]).toContain('account_revenue');
  });
});
