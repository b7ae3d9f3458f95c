import { useCallback, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../lib/errors';
import { ConfirmDialog } from './ConfirmDialog';
import { useNotice } from './Notice';

export interface Ask {
  title: string;
  body: string;
  confirmLabel: string;
}

/** A danger confirmation as a promise: `if (await confirm({...})) remove()`. Render the returned node once. */
export function useConfirm(): [ReactNode, (ask: Ask) => Promise<boolean>] {
  const [ask, setAsk] = useState<Ask | null>(null);
  const resolver = useRef<((ok: boolean) => void) | null>(null);
  const confirm = useCallback(
    (a: Ask) =>
      new Promise<boolean>((resolve) => {
        resolver.current = resolve;
        setAsk(a);
      }),
    [],
  );
  const finish = (ok: boolean) => {
    resolver.current?.(ok);
    resolver.current = null;
    setAsk(null);
  };
  const node = (
    <ConfirmDialog open={ask !== null} title={ask?.title ?? ''} confirmLabel={ask?.confirmLabel ?? ''} tone="danger" onConfirm={() => finish(true)} onCancel={() => finish(false)}>
      <p>{ask?.body}</p>
    </ConfirmDialog>
  );
  return [node, confirm];
}

/**
 * Ask, then run: the delete buttons of the account tabs' tables. Nothing happens unless confirmed;
 * then a notice says it was done (and `then` follows) or why it failed. Render the node once.
 */
export function useConfirmedAction(): [ReactNode, (ask: Ask, action: () => Promise<unknown>, done: { success: string; then?: () => void }) => Promise<void>] {
  const { t } = useTranslation();
  const notice = useNotice();
  const [node, confirm] = useConfirm();
  const run = async (ask: Ask, action: () => Promise<unknown>, done: { success: string; then?: () => void }) => {
    if (!(await confirm(ask))) return;
    try {
      await action();
      notice.success(done.success);
      done.then?.();
    } catch (e) {
      notice.error(errorText(t, e));
    }
  };
  return [node, run];
}
