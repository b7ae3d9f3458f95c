/**
 * An account's placement history across matrices, newest first: when, who, which matrix, from ->
 * to, and why. Self-contained (it loads its own data and refreshes when placements change), so the
 * account page can show it too.
 */
import { useTranslation } from 'react-i18next';
import type { PlacementMove } from '../../../../shared/api/board';
import { normalizeLocale } from '../../../../shared/i18n';
import { isModelChange } from '../../../../shared/domain/quadrants';
import { useApiQuery } from '../../api/hooks';
import { errorText } from '../../lib/errors';
import './history.css';

export interface PlacementHistoryProps {
  accountId: number;
  /** The heading's level where the history is mounted (default 3). */
  level?: 2 | 3 | 4;
  /** Shown in the heading: "<name>'s placement history". */
  accountName?: string;
  /** Only this matrix's moves (default: every matrix). */
  matrixKey?: string;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** A date and time in the reader's locale (one formatter per locale: creating one is slow). */
function when(iso: string, locale: string): string {
  let f = formatters.get(locale);
  if (!f) formatters.set(locale, (f = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' })));
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : f.format(d);
}

export function PlacementHistory({ accountId, level = 3, accountName, matrixKey }: PlacementHistoryProps) {
  const { t, i18n } = useTranslation();
  const zh = (normalizeLocale(i18n.language) ?? 'zh-CN') === 'zh-CN';
  const history = useApiQuery('placements-history', { accountId }, ['placements', 'matrices']);
  const Heading = `h${level}` as const;
  const moves = (history.value ?? []).filter((m) => !matrixKey || m.matrixKey === matrixKey);
  const place = (name: string | null, nameEn: string | null) => (name === null ? t('board.history.tray') : zh ? name : (nameEn ?? name));

  return (
    <section className="history" aria-label={accountName ? t('board.history.titleFor', { name: accountName }) : t('board.history.title')} aria-busy={history.loading || undefined}>
      <Heading className="history__title">{t('board.history.title')}</Heading>
      {history.error ? (
        <p className="inline-error" role="alert">
          {errorText(t, history.error)}
        </p>
      ) : history.value && moves.length === 0 ? (
        <p className="history__empty">{t('board.history.empty')}</p>
      ) : (
        <ol className="history__list">
          {moves.map((m: PlacementMove) => (
            <li key={m.id} className="history__item">
              <p className="history__when">
                <time dateTime={m.at}>{when(m.at, i18n.language)}</time>
                <span className="history__by">
                  {isModelChange(m) ? t('board.history.by', { name: t('board.history.system') }) : m.by ? t('board.history.by', { name: m.by }) : t('board.history.nobody')}
                </span>
              </p>
              <p className="history__move">
                {matrixKey ? null : <span className="history__matrix">{zh ? m.matrixNameZh : m.matrixNameEn}</span>}
                <span>{t('board.history.move', { from: place(m.fromNameZh, m.fromNameEn), to: place(m.toNameZh, m.toNameEn) })}</span>
              </p>
              <p className={m.reason ? 'history__reason' : 'history__reason history__reason--none'}>
                {isModelChange(m) ? t('board.history.modelChanged') : m.reason || t('board.history.noReason')}
              </p>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
