/**
 * The undo queue (lib/undo.ts) in a component: one queue for the component's life, its stacks as
 * state (what renders: the buttons), and the keyboard shortcuts the board and the map share.
 */
import { useEffect, useState, useSyncExternalStore } from 'react';
import { UndoQueue, type UndoOptions, type UndoStacks } from './undo';

/** One queue for the component's life; `options` may change between renders (the latest are used). */
export function useUndoQueue<E>(options: UndoOptions<E>): { queue: UndoQueue<E>; stacks: UndoStacks<E> } {
  const [queue] = useState(() => new UndoQueue<E>(options));
  const { apply, onFailed } = options;
  useEffect(() => {
    queue.configure({ apply, ...(onFailed ? { onFailed } : {}) });
  }, [queue, apply, onFailed]);
  const stacks = useSyncExternalStore(queue.subscribe, queue.snapshot);
  return { queue, stacks };
}

/** Ctrl+Z / Ctrl+Shift+Z (Cmd on macOS; Ctrl+Y too): undo and redo the screen's changes, not typing. */
export function useUndoShortcuts(undo: () => void, redo: () => void, enabled = true): void {
  useEffect(() => {
    if (!enabled) return;
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.altKey) return;
      const k = e.key.toLowerCase();
      if (k !== 'z' && k !== 'y') return;
      const target = e.target as HTMLElement | null;
      if (target?.closest?.('input, textarea, select, [contenteditable="true"], dialog')) return;
      e.preventDefault();
      if (k === 'y' || e.shiftKey) redo();
      else undo();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [undo, redo, enabled]);
}
