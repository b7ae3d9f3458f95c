/**
 * The fields of each kind of plan item (label, type, whether the table shows it) and a field's value
 * in words - a person's name, an enum's label, money in full in the plan's currency, a date - for the
 * compare dialog's "old -> new". Pure (no React): unit-tested in test/unit/plan-compare.test.ts.
 */
import type { TFunction } from 'i18next';
import type { Currency } from '../../../../shared/domain/enums';
import { formatMoney } from '../../../../shared/domain/money';
import { ACTION_STATUSES, OBJECTIVE_UNITS, RISK_LEVELS, SWOT_QUADRANTS, type PlanItemData, type PlanItemKind } from '../../../../shared/domain/plan';

type Unit = (typeof OBJECTIVE_UNITS)[number];

/** A translation by a key built at run time. */
function say(t: TFunction, key: string): string {
  return (t as unknown as (k: string) => string)(key);
}

/** A calendar date as the tables show it: ISO in Chinese, "Nov 3, 2026" in English. */
function dateText(iso: string, locale: string): string {
  if (locale.startsWith('zh')) return iso;
  const d = new Date(`${iso}T00:00:00Z`);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(d);
}

export type FieldType = 'text' | 'textarea' | 'figure' | 'money' | 'date' | 'int' | 'person' | 'enum' | 'bool';

export interface FieldSpec {
  key: string;
  type: FieldType;
  /** i18n key of the label under planEditor.fields. */
  label: string;
  required?: boolean;
  /** For enum: the values and their i18n group under planEditor. */
  options?: readonly string[];
  group?: string;
  /** Shown as a column of the table (else only in the form). */
  column?: boolean;
}

const f = (key: string, type: FieldType, extra: Partial<FieldSpec> = {}): FieldSpec => ({ key, type, label: key, column: true, ...extra });

export const FIELDS: Record<PlanItemKind, FieldSpec[]> = {
  objective: [
    f('metric', 'text', { required: true }),
    f('unit', 'enum', { options: OBJECTIVE_UNITS, group: 'units', column: false }),
    f('baseline', 'figure'),
    f('target', 'figure'),
    f('q1', 'figure'),
    f('q2', 'figure'),
    f('q3', 'figure'),
    f('q4', 'figure'),
    f('ownerId', 'person', { label: 'owner' }),
    f('note', 'textarea', { column: false }),
    f('internal', 'bool', { column: false }),
  ],
  swot: [f('quadrant', 'enum', { options: SWOT_QUADRANTS, group: 'swot', column: false }), f('text', 'textarea', { required: true }), f('internal', 'bool', { column: false })],
  competitor: [
    f('name', 'text', { required: true }),
    f('offer', 'textarea'),
    f('position', 'textarea'),
    f('strengths', 'textarea'),
    f('weaknesses', 'textarea'),
    f('internal', 'bool', { column: false }),
  ],
  team: [f('personId', 'person', { label: 'person' }), f('name', 'text', { label: 'memberName' }), f('role', 'text'), f('responsibility', 'textarea'), f('internal', 'bool', { column: false })],
  action: [
    f('what', 'textarea', { required: true }),
    f('ownerId', 'person', { label: 'owner' }),
    f('due', 'date'),
    f('status', 'enum', { options: ACTION_STATUSES, group: 'actionStatus' }),
    f('cost', 'money'),
    f('internal', 'bool', { column: false }),
  ],
  risk: [
    f('description', 'textarea', { required: true }),
    f('likelihood', 'enum', { options: RISK_LEVELS, group: 'levels' }),
    f('impact', 'enum', { options: RISK_LEVELS, group: 'levels' }),
    f('mitigation', 'textarea'),
    f('ownerId', 'person', { label: 'owner' }),
    f('internal', 'bool'),
  ],
  contact: [
    f('target', 'text', { label: 'contactTarget', required: true }),
    f('ownerId', 'person', { label: 'owner' }),
    f('visitsPerQuarter', 'int'),
    f('callsPerMonth', 'int'),
    f('internal', 'bool', { column: false }),
  ],
};

/** What the compare dialog and the tables need to show a field's value in words. */
export interface ShowContext {
  people: readonly { id: number; name: string }[];
  currency: Currency;
  locale: string;
  t: TFunction;
}

/** Longer texts are cut in the compare dialog (the whole text is in the plan). */
const MAX_SHOWN = 60;

/** One field of an item as words: a person's name, an enum's label, money in the currency, a date; `empty` when unset. */
export function fieldText(spec: FieldSpec, data: Record<string, unknown>, ctx: ShowContext, empty = '—'): string {
  const v = data[spec.key];
  const { t, locale, currency } = ctx;
  switch (spec.type) {
    case 'person': {
      const p = ctx.people.find((x) => x.id === v);
      return p ? p.name : v === null || v === undefined ? empty : `#${String(v)}`;
    }
    case 'enum':
      return v ? say(t, `planEditor.${spec.group}.${String(v)}`) : empty;
    case 'bool':
      return v ? t('planEditor.items.yes') : t('planEditor.items.no');
    case 'date':
      return v ? dateText(v as string, locale) : empty;
    case 'money':
      return v === null || v === undefined ? empty : formatMoney(v as number, currency, locale);
    case 'figure': {
      // money in full: a compact ¥1.2万 could hide the change being shown
      const unit = (data.unit as Unit | undefined) ?? 'money';
      if (v === null || v === undefined) return empty;
      if (unit === 'money') return formatMoney(v as number, currency, locale);
      if (unit === 'percent') return `${((v as number) / 100).toLocaleString(locale)}%`;
      return (v as number).toLocaleString(locale);
    }
    case 'int':
      return v === null || v === undefined ? empty : (v as number).toLocaleString(locale);
    default: {
      const s = v === null || v === undefined ? '' : String(v).replace(/\s+/g, ' ').trim();
      if (!s) return empty;
      return s.length > MAX_SHOWN ? `${s.slice(0, MAX_SHOWN)}…` : s;
    }
  }
}

export interface FieldChange {
  field: string;
  /** The field's label in the language shown. */
  label: string;
  before: string;
  after: string;
}

/**
 * The fields of a changed item with their old and new values in words, in the order of the form;
 * bookkeeping fields (the tier a contact plan came from, the stakeholder link) are left out.
 */
export function itemFieldChanges(kind: PlanItemKind, fields: readonly string[], before: PlanItemData, after: PlanItemData, ctx: ShowContext): FieldChange[] {
  const b = before as unknown as Record<string, unknown>;
  const a = after as unknown as Record<string, unknown>;
  const empty = ctx.t('planEditor.compare.empty');
  return FIELDS[kind]
    .filter((spec) => fields.includes(spec.key))
    .map((spec) => ({
      field: spec.key,
      label: say(ctx.t, `planEditor.fields.${spec.label}`),
      before: fieldText(spec, b, ctx, empty),
      after: fieldText(spec, a, ctx, empty),
    }));
}
