import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Tier } from '../../../../shared/api/accounts';
import { api, ApiFailure } from '../../api/client';
import { useApiQuery } from '../../api/hooks';
import { errorText } from '../../lib/errors';
import { tierName } from '../../lib/format';
import { Button } from '../../ui/Button';
import { Card } from '../../ui/Card';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { FormDialog } from '../../ui/FormDialog';
import { TextField } from '../../ui/TextField';
import { useSaveAction } from '../../ui/useSaveAction';

const KEY = /^[a-z0-9][a-z0-9-]{0,39}$/;

interface Draft {
  id?: number;
  /** The name when the dialog opened (for its title). */
  title?: string;
  key: string;
  nameZh: string;
  nameEn: string;
  rank: string;
  visitsPerQuarter: string;
  callsPerMonth: string;
  description: string;
}
type DraftErrors = Partial<Record<keyof Draft, string>>;

const toDraft = (t: Tier, locale: string): Draft => ({
  id: t.id,
  title: tierName(t, locale),
  key: t.key,
  nameZh: t.nameZh,
  // The English name reads as the Chinese one when none was given: shown empty here.
  nameEn: t.nameEn === t.nameZh ? '' : t.nameEn,
  rank: String(t.rank),
  visitsPerQuarter: String(t.visitsPerQuarter),
  callsPerMonth: String(t.callsPerMonth),
  description: t.description,
});

function count(s: string): number | null {
  const v = s.trim();
  if (!/^\d{1,4}$/.test(v)) return null;
  const n = Number(v);
  return n <= 1000 ? n : null;
}

