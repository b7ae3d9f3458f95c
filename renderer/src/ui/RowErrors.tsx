/** An import's bad rows: line, column, value and the reason in words (both importers show this). */
import { useTranslation } from 'react-i18next';
import type { ImportRowError } from '../../../shared/api/accounts-views';
import { rowErrorReason } from '../../../shared/domain/import-errors';
import { normalizeLocale } from '../../../shared/i18n';
import { ScrollArea } from './ScrollArea';

export function RowErrors({ errors, testId, heading: Heading = 'h4' }: { errors: ImportRowError[]; testId: string; heading?: 'h3' | 'h4' }) {
  const { t, i18n } = useTranslation();
  // The reason in the CLI's words too (a reporting circle names its people and their rows).
  const locale = normalizeLocale(i18n.language) ?? 'zh-CN';
  return (
    <div className="import-errors">
      <Heading className="subheading subheading--danger">{t('importer.check.errorsTitle', { n: errors.length })}</Heading>
      <ScrollArea className="import-errors__scroll" label={t('importer.check.errorsCaption')}>
        <table className="table table--compact" data-testid={testId}>
          <caption className="visually-hidden">{t('importer.check.errorsCaption')}</caption>
          <thead>
            <tr>
              <th scope="col" className="num import-errors__line">
                {t('importer.check.line')}
              </th>
              <th scope="col">{t('importer.check.column')}</th>
              <th scope="col">{t('importer.check.value')}</th>
              <th scope="col">{t('importer.check.reason')}</th>
            </tr>
          </thead>
          <tbody>
            {errors.map((e, i) => (
              <tr key={`${e.line}-${e.column ?? ''}-${i}`}>
                <th scope="row" className="num tabular">
                  {e.line}
                </th>
                <td>{e.column ?? '—'}</td>
                <td className="import-errors__value">{e.value ? e.value : <span className="muted">{t('importer.check.empty')}</span>}</td>
                <td>{rowErrorReason(e, locale)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollArea>
    </div>
  );
}
