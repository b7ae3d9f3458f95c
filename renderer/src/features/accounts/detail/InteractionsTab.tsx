import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccountDetail, Interaction } from '../../../../../shared/api/accounts';
import { INTERACTION_KINDS, type InteractionKind } from '../../../../../shared/domain/enums';
import { api } from '../../../api/client';
import { cx } from '../../../lib/cx';
import { errorText } from '../../../lib/errors';
import { Button } from '../../../ui/Button';
import { Card } from '../../../ui/Card';
import { EditForm } from '../../../ui/EditForm';
import { Icon, type IconName } from '../../../ui/icons';
import { useNotice } from '../../../ui/Notice';
import { SelectField } from '../OptionSelect';
import { TextArea } from '../../../ui/TextArea';
import { TextField } from '../../../ui/TextField';
import { enumOptions } from '../format';
import { localToday, shortDate, tk } from '../../../lib/format';
import { usePeople } from '../reference';
import { useConfirmedAction } from '../../../ui/useConfirm';
import { useSaveAction } from '../../../ui/useSaveAction';
import { DateField } from '../../../ui/DateField';

const KIND_ICON: Record<InteractionKind, IconName> = {
  visit: 'visit',
  call: 'call',
  meeting: 'meeting',
  training: 'training',
  complaint: 'complaint',
  suggestion: 'suggestion',
  care: 'care',
};

interface Draft {
  id?: number;
  kind: InteractionKind;
  date: string;
  people: string;
  ownerId: string;
  summary: string;
  outcome: string;
  nextStep: string;
  nextDue: string;
  nextDone: boolean;
}

