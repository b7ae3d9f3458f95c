import { useMemo, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccountDetail } from '../../../../../shared/api/accounts';
import {
  CHURN_REASONS,
  CHURN_STATUSES,
  CLASSIFICATIONS,
  CURRENCIES,
  DEAL_STATUSES,
  GRADES,
  IMPORTANCES,
  LIFECYCLE_STAGES,
  POTENTIALS,
  URGENCIES,
  type Currency,
} from '../../../../../shared/domain/enums';
import { api, ApiFailure } from '../../../api/client';
import { useApiQuery } from '../../../api/hooks';
import { errorText } from '../../../lib/errors';
import { Button } from '../../../ui/Button';
import { SelectField } from '../OptionSelect';
import { TextArea } from '../../../ui/TextArea';
import { TextField } from '../../../ui/TextField';
import { enumOptions } from '../format';
import { tierName, tk } from '../../../lib/format';
import { accountHref } from '../route';
import { MoneyField } from '../MoneyField';
import { usePeople, useTiers } from '../reference';
import { buildPatch, draftFrom, isDirty, type Draft, type FieldErrors } from './overviewModel';
import { ParentPicker } from './ParentPicker';
import { TeamEditor } from './TeamEditor';
import { DateField } from '../../../ui/DateField';
import { useSaveAction } from '../../../ui/useSaveAction';

function Section({ title, lead, children, wide }: { title: string; lead?: string; children: ReactNode; wide?: boolean }) {
  return (
    <fieldset className={`form-section${wide ? ' form-section--wide' : ''}`}>
      <legend className="form-section__title">{title}</legend>
      {lead ? <p className="form-section__lead">{lead}</p> : null}
      <div className={wide ? 'acct-form-grid' : 'acct-form-grid acct-form-grid--2'}>{children}</div>
    </fieldset>
  );
}

function Check({ label, hint, checked, onChange }: { label: string; hint: string; checked: boolean; onChange: (v: boolean) => void }) {
  return (
    <label className="acct-check">
      <input type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} />
      <span className="acct-check__text">
        <span className="acct-check__label">{label}</span>
        <span className="acct-check__hint">{hint}</span>
      </span>
    </label>
  );
}

