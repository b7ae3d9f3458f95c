/** The account importer's column pieces: the target select, a target's name, and the columns left out. */
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { ImportSkippedColumn } from '../../../../shared/api/accounts-views';
import { Button } from '../../ui/Button';
import { columnName, IGNORE, IMPORT_FIELDS } from '../../lib/importMapping';

type T = TFunction;

/** A target in words: "Revenue 2026", "Region", "Do not import". */
export function targetName(t: T, target: string): string {
  const m = /^(revenue|target):(\d{4})$/.exec(target);
  if (m) return m[1] === 'revenue' ? t('domain.field.revenue', { year: m[2] }) : t('domain.field.target', { year: m[2] });
  if (target === IGNORE) return t('domain.field.ignore');
  return t(`domain.field.${target as 'name'}`);
}

export function TargetSelect({ column, value, years, disabled, invalid, onChange }: { column: string; value: string; years: number[]; disabled: boolean; invalid?: boolean; onChange: (v: string) => void }) {
  const { t } = useTranslation();
  return (
    <select
      className="field__input field__select"
      aria-label={t('importer.mapping.targetFor', { column })}
      aria-invalid={invalid || undefined}
      value={value}
      disabled={disabled}
      onChange={(e) => onChange(e.target.value)}
    >
      <option value={IGNORE}>{t('domain.field.ignore')}</option>
      <optgroup label={t('importer.mapping.groups.fields')}>
        {IMPORT_FIELDS.map((f) => (
          <option key={f} value={f}>
            {t(`domain.field.${f}`)}
          </option>
        ))}
      </optgroup>
      <optgroup label={t('importer.mapping.groups.revenue')}>
        {years.map((y) => (
          <option key={y} value={`revenue:${y}`}>
            {t('domain.field.revenue', { year: y })}
          </option>
        ))}
      </optgroup>
      <optgroup label={t('importer.mapping.groups.target')}>
        {years.map((y) => (
          <option key={y} value={`target:${y}`}>
            {t('domain.field.target', { year: y })}
          </option>
        ))}
      </optgroup>
    </select>
  );
}

/**
 * The columns an import leaves out, each with why and a select to map it (the account importer);
 * a suggestion not yet confirmed is shown in its select with a button to confirm it.
 */
export function NotImported({
  columns,
  mapping,
  pending,
  years,
  disabled,
  onMap,
  onConfirm,
}: {
  columns: ImportSkippedColumn[];
  mapping: string[];
  pending: ReadonlySet<number>;
  years: number[];
  disabled: boolean;
  onMap: (index: number, target: string) => void;
  onConfirm: (index: number) => void;
}) {
  const { t } = useTranslation();
  if (columns.length === 0) return null;
  return (
    <div className="not-imported" data-testid="import-not-imported">
      <h4 className="subheading subheading--warning">{t('importer.check.notImportedTitle', { n: columns.length })}</h4>
      <p className="muted">{t('importer.check.notImportedLead')}</p>
      <ul className="not-imported__list">
        {columns.map((c) => {
          const name = columnName(t, c.column, c.index);
          const isPending = pending.has(c.index);
          return (
            <li key={c.index} className="not-imported__item">
              <span className="not-imported__name">
                <strong>{name}</strong>
                <span className="muted">{isPending && c.suggestion ? t('importer.mapping.suggested') : t(`importer.check.reasons.${c.reason}`)}</span>
              </span>
              {c.column !== '' ? (
                <span className="not-imported__map">
                  <TargetSelect column={name} value={mapping[c.index] ?? IGNORE} years={years} disabled={disabled} onChange={(v) => onMap(c.index, v)} />
                  {isPending ? (
                    <Button size="sm" disabled={disabled} aria-label={t('importer.mapping.confirmFor', { column: name })} onClick={() => onConfirm(c.index)}>
                      {t('importer.mapping.confirm')}
                    </Button>
                  ) : null}
                </span>
              ) : null}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
