/**
 * Several cards at once: the bar that says how many are ticked (Move to… / Clear), and the dialog
 * that moves them to one quadrant (or the tray) with one reason. A modal dialog, so it is always in
 * view; the whole move is one recorded move per account, one transaction and one undo step.
 */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Matrix } from '../../../../shared/api/board';
import { Button } from '../../ui/Button';
import { Dialog } from '../../ui/Dialog';
import type { Names } from './words';

const ORDER = { tl: 0, tr: 1, bl: 2, br: 3 } as const;

export function SelectionBar({ count, onMove, onClear }: { count: number; onMove: () => void; onClear: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="board-selection" role="group" aria-label={t('board.selection.label')}>
      <span className="board-selection__count" aria-live="polite">
        {t('board.selection.count', { n: count })}
      </span>
      <Button size="sm" variant="primary" onClick={onMove}>
        {t('board.selection.moveTo')}
      </Button>
      <Button size="sm" variant="ghost" onClick={onClear}>
        {t('board.selection.clear')}
      </Button>
      <span className="board-selection__hint muted">{t('board.selection.hint')}</span>
    </div>
  );
}

export interface GroupMoveProps {
  matrix: Matrix;
  names: Names;
  /** The names of the accounts that move (shown as a list). */
  accounts: readonly string[];
  /** The quadrant a drag ended on (preselected); undefined: the first quadrant. */
  initialTo?: string | null;
  onMove: (to: string | null, reason: string) => void;
  onClose: () => void;
}

const TRAY_VALUE = '';

export function GroupMoveDialog({ matrix, names, accounts, initialTo, onMove, onClose }: GroupMoveProps) {
  const { t } = useTranslation();
  const toId = useId();
  const reasonId = useId();
  const quadrants = [...matrix.quadrants].sort((a, b) => ORDER[a.position] - ORDER[b.position]);
  const [to, setTo] = useState<string>(initialTo === undefined ? (quadrants[0]?.key ?? TRAY_VALUE) : (initialTo ?? TRAY_VALUE));
  const [reason, setReason] = useState('');
  return (
    <Dialog open title={t('board.selection.title', { n: accounts.length })} onClose={onClose}>
      <form
        className="group-move"
        onSubmit={(e) => {
          e.preventDefault();
          onMove(to === TRAY_VALUE ? null : to, reason.trim());
        }}
      >
        <ul className="group-move__list">
          {accounts.map((name) => (
            <li key={name}>{name}</li>
          ))}
        </ul>
        <div className="field">
          <label htmlFor={toId} className="field__label">
            {t('board.selection.to')}
          </label>
          <div className="field__control">
            <select id={toId} className="field__input field__select" value={to} data-autofocus onChange={(e) => setTo(e.target.value)}>
              {quadrants.map((q) => (
                <option key={q.key} value={q.key}>
                  {names(q.key)}
                </option>
              ))}
              <option value={TRAY_VALUE}>{t('board.menu.tray')}</option>
            </select>
          </div>
        </div>
        <div className="field">
          <label htmlFor={reasonId} className="field__label">
            {t('board.selection.reason')}
          </label>
          <textarea
            id={reasonId}
            className="field__input"
            rows={2}
            maxLength={1000}
            value={reason}
            placeholder={t('board.selection.placeholder')}
            onChange={(e) => setReason(e.target.value)}
          />
        </div>
        <div className="dialog__actions">
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button variant="primary" type="submit">
            {t('board.selection.move')}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
