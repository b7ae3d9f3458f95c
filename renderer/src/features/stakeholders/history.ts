/**
 * Undo and redo on the map, for this visit: adding, editing, deleting and moving people, adding,
 * editing and deleting lines, tender membership and bid roles, re-layout. Each step knows how to
 * undo and redo itself through the API; steps run one after another, in the order asked for. A step
 * that can no longer be applied (someone else changed the map) is dropped with a message.
 */
import { useCallback, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../lib/errors';
import { useNotice } from '../../ui/Notice';

export interface Step {
  /** What the step did, e.g. "添加 王伟": shown as "已撤销：添加 王伟". */
  label: string;
  undo: () => Promise<unknown>;
  redo: () => Promise<unknown>;
}

export interface History {
  push: (step: Step) => void;
  undo: () => void;
  redo: () => void;
  canUndo: boolean;
  canRedo: boolean;
  undoLabel: string | null;
  redoLabel: string | null;
  /** Runs a job after the steps already queued (so an edit never overtakes an undo). */
  run: <T>(job: () => Promise<T>) => Promise<T>;
}

const LIMIT = 200;

export function useHistory(): History {
  const { t } = useTranslation();
  const notice = useNotice();
  const stacks = useRef<{ undo: Step[]; redo: Step[] }>({ undo: [], redo: [] });
  const [view, setView] = useState<{ undo: string | null; redo: string | null; nUndo: number; nRedo: number }>({ undo: null, redo: null, nUndo: 0, nRedo: 0 });
  const queue = useRef<Promise<unknown>>(Promise.resolve());

  const publish = useCallback(() => {
    const s = stacks.current;
    setView({ undo: s.undo.at(-1)?.label ?? null, redo: s.redo.at(-1)?.label ?? null, nUndo: s.undo.length, nRedo: s.redo.length });
  }, []);

  const run = useCallback(<T>(job: () => Promise<T>): Promise<T> => {
    const next = queue.current.then(job, job);
    queue.current = next.catch(() => undefined);
    return next;
  }, []);

  const push = useCallback(
    (step: Step) => {
      const s = stacks.current;
      s.undo = [...s.undo.slice(-(LIMIT - 1)), step];
      s.redo = [];
      publish();
    },
    [publish],
  );

  const go = useCallback(
    (dir: 'undo' | 'redo') => {
      void run(async () => {
        const s = stacks.current;
        const from = dir === 'undo' ? s.undo : s.redo;
        const step = from.at(-1);
        if (!step) return;
        from.pop();
        try {
          await (dir === 'undo' ? step.undo() : step.redo());
          (dir === 'undo' ? s.redo : s.undo).push(step);
          notice.success(t(dir === 'undo' ? 'mapper.history.undone' : 'mapper.history.redone', { what: step.label }));
        } catch (e) {
          notice.error(t('mapper.history.failed', { what: step.label, error: errorText(t, e) }));
        } finally {
          publish();
        }
      });
    },
    [notice, publish, run, t],
  );

  const undo = useCallback(() => go('undo'), [go]);
  const redo = useCallback(() => go('redo'), [go]);
  return { push, undo, redo, run, canUndo: view.nUndo > 0, canRedo: view.nRedo > 0, undoLabel: view.undo, redoLabel: view.redo };
}
