/**
 * One undo/redo queue for the board and the map (pure: no React, no API). Entries are whatever the
 * screen records (a board move, a map step); the screen says how one is applied in each direction.
 *
 * - Jobs (the screen's own changes, undos and redos) run one after another, in the order asked for,
 *   so an edit never overtakes an undo. A failed job does not stop the ones after it.
 * - A new entry clears what could be redone; the oldest entries fall off beyond `limit`.
 * - Undo takes the latest entry off its stack and applies it; what `apply` returns goes onto the
 *   other stack (the same entry, or a changed one: a redone move has a new id, a batch only what
 *   could be undone), or nothing when it returns null. An entry whose `apply` throws can no longer be
 *   applied (someone else changed the data): it is dropped and `onFailed` is told.
 */

export type Direction = 'undo' | 'redo';
export type Run = <T>(job: () => Promise<T>) => Promise<T>;

/** Runs jobs one after another; a job starts after the previous one settled, however it ended. */
export function serial(): Run {
  let queue: Promise<unknown> = Promise.resolve();
  return <T>(job: () => Promise<T>): Promise<T> => {
    const next = queue.then(job, job);
    queue = next.catch(() => undefined);
    return next;
  };
}

export interface UndoStacks<E> {
  readonly undo: readonly E[];
  readonly redo: readonly E[];
}

export interface UndoOptions<E> {
  /** Applies the entry in one direction; returns the entry for the other stack (or null: none). */
  apply: (entry: E, dir: Direction) => Promise<E | null>;
  /** The entry could not be applied (it has been dropped). */
  onFailed?: (entry: E, dir: Direction, error: unknown) => void;
  /** How many entries can be undone at most (the oldest go first). */
  limit?: number;
  /** The job runner, when the screen's other changes share it (default: one of its own). */
  run?: Run;
}

export class UndoQueue<E> {
  readonly run: Run;
  private stacks: UndoStacks<E> = { undo: [], redo: [] };
  private readonly listeners = new Set<() => void>();
  private readonly limit: number;

  constructor(private options: UndoOptions<E>) {
    this.run = options.run ?? serial();
    this.limit = Math.max(1, options.limit ?? Infinity);
  }

  /** The stacks as they are now (a new object after every change: a React external store). */
  readonly snapshot = (): UndoStacks<E> => this.stacks;

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  get canUndo(): boolean {
    return this.stacks.undo.length > 0;
  }

  get canRedo(): boolean {
    return this.stacks.redo.length > 0;
  }

  /** Changes how entries are applied and failures told (a component's latest handlers). */
  configure(handlers: Pick<UndoOptions<E>, 'apply' | 'onFailed'>): void {
    this.options = { ...this.options, ...handlers };
  }

  /** Records something just done: it can be undone, and nothing can be redone any more. */
  push(entry: E): void {
    const undo = this.stacks.undo.length >= this.limit ? this.stacks.undo.slice(this.stacks.undo.length - this.limit + 1) : this.stacks.undo;
    this.set({ undo: [...undo, entry], redo: [] });
  }

  /** Changes recorded entries in place (e.g. the reason given after a move). */
  update(fn: (entry: E) => E): void {
    this.set({ undo: this.stacks.undo.map(fn), redo: this.stacks.redo.map(fn) });
  }

  undo(): Promise<void> {
    return this.go('undo');
  }

  redo(): Promise<void> {
    return this.go('redo');
  }

  private go(dir: Direction): Promise<void> {
    return this.run(async () => {
      const from = dir === 'undo' ? 'undo' : 'redo';
      const to = dir === 'undo' ? 'redo' : 'undo';
      const entry = this.stacks[from].at(-1);
      if (entry === undefined) return;
      this.set({ ...this.stacks, [from]: this.stacks[from].slice(0, -1) } as UndoStacks<E>);
      let next: E | null;
      try {
        next = await this.options.apply(entry, dir);
      } catch (e) {
        this.options.onFailed?.(entry, dir, e);
        return;
      }
      if (next !== null) this.set({ ...this.stacks, [to]: [...this.stacks[to], next] } as UndoStacks<E>);
    });
  }

  private set(next: UndoStacks<E>): void {
    this.stacks = next;
    for (const l of this.listeners) l();
  }
}
