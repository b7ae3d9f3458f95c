/**
 * One kind of a plan's structured items as an editable table: add and edit in a small form, delete
 * after a confirmation, move up and down. Read-only when the plan is frozen.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Person } from '../../../../shared/api/accounts';
import type { PlanItem } from '../../../../shared/api/plans';
import type { Currency } from '../../../../shared/domain/enums';
import type { PlanItemKind } from '../../../../shared/domain/plan';
import { api } from '../../api/client';
import { errorText } from '../../lib/errors';
import { Button } from '../../ui/Button';
import { DateField } from '../../ui/DateField';
import { FormDialog } from '../../ui/FormDialog';
import { useNotice } from '../../ui/Notice';
import { SelectField } from '../../ui/SelectField';
import { TextArea } from '../../ui/TextArea';
import { TextField } from '../../ui/TextField';
import { moneyFull, shortDate, tk } from '../../lib/format';
import { useConfirm } from '../../ui/useConfirm';
import { blankItem, FIELDS, fromForm, itemLabel, showFigure, toForm, type FieldSpec, type FormValues } from './items';
import { ScrollArea } from '../../ui/ScrollArea';

export interface ItemTableProps {
  planId: number;
  kind: PlanItemKind;
  /** Every item of this kind (the order is the whole kind's, also when `filter` shows a part). */
  items: PlanItem[];
  people: Person[];
  currency: Currency;
  readOnly: boolean;
  /** Shows only some of the kind (a SWOT quadrant), and new items get `preset`. */
  filter?: (item: PlanItem) => boolean;
  preset?: Record<string, unknown>;
  title: string;
  addLabel: string;
}

function Cell({ spec, data, people, currency }: { spec: FieldSpec; data: Record<string, unknown>; people: Person[]; currency: Currency }) {
  const { t, i18n } = useTranslation();
  const v: unknown = data[spec.key];
  const locale = i18n.language;
  switch (spec.type) {
    case 'person': {
      const p = people.find((x) => x.id === v);
      return <>{p ? p.name : <span className="muted">{t('planEditor.items.noPerson')}</span>}</>;
    }
    case 'enum':
      return <>{v ? tk(t, `planEditor.${spec.group}.${String(v)}`) : '—'}</>;
    case 'bool':
      return <>{v ? t('planEditor.items.yes') : t('planEditor.items.no')}</>;
    case 'date':
      return <span className="tabular">{shortDate(v as string | null, locale)}</span>;
    case 'money':
      // a plan's tables keep every digit (README, "Number formats")
      return <span className="tabular">{moneyFull(v as number | null, currency, locale)}</span>;
    case 'figure':
      return <span className="tabular">{showFigure((v as number | null) ?? null, (data.unit as 'money') ?? 'money', currency, locale)}</span>;
    default:
      return <>{v === null || v === undefined || v === '' ? '—' : String(v)}</>;
  }
}

const NUMERIC = new Set(['figure', 'money', 'int']);

