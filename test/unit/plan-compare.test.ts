/**
 * The compare dialog's words for a changed item: each changed field with its old and new value in
 * the language shown (money in the plan's currency, people by name, statuses and dates as words),
 * from the backend's comparison of two versions.
 */
import i18next, { type TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { messages, type Locale } from '../../shared/i18n';
import { comparePlanContent, planItemDataSchema, type PlanContent } from '../../shared/domain/plan';
import { itemFieldChanges } from '../../renderer/src/features/plans/fields';
import { formatMoney as moneyFull } from '../../shared/domain/money';

async function tFor(lng: Locale): Promise<TFunction> {
  const i = i18next.createInstance();
  await i.init({ lng, resources: { [lng]: { translation: messages[lng] } }, interpolation: { escapeValue: false } });
  return i.t;
}

const parse = (v: unknown) => planItemDataSchema.parse(v);
const people = [
  { id: 1, name: '赵敏' },
  { id: 2, name: '钱伟' },
];
const before: PlanContent = {
  sections: [],
  items: [
    { id: 10, kind: 'objective', data: parse({ kind: 'objective', metric: '销售额', unit: 'money', baseline: 100_000_000, target: 120_000_000, ownerId: 1 }) },
    { id: 11, kind: 'action', data: parse({ kind: 'action', what: '拜访信息中心', due: '2026-03-01', status: 'todo', cost: null }) },
  ],
};
const after: PlanContent = {
  sections: [],
  items: [
    { id: 10, kind: 'objective', data: parse({ kind: 'objective', metric: '销售额', unit: 'money', baseline: 100_000_000, target: 130_000_000, ownerId: 2 }) },
    { id: 11, kind: 'action', data: parse({ kind: 'action', what: '拜访信息中心', due: '2026-04-15', status: 'doing', cost: 5_000_00 }) },
  ],
};

describe('compare shows old -> new values', () => {
  const changes = comparePlanContent(before, after).flatMap((s) => s.modified);

  it('in Chinese', async () => {
    const t = await tFor('zh-CN');
    const ctx = { people, currency: 'CNY' as const, locale: 'zh-CN', t };
    const [objective, action] = changes.map((c) => itemFieldChanges(c.kind, c.fields, c.before, c.after, ctx));
    expect(moneyFull(130_000_000, 'CNY', 'zh-CN')).toMatch(/1,300,000|130万/);
    expect(objective).toEqual([
      { field: 'target', label: '目标', before: moneyFull(120_000_000, 'CNY', 'zh-CN'), after: moneyFull(130_000_000, 'CNY', 'zh-CN') },
      { field: 'ownerId', label: messages['zh-CN'].planEditor.fields.owner, before: '赵敏', after: '钱伟' },
    ]);
    expect(action).toEqual([
      { field: 'due', label: messages['zh-CN'].planEditor.fields.due, before: '2026-03-01', after: '2026-04-15' },
      { field: 'status', label: messages['zh-CN'].planEditor.fields.status, before: messages['zh-CN'].planEditor.actionStatus.todo, after: messages['zh-CN'].planEditor.actionStatus.doing },
      { field: 'cost', label: messages['zh-CN'].planEditor.fields.cost, before: '（空）', after: moneyFull(5_000_00, 'CNY', 'zh-CN') },
    ]);
  });

  it('in English, with no CJK but the data', async () => {
    const t = await tFor('en');
    const ctx = { people, currency: 'USD' as const, locale: 'en', t };
    const [objective, action] = changes.map((c) => itemFieldChanges(c.kind, c.fields, c.before, c.after, ctx));
    expect(objective![0]).toEqual({ field: 'target', label: 'Target', before: moneyFull(120_000_000, 'USD', 'en'), after: moneyFull(130_000_000, 'USD', 'en') });
    expect(action!.map((c) => `${c.label}: ${c.before} → ${c.after}`)).toEqual(['Due: Mar 1, 2026 → Apr 15, 2026', 'Status: To do → Doing', `Cost: (empty) → ${moneyFull(5_000_00, 'USD', 'en')}`]);
    expect(moneyFull(5_000_00, 'USD', 'en')).toMatch(/^US\$5,000(\.00)?$/);
  });
});
