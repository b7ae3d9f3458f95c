/**
 * Undo and redo on the map, for this visit: adding, editing, deleting and moving people, adding,
 * editing and deleting lines, tender membership and bid roles, re-layout. Each step knows how to
 * undo and redo itself through the API (see commands.ts); steps run one after another in the
 * board's and the map's one undo queue (lib/undo.ts). A step that can no longer be applied (someone
 * else changed the map) is dropped with a message.
 */
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../lib/errors';
import type { Run } from '../../lib/undo';
import { useUndoQueue } from '../../lib/useUndo';
import { useNotice } from '../../ui/Notice';
import type { Step } from './commands';

export type { Step } from './commands';

export interface History {
  push: (step: Step) => void;
  undo: () => void;
  redo: () => void;
  canUndo: boolean;
  canRedo: boolean;
  undoLabel: string | null;
  redoLabel: string | null;
  /** Runs a job after the steps already queued (so an edit never overtakes an undo). */
  run: Run;
}

const LIMIT = 200;

export function useHistory(): History {
  const { t } = useTranslation();
  const notice = useNotice();
  const { queue, stacks } = useUndoQueue<Step>({
    limit: LIMIT,
    apply: async (step, dir) => {
      await (dir === 'undo' ? step.undo() : step.redo());
      notice.success(t(dir === 'undo' ? 'mapper.history.undone' : 'mapper.history.redone', { what: step.label }));
      return step;
    },
    onFailed: (step, _dir, e) => notice.error(t('mapper.history.failed', { what: step.label, error: errorText(t, e) })),
  });
  const push = useCallback((step: Step) => queue.push(step), [queue]);
  const undo = useCallback(() => void queue.undo(), [queue]);
  const redo = useCallback(() => void queue.redo(), [queue]);
  return useMemo(
    () => ({
      push,
      undo,
      redo,
      run: queue.run,
      canUndo: stacks.undo.length > 0,
      canRedo: stacks.redo.length > 0,
      undoLabel: stacks.undo.at(-1)?.label ?? null,
      redoLabel: stacks.redo.at(-1)?.label ?? null,
    }),
    [push, undo, redo, queue, stacks],
  );
}