/** The contact history, newest first: what happened, with whom, and the next step with its due date. */
export function InteractionsTab({ detail }: { detail: AccountDetail }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const notice = useNotice();
  const people = usePeople();
  const [confirmNode, confirmThen] = useConfirmedAction();
  const save = useSaveAction();
  const a = detail.account;
  const list = useMemo(() => [...detail.interactions].sort((x, y) => (x.date === y.date ? y.id - x.id : x.date < y.date ? 1 : -1)), [detail.interactions]);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [dateError, setDateError] = useState<string | null>(null);

  const blank = (): Draft => ({
    kind: 'visit',
    date: localToday(),
    people: '',
    ownerId: a.ownerId ? String(a.ownerId) : '',
    summary: '',
    outcome: '',
    nextStep: '',
    nextDue: '',
    nextDone: false,
  });
  const fromInteraction = (i: Interaction): Draft => ({
    id: i.id,
    kind: i.kind,
    date: i.date,
    people: i.people,
    ownerId: i.ownerId ? String(i.ownerId) : '',
    summary: i.summary,
    outcome: i.outcome,
    nextStep: i.nextStep,
    nextDue: i.nextDue ?? '',
    nextDone: i.nextDone,
  });

  const open = (d: Draft) => {
    setDraft(d);
    setDateError(null);
    save.setError(null);
  };

  const toArgs = (d: Draft) => ({
    ...(d.id ? { id: d.id } : {}),
    accountId: a.id,
    kind: d.kind,
    date: d.date,
    people: d.people.trim(),
    ownerId: d.ownerId ? Number(d.ownerId) : null,
    summary: d.summary.trim(),
    outcome: d.outcome.trim(),
    nextStep: d.nextStep.trim(),
    nextDue: d.nextDue || null,
    nextDone: d.nextDone,
  });

  const submit = () => {
    if (!draft) return;
    if (!draft.date) {
      setDateError(t('accounts.validation.date'));
      return;
    }
    void save.run(() => api('interactions-save', toArgs(draft)), { success: () => t('accounts.interactions.saved'), then: () => setDraft(null) });
  };

  const toggleDone = async (i: Interaction, done: boolean) => {
    try {
      await api('interactions-save', toArgs({ ...fromInteraction(i), nextDone: done }));
    } catch (err) {
      notice.error(errorText(t, err));
    }
  };

  const remove = (i: Interaction) => {
    const kind = tk(t, `domain.interactionKind.${i.kind}`);
    return confirmThen(
      {
        title: t('accounts.interactions.deleteTitle'),
        body: t('accounts.interactions.deleteBody', { date: shortDate(i.date, locale), kind }),
        confirmLabel: t('accounts.form.delete'),
      },
      () => api('interactions-delete', { id: i.id }),
      { success: t('accounts.interactions.deleted') },
    );
  };

  const set = <K extends keyof Draft>(k: K, v: Draft[K]) => setDraft((d) => (d ? { ...d, [k]: v } : d));
  const owners = people.list.filter((p) => p.active || String(p.id) === draft?.ownerId).map((p) => ({ value: String(p.id), label: p.name }));

  return (
    <div className="tab-stack">
      <Card
        title={t('accounts.tabs.interactions')}
        lead={t('accounts.interactions.lead')}
        aside={
          draft ? null : (
            <Button variant="primary" icon="plus" onClick={() => open(blank())}>
              {t('accounts.interactions.add')}
            </Button>
          )
        }
      >
        {draft ? (
          <EditForm
            className="inline-form edit-panel"
            title={draft.id ? t('accounts.interactions.editTitle') : t('accounts.interactions.addTitle')}
            onSubmit={submit}
            onCancel={() => setDraft(null)}
            busy={save.busy}
            error={save.error}
          >
            <div className="acct-form-grid acct-form-grid--4">
              <SelectField label={t('accounts.interactions.kind')} options={enumOptions(INTERACTION_KINDS, 'interactionKind', t)} value={draft.kind} onChange={(e) => set('kind', e.target.value as InteractionKind)} />
              <DateField
                label={t('accounts.interactions.date')}
                value={draft.date}
                error={dateError}
                required
                onChange={(v) => {
                  set('date', v);
                  setDateError(null);
                }}
              />
              <SelectField label={t('accounts.interactions.owner')} emptyLabel={t('accounts.overview.notSet')} options={owners} value={draft.ownerId} onChange={(e) => set('ownerId', e.target.value)} />
              <TextField label={t('accounts.interactions.people')} value={draft.people} maxLength={500} onChange={(e) => set('people', e.target.value)} />
              <TextArea label={t('accounts.interactions.summary')} className="acct-span-2" rows={3} maxLength={5000} value={draft.summary} onChange={(e) => set('summary', e.target.value)} />
              <TextArea label={t('accounts.interactions.outcome')} className="acct-span-2" rows={3} maxLength={5000} value={draft.outcome} onChange={(e) => set('outcome', e.target.value)} />
              <TextField label={t('accounts.interactions.nextStep')} className="acct-span-2" value={draft.nextStep} maxLength={1000} onChange={(e) => set('nextStep', e.target.value)} />
              <DateField label={t('accounts.interactions.nextDue')} value={draft.nextDue} onChange={(v) => set('nextDue', v)} />
              {draft.id ? (
                <label className="acct-check acct-check--inline">
                  <input type="checkbox" checked={draft.nextDone} onChange={(e) => set('nextDone', e.target.checked)} />
                  <span className="acct-check__label">{t('accounts.interactions.nextDone')}</span>
                </label>
              ) : null}
            </div>
          </EditForm>
        ) : null}

        {list.length === 0 ? (
          draft ? null : <p className="tab-empty">{t('accounts.interactions.empty')}</p>
        ) : (
          <ol className="acct-timeline" aria-label={t('accounts.interactions.listLabel')}>
            {list.map((i) => {
              const late = i.nextStep && i.nextDue && !i.nextDone && i.nextDue < localToday();
              return (
                <li key={i.id} className={cx('acct-timeline__item', `acct-timeline__item--${i.kind}`)}>
                  <span className="acct-timeline__icon" aria-hidden="true">
                    <Icon name={KIND_ICON[i.kind]} size={18} />
                  </span>
                  <div className="acct-timeline__body">
                    <div className="acct-timeline__head">
                      <span className="acct-timeline__kind">{tk(t, `domain.interactionKind.${i.kind}`)}</span>
                      <time className="acct-timeline__date tabular" dateTime={i.date}>
                        {shortDate(i.date, locale)}
                      </time>
                      {i.ownerName ? <span className="acct-timeline__meta">{i.ownerName}</span> : null}
                      {i.people ? <span className="acct-timeline__meta">{i.people}</span> : null}
                      <span className="acct-timeline__actions">
                        <button type="button" className="link-btn" onClick={() => open(fromInteraction(i))}>
                          {t('accounts.interactions.edit')}
                        </button>
                        <button type="button" className="link-btn link-btn--danger" onClick={() => void remove(i)}>
                          {t('accounts.interactions.delete')}
                        </button>
                      </span>
                    </div>
                    {i.summary ? <p className="acct-timeline__summary">{i.summary}</p> : null}
                    {i.outcome ? (
                      <p className="acct-timeline__outcome">
                        <span className="acct-timeline__label">{t('accounts.interactions.outcome')}</span>
                        {i.outcome}
                      </p>
                    ) : null}
                    {i.nextStep ? (
                      <div className={cx('acct-timeline__next', i.nextDone && 'is-done', late && 'is-late')}>
                        <label className="acct-check acct-check--inline">
                          <input type="checkbox" checked={i.nextDone} onChange={(e) => void toggleDone(i, e.target.checked)} aria-label={t('accounts.interactions.nextDoneFor', { step: i.nextStep })} />
                          <span className="acct-timeline__label">{t('accounts.interactions.nextStep')}</span>
                          <span className="acct-timeline__step">{i.nextStep}</span>
                        </label>
                        {i.nextDue ? <span className="acct-timeline__due tabular">{t('accounts.interactions.due', { date: shortDate(i.nextDue, locale) })}</span> : null}
                      </div>
                    ) : null}
                  </div>
                </li>
              );
            })}
          </ol>
        )}
      </Card>
      {confirmNode}
    </div>
  );
}