/** Every field of the account record, grouped as a director thinks of them; one Save for all. */
export function OverviewTab({ detail }: { detail: AccountDetail }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const save = useSaveAction();
  const a = detail.account;
  const base = useMemo(() => draftFrom(a), [a]);
  const [draft, setDraft] = useState<Draft>(base);
  const [errors, setErrors] = useState<FieldErrors>({});
  const formRef = useRef<HTMLFormElement>(null);
  const tiers = useTiers();
  const people = usePeople();
  const cadence = useApiQuery('cadence-get', {}, ['grade_cadence']).value;
  const dirty = isDirty(draft, base);
  const cur = draft.currency as Currency;

  const set = <K extends keyof Draft>(k: K, v: Draft[K]) => {
    setDraft((d) => ({ ...d, [k]: v }));
    if (errors[k]) setErrors(({ [k]: _gone, ...rest }) => rest);
  };
  const text = (k: keyof Draft) => ({
    value: draft[k] as string,
    error: errors[k] ?? null,
    onChange: (e: { target: { value: string } }) => set(k, e.target.value as never),
  });
  const date = (k: keyof Draft) => ({
    value: draft[k] as string,
    error: errors[k] ?? null,
    onChange: (v: string) => set(k, v as never),
  });
  const select = (k: keyof Draft) => ({
    value: draft[k] as string,
    error: errors[k] ?? null,
    emptyLabel: t('accounts.overview.notSet'),
    onChange: (e: { target: { value: string } }) => set(k, e.target.value as never),
  });
  const money = (k: keyof Draft) => ({
    value: draft[k] as string,
    error: errors[k] ?? null,
    currency: cur,
    onChange: (v: string) => set(k, v as never),
  });

  const focusFirstError = () => {
    window.requestAnimationFrame(() => formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.setError(null);
    const { patch, errors: found } = buildPatch(draft, base, t);
    const n = Object.keys(found).length;
    if (n > 0) {
      setErrors(found);
      save.setError(t('accounts.validation.fixErrors', { n }));
      focusFirstError();
      return;
    }
    if (Object.keys(patch).length === 0) return;
    void save.run(() => api('accounts-update', { id: a.id, patch }), {
      success: () => t('accounts.overview.saved'),
      failed: (err) => {
        if (err instanceof ApiFailure && err.code === 'conflict') setErrors({ name: errorText(t, err) });
        else if (err instanceof ApiFailure && err.code === 'invalid-args' && err.params.field === 'parentId') setErrors({ parentId: t('accounts.validation.parentSelf') });
        else return false;
        focusFirstError();
        return true;
      },
    });
  };

  const owners = people.list.filter((p) => p.active || p.id === a.ownerId).map((p) => ({ value: String(p.id), label: `${p.name} · ${tk(t, `domain.personRole.${p.role}`)}` }));
  const gradeHint = draft.grade
    ? `${tk(t, `domain.gradeMeaning.${draft.grade}`)}${cadence ? ` · ${t('accounts.detail.gradeCadence', { days: cadence[draft.grade as keyof typeof cadence] })}` : ''}`
    : undefined;

  return (
    <form ref={formRef} className="overview" onSubmit={(e) => void submit(e)} noValidate aria-label={t('accounts.tabs.overview')}>
      <div className="overview__grid">
        <Section title={t('accounts.overview.identity')} wide>
          <TextField label={t('domain.field.name')} className="acct-span-2" autoComplete="off" maxLength={200} {...text('name')} />
          <TextField label={t('domain.field.shortName')} autoComplete="off" maxLength={100} {...text('shortName')} />
          <TextField label={t('domain.field.nameEn')} className="acct-span-2" autoComplete="off" maxLength={200} lang="en" {...text('nameEn')} />
          <TextField label={t('domain.field.industry')} autoComplete="off" maxLength={100} {...text('industry')} />
          <div className="acct-span-2">
            <ParentPicker
              accountId={a.id}
              parentId={draft.parentId}
              parentName={draft.parentName}
              error={errors.parentId ?? null}
              onChange={(p) => {
                setDraft((d) => ({ ...d, parentId: p?.id ?? null, parentName: p?.name ?? '' }));
                setErrors(({ parentId: _gone, ...rest }) => rest);
              }}
            />
          </div>
          <TextField label={t('domain.field.region')} autoComplete="off" maxLength={100} {...text('region')} />
          <SelectField label={t('domain.field.owner')} options={owners} {...select('ownerId')} />
          {detail.children.length ? (
            <div className="field acct-span-2">
              <span className="field__label">{t('accounts.detail.children')}</span>
              <ul className="children" role="list">
                {detail.children.map((c) => (
                  <li key={c.id}>
                    <a href={accountHref(c.id)}>{c.name}</a>
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
        </Section>

        <fieldset className="form-section form-section--wide">
          <legend className="form-section__title">{t('accounts.overview.team')}</legend>
          <p className="form-section__lead">{t('accounts.team.lead')}</p>
          <TeamEditor detail={detail} />
        </fieldset>

        <Section title={t('accounts.overview.classification')} wide>
          <SelectField label={t('domain.field.classification')} options={enumOptions(CLASSIFICATIONS, 'classification', t)} {...select('classification')} />
          <SelectField
            label={t('domain.field.tier')}
            options={tiers.list.map((x) => ({ value: String(x.id), label: tierName(x, locale) ?? x.key }))}
            hint={tiers.byId.get(Number(draft.tierId))?.description || undefined}
            {...select('tierId')}
          />
          <SelectField label={t('domain.field.dealStatus')} options={enumOptions(DEAL_STATUSES, 'dealStatus', t)} {...select('dealStatus')} />
          <SelectField label={t('domain.field.grade')} options={enumOptions(GRADES, 'grade', t)} hint={gradeHint} {...select('grade')} />
          <SelectField
            label={t('domain.field.lifecycle')}
            options={enumOptions(LIFECYCLE_STAGES, 'lifecycle', t)}
            hint={draft.lifecycle ? tk(t, `domain.lifecycleAdvice.${draft.lifecycle}`) : undefined}
            {...select('lifecycle')}
          />
          <SelectField label={t('domain.field.urgency')} options={enumOptions(URGENCIES, 'urgency', t)} {...select('urgency')} />
          <SelectField label={t('domain.field.importance')} options={enumOptions(IMPORTANCES, 'importance', t)} {...select('importance')} />
          <Check label={t('domain.field.strategic')} hint={t('accounts.overview.strategicHint')} checked={draft.strategic} onChange={(v) => set('strategic', v)} />
          <Check label={t('domain.field.brandInfluence')} hint={t('accounts.overview.brandHint')} checked={draft.brandInfluence} onChange={(v) => set('brandInfluence', v)} />
        </Section>

        <Section title={t('accounts.overview.value')} wide>
          <SelectField label={t('domain.field.currency')} options={CURRENCIES.map((c) => ({ value: c, label: `${tk(t, `domain.currency.${c}`)} (${c})` }))} {...select('currency')} emptyLabel={undefined} />
          <MoneyField label={t('domain.field.companyRevenue')} {...money('companyRevenue')} />
          <TextField label={t('domain.field.employees')} inputMode="numeric" autoComplete="off" {...text('employees')} />
          <MoneyField label={t('domain.field.profitContribution')} {...money('profitContribution')} />
          <TextField label={t('domain.field.shareOfWallet')} inputMode="decimal" autoComplete="off" hint={t('accounts.overview.percentHint')} {...text('shareOfWallet')} />
          <SelectField label={t('domain.field.growthPotential')} options={enumOptions(POTENTIALS, 'potential', t)} {...select('growthPotential')} />
          <MoneyField label={t('domain.field.lifetimeValue')} {...money('lifetimeValue')} />
          <MoneyField label={t('domain.field.costToServe')} {...money('costToServe')} />
        </Section>

        <Section title={t('accounts.overview.risk')} wide>
          <SelectField label={t('domain.field.churnStatus')} options={enumOptions(CHURN_STATUSES, 'churnStatus', t)} {...select('churnStatus')} emptyLabel={undefined} />
          <SelectField label={t('domain.field.churnReason')} options={enumOptions(CHURN_REASONS, 'churnReason', t)} {...select('churnReason')} />
          <DateField label={t('domain.field.churnedOn')} {...date('churnedOn')} />
          <TextArea label={t('domain.field.churnNote')} className="acct-span-3" rows={2} maxLength={2000} {...text('churnNote')} />
        </Section>

        <Section title={t('accounts.overview.receivables')}>
          <MoneyField label={t('domain.field.receivableOutstanding')} {...money('receivableOutstanding')} />
          <TextField label={t('domain.field.receivableDaysOverdue')} inputMode="numeric" autoComplete="off" {...text('receivableDaysOverdue')} />
          <TextField label={t('domain.field.paymentTerms')} className="acct-span-4" autoComplete="off" maxLength={200} {...text('paymentTerms')} />
        </Section>

        <fieldset className="form-section">
          <legend className="form-section__title">{t('accounts.overview.notes')}</legend>
          <TextArea label={t('domain.field.notes')} hideLabel rows={4} maxLength={20000} {...text('notes')} />
        </fieldset>
      </div>

      <div className={`save-bar${dirty ? ' is-dirty' : ''}`}>
        {save.error ? (
          <p className="save-bar__error" role="alert">
            {save.error}
          </p>
        ) : (
          <p className="save-bar__state" aria-live="polite">
            {dirty ? t('accounts.overview.unsaved') : t('accounts.overview.noChanges')}
          </p>
        )}
        <Button
          variant="ghost"
          disabled={!dirty || save.busy}
          onClick={() => {
            setDraft(base);
            setErrors({});
            save.setError(null);
          }}
        >
          {t('accounts.overview.discard')}
        </Button>
        <Button type="submit" variant="primary" busy={save.busy} disabled={!dirty}>
          {t('accounts.overview.save')}
        </Button>
      </div>
    </form>
  );
}
