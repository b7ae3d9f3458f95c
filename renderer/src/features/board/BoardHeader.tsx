/** The board's header: the title, the matrices' tabs, edit or add a matrix, undo/redo, export. */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Matrix } from '../../../../shared/api/board';
import { Icon } from '../../ui/icons';
import { BoardIcon } from './BoardIcons';
import type { Moves } from './moves';
import type { BoardFormat } from './useBoardExport';
import { matrixName, type Words } from './words';

interface Props {
  heading: ReactNode;
  matrices: readonly Matrix[];
  /** The matrix in the URL. */
  current: string;
  matrix: Matrix | undefined;
  lang: Words['lang'];
  moves: Pick<Moves, 'undo' | 'redo' | 'canUndo' | 'canRedo'>;
  readOnly: boolean;
  /** The board is shown (it can be exported). */
  ready: boolean;
  exporting: BoardFormat | null;
  onExport: (format: BoardFormat) => void;
  /** Edit a matrix (null: a new one). */
  onEdit: (matrix: Matrix | null) => void;
}

export function BoardHeader({ heading, matrices, current, matrix, lang, moves, readOnly, ready, exporting, onExport, onEdit }: Props) {
  const { t } = useTranslation();
  return (
    <header className="board-head">
      {heading}
      <nav className="mtabs" aria-label={t('board.matrixNav')}>
        {matrices.map((m) => (
          <a key={m.key} className="mtabs__tab" href={`#/board/${m.key}`} aria-current={m.key === current ? 'page' : undefined}>
            {matrixName(m, lang)}
          </a>
        ))}
      </nav>
      <div className="board-head__group">
        <button
          type="button"
          className="icon-btn"
          aria-label={t('board.editMatrix')}
          title={t('board.editMatrix')}
          disabled={!matrix}
          onClick={() => matrix && onEdit(matrix)}
        >
          <Icon name="edit" size={18} />
        </button>
        <button type="button" className="icon-btn" aria-label={t('board.newMatrix')} title={t('board.newMatrix')} onClick={() => onEdit(null)}>
          <Icon name="plus" size={18} />
        </button>
      </div>
      <div className="board-head__spacer" />
      <div className="board-head__group" role="group" aria-label={`${t('board.undo')} / ${t('board.redo')}`}>
        <button
          type="button"
          className="icon-btn"
          aria-label={t('board.undo')}
          title={t('board.undoTitle')}
          aria-keyshortcuts="Control+Z Meta+Z"
          disabled={!moves.canUndo || readOnly}
          onClick={moves.undo}
        >
          <BoardIcon name="undo" />
        </button>
        <button
          type="button"
          className="icon-btn"
          aria-label={t('board.redo')}
          title={t('board.redoTitle')}
          aria-keyshortcuts="Control+Shift+Z Meta+Shift+Z Control+Y"
          disabled={!moves.canRedo || readOnly}
          onClick={moves.redo}
        >
          <BoardIcon name="redo" />
        </button>
      </div>
      <div className="board-head__group">
        <button type="button" className="btn btn--secondary btn--sm" title={t('board.exportPngTitle')} aria-busy={exporting === 'png' || undefined} disabled={exporting !== null || !ready} onClick={() => onExport('png')}>
          {exporting === 'png' ? <span className="spinner" aria-hidden="true" /> : <BoardIcon name="image" size={16} />}
          <span className="btn__label">{t('board.exportPng')}</span>
        </button>
        <button type="button" className="btn btn--secondary btn--sm" title={t('board.exportPdfTitle')} aria-busy={exporting === 'pdf' || undefined} disabled={exporting !== null || !ready} onClick={() => onExport('pdf')}>
          {exporting === 'pdf' ? <span className="spinner" aria-hidden="true" /> : <BoardIcon name="pdf" size={16} />}
          <span className="btn__label">{t('board.exportPdf')}</span>
        </button>
      </div>
    </header>
  );
}