export function ItemTable({ planId, kind, items, people, currency, readOnly, filter, preset, title, addLabel }: ItemTableProps) {
  const { t } = useTranslation();
  const notify = useNotice();
  const [confirmNode, confirm] = useConfirm();
  const [editing, setEditing] = useState<{ id?: number; before: Record<string, unknown>; values: FormValues } | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const shown = filter ? items.filter(filter) : items;
  const specs = FIELDS[kind];
  const columns = specs.filter((s) => s.column && !(preset && s.key in preset));

  const open = (item?: PlanItem) => {
    const before = item ? (item.data as unknown as Record<string, unknown>) : blankItem(kind, preset);
    setEditing({ id: item?.id, before, values: toForm(kind, before) });
    setErrors({});
    setFormError(null);
  };

  const submit = async () => {
    if (!editing) return;
    const parsed = fromForm(kind, editing.values, editing.before, t);
    if (!parsed.ok) {
      setErrors(parsed.errors);
      return;
    }
    setBusy(true);
    try {
      await api('plan-item-save', { planId, ...(editing.id ? { id: editing.id } : {}), data: parsed.data });
      setEditing(null);
      notify.success(t('planEditor.items.saved'));
    } catch (e) {
      setFormError(errorText(t, e));
    } finally {
      setBusy(false);
    }
  };

  const remove = async (item: PlanItem) => {
    const ok = await confirm({ title: t('planEditor.items.confirmDeleteTitle'), body: `${t('planEditor.items.confirmDelete')} ${itemLabel(item.data)}`, confirmLabel: t('planEditor.items.delete') });
    if (!ok) return;
    try {
      await api('plan-item-delete', { id: item.id });
      notify.success(t('planEditor.items.deleted'));
    } catch (e) {
      notify.error(errorText(t, e));
    }
  };

  const move = async (item: PlanItem, by: -1 | 1) => {
    const i = shown.indexOf(item);
    const other = shown[i + by];
    if (!other) return;
    const ids = items.map((x) => x.id);
    const a = ids.indexOf(item.id);
    const b = ids.indexOf(other.id);
    [ids[a], ids[b]] = [ids[b]!, ids[a]!];
    try {
      await api('plan-items-reorder', { planId, kind, ids });
    } catch (e) {
      notify.error(errorText(t, e));
    }
  };

  const setValue = (key: string, value: string | boolean) => setEditing((e) => (e ? { ...e, values: { ...e.values, [key]: value } } : e));

  const field = (spec: FieldSpec) => {
    if (!editing || (preset && spec.key in preset && spec.type === 'enum')) return null;
    const label = tk(t, `planEditor.fields.${spec.label}`);
    const value = editing.values[spec.key] ?? '';
    const error = errors[spec.key] ?? null;
    switch (spec.type) {
      case 'bool':
        return (
          <label key={spec.key} className="check">
            <input type="checkbox" checked={value === true} onChange={(e) => setValue(spec.key, e.target.checked)} />
            <span>{label}</span>
          </label>
        );
      case 'enum':
        return (
          <SelectField key={spec.key} label={label} value={String(value)} error={error} onChange={(e) => setValue(spec.key, e.target.value)}>
            {spec.options!.map((o) => (
              <option key={o} value={o}>
                {tk(t, `planEditor.${spec.group}.${o}`)}
              </option>
            ))}
          </SelectField>
        );
      case 'person':
        return (
          <SelectField key={spec.key} label={label} value={String(value)} error={error} onChange={(e) => setValue(spec.key, e.target.value)}>
            <option value="">{t('planEditor.items.noPerson')}</option>
            {people
              .filter((p) => p.active || String(p.id) === value)
              .map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
          </SelectField>
        );
      case 'date':
        // the same date forms as every date field (2026-05-01, 2026/5/1, 2026年5月1日) and the calendar button
        return <DateField key={spec.key} label={label} value={String(value)} error={error} onChange={(v) => setValue(spec.key, v)} />;
      case 'textarea':
        return <TextArea key={spec.key} label={label} value={String(value)} error={error} rows={2} required={spec.required} onChange={(e) => setValue(spec.key, e.target.value)} />;
      default:
        return (
          <TextField
            key={spec.key}
            label={label}
            value={String(value)}
            error={error}
            required={spec.required}
            type="text"
            inputMode={NUMERIC.has(spec.type) ? 'decimal' : undefined}
            onChange={(e) => setValue(spec.key, e.target.value)}
          />
        );
    }
  };

  return (
    <section className="plan-items" aria-label={title} data-kind={kind}>
      <div className="plan-items__head">
        <h4 className="plan-items__title">{title}</h4>
        {!readOnly ? (
          <Button size="sm" icon="plus" onClick={() => open()}>
            {addLabel}
          </Button>
        ) : null}
      </div>
      {shown.length === 0 ? (
        <p className="muted plan-items__none">{t('planEditor.items.none')}</p>
      ) : (
        <ScrollArea className="plan-items__scroll" label={title}>
          <table className="table plan-items__table">
            <thead>
              <tr>
                {columns.map((c) => (
                  <th key={c.key} scope="col" className={NUMERIC.has(c.type) ? 'num' : undefined}>
                    {tk(t, `planEditor.fields.${c.label}`)}
                  </th>
                ))}
                {!readOnly ? (
                  <th scope="col" className="plan-items__ops">
                    <span className="visually-hidden">{t('planEditor.items.rowActions')}</span>
                  </th>
                ) : null}
              </tr>
            </thead>
            <tbody>
              {shown.map((item, i) => {
                const data = item.data as unknown as Record<string, unknown>;
                const name = itemLabel(item.data);
                return (
                  <tr key={item.id}>
                    {columns.map((c, ci) => (
                      <td key={c.key} className={NUMERIC.has(c.type) ? 'num' : c.type === 'textarea' ? 'plan-items__long' : undefined}>
                        <Cell spec={c} data={data} people={people} currency={currency} />
                        {ci === 0 && data.internal === true && !columns.some((x) => x.key === 'internal') ? <span className="plan-tag">{t('audience.internalTag')}</span> : null}
                      </td>
                    ))}
                    {!readOnly ? (
                      <td className="plan-items__ops">
                        <Button size="sm" variant="ghost" aria-label={`${t('planEditor.items.up')}: ${name}`} title={t('planEditor.items.up')} disabled={i === 0} onClick={() => void move(item, -1)}>
                          ↑
                        </Button>
                        <Button
                          size="sm"
                          variant="ghost"
                          aria-label={`${t('planEditor.items.down')}: ${name}`}
                          title={t('planEditor.items.down')}
                          disabled={i === shown.length - 1}
                          onClick={() => void move(item, 1)}
                        >
                          ↓
                        </Button>
                        <Button size="sm" variant="ghost" icon="edit" aria-label={`${t('planEditor.items.edit')}: ${name}`} title={t('planEditor.items.edit')} onClick={() => open(item)}>
                          <span className="visually-hidden">{t('planEditor.items.edit')}</span>
                        </Button>
                        <Button size="sm" variant="ghost" icon="trash" aria-label={`${t('planEditor.items.delete')}: ${name}`} title={t('planEditor.items.delete')} onClick={() => void remove(item)}>
                          <span className="visually-hidden">{t('planEditor.items.delete')}</span>
                        </Button>
                      </td>
                    ) : null}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </ScrollArea>
      )}
      {editing ? (
        <FormDialog
          open
          title={`${editing.id ? t('planEditor.items.edit') : addLabel} · ${title}`}
          submitLabel={t('common.save')}
          busy={busy}
          error={formError}
          onSubmit={() => void submit()}
          onCancel={() => setEditing(null)}
          className="plan-item-form"
        >
          {specs.map(field)}
        </FormDialog>
      ) : null}
      {confirmNode}
    </section>
  );
}
