import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CURRENCIES, type Currency } from '../../../../shared/domain/enums';
import { formatRate, parseRate, type FxTable } from '../../../../shared/domain/fx';
import { api } from '../../api/client';
import { useApiQuery } from '../../api/hooks';
import { useStoredDraft } from '../../lib/useStoredDraft';
import { DateField } from '../../ui/DateField';
import { EditCard } from '../../ui/EditCard';
import { SelectField } from '../../ui/SelectField';
import { TextField } from '../../ui/TextField';
import { useSaveAction } from '../../ui/useSaveAction';

interface Draft {
  reporting: Currency;
  rows: Record<Currency, { rate: string; asOf: string }>;
}

const toDraft = (fx: FxTable): Draft => ({
  reporting: fx.reporting,
  rows: Object.fromEntries(
    CURRENCIES.map((c) => {
      const r = fx.rates.find((x) => x.currency === c);
      return [c, { rate: r ? formatRate(r.rateMicro) : '', asOf: r?.asOf ?? '' }];
    }),
  ) as Draft['rows'],
});

const same = (a: Draft, b: Draft) => JSON.stringify(a) === JSON.stringify(b);

/** The reporting currency and one dated rate per other currency (shared/domain/fx.ts). */
export function FxRatesCard() {
  const { t } = useTranslation();
  const save = useSaveAction();
  const fx = useApiQuery('fx-get', {}, ['currency_rates', 'settings']);
  const { draft, setDraft, accept } = useStoredDraft(fx.value, toDraft, (d, stored) => same(d, toDraft(stored)));
  const [errors, setErrors] = useState<Partial<Record<Currency, { rate?: string; asOf?: string }>>>({});
  if (!fx.value) return null;
  const current = draft ?? toDraft(fx.value);
  const dirty = !same(current, toDraft(fx.value));
  const others = CURRENCIES.filter((c) => c !== current.reporting);

  const submit = () => {
    const bad: typeof errors = {};
    const rates: FxTable['rates'] = [];
    for (const c of others) {
      const row = current.rows[c];
      if (row.rate.trim() === '') continue;
      const rateMicro = parseRate(row.rate);
      if (rateMicro === null) bad[c] = { ...bad[c], rate: t('settings.fx.invalidRate') };
      if (!/^\d{4}-\d{2}-\d{2}$/.test(row.asOf)) bad[c] = { ...bad[c], asOf: t('settings.fx.needDate') };
      if (rateMicro !== null && bad[c] === undefined) rates.push({ currency: c, rateMicro, asOf: row.asOf });
    }
    setErrors(bad);
    save.setError(null);
    if (Object.keys(bad).length > 0) return;
    void save.run(() => api('fx-set', { reporting: current.reporting, rates }), {
      success: () => t('settings.fx.saved'),
      then: (saved) => {
        accept(saved);
        fx.reload();
      },
    });
  };

  const setRow = (c: Currency, patch: Partial<{ rate: string; asOf: string }>) => {
    setErrors((e) => ({ ...e, [c]: undefined }));
    setDraft({ ...current, rows: { ...current.rows, [c]: { ...current.rows[c], ...patch } } });
  };

  return (
    <EditCard
      title={t('settings.fx.title')}
      lead={t('settings.fx.lead')}
      className="settings-fx"
      testId="fx-form"
      onSubmit={submit}
      saveLabel={t('settings.fx.save')}
      saveDisabled={!dirty}
      busy={save.busy}
      errors={[save.error]}
    >
      <SelectField
        label={t('settings.fx.reporting')}
        value={current.reporting}
        className="fx-reporting"
        onChange={(e) => setDraft({ ...current, reporting: e.target.value as Currency })}
      >
        {CURRENCIES.map((c) => (
          <option key={c} value={c}>
            {`${c} · ${t(`domain.currency.${c}`)}`}
          </option>
        ))}
      </SelectField>
      <table className="table settings-table fx-table" data-testid="fx-table">
        <caption className="visually-hidden">{t('settings.fx.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('settings.fx.currency')}</th>
            <th scope="col">{t('settings.fx.rate')}</th>
            <th scope="col">{t('settings.fx.asOf')}</th>
          </tr>
        </thead>
        <tbody>
          {others.map((c) => (
            <tr key={c} data-currency={c}>
              <th scope="row">
                <span className="tabular">{t('settings.fx.example', { currency: c })}</span> <span className="muted">{t(`domain.currency.${c}`)}</span>
              </th>
              <td>
                <TextField
                  label={t('settings.fx.rateFor', { currency: c, reporting: current.reporting })}
                  hideLabel
                  inputMode="decimal"
                  className="fx-table__rate"
                  value={current.rows[c].rate}
                  placeholder={current.reporting}
                  error={errors[c]?.rate ?? null}
                  onChange={(e) => setRow(c, { rate: e.target.value })}
                />
              </td>
              <td>
                <DateField
                  label={t('settings.fx.asOfFor', { currency: c })}
                  hideLabel
                  value={current.rows[c].asOf}
                  error={errors[c]?.asOf ?? null}
                  onChange={(v) => setRow(c, { asOf: v })}
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted">{t('settings.fx.none')}</p>
    </EditCard>
  );
}
