// The one undo queue of the board and the map (renderer/src/lib/undo.ts): pure, no React.
import { describe, expect, it } from 'vitest';
import { serial, UndoQueue, type Direction } from '../../renderer/src/lib/undo';

type Entry = { id: number; v?: number };

function queue(opts: { limit?: number; fail?: (e: Entry, dir: Direction) => boolean; next?: (e: Entry, dir: Direction) => Entry | null } = {}) {
  const applied: string[] = [];
  const failed: string[] = [];
  const q = new UndoQueue<Entry>({
    ...(opts.limit !== undefined ? { limit: opts.limit } : {}),
    apply: async (e, dir) => {
      applied.push(`${dir} ${e.id}`);
      if (opts.fail?.(e, dir)) throw new Error(`cannot ${dir} ${e.id}`);
      return opts.next ? opts.next(e, dir) : e;
    },
    onFailed: (e, dir, error) => failed.push(`${dir} ${e.id}: ${(error as Error).message}`),
  });
  const ids = () => ({ undo: q.snapshot().undo.map((e) => e.id), redo: q.snapshot().redo.map((e) => e.id) });
  return { q, applied, failed, ids };
}

describe('UndoQueue', () => {
  it('undoes the latest entry first and redoes it back', async () => {
    const { q, applied, ids } = queue();
    q.push({ id: 1 });
    q.push({ id: 2 });
    expect(q.canUndo).toBe(true);
    expect(q.canRedo).toBe(false);
    await q.undo();
    expect(ids()).toEqual({ undo: [1], redo: [2] });
    await q.undo();
    expect(ids()).toEqual({ undo: [], redo: [2, 1] });
    await q.redo();
    expect(ids()).toEqual({ undo: [1], redo: [2] });
    expect(applied).toEqual(['undo 2', 'undo 1', 'redo 1']);
  });

  it('does nothing when there is nothing to undo or redo', async () => {
    const { q, applied } = queue();
    await q.undo();
    await q.redo();
    expect(applied).toEqual([]);
    expect(q.canUndo || q.canRedo).toBe(false);
  });

  it('a new entry clears what could be redone', async () => {
    const { q, ids } = queue();
    q.push({ id: 1 });
    q.push({ id: 2 });
    await q.undo();
    expect(q.canRedo).toBe(true);
    q.push({ id: 3 });
    expect(ids()).toEqual({ undo: [1, 3], redo: [] });
  });

  it('keeps at most `limit` entries, dropping the oldest', () => {
    const { q, ids } = queue({ limit: 3 });
    for (let i = 1; i <= 5; i++) q.push({ id: i });
    expect(ids().undo).toEqual([3, 4, 5]);
  });

  it('has no limit unless given one', () => {
    const { q, ids } = queue();
    for (let i = 1; i <= 500; i++) q.push({ id: i });
    expect(ids().undo).toHaveLength(500);
  });

  it('drops an entry that can no longer be applied, and tells', async () => {
    const { q, failed, ids } = queue({ fail: (e, dir) => e.id === 2 && dir === 'undo' });
    q.push({ id: 1 });
    q.push({ id: 2 });
    await q.undo();
    expect(failed).toEqual(['undo 2: cannot undo 2']);
    expect(ids()).toEqual({ undo: [1], redo: [] });
    // The queue goes on: the next undo works.
    await q.undo();
    expect(ids()).toEqual({ undo: [], redo: [1] });
  });

  it('a failed redo is dropped too', async () => {
    const { q, failed, ids } = queue({ fail: (_e, dir) => dir === 'redo' });
    q.push({ id: 1 });
    await q.undo();
    await q.redo();
    expect(failed).toEqual(['redo 1: cannot redo 1']);
    expect(ids()).toEqual({ undo: [], redo: [] });
  });

  it('puts what apply returns on the other stack: a changed entry, or nothing', async () => {
    const { q, ids } = queue({ next: (e, dir) => (dir === 'redo' ? { ...e, v: (e.v ?? 0) + 1 } : e.id === 9 ? null : e) });
    q.push({ id: 1 });
    await q.undo();
    await q.redo();
    expect(q.snapshot().undo).toEqual([{ id: 1, v: 1 }]);
    q.push({ id: 9 });
    await q.undo();
    expect(ids()).toEqual({ undo: [1], redo: [] });
  });

  it('update changes recorded entries in place', () => {
    const { q } = queue();
    q.push({ id: 1 });
    q.push({ id: 2 });
    q.update((e) => (e.id === 1 ? { ...e, v: 7 } : e));
    expect(q.snapshot().undo).toEqual([{ id: 1, v: 7 }, { id: 2 }]);
  });

  it('tells subscribers of every change, with a new snapshot each time', async () => {
    const { q } = queue();
    let calls = 0;
    const off = q.subscribe(() => calls++);
    const first = q.snapshot();
    q.push({ id: 1 });
    expect(q.snapshot()).not.toBe(first);
    await q.undo();
    expect(calls).toBeGreaterThanOrEqual(2);
    off();
    const before = calls;
    q.push({ id: 2 });
    expect(calls).toBe(before);
  });

  it('runs undos, redos and the screen\'s own jobs one after another, in the order asked for', async () => {
    const order: string[] = [];
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const q = new UndoQueue<Entry>({
      apply: async (e, dir) => {
        order.push(`${dir} ${e.id} start`);
        if (dir === 'undo') await gate;
        order.push(`${dir} ${e.id} end`);
        return e;
      },
    });
    q.push({ id: 1 });
    const undone = q.undo();
    const job = q.run(async () => {
      order.push('edit');
      return 42;
    });
    const redone = q.redo();
    release();
    expect(await job).toBe(42);
    await Promise.all([undone, redone]);
    expect(order).toEqual(['undo 1 start', 'undo 1 end', 'edit', 'redo 1 start', 'redo 1 end']);
  });

  it('shares one runner between queues (the board: one per matrix)', async () => {
    const run = serial();
    const order: string[] = [];
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const a = new UndoQueue<Entry>({ run, apply: async (e) => (await gate, order.push(`a ${e.id}`), e) });
    const b = new UndoQueue<Entry>({ run, apply: async (e) => (order.push(`b ${e.id}`), e) });
    a.push({ id: 1 });
    b.push({ id: 2 });
    const pa = a.undo();
    const pb = b.undo();
    release();
    await Promise.all([pa, pb]);
    expect(order).toEqual(['a 1', 'b 2']);
  });
});

describe('serial', () => {
  it('starts a job after the previous one failed', async () => {
    const run = serial();
    const failing = run(async () => {
      throw new Error('no');
    });
    const next = run(async () => 'yes');
    await expect(failing).rejects.toThrow('no');
    await expect(next).resolves.toBe('yes');
  });
});
