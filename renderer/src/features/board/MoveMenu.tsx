/**
 * "Move to…": every card's way to a quadrant without dragging (WCAG 2.2, 2.5.7). One menu for the
 * whole board, hung on the button that opened it. Arrow keys, Home/End and the first letters move
 * between items; Enter or Space picks; Escape closes and returns focus to the button.
 */
import { useEffect, useRef, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { BoardCard, Matrix } from '../../../../shared/api/board';
import { cx } from '../../lib/cx';
import { AnchoredPopover } from './Popover';
import type { Names } from './words';

const ORDER = { tl: 0, tr: 1, bl: 2, br: 3 } as const;

export interface MoveMenuProps {
  card: BoardCard;
  matrix: Matrix;
  names: Names;
  onPick: (to: string | null) => void;
  /** `returnFocus`: put focus back on the button that opened the menu. */
  onClose: (returnFocus: boolean) => void;
}

export function MoveMenu({ card, matrix, names, onPick, onClose }: MoveMenuProps) {
  const { t } = useTranslation();
  const listRef = useRef<HTMLDivElement>(null);
  const items: { key: string | null; label: string }[] = [
    ...[...matrix.quadrants].sort((a, b) => ORDER[a.position] - ORDER[b.position]).map((q) => ({ key: q.key as string | null, label: names(q.key) })),
    { key: null, label: t('board.menu.tray') },
  ];

  useEffect(() => {
    const first = listRef.current?.querySelector<HTMLElement>('[role^="menuitem"]:not([aria-disabled="true"])');
    first?.focus({ preventScroll: true });
  }, []);

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const nodes = [...(listRef.current?.querySelectorAll<HTMLElement>('[role^="menuitem"]') ?? [])];
    const enabled = nodes.filter((n) => n.getAttribute('aria-disabled') !== 'true');
    const at = enabled.indexOf(document.activeElement as HTMLElement);
    let next: HTMLElement | undefined;
    if (e.key === 'ArrowDown') next = enabled[(at + 1) % enabled.length];
    else if (e.key === 'ArrowUp') next = enabled[(at - 1 + enabled.length) % enabled.length];
    else if (e.key === 'Home') next = enabled[0];
    else if (e.key === 'End') next = enabled[enabled.length - 1];
    else if (e.key.length === 1 && /\S/.test(e.key)) {
      const lower = e.key.toLowerCase();
      next = [...enabled.slice(at + 1), ...enabled.slice(0, at + 1)].find((n) => n.textContent?.trim().toLowerCase().startsWith(lower));
    }
    if (next) {
      e.preventDefault();
      next.focus();
    }
  };

  return (
    <AnchoredPopover anchor="menu" role="menu" label={t('board.card.menu', { name: card.name })} className="kp-menu" closeOnTab onDismiss={(how) => onClose(how !== 'outside')}>
      <div ref={listRef} className="kp-menu__list" onKeyDown={onKeyDown}>
        <p className="kp-menu__title" aria-hidden="true">
          {t('board.menu.title')}
        </p>
        {items.map((item) => {
          const current = item.key === card.quadrant;
          const suggested = item.key !== null && item.key === card.suggested;
          return (
            <div
              key={item.key ?? '__tray'}
              role="menuitemradio"
              aria-checked={current}
              aria-disabled={current || undefined}
              tabIndex={-1}
              className={cx('kp-menu__item', current && 'is-current', item.key === null && 'kp-menu__item--tray')}
              onClick={() => {
                if (!current) onPick(item.key);
              }}
              onKeyDown={(e) => {
                if ((e.key === 'Enter' || e.key === ' ') && !current) {
                  e.preventDefault();
                  onPick(item.key);
                }
              }}
            >
              <span>{item.label}</span>
              {current ? <span className="kp-menu__note">{t('board.menu.current')}</span> : suggested ? <span className="kp-menu__note">{t('board.menu.suggested')}</span> : null}
            </div>
          );
        })}
      </div>
    </AnchoredPopover>
  );
}