/** Tiers and their service standard: visits per quarter, calls per month. */
export function TiersCard() {
  const { t, i18n } = useTranslation();
  const save = useSaveAction();
  const del = useSaveAction();
  const tiers = useApiQuery('tiers-list', {}, ['tiers']);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [errors, setErrors] = useState<DraftErrors>({});
  const [deleting, setDeleting] = useState<Tier | null>(null);

  const list = tiers.value ?? [];
  const open = (d: Draft) => {
    setErrors({});
    save.setError(null);
    setDraft(d);
  };
  const add = () => {
    const rank = list.reduce((m, x) => Math.max(m, x.rank), 0) + 1;
    open({ key: '', nameZh: '', nameEn: '', rank: String(rank), visitsPerQuarter: '1', callsPerMonth: '1', description: '' });
  };

  const submit = () => {
    if (!draft) return;
    const e: DraftErrors = {};
    const key = draft.key.trim();
    // Only the Chinese name is needed: the key is generated from it (pinyin) when left empty, and an
    // empty English name reads as the Chinese one.
    if (key && !KEY.test(key)) e.key = t('settings.tiers.invalid.key');
    if (!draft.nameZh.trim() || draft.nameZh.trim().length > 50) e.nameZh = t('settings.tiers.invalid.name');
    if (draft.nameEn.trim().length > 50) e.nameEn = t('settings.tiers.invalid.name');
    const rank = count(draft.rank);
    const visits = count(draft.visitsPerQuarter);
    const calls = count(draft.callsPerMonth);
    if (rank === null) e.rank = t('settings.tiers.invalid.count');
    if (visits === null) e.visitsPerQuarter = t('settings.tiers.invalid.count');
    if (calls === null) e.callsPerMonth = t('settings.tiers.invalid.count');
    setErrors(e);
    save.setError(null);
    if (Object.keys(e).length > 0 || rank === null || visits === null || calls === null) return;
    void save.run(
      () =>
        api('tiers-save', {
          ...(draft.id ? { id: draft.id } : {}),
          ...(key ? { key } : {}),
          nameZh: draft.nameZh.trim(),
          nameEn: draft.nameEn.trim(),
          rank,
          visitsPerQuarter: visits,
          callsPerMonth: calls,
          description: draft.description,
        }),
      {
        success: (saved) => t('settings.tiers.saved', { name: tierName(saved, i18n.language) }),
        then: () => {
          setDraft(null);
          tiers.reload();
        },
        failed: (err) => {
          if (!(err instanceof ApiFailure && err.code === 'conflict')) return false;
          setErrors({ key: t('settings.tiers.conflict', { key }) });
          return true;
        },
      },
    );
  };

  const remove = () => {
    if (!deleting) return;
    void del.run(() => api('tiers-delete', { id: deleting.id }), {
      success: () => t('settings.tiers.deleted', { name: tierName(deleting, i18n.language) }),
      then: () => {
        setDeleting(null);
        tiers.reload();
      },
    });
  };

  const field = (name: keyof Draft) => ({
    value: draft ? String(draft[name] ?? '') : '',
    error: errors[name] ?? null,
    onChange: (e: { target: { value: string } }) => {
      setErrors((x) => ({ ...x, [name]: undefined }));
      setDraft((d) => (d ? { ...d, [name]: e.target.value } : d));
    },
  });

  return (
    <Card
      title={t('settings.tiers.title')}
      lead={t('settings.tiers.lead')}
      className="settings-tiers"
      aside={
        <Button icon="plus" onClick={add}>
          {t('settings.tiers.add')}
        </Button>
      }
    >
      {tiers.error ? (
        <p className="inline-error" role="alert">
          {errorText(t, tiers.error)}
        </p>
      ) : null}
      {tiers.value && list.length === 0 ? <p className="muted">{t('settings.tiers.empty')}</p> : null}
      {list.length > 0 ? (
        <table className="table settings-table" data-testid="tiers-table">
          <caption className="visually-hidden">{t('settings.tiers.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('settings.tiers.nameZh')}</th>
              <th scope="col">{t('settings.tiers.nameEn')}</th>
              <th scope="col">{t('settings.tiers.key')}</th>
              <th scope="col" className="num">
                {t('settings.tiers.rank')}
              </th>
              <th scope="col" className="num">
                {t('settings.tiers.visits')}
              </th>
              <th scope="col" className="num">
                {t('settings.tiers.calls')}
              </th>
              <th scope="col" className="settings-table__actions">
                <span className="visually-hidden">{t('settings.tiers.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {list.map((tier) => {
              const name = tierName(tier, i18n.language);
              return (
                <tr key={tier.id} data-tier={tier.key}>
                  <th scope="row">{tier.nameZh}</th>
                  <td>{tier.nameEn}</td>
                  <td>
                    <code>{tier.key}</code>
                  </td>
                  <td className="num tabular">{tier.rank}</td>
                  <td className="num tabular" data-testid="tier-visits">
                    {tier.visitsPerQuarter}
                  </td>
                  <td className="num tabular" data-testid="tier-calls">
                    {tier.callsPerMonth}
                  </td>
                  <td className="settings-table__actions">
                    <Button size="sm" variant="ghost" icon="edit" aria-label={t('settings.tiers.editFor', { name })} onClick={() => open(toDraft(tier, i18n.language))}>
                      {t('settings.tiers.edit')}
                    </Button>
                    <Button
                      size="sm"
                      variant="ghost"
                      icon="trash"
                      aria-label={t('settings.tiers.deleteFor', { name })}
                      onClick={() => {
                        del.setError(null);
                        setDeleting(tier);
                      }}
                    >
                      {t('settings.tiers.delete')}
                    </Button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      ) : null}

      <FormDialog
        open={draft !== null}
        title={draft?.id ? t('settings.tiers.editTitle', { name: draft.title ?? '' }) : t('settings.tiers.addTitle')}
        submitLabel={t('common.save')}
        busy={save.busy}
        error={save.error}
        onSubmit={submit}
        onCancel={() => setDraft(null)}
      >
        <div className="form-grid">
          <TextField label={t('settings.tiers.nameZh')} maxLength={50} {...field('nameZh')} />
          <TextField label={t('settings.tiers.nameEnField')} maxLength={50} {...field('nameEn')} />
          <TextField label={t('settings.tiers.key')} hint={t('settings.tiers.keyHint')} mono maxLength={40} autoCapitalize="off" spellCheck={false} {...field('key')} />
          <TextField label={t('settings.tiers.rank')} hint={t('settings.tiers.rankHint')} inputMode="numeric" {...field('rank')} />
          <TextField label={t('settings.tiers.visits')} inputMode="numeric" {...field('visitsPerQuarter')} />
          <TextField label={t('settings.tiers.calls')} inputMode="numeric" {...field('callsPerMonth')} />
        </div>
      </FormDialog>

      <ConfirmDialog
        open={deleting !== null}
        title={t('settings.tiers.deleteTitle', { name: deleting ? tierName(deleting, i18n.language) : '' })}
        confirmLabel={t('settings.tiers.delete')}
        tone="danger"
        busy={del.busy}
        error={del.error}
        onConfirm={remove}
        onCancel={() => setDeleting(null)}
      >
        <p>{t('settings.tiers.deleteBody')}</p>
      </ConfirmDialog>
    </Card>
  );
}
