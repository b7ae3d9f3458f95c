/**
 * Two versions of a plan (or a version and the plan now), section by section: which sections
 * changed, whether their text did, and the items added, removed and changed (each changed field
 * with its old and new value: "Target: ¥1,200,000.00 → ¥1,300,000.00").
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Person } from '../../../../shared/api/accounts';
import type { PlanComparison, PlanVersionInfo } from '../../../../shared/api/plans';
import type { Currency } from '../../../../shared/domain/enums';
import { api } from '../../api/client';
import { errorText } from '../../lib/errors';
import { Button } from '../../ui/Button';
import { Dialog } from '../../ui/Dialog';
import { SelectField } from '../../ui/SelectField';
import { shortDate } from '../../lib/format';
import { itemFieldChanges } from './fields';
import { itemLabel } from './items';

type Ref = number | 'current';

export function CompareDialog({
  planId,
  versions,
  people,
  currency,
  onClose,
}: {
  planId: number;
  versions: PlanVersionInfo[];
  people: Person[];
  currency: Currency;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const last = versions[versions.length - 1];
  const [a, setA] = useState<Ref>(versions.length > 1 ? versions[versions.length - 2]!.version : (last?.version ?? 'current'));
  const [b, setB] = useState<Ref>(versions.length > 1 ? last!.version : 'current');
  const [result, setResult] = useState<PlanComparison | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    api('plan-versions-compare', { planId, a, b }).then(
      (r) => live && (setResult(r), setError(null)),
      (e: unknown) => live && setError(errorText(t, e)),
    );
    return () => {
      live = false;
    };
  }, [planId, a, b, t]);

  const options = (
    <>
      {versions.map((v) => (
        <option key={v.version} value={v.version}>
          {t('planEditor.compare.versionOption', { n: v.version, date: shortDate(v.createdAt.slice(0, 10), i18n.language) })}
        </option>
      ))}
      <option value="current">{t('planEditor.compare.current')}</option>
    </>
  );
  const parse = (s: string): Ref => (s === 'current' ? 'current' : Number(s));
  const changed = result?.sections.filter((s) => s.changed) ?? [];

  return (
    <Dialog open title={t('planEditor.compare.title')} onClose={onClose} size="lg">
      {versions.length === 0 ? <p className="inline-note">{t('planEditor.compare.needVersions')}</p> : null}
      <div className="plan-compare__pick">
        <SelectField label={t('planEditor.compare.a')} value={String(a)} onChange={(e) => setA(parse(e.target.value))}>
          {options}
        </SelectField>
        <SelectField label={t('planEditor.compare.b')} value={String(b)} onChange={(e) => setB(parse(e.target.value))}>
          {options}
        </SelectField>
      </div>
      {error ? (
        <p className="dialog__error" role="alert">
          {error}
        </p>
      ) : null}
      {result ? (
        <div className="plan-compare" data-testid="plan-compare">
          <p className="plan-compare__summary" role="status">
            {changed.length ? t('planEditor.compare.changed', { n: changed.length }) : t('planEditor.compare.none')}
          </p>
          {changed.map((s) => (
            <section key={s.section} className="plan-compare__section" aria-label={t(`planEditor.sections.${s.section}`)}>
              <h3 className="plan-compare__title">{t(`planEditor.sections.${s.section}`)}</h3>
              <ul role="list" className="plan-compare__list">
                {s.textChanged ? (
                  <li className="plan-compare__text">
                    {t('planEditor.compare.textChanged')}
                    <TextChange before={s.textBefore} after={s.textAfter} />
                  </li>
                ) : null}
                {s.added.map((i) => (
                  <li key={`a${i.id}`} className="plan-compare__added">
                    <span className="plan-compare__tag">{t('planEditor.compare.added')}</span> {t(`planEditor.kinds.${i.kind}`)}: {itemLabel(i.data)}
                  </li>
                ))}
                {s.removed.map((i) => (
                  <li key={`r${i.id}`} className="plan-compare__removed">
                    <span className="plan-compare__tag">{t('planEditor.compare.removed')}</span> {t(`planEditor.kinds.${i.kind}`)}: {itemLabel(i.data)}
                  </li>
                ))}
                {s.modified.map((i) => (
                  <li key={`m${i.id}`} className="plan-compare__modified">
                    <span className="plan-compare__tag">{t('planEditor.compare.modified')}</span> {t(`planEditor.kinds.${i.kind}`)}: {itemLabel(i.after)}
                    <ul role="list" className="plan-compare__changes">
                      {itemFieldChanges(i.kind, i.fields, i.before, i.after, { people, currency, locale: i18n.language, t }).map((c) => (
                        <li key={c.field} data-field={c.field}>
                          <span className="plan-compare__field">{c.label}</span>
                          {t('planEditor.compare.colon')}
                          <del>{c.before}</del>
                          <span aria-hidden="true"> → </span>
                          <span className="visually-hidden">{t('planEditor.compare.to')}</span>
                          <ins>{c.after}</ins>
                        </li>
                      ))}
                    </ul>
                  </li>
                ))}
              </ul>
            </section>
          ))}
        </div>
      ) : null}
      <div className="dialog__actions">
        <Button onClick={onClose}>{t('common.close')}</Button>
      </div>
    </Dialog>
  );
}

/** Where one paragraph (heading, list item, row, line) ends in an excerpt: visibly, as in an editor. */
const BREAK = '\u00b6';

/** The text without its markup; a paragraph's end is marked with ¶, cells are apart by a space. */
function plain(html: string): string {
  const marked = html
    .replace(/<\/(p|h[1-6]|li|tr|blockquote)>|<br\s*\/?>/gi, (m) => `${m}\uE000`)
    .replace(/<\/(td|th)>/gi, (m) => `${m} `);
  const doc = new DOMParser().parseFromString(marked, 'text/html');
  return (doc.body.textContent ?? '')
    .replace(/\s+/g, ' ')
    .replace(/\s*\uE000[\s\uE000]*/g, ` ${BREAK} `)
    .trim()
    .replace(new RegExp(`\\s*${BREAK}$`), '');
}

/** Where two texts part: what was there and what is there now, from the first difference (a short excerpt). */
function TextChange({ before, after }: { before: string; after: string }) {
  const a = plain(before);
  const b = plain(after);
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  let j = 0;
  while (j < a.length - i && j < b.length - i && a[a.length - 1 - j] === b[b.length - 1 - j]) j++;
  const cut = (s: string) => {
    const mid = s.slice(i, s.length - j);
    const lead = i > 0 ? `…${s.slice(Math.max(0, i - 20), i)}` : '';
    return `${lead}${mid.length > 160 ? `${mid.slice(0, 160)}…` : mid}`;
  };
  return (
    <span className="plan-compare__diff">
      {a.slice(i, a.length - j) ? <del>{cut(a)}</del> : null}
      {b.slice(i, b.length - j) ? <ins>{cut(b)}</ins> : null}
    </span>
  );
}
