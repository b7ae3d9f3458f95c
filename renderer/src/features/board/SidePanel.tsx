/**
 * Beside the board: the selected account (its facts, its quadrant's treatment, its placement
 * history) or, when comparing with a date, the list of accounts that changed quadrant.
 */
import { useTranslation } from 'react-i18next';
import type { BoardCard, Matrix } from '../../../../shared/api/board';
import type { Change } from '../../../../shared/domain/quadrants';
import { cx } from '../../lib/cx';
import { Icon } from '../../ui/icons';
import { BoardIcon } from './BoardIcons';
import { PlacementHistory } from './PlacementHistory';
import { treatmentOf, type Names, type Words } from './words';

export interface DetailProps {
  card: BoardCard;
  matrix: Matrix;
  names: Names;
  words: Words;
  tierName: string | null;
  readOnly: boolean;
  menuOpen: boolean;
  onMenu: () => void;
  onClose: () => void;
}

export function AccountDetail({ card, matrix, names, words, tierName, readOnly, menuOpen, onMenu, onClose }: DetailProps) {
  const { t } = useTranslation();
  const q = matrix.quadrants.find((x) => x.key === card.quadrant);
  const rows: [string, string][] = [
    [t('domain.field.tier'), tierName ?? t('board.detail.none')],
    [t('domain.field.owner'), card.ownerName ?? t('board.detail.none')],
    [t('domain.field.industry'), card.industry ?? t('board.detail.none')],
    [t('domain.field.region'), card.region ?? t('board.detail.none')],
    [t('board.detail.revenue'), card.revenueThisYear !== null ? words.money(card.revenueThisYear) : t('board.detail.none')],
    [t('board.detail.quadrant'), names(card.quadrant)],
    [t('board.detail.suggested'), card.suggested ? names(card.suggested) : t('board.detail.none')],
  ];
  return (
    <div className="detail">
      <div className="detail__head">
        <h2 className="detail__title">
          {card.inParetoHead ? (
            <span className="bcard__star" aria-label={words.head}>
              ★{' '}
            </span>
          ) : null}
          {card.name}
        </h2>
        <button type="button" className="icon-btn" aria-label={t('board.detail.close')} title={t('board.detail.close')} onClick={onClose}>
          <Icon name="close" size={16} />
        </button>
      </div>
      {card.overdue ? <p className="detail__flag">{words.overdueLong}</p> : null}
      {card.verdict === 'wildcat' ? (
        <p className="detail__verdict">
          <strong>{t('board.detail.verdict')}</strong> {t('board.detail.verdictWildcat')}
        </p>
      ) : null}
      <dl className="detail__facts">
        {rows.map(([k, v]) => (
          <div key={k} className="detail__fact">
            <dt>{k}</dt>
            <dd>{v}</dd>
          </div>
        ))}
      </dl>
      {q && treatmentOf(q, words.lang) ? (
        <p className="detail__treat">
          <strong>{t('board.detail.treatment')}</strong> {treatmentOf(q, words.lang)}
        </p>
      ) : null}
      {readOnly ? null : (
        <button type="button" className={cx('btn', 'btn--secondary', 'btn--sm', 'detail__move', menuOpen && 'is-menu-anchor')} aria-haspopup="menu" aria-expanded={menuOpen} onClick={onMenu}>
          <BoardIcon name="arrowRight" size={16} />
          <span className="btn__label">{t('board.detail.moveTo')}</span>
        </button>
      )}
      <PlacementHistory accountId={card.accountId} accountName={card.name} level={3} />
    </div>
  );
}

export interface ChangesProps {
  changes: readonly Change[];
  cardsById: ReadonlyMap<number, BoardCard>;
  names: Names;
  since: string;
  onShow: (accountId: number) => void;
}

export function ChangesList({ changes, cardsById, names, onShow }: ChangesProps) {
  const { t } = useTranslation();
  const rows = changes.filter((c) => cardsById.has(c.accountId));
  return (
    <section className="changes" aria-labelledby="board-changes-title">
      <h2 id="board-changes-title" className="changes__title">
        {t('board.changes.title')}
      </h2>
      <p className="changes__count">{rows.length ? t('board.changes.count', { n: rows.length }) : t('board.changes.empty')}</p>
      <ul className="changes__list" role="list">
        {rows.map((c) => {
          const card = cardsById.get(c.accountId)!;
          return (
            <li key={c.accountId} className="changes__item">
              <div className="changes__text">
                <span className="changes__name">{card.name}</span>
                <span className="changes__move">{t('board.changes.fromTo', { from: names(c.from), to: names(c.to) })}</span>
              </div>
              <button type="button" className="btn btn--ghost btn--sm" aria-label={t('board.changes.showLabel', { name: card.name })} onClick={() => onShow(c.accountId)}>
                <span className="btn__label">{t('board.changes.show')}</span>
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
