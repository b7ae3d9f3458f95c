import { useCallback, useRef, useState, type ReactNode } from 'react';
import { ConfirmDialog } from './ConfirmDialog';

interface Ask {
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
