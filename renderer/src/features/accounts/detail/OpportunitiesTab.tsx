import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccountDetail, Opportunity } from '../../../../../shared/api/accounts';
import { OPEN_OPPORTUNITY_STAGES, OPPORTUNITY_STAGES, type OpportunityStage } from '../../../../../shared/domain/enums';
import { parseMoney } from '../../../../../shared/domain/values';
import { api } from '../../../api/client';
import { cx } from '../../../lib/cx';
import { Button } from '../../../ui/Button';
import { Card } from '../../../ui/Card';
import { EditForm } from '../../../ui/EditForm';
import { SelectField } from '../OptionSelect';
import { TextArea } from '../../../ui/TextArea';
import { TextField } from '../../../ui/TextField';
import { enumOptions } from '../format';
import { money, moneyInput, shortDate, splitList, tk } from '../../../lib/format';
import { MoneyField } from '../MoneyField';
import { usePeople } from '../reference';
import { useConfirmedAction } from '../../../ui/useConfirm';
import { useSaveAction } from '../../../ui/useSaveAction';
import { DateField } from '../../../ui/DateField';

interface Draft {
  id?: number;
  name: string;
  value: string;
  stage: OpportunityStage;
  bidDate: string;
  rivals: string;
  ownerId: string;
  resultReason: string;
}
type Errors = Partial<Record<'name' | 'value', string>>;

/** contact → design → validation → tendering → won / lost: where the deal really is, as steps. */
export function StageSteps({ stage }: { stage: OpportunityStage }) {
  const { t } = useTranslation();
  const closed = stage === 'won' || stage === 'lost';
  const at = closed ? OPEN_OPPORTUNITY_STAGES.length : OPEN_OPPORTUNITY_STAGES.indexOf(stage);
  const steps = [...OPEN_OPPORTUNITY_STAGES, closed ? stage : 'won'] as OpportunityStage[];
  return (
    <ol className="opp-steps" aria-label={t('accounts.opportunities.stepsLabel', { stage: tk(t, `domain.opportunityStage.${stage}`) })}>
      {steps.map((s, i) => {
        const state = i < at ? 'done' : i === at ? 'current' : 'todo';
        return (
          <li key={s} className={cx('opp-steps__step', `is-${state}`, i === at && closed && `is-${stage}`)} aria-current={i === at ? 'step' : undefined}>
            <span className="opp-steps__dot" aria-hidden="true" />
            <span className="opp-steps__label">{i === steps.length - 1 && !closed ? `${tk(t, 'domain.opportunityStage.won')} / ${tk(t, 'domain.opportunityStage.lost')}` : tk(t, `domain.opportunityStage.${s}`)}</span>
          </li>
        );
      })}
    </ol>
  );
}

