import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../lib/errors';
import { useNotice } from './Notice';

export interface SaveOptions<T> {
  /** The confirmation notice for what the call returned (none when absent). */
  success?: (out: T) => string;
  /** What follows a successful call: close the form, reload, take the saved value as the draft. */
  then?: (out: T) => void;
  /** A failure the caller shows itself (a name taken: under its field); true when handled. */
  failed?: (e: unknown) => boolean;
}

export interface SaveAction {
  /** A call is under way: the save button shows it and Cancel waits. */
  busy: boolean;
  /** The last call's failure in words, for the form's own error line; null after a new attempt. */
  error: string | null;
  setError: (error: string | null) => void;
  /** Runs one save or delete: busy while it runs, then a notice, `then` and no error - or the error. */
  run: <T>(action: () => Promise<T>, opts?: SaveOptions<T>) => Promise<void>;
}

/**
 * The save (or delete) skeleton of the account tabs and the settings cards: one call at a time, its
 * pending state, a confirmation notice when it worked and its error in words when it did not.
 */
export function useSaveAction(): SaveAction {
  const { t } = useTranslation();
  const notice = useNotice();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = useCallback(
    async <T>(action: () => Promise<T>, opts: SaveOptions<T> = {}) => {
      setBusy(true);
      setError(null);
      try {
        const out = await action();
        if (opts.success) notice.success(opts.success(out));
        opts.then?.(out);
      } catch (e) {
        if (!opts.failed?.(e)) setError(errorText(t, e));
      } finally {
        setBusy(false);
      }
    },
    [notice, t],
  );
  return { busy, error, setError, run };
}
