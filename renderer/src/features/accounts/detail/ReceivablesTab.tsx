import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccountDetail, SatisfactionScore } from '../../../../../shared/api/accounts';
import { api } from '../../../api/client';
import { cx } from '../../../lib/cx';
import { Button } from '../../../ui/Button';
import { Card } from '../../../ui/Card';
import { Chart, CHART_GRID_LINE, type ChartOption } from '../../../ui/Chart';
import { Icon } from '../../../ui/icons';
import { TextField } from '../../../ui/TextField';
import { localToday, money, moneyFull, shortDate } from '../../../lib/format';
import { useConfirmedAction } from '../../../ui/useConfirm';
import { useSaveAction } from '../../../ui/useSaveAction';
import { DateField } from '../../../ui/DateField';

/** Receivables (outstanding, days overdue, terms) and satisfaction scores with their trend. */
export function ReceivablesTab({ detail, onEdit }: { detail: AccountDetail; onEdit: () => void }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const [confirmNode, confirmThen] = useConfirmedAction();
  const save = useSaveAction();
  const a = detail.account;
  const scores = useMemo(() => [...detail.satisfaction].sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : x.id - y.id)), [detail.satisfaction]);
  const latest = scores[scores.length - 1];
  const [draft, setDraft] = useState({ date: localToday(), score: '', source: '', note: '' });
  const [errors, setErrors] = useState<{ date?: string; score?: string }>({});
  const late = (a.receivableDaysOverdue ?? 0) > 0;

  const option = useMemo<ChartOption>(
    () => ({
      grid: { left: 8, right: 16, top: 16, bottom: 8, containLabel: true },
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'category', data: scores.map((s) => shortDate(s.date, locale)), axisTick: { show: false }, axisLine: { lineStyle: { color: '#8a94a3' } } },
      yAxis: { type: 'value', min: 0, max: 100, interval: 25, splitLine: { lineStyle: { color: CHART_GRID_LINE } } },
      series: [
        {
          name: t('accounts.satisfaction.score'),
          type: 'line',
          data: scores.map((s) => s.score),
          symbol: 'circle',
          symbolSize: 7,
          lineStyle: { width: 2 },
          areaStyle: { opacity: 0.08 },
          label: { show: scores.length <= 12, position: 'top', fontSize: 11 },
        },
      ],
    }),
    [scores, locale, t],
  );

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const found: typeof errors = {};
    if (!draft.date) found.date = t('accounts.validation.date');
    const score = Number(draft.score.trim());
    if (!/^\d{1,3}$/.test(draft.score.trim()) || score > 100) found.score = t('accounts.validation.score');
    setErrors(found);
    if (Object.keys(found).length) return;
    await save.run(() => api('satisfaction-add', { accountId: a.id, date: draft.date, score, source: draft.source.trim(), note: draft.note.trim() }), {
      success: () => t('accounts.satisfaction.saved'),
      then: () => setDraft((d) => ({ ...d, score: '', note: '' })),
    });
  };

  const remove = (s: SatisfactionScore) =>
    confirmThen(
      { title: t('accounts.satisfaction.deleteFor', { date: shortDate(s.date, locale) }), body: `${s.score} · ${s.source || '—'}`, confirmLabel: t('accounts.form.delete') },
      () => api('satisfaction-delete', { id: s.id }),
      { success: t('accounts.satisfaction.deleted') },
    );

  return (
    <div className="tab-stack">
      <Card
        title={t('accounts.receivables.title')}
        lead={t('accounts.receivables.lead')}
        aside={
          <Button size="sm" icon="edit" onClick={onEdit}>
            {t('accounts.receivables.edit')}
          </Button>
        }
      >
        <dl className="acct-stats">
          <div className={cx('acct-stat', late && 'acct-stat--alert')}>
            <dt>{t('accounts.receivables.outstanding')}</dt>
            <dd className="acct-stat__value tabular">{a.receivableOutstanding ? <span title={moneyFull(a.receivableOutstanding, a.currency, locale)}>{money(a.receivableOutstanding, a.currency, locale)}</span> : <span className="muted">{t('accounts.receivables.none')}</span>}</dd>
          </div>
          <div className={cx('acct-stat', late && 'acct-stat--alert')}>
            <dt>{t('accounts.receivables.daysOverdue')}</dt>
            <dd className="acct-stat__value tabular">{a.receivableDaysOverdue !== null ? t('accounts.receivables.days', { n: a.receivableDaysOverdue }) : '—'}</dd>
          </div>
          <div className="acct-stat">
            <dt>{t('accounts.receivables.terms')}</dt>
            <dd className="acct-stat__value acct-stat__value--text">{a.paymentTerms || '—'}</dd>
          </div>
        </dl>
      </Card>

      <Card title={t('accounts.satisfaction.title')} lead={t('accounts.satisfaction.lead')}>
        <div className="sat">
          <div className="sat__chart">
            {latest ? (
              <>
                <p className="sat__latest">
                  <span className="muted">{t('accounts.satisfaction.latest')}</span>
                  <span className="sat__score tabular">{latest.score}</span>
                  <span className="muted tabular">{shortDate(latest.date, locale)}</span>
                </p>
                <Chart option={option} height={200} ariaLabel={t('accounts.satisfaction.chartLabel')} />
              </>
            ) : (
              <p className="tab-empty">{t('accounts.satisfaction.empty')}</p>
            )}
          </div>
          <form className="sat__form" onSubmit={(e) => void submit(e)} noValidate aria-label={t('accounts.satisfaction.add')}>
            <div className="acct-form-grid acct-form-grid--2">
              <DateField
                label={t('accounts.satisfaction.date')}
                value={draft.date}
                error={errors.date ?? null}
                onChange={(v) => {
                  setDraft((d) => ({ ...d, date: v }));
                  setErrors((x) => ({ ...x, date: undefined }));
                }}
              />
              <TextField
                label={t('accounts.satisfaction.score')}
                inputMode="numeric"
                value={draft.score}
                error={errors.score ?? null}
                placeholder="0-100"
                onChange={(e) => {
                  setDraft((d) => ({ ...d, score: e.target.value }));
                  setErrors((x) => ({ ...x, score: undefined }));
                }}
              />
              <TextField
                label={t('accounts.satisfaction.source')}
                className="acct-span-2"
                value={draft.source}
                placeholder={t('accounts.satisfaction.sourcePlaceholder')}
                maxLength={200}
                onChange={(e) => setDraft((d) => ({ ...d, source: e.target.value }))}
              />
              <TextField label={t('accounts.satisfaction.note')} className="acct-span-2" value={draft.note} maxLength={2000} onChange={(e) => setDraft((d) => ({ ...d, note: e.target.value }))} />
            </div>
            {save.error ? (
              <p className="field__error" role="alert">
                {save.error}
              </p>
            ) : null}
            <Button type="submit" icon="plus" busy={save.busy}>
              {t('accounts.satisfaction.add')}
            </Button>
          </form>
        </div>
        {scores.length > 0 ? (
          <div className="table-wrap sat__table">
            <table className="table acct-data-table">
              <caption className="visually-hidden">{t('accounts.satisfaction.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('accounts.satisfaction.date')}</th>
                  <th scope="col" className="num">
                    {t('accounts.satisfaction.score')}
                  </th>
                  <th scope="col">{t('accounts.satisfaction.source')}</th>
                  <th scope="col">{t('accounts.satisfaction.note')}</th>
                  <th scope="col" className="col-actions">
                    <span className="visually-hidden">{t('accounts.table.actions')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {[...scores].reverse().map((s) => (
                  <tr key={s.id}>
                    <th scope="row" className="tabular">
                      {shortDate(s.date, locale)}
                    </th>
                    <td className="num tabular">{s.score}</td>
                    <td>{s.source || '—'}</td>
                    <td>{s.note || '—'}</td>
                    <td className="row-actions">
                      <button
                        type="button"
                        className="icon-btn icon-btn--danger"
                        aria-label={t('accounts.satisfaction.deleteFor', { date: shortDate(s.date, locale) })}
                        title={t('accounts.satisfaction.deleteFor', { date: shortDate(s.date, locale) })}
                        onClick={() => void remove(s)}
                      >
                        <Icon name="trash" size={16} />
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
      </Card>
      {confirmNode}
    </div>
  );
}
