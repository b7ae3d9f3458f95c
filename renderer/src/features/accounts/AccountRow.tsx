import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Account } from '../../../../shared/api/types';
import { api } from '../../api/client';
import { errorText } from '../../lib/errors';
import { formatDateTime } from '../../lib/format';
import { Button } from '../../ui/Button';
import { useNotice } from '../../ui/Notice';
import { TextField } from '../../ui/TextField';
import { validateName } from './validateName';

/** One account in the list; "Rename" turns its name into a field (Enter saves, Escape cancels). */
export function AccountRow({ account, onChanged }: { account: Account; onChanged: () => void }) {
  const { t, i18n } = useTranslation();
  const notice = useNotice();
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(account.name);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);
  const renameRef = useRef<HTMLButtonElement>(null);
  const returnFocus = useRef(false);

  useEffect(() => {
    if (editing) {
      inputRef.current?.focus();
      inputRef.current?.select();
    } else if (returnFocus.current) {
      returnFocus.current = false;
      renameRef.current?.focus();
    }
  }, [editing]);

  const stop = () => {
    returnFocus.current = true;
    setEditing(false);
    setError(null);
  };

  const save = async (e: FormEvent) => {
    e.preventDefault();
    const invalid = validateName(draft, t);
    if (invalid) {
      setError(invalid);
      inputRef.current?.focus();
      return;
    }
    const name = draft.trim();
    if (name === account.name) {
      stop();
      return;
    }
    setBusy(true);
    try {
      const renamed = await api('accounts-rename', { id: account.id, name });
      notice.success(t('accounts.rename.renamed', { name: renamed.name }));
      stop();
      onChanged();
    } catch (err) {
      setError(errorText(t, err));
      inputRef.current?.focus();
    } finally {
      setBusy(false);
    }
  };

  return (
    <tr className={editing ? 'is-editing' : undefined}>
      <th scope="row" className="accounts-table__name">
        {editing ? (
          <form className="rename-form" onSubmit={(e) => void save(e)} noValidate>
            <TextField
              ref={inputRef}
              label={t('accounts.rename.label', { name: account.name })}
              hideLabel
              value={draft}
              error={error}
              autoComplete="off"
              onChange={(e) => {
                setDraft(e.target.value);
                if (error) setError(null);
              }}
              onKeyDown={(e) => {
                if (e.key === 'Escape') {
                  e.preventDefault();
                  stop();
                }
              }}
            />
            <Button type="submit" size="sm" variant="primary" busy={busy}>
              {t('accounts.rename.save')}
            </Button>
            <Button size="sm" variant="ghost" onClick={stop} disabled={busy}>
              {t('accounts.rename.cancel')}
            </Button>
          </form>
        ) : (
          <span className="accounts-table__text">{account.name}</span>
        )}
      </th>
      <td className="tabular muted">{formatDateTime(account.createdAt, i18n.language)}</td>
      <td className="tabular muted">{formatDateTime(account.updatedAt, i18n.language)}</td>
      <td className="accounts-table__actions">
        {editing ? null : (
          <Button
            ref={renameRef}
            size="sm"
            variant="ghost"
            icon="edit"
            aria-label={t('accounts.rename.actionFor', { name: account.name })}
            onClick={() => {
              setDraft(account.name);
              setEditing(true);
            }}
          >
            {t('accounts.rename.action')}
          </Button>
        )}
      </td>
    </tr>
  );
}
