import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { errorText } from '../../lib/errors';
import { cx } from '../../lib/cx';
import { Button } from '../../ui/Button';
import { useNotice } from '../../ui/Notice';
import { TextField } from '../../ui/TextField';
import { validateName } from './validateName';

/** Name + "Add account". Checks the name before calling; shows the backend's refusal translated. */
export function AddAccountForm({ onAdded, layout = 'inline' }: { onAdded?: () => void; layout?: 'inline' | 'stacked' }) {
  const { t } = useTranslation();
  const notice = useNotice();
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const input = e.currentTarget.querySelector('input');
    const invalid = validateName(name, t);
    if (invalid) {
      setError(invalid);
      input?.focus();
      return;
    }
    setBusy(true);
    try {
      const account = await api('accounts-create', { name: name.trim() });
      setName('');
      setError(null);
      notice.success(t('accounts.add.added', { name: account.name }));
      onAdded?.();
    } catch (err) {
      setError(errorText(t, err));
    } finally {
      setBusy(false);
      input?.focus();
    }
  };

  return (
    <form className={cx('add-account', `add-account--${layout}`)} onSubmit={(e) => void submit(e)} noValidate>
      <TextField
        label={t('accounts.add.nameLabel')}
        hint={t('accounts.add.nameHint')}
        value={name}
        error={error}
        autoComplete="off"
        onChange={(e) => {
          setName(e.target.value);
          if (error) setError(null);
        }}
      />
      <Button type="submit" variant="primary" icon="plus" busy={busy}>
        {t('accounts.add.submit')}
      </Button>
    </form>
  );
}
