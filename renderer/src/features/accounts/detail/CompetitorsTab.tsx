import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccountDetail, Competitor } from '../../../../../shared/api/accounts';
import { api } from '../../../api/client';
import { Button } from '../../../ui/Button';
import { Card } from '../../../ui/Card';
import { EditForm } from '../../../ui/EditForm';
import { Icon } from '../../../ui/icons';
import { TextArea } from '../../../ui/TextArea';
import { TextField } from '../../../ui/TextField';
import { useConfirmedAction } from '../../../ui/useConfirm';
import { useSaveAction } from '../../../ui/useSaveAction';

interface Draft {
  id?: number;
  name: string;
  offer: string;
  position: string;
  strengths: string;
  weaknesses: string;
}

/** Who competes with us at this account, and how they stand. */
export function CompetitorsTab({ detail }: { detail: AccountDetail }) {
  const { t } = useTranslation();
  const [confirmNode, confirmThen] = useConfirmedAction();
  const save = useSaveAction();
  const a = detail.account;
  const [draft, setDraft] = useState<Draft | null>(null);
  const [nameError, setNameError] = useState<string | null>(null);

  const start = (c?: Competitor) => {
    setDraft(c ? { ...c } : { name: '', offer: '', position: '', strengths: '', weaknesses: '' });
    setNameError(null);
    save.setError(null);
  };
  const set = (k: keyof Draft, v: string) => setDraft((d) => (d ? { ...d, [k]: v } : d));

  const submit = () => {
    if (!draft) return;
    if (!draft.name.trim()) {
      setNameError(t('accounts.validation.required'));
      return;
    }
    void save.run(
      () =>
        api('competitors-save', {
          ...(draft.id ? { id: draft.id } : {}),
          accountId: a.id,
          name: draft.name.trim(),
          offer: draft.offer.trim(),
          position: draft.position.trim(),
          strengths: draft.strengths.trim(),
          weaknesses: draft.weaknesses.trim(),
        }),
      { success: (saved) => t('accounts.competitors.saved', { name: saved.name }), then: () => setDraft(null) },
    );
  };

  const remove = (c: Competitor) =>
    confirmThen(
      { title: t('accounts.competitors.deleteTitle', { name: c.name }), body: t('accounts.competitors.deleteBody'), confirmLabel: t('accounts.form.delete') },
      () => api('competitors-delete', { id: c.id }),
      { success: t('accounts.competitors.deleted', { name: c.name }) },
    );

  return (
    <div className="tab-stack">
      <Card
        title={t('accounts.tabs.competitors')}
        lead={t('accounts.competitors.lead')}
        aside={
          draft ? null : (
            <Button variant="primary" icon="plus" onClick={() => start()}>
              {t('accounts.competitors.add')}
            </Button>
          )
        }
      >
        {draft ? (
          <EditForm
            className="inline-form edit-panel"
            title={draft.id ? t('accounts.competitors.editTitle') : t('accounts.competitors.addTitle')}
            onSubmit={submit}
            onCancel={() => setDraft(null)}
            busy={save.busy}
            error={save.error}
          >
            <div className="acct-form-grid acct-form-grid--2">
              <TextField
                label={t('accounts.competitors.name')}
                value={draft.name}
                error={nameError}
                maxLength={200}
                onChange={(e) => {
                  set('name', e.target.value);
                  setNameError(null);
                }}
              />
              <TextField label={t('accounts.competitors.position')} value={draft.position} maxLength={500} onChange={(e) => set('position', e.target.value)} />
              <TextArea label={t('accounts.competitors.offer')} className="acct-span-2" rows={2} maxLength={2000} value={draft.offer} onChange={(e) => set('offer', e.target.value)} />
              <TextArea label={t('accounts.competitors.strengths')} rows={3} maxLength={2000} value={draft.strengths} onChange={(e) => set('strengths', e.target.value)} />
              <TextArea label={t('accounts.competitors.weaknesses')} rows={3} maxLength={2000} value={draft.weaknesses} onChange={(e) => set('weaknesses', e.target.value)} />
            </div>
          </EditForm>
        ) : null}
        {detail.competitors.length === 0 ? (
          draft ? null : <p className="tab-empty">{t('accounts.competitors.empty')}</p>
        ) : (
          <div className="table-wrap">
            <table className="table acct-data-table competitors-table">
              <caption className="visually-hidden">{t('accounts.competitors.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col" className="col-name">
                    {t('accounts.competitors.name')}
                  </th>
                  <th scope="col">{t('accounts.competitors.offer')}</th>
                  <th scope="col">{t('accounts.competitors.position')}</th>
                  <th scope="col">{t('accounts.competitors.strengths')}</th>
                  <th scope="col">{t('accounts.competitors.weaknesses')}</th>
                  <th scope="col" className="col-actions">
                    <span className="visually-hidden">{t('accounts.table.actions')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {detail.competitors.map((c) => (
                  <tr key={c.id}>
                    <th scope="row">{c.name}</th>
                    <td>{c.offer || '—'}</td>
                    <td>{c.position || '—'}</td>
                    <td>{c.strengths || '—'}</td>
                    <td>{c.weaknesses || '—'}</td>
                    <td className="row-actions">
                      <button type="button" className="icon-btn" aria-label={t('accounts.form.editFor', { name: c.name })} title={t('accounts.form.editFor', { name: c.name })} onClick={() => start(c)}>
                        <Icon name="edit" size={16} />
                      </button>
                      <button
                        type="button"
                        className="icon-btn icon-btn--danger"
                        aria-label={t('accounts.form.deleteFor', { name: c.name })}
                        title={t('accounts.form.deleteFor', { name: c.name })}
                        onClick={() => void remove(c)}
                      >
                        <Icon name="trash" size={16} />
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Card>
      {confirmNode}
    </div>
  );
}
