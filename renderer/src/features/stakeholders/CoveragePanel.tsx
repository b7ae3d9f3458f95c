/**
 * Coverage beside the map: the gaps that lose tenders (most severe first; a gap about a person
 * selects and centres them), the per-level summary, and the roles × our owners × strength matrix.
 * The number of days after which a key person counts as not contacted is set here.
 */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MapMember } from '../../../../shared/api/stakeholders';
import type { CoverageReport } from '../../../../shared/domain/coverage.types';
import { gapReason } from '../../../../shared/domain/gap-reason';
import { isCovered, STRENGTHS, type Level } from '../../../../shared/domain/stakeholders';
import type { Locale } from '../../../../shared/i18n';
import { cx } from '../../lib/cx';
import { Icon } from '../../ui/icons';
import { ScrollArea } from '../../ui/ScrollArea';

export function CoveragePanel({
  coverage,
  members,
  lang,
  staleDays,
  onStaleDays,
  onGap,
  onClose,
}: {
  coverage: CoverageReport;
  members: readonly MapMember[];
  lang: Locale;
  staleDays: number;
  onStaleDays: (days: number) => void;
  onGap: (personId: number) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const headingId = useId();
  const daysId = useId();
  const [days, setDays] = useState(String(staleDays));
  const attitudes = new Map(members.map((m) => [m.id, m.attitude]));
  const counts = { 3: 0, 2: 0, 1: 0 };
  for (const g of coverage.gaps) counts[g.severity]++;

  const commitDays = () => {
    const n = Number(days);
    if (Number.isInteger(n) && n >= 1 && n <= 3650) onStaleDays(n);
    else setDays(String(staleDays));
  };

  const levelName = (l: Level | null) => (l === null ? t('dmu.levelNone') : t(`dmu.levels.${l}`));

  return (
    <section className="ppanel cpanel" aria-labelledby={headingId} data-testid="coverage-panel">
      <header className="ppanel__head">
        <h2 id={headingId} className="ppanel__title" tabIndex={-1}>
          {t('mapper.coverage.title')}
        </h2>
        <button type="button" className="map-icon-btn" aria-label={t('mapper.coverage.hide')} title={t('mapper.coverage.hide')} onClick={onClose}>
          <Icon name="close" size={18} />
        </button>
      </header>
      <div className="ppanel__body">
        <div className="cpanel__days">
          <label htmlFor={daysId}>{t('mapper.coverage.staleBefore')}</label>
          <input
            id={daysId}
            className="field__input cpanel__days-input tabular"
            type="number"
            min={1}
            max={3650}
            value={days}
            onChange={(e) => setDays(e.target.value)}
            onBlur={commitDays}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                commitDays();
              }
            }}
          />
          <span>{t('mapper.coverage.staleAfter')}</span>
        </div>

        <h3 className="ppanel__section-title cpanel__gaps-title">
          {t('dmu.gaps.title')}
          <span className="cpanel__count tabular" data-testid="gap-count">
            {coverage.gaps.length}
          </span>
          {coverage.gaps.length > 0 ? (
            <span className="cpanel__sev-summary">
              {([3, 2, 1] as const)
                .filter((s) => counts[s] > 0)
                .map((s) => (
                  <span key={s} className={cx('sev', `sev--${s}`)}>
                    {t(`dmu.gaps.severity.${s}`)} {counts[s]}
                  </span>
                ))}
            </span>
          ) : null}
        </h3>
        {coverage.people === 0 ? (
          <p className="muted">{t('mapper.coverage.empty')}</p>
        ) : coverage.gaps.length === 0 ? (
          <p className="cpanel__none">
            <Icon name="check" size={18} />
            {t('dmu.gaps.none')}
          </p>
        ) : (
          <ol className="gaps" role="list" data-testid="gap-list">
            {coverage.gaps.map((g, i) => {
              const text = gapReason(g, lang, g.personId !== null ? attitudes.get(g.personId) : undefined);
              const mark = (
                <span className={cx('sev', `sev--${g.severity}`)} title={t(`dmu.gaps.kinds.${g.kind}`)}>
                  {t(`dmu.gaps.severity.${g.severity}`)}
                </span>
              );
              return (
                <li key={`${g.kind}-${g.personId ?? g.level ?? ''}-${i}`} className="gaps__item">
                  {g.personId !== null ? (
                    <button type="button" className="gaps__btn" onClick={() => onGap(g.personId!)} data-person-id={g.personId}>
                      {mark}
                      <span className="gaps__text">{text}</span>
                    </button>
                  ) : (
                    <div className="gaps__btn gaps__btn--static">
                      {mark}
                      <span className="gaps__text">{text}</span>
                    </div>
                  )}
                </li>
              );
            })}
          </ol>
        )}

        {coverage.people > 0 ? (
          <>
            <h3 className="ppanel__section-title">{t('dmu.levelSummary.title')}</h3>
            <table className="table table--compact ctable" data-testid="level-summary">
              <caption className="visually-hidden">{t('dmu.levelSummary.title')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('dmu.levelSummary.level')}</th>
                  <th scope="col" className="num">
                    {t('dmu.levelSummary.people')}
                  </th>
                  <th scope="col" className="num" title={t('dmu.levelSummary.covered')}>
                    {t('mapper.coverage.coveredShort')}
                  </th>
                  <th scope="col" className="num">
                    {t('dmu.levelSummary.supporters')}
                  </th>
                  <th scope="col" className="num">
                    {t('dmu.levelSummary.neutral')}
                  </th>
                  <th scope="col" className="num">
                    {t('dmu.levelSummary.opponents')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {coverage.levels.map((l) => (
                  <tr key={l.level ?? 'none'} className={cx(l.people > 0 && l.covered === 0 && l.level !== null && 'is-uncovered')}>
                    <th scope="row">{levelName(l.level)}</th>
                    <td className="num tabular">{l.people}</td>
                    <td className="num tabular">{l.covered}</td>
                    <td className="num tabular ctable__for">{l.supporters}</td>
                    <td className="num tabular">{l.neutral}</td>
                    <td className="num tabular ctable__against">{l.opponents}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <p className="field__hint">{t('mapper.coverage.levelHint')}</p>

            <h3 className="ppanel__section-title">{t('dmu.matrix.title')}</h3>
            {coverage.matrix.roles.length === 0 ? (
              <p className="muted">{t('dmu.matrix.empty')}</p>
            ) : (
              <ScrollArea className="cmatrix__scroll" label={t('dmu.matrix.title')}>
                <table className="table table--compact cmatrix" data-testid="coverage-matrix">
                  <caption className="visually-hidden">{t('dmu.matrix.title')}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('dmu.matrix.role')}</th>
                      {coverage.matrix.owners.map((o) => (
                        <th key={o.id ?? 'none'} scope="col" className="num cmatrix__owner" title={o.name ?? t('dmu.matrix.noOwner')}>
                          {o.name ?? t('dmu.matrix.noOwner')}
                        </th>
                      ))}
                    </tr>
                  </thead>
                  <tbody>
                    {coverage.matrix.roles.map((r, ri) => (
                      <tr key={r}>
                        <th scope="row" title={t(`dmu.roles.${r}`)}>
                          {t(`dmu.rolesShort.${r}`)}
                        </th>
                        {coverage.matrix.owners.map((o, oi) => {
                          const cell = coverage.matrix.cells[ri]?.[oi];
                          const total = cell ? STRENGTHS.reduce((s, k) => s + cell[k], 0) : 0;
                          const covered = cell ? STRENGTHS.filter(isCovered).reduce((s, k) => s + cell[k], 0) : 0;
                          const detail = cell
                            ? STRENGTHS.filter((k) => cell[k] > 0)
                                .map((k) => `${t(`dmu.strengths.${k}`)} ${cell[k]}`)
                                .join(t('mapper.list'))
                            : '';
                          return (
                            <td
                              key={o.id ?? 'none'}
                              className={cx('num tabular cmatrix__cell', total > 0 && (covered === total ? 'is-covered' : covered > 0 ? 'is-partly' : 'is-weak'), o.id === null && total > 0 && 'is-unowned')}
                              title={total > 0 ? detail : undefined}
                            >
                              {total > 0 ? t('mapper.coverage.cell', { covered, total }) : ''}
                            </td>
                          );
                        })}
                      </tr>
                    ))}
                  </tbody>
                </table>
              </ScrollArea>
            )}
            <p className="field__hint">{t('mapper.coverage.matrixHint')}</p>
          </>
        ) : null}
      </div>
    </section>
  );
}
