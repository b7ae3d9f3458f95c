import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiFailure } from '../../api/client';
import { errorText } from '../../lib/errors';
import { Button } from '../../ui/Button';
import { Dialog } from '../../ui/Dialog';
import { useNotice } from '../../ui/Notice';
import { SelectField } from './OptionSelect';
import { TextField } from '../../ui/TextField';
import { tierName } from '../../lib/format';
import { accountHref } from './route';
import { usePeople, useTiers } from './reference';
import { validateName } from './validateName';

interface Draft {
  name: string;
  industry: string;
  region: string;
  ownerId: string;
  tierId: string;
}
const EMPTY: Draft = { name: '', industry: '', region: '', ownerId: '', tierId: '' };

/** Name and where the account belongs; the rest is filled in on the account page it opens. */
export function AddAccountDialog({ open, onClose, facets }: { open: boolean; onClose: () => void; facets: { industries: string[]; regions: string[] } | undefined }) {
  const { t, i18n } = useTranslation();
  const notice = useNotice();
  const tiers = useTiers();
  const people = usePeople();
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [nameError, setNameError] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const listId = useId();

  const set = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }));
  const close = () => {
    setDraft(EMPTY);
    setNameError(null);
    setFormError(null);
    onClose();
  };

  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = e.currentTarget;
    const invalid = validateName(draft.name, t);
    if (invalid) {
      setNameError(invalid);
      form.querySelector('input')?.focus();
      return;
    }
    setBusy(true);
    try {
      const account = await api('accounts-create', {
        name: draft.name.trim(),
        ...(draft.industry.trim() ? { industry: draft.industry.trim() } : {}),
        ...(draft.region.trim() ? { region: draft.region.trim() } : {}),
        ...(draft.ownerId ? { ownerId: Number(draft.ownerId) } : {}),
        ...(draft.tierId ? { tierId: Number(draft.tierId) } : {}),
      });
      notice.success(t('accounts.add.added', { name: account.name }));
      close();
      window.location.hash = accountHref(account.id);
    } catch (err) {
      if (err instanceof ApiFailure && err.code === 'conflict') {
        setNameError(errorText(t, err));
        form.querySelector('input')?.focus();
      } else setFormError(errorText(t, err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog open={open} title={t('accounts.add.title')} lead={t('accounts.add.body')} onClose={close} busy={busy}>
      <form className="dialog__form" onSubmit={(e) => void submit(e)} noValidate>
        <TextField
          label={t('accounts.add.nameLabel')}
          hint={t('accounts.add.nameHint')}
          value={draft.name}
          error={nameError}
          autoComplete="off"
          onChange={(e) => {
            set({ name: e.target.value });
            setNameError(null);
          }}
        />
        <div className="acct-form-grid acct-form-grid--2">
          <TextField label={t('domain.field.industry')} value={draft.industry} list={`${listId}-ind`} autoComplete="off" onChange={(e) => set({ industry: e.target.value })} />
          <TextField label={t('domain.field.region')} value={draft.region} list={`${listId}-reg`} autoComplete="off" onChange={(e) => set({ region: e.target.value })} />
          <SelectField
            label={t('domain.field.owner')}
            emptyLabel={t('accounts.overview.notSet')}
            options={people.list.filter((p) => p.active).map((p) => ({ value: String(p.id), label: p.name }))}
            value={draft.ownerId}
            onChange={(e) => set({ ownerId: e.target.value })}
          />
          <SelectField
            label={t('domain.field.tier')}
            emptyLabel={t('accounts.overview.notSet')}
            options={tiers.list.map((x) => ({ value: String(x.id), label: tierName(x, i18n.language) ?? x.key }))}
            value={draft.tierId}
            onChange={(e) => set({ tierId: e.target.value })}
          />
        </div>
        <datalist id={`${listId}-ind`}>
          {facets?.industries.map((x) => <option key={x} value={x} />)}
        </datalist>
        <datalist id={`${listId}-reg`}>
          {facets?.regions.map((x) => <option key={x} value={x} />)}
        </datalist>
        {formError ? (
          <p className="dialog__error" role="alert">
            {formError}
          </p>
        ) : null}
        <div className="dialog__actions">
          <Button onClick={close} disabled={busy}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" variant="primary" icon="plus" busy={busy}>
            {t('accounts.add.submit')}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