/** Opportunities and tenders at the account: value, real stage, bid date, rivals. */
export function OpportunitiesTab({ detail }: { detail: AccountDetail }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const people = usePeople();
  const [confirmNode, confirmThen] = useConfirmedAction();
  const save = useSaveAction();
  const a = detail.account;
  const list = [...detail.opportunities].sort((x, y) => {
    const ox = OPEN_OPPORTUNITY_STAGES.includes(x.stage) ? 0 : 1;
    const oy = OPEN_OPPORTUNITY_STAGES.includes(y.stage) ? 0 : 1;
    return ox - oy || (y.bidDate ?? '').localeCompare(x.bidDate ?? '') || y.id - x.id;
  });
  const open = list.filter((o) => OPEN_OPPORTUNITY_STAGES.includes(o.stage));
  const openValue = open.reduce((s, o) => s + o.value, 0);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [errors, setErrors] = useState<Errors>({});

  const start = (o?: Opportunity) => {
    setDraft(
      o
        ? { id: o.id, name: o.name, value: moneyInput(o.value), stage: o.stage, bidDate: o.bidDate ?? '', rivals: o.rivals.join('、'), ownerId: o.ownerId ? String(o.ownerId) : '', resultReason: o.resultReason }
        : { name: '', value: '', stage: 'contact', bidDate: '', rivals: '', ownerId: a.ownerId ? String(a.ownerId) : '', resultReason: '' },
    );
    setErrors({});
    save.setError(null);
  };
  const set = <K extends keyof Draft>(k: K, v: Draft[K]) => {
    setDraft((d) => (d ? { ...d, [k]: v } : d));
    if (k in errors) setErrors((e) => ({ ...e, [k]: undefined }));
  };

  const submit = () => {
    if (!draft) return;
    const found: Errors = {};
    if (!draft.name.trim()) found.name = t('accounts.validation.required');
    let value = 0;
    if (draft.value.trim()) {
      const p = parseMoney(draft.value);
      if (!p.ok) found.value = t('accounts.validation.money');
      else if (p.value < 0) found.value = t('accounts.validation.moneyNegative');
      else value = p.value;
    }
    setErrors(found);
    if (Object.keys(found).length) return;
    void save.run(
      () =>
        api('opportunities-save', {
          ...(draft.id ? { id: draft.id } : {}),
          accountId: a.id,
          name: draft.name.trim(),
          value,
          currency: a.currency,
          stage: draft.stage,
          bidDate: draft.bidDate || null,
          rivals: splitList(draft.rivals),
          ownerId: draft.ownerId ? Number(draft.ownerId) : null,
          resultReason: draft.resultReason.trim(),
        }),
      { success: (saved) => t('accounts.opportunities.saved', { name: saved.name }), then: () => setDraft(null) },
    );
  };

  const remove = (o: Opportunity) =>
    confirmThen(
      { title: t('accounts.opportunities.deleteTitle', { name: o.name }), body: t('accounts.opportunities.deleteBody'), confirmLabel: t('accounts.form.delete') },
      () => api('opportunities-delete', { id: o.id }),
      { success: t('accounts.opportunities.deleted', { name: o.name }) },
    );

  const owners = people.list.filter((p) => p.active || String(p.id) === draft?.ownerId).map((p) => ({ value: String(p.id), label: p.name }));
  const closed = draft && (draft.stage === 'won' || draft.stage === 'lost');

  return (
    <div className="tab-stack">
      <Card
        title={t('accounts.tabs.opportunities')}
        lead={open.length ? t('accounts.opportunities.openTotal', { n: open.length, value: money(openValue, a.currency, locale) }) : t('accounts.opportunities.lead')}
        aside={
          draft ? null : (
            <Button variant="primary" icon="plus" onClick={() => start()}>
              {t('accounts.opportunities.add')}
            </Button>
          )
        }
      >
        {draft ? (
          <EditForm
            className="inline-form edit-panel"
            title={draft.id ? t('accounts.opportunities.editTitle') : t('accounts.opportunities.addTitle')}
            onSubmit={submit}
            onCancel={() => setDraft(null)}
            busy={save.busy}
            error={save.error}
          >
            <div className="acct-form-grid acct-form-grid--4">
              <TextField label={t('accounts.opportunities.name')} className="acct-span-2" value={draft.name} error={errors.name ?? null} maxLength={200} onChange={(e) => set('name', e.target.value)} />
              <MoneyField label={t('accounts.opportunities.value')} currency={a.currency} value={draft.value} error={errors.value ?? null} onChange={(v) => set('value', v)} />
              <SelectField label={t('accounts.opportunities.stage')} options={enumOptions(OPPORTUNITY_STAGES, 'opportunityStage', t)} value={draft.stage} onChange={(e) => set('stage', e.target.value as OpportunityStage)} />
              <DateField label={t('accounts.opportunities.bidDate')} value={draft.bidDate} onChange={(v) => set('bidDate', v)} />
              <TextField label={t('accounts.opportunities.rivals')} className="acct-span-2" hint={t('accounts.opportunities.rivalsHint')} value={draft.rivals} onChange={(e) => set('rivals', e.target.value)} />
              <SelectField label={t('accounts.opportunities.owner')} emptyLabel={t('accounts.overview.notSet')} options={owners} value={draft.ownerId} onChange={(e) => set('ownerId', e.target.value)} />
              {closed ? (
                <TextArea label={t('accounts.opportunities.resultReason')} className="acct-span-4" rows={2} maxLength={2000} value={draft.resultReason} onChange={(e) => set('resultReason', e.target.value)} />
              ) : null}
            </div>
          </EditForm>
        ) : null}
        {list.length === 0 ? (
          draft ? null : <p className="tab-empty">{t('accounts.opportunities.empty')}</p>
        ) : (
          <ul className="opps" role="list">
            {list.map((o) => (
              <li key={o.id} className={cx('opp', `opp--${o.stage}`)}>
                <div className="opp__head">
                  <h3 className="opp__name">{o.name}</h3>
                  <span className="opp__value tabular">{money(o.value, o.currency, locale)}</span>
                </div>
                <StageSteps stage={o.stage} />
                <dl className="opp__facts">
                  <div>
                    <dt>{t('accounts.opportunities.bidDate')}</dt>
                    <dd className="tabular">{o.bidDate ? shortDate(o.bidDate, locale) : <span className="muted">{t('accounts.opportunities.noBidDate')}</span>}</dd>
                  </div>
                  <div>
                    <dt>{t('accounts.opportunities.rivals')}</dt>
                    <dd>
                      {o.rivals.length ? (
                        <span className="acct-chips">
                          {o.rivals.map((r) => (
                            <span key={r} className="acct-chip">
                              {r}
                            </span>
                          ))}
                        </span>
                      ) : (
                        <span className="muted">{t('accounts.opportunities.noRivals')}</span>
                      )}
                    </dd>
                  </div>
                  <div>
                    <dt>{t('accounts.opportunities.owner')}</dt>
                    <dd>{o.ownerName ?? '—'}</dd>
                  </div>
                  {o.resultReason ? (
                    <div className="opp__reason">
                      <dt>{t('accounts.opportunities.resultReason')}</dt>
                      <dd>{o.resultReason}</dd>
                    </div>
                  ) : null}
                </dl>
                <div className="opp__actions">
                  <button type="button" className="link-btn" onClick={() => start(o)} aria-label={t('accounts.form.editFor', { name: o.name })}>
                    {t('accounts.form.edit')}
                  </button>
                  <button type="button" className="link-btn link-btn--danger" onClick={() => void remove(o)} aria-label={t('accounts.form.deleteFor', { name: o.name })}>
                    {t('accounts.form.delete')}
                  </button>
                </div>
              </li>
            ))}
          </ul>
        )}
      </Card>
      {confirmNode}
    </div>
  );
}
