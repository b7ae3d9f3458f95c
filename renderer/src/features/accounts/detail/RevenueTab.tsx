import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccountDetail, RevenueYear } from '../../../../../shared/api/accounts';
import { parseMoney } from '../../../../../shared/domain/values';
import { api } from '../../../api/client';
import { Button } from '../../../ui/Button';
import { Card } from '../../../ui/Card';
import { Chart } from '../../../ui/Chart';
import { EditForm } from '../../../ui/EditForm';
import { Icon } from '../../../ui/icons';
import { TextField } from '../../../ui/TextField';
import { localToday, money, moneyFull, moneyInput } from '../../../lib/format';
import { MoneyField } from '../MoneyField';
import { revenueChartOption } from '../../../ui/revenueChart';
import { useConfirmedAction } from '../../../ui/useConfirm';
import { useSaveAction } from '../../../ui/useSaveAction';

interface Draft {
  year: string;
  revenue: string;
  target: string;
  profit: string;
}
type Errors = Partial<Record<keyof Draft, string>>;

/** Revenue with us by year: the chart of revenue against target, and the years as an editable table. */
export function RevenueTab({ detail }: { detail: AccountDetail }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const [confirmNode, confirmThen] = useConfirmedAction();
  const save = useSaveAction();
  const a = detail.account;
  const cur = a.currency;
  const rows = useMemo(() => [...detail.revenue].sort((x, y) => y.year - x.year), [detail.revenue]);
  const [editing, setEditing] = useState<number | 'new' | null>(null);
  const [draft, setDraft] = useState<Draft>({ year: '', revenue: '', target: '', profit: '' });
  const [errors, setErrors] = useState<Errors>({});

  const option = useMemo(
    () => revenueChartOption(detail.revenue, cur, locale, { revenue: t('accounts.revenue.revenue'), target: t('accounts.revenue.target') }),
    [detail.revenue, cur, locale, t],
  );

  const startNew = () => {
    const thisYear = Number(localToday().slice(0, 4));
    const taken = new Set(rows.map((r) => r.year));
    const year = taken.has(thisYear) ? Math.max(...taken) + 1 : thisYear;
    setDraft({ year: String(year), revenue: '', target: '', profit: '' });
    setErrors({});
    save.setError(null);
    setEditing('new');
  };
  const startEdit = (r: RevenueYear) => {
    setDraft({ year: String(r.year), revenue: moneyInput(r.revenue), target: moneyInput(r.target), profit: moneyInput(r.profit) });
    setErrors({});
    save.setError(null);
    setEditing(r.year);
  };

  const submit = () => {
    const found: Errors = {};
    const year = Number(draft.year);
    if (!/^\d{4}$/.test(draft.year.trim()) || year < 1900 || year > 2200) found.year = t('accounts.validation.year');
    const parse = (k: 'revenue' | 'target' | 'profit', required: boolean): number | null => {
      const v = draft[k].trim();
      if (!v) {
        if (required) found[k] = t('accounts.validation.required');
        return null;
      }
      const p = parseMoney(v);
      if (!p.ok) {
        found[k] = t('accounts.validation.money');
        return null;
      }
      return p.value;
    };
    const revenue = parse('revenue', false);
    const target = parse('target', false);
    const profit = parse('profit', false);
    // Revenue is optional (next year's target comes before its revenue); an empty year is not.
    if (Object.keys(found).length === 0 && revenue === null && target === null && profit === null) found.revenue = t('accounts.revenue.needOne');
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    void save.run(() => api('revenue-set', { accountId: a.id, year, revenue, target, profit }), { success: () => t('accounts.revenue.saved', { year }), then: () => setEditing(null) });
  };

  const remove = (year: number) =>
    confirmThen(
      { title: t('accounts.revenue.deleteFor', { year }), body: t('accounts.revenue.deleteBody', { year }), confirmLabel: t('accounts.form.delete') },
      () => api('revenue-delete', { accountId: a.id, year }),
      { success: t('accounts.revenue.deleted', { year }), then: () => setEditing((e) => (e === year ? null : e)) },
    );

  const set = (k: keyof Draft, v: string) => {
    setDraft((d) => ({ ...d, [k]: v }));
    if (errors[k]) setErrors(({ [k]: _gone, ...rest }) => rest);
  };

  return (
    <div className="tab-stack">
      <Card
        title={t('accounts.revenue.chartTitle')}
        aside={
          <Button icon="plus" onClick={startNew}>
            {t('accounts.revenue.add')}
          </Button>
        }
      >
        {rows.length === 0 ? (
          <p className="tab-empty">{t('accounts.revenue.empty')}</p>
        ) : (
          <Chart option={option} height={240} ariaLabel={t('accounts.revenue.chartLabel')} />
        )}
      </Card>

      {editing !== null ? (
        <Card title={editing === 'new' ? t('accounts.revenue.add') : t('accounts.revenue.edit', { year: editing })} className="edit-card">
          <EditForm onSubmit={submit} onCancel={() => setEditing(null)} busy={save.busy} error={save.error}>
            <div className="acct-form-grid acct-form-grid--4">
              <TextField label={t('accounts.revenue.year')} inputMode="numeric" value={draft.year} error={errors.year ?? null} disabled={editing !== 'new'} onChange={(e) => set('year', e.target.value)} />
              <MoneyField
                label={t('accounts.revenue.revenue')}
                hint={t('accounts.revenue.revenueHint')}
                currency={cur}
                value={draft.revenue}
                error={errors.revenue ?? null}
                onChange={(v) => set('revenue', v)}
              />
              <MoneyField label={t('accounts.revenue.target')} currency={cur} value={draft.target} error={errors.target ?? null} onChange={(v) => set('target', v)} />
              <MoneyField label={t('accounts.revenue.profit')} currency={cur} value={draft.profit} error={errors.profit ?? null} onChange={(v) => set('profit', v)} />
            </div>
          </EditForm>
        </Card>
      ) : null}

      {rows.length > 0 ? (
        <Card className="table-card">
          <table className="table acct-data-table">
            <caption className="visually-hidden">{t('accounts.revenue.tableCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('accounts.revenue.year')}</th>
                <th scope="col" className="num">
                  {t('accounts.revenue.revenue')}
                </th>
                <th scope="col" className="num">
                  {t('accounts.revenue.target')}
                </th>
                <th scope="col" className="num">
                  {t('accounts.revenue.attainment')}
                </th>
                <th scope="col" className="num">
                  {t('accounts.revenue.profit')}
                </th>
                <th scope="col" className="col-actions">
                  <span className="visually-hidden">{t('accounts.table.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.year}>
                  <th scope="row" className="tabular">
                    {r.year}
                  </th>
                  <td className="num tabular" title={moneyFull(r.revenue, cur, locale)}>
                    {money(r.revenue, cur, locale)}
                  </td>
                  <td className="num tabular" title={r.target !== null ? moneyFull(r.target, cur, locale) : undefined}>
                    {money(r.target, cur, locale)}
                  </td>
                  <td className="num tabular">{r.target && r.revenue !== null ? <Attainment revenue={r.revenue} target={r.target} locale={locale} /> : '—'}</td>
                  <td className="num tabular">{money(r.profit, cur, locale)}</td>
                  <td className="row-actions">
                    <button type="button" className="icon-btn" aria-label={t('accounts.revenue.edit', { year: r.year })} title={t('accounts.revenue.edit', { year: r.year })} onClick={() => startEdit(r)}>
                      <Icon name="edit" size={16} />
                    </button>
                    <button
                      type="button"
                      className="icon-btn icon-btn--danger"
                      aria-label={t('accounts.revenue.deleteFor', { year: r.year })}
                      title={t('accounts.revenue.deleteFor', { year: r.year })}
                      onClick={() => void remove(r.year)}
                    >
                      <Icon name="trash" size={16} />
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </Card>
      ) : null}
      {confirmNode}
    </div>
  );
}

function Attainment({ revenue, target, locale }: { revenue: number; target: number; locale: string }) {
  const ratio = revenue / target;
  const text = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(ratio);
  return <span className={ratio >= 1 ? 'good' : ratio < 0.8 ? 'bad' : undefined}>{text}</span>;
}
