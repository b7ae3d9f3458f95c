/**
 * A small non-modal surface anchored to an element with CSS anchor positioning (the anchor carries
 * the class that names the anchor; see board.css). It lives in a portal on <body>, closes on
 * Escape and on a press outside, and flips above or left when there is no room.
 */
import { useEffect, useEffectEvent, useRef, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import { cx } from '../../lib/cx';

export type Dismissal = 'escape' | 'outside' | 'tab';

export interface PopoverProps {
  /** Which anchor name the popover follows: `.is-<anchor>-anchor` marks the element. */
  anchor: 'menu' | 'reason' | 'user' | 'filters';
  role?: 'dialog' | 'menu';
  className?: string;
  label?: string;
  labelledBy?: string;
  onDismiss: (how: Dismissal) => void;
  /** Closing on Tab (menus): focus leaving the popover closes it. */
  closeOnTab?: boolean;
  children: ReactNode;
}

export function AnchoredPopover({ anchor, role = 'dialog', className, label, labelledBy, onDismiss, closeOnTab, children }: PopoverProps) {
  const ref = useRef<HTMLDivElement>(null);
  const dismiss = useEffectEvent((how: Dismissal) => onDismiss(how));

  useEffect(() => {
    const onPointerDown = (e: PointerEvent) => {
      const node = ref.current;
      if (!node || node.contains(e.target as Node)) return;
      // The element the popover hangs on toggles it itself.
      if ((e.target as Element | null)?.closest?.(`.is-${anchor}-anchor`)) return;
      dismiss('outside');
    };
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.key === 'Escape') {
        e.preventDefault();
        e.stopPropagation();
        dismiss('escape');
      }
    };
    document.addEventListener('pointerdown', onPointerDown, true);
    document.addEventListener('keydown', onKeyDown, true);
    return () => {
      document.removeEventListener('pointerdown', onPointerDown, true);
      document.removeEventListener('keydown', onKeyDown, true);
    };
  }, [anchor]);

  return createPortal(
    <div
      ref={ref}
      role={role}
      aria-modal={role === 'dialog' ? false : undefined}
      aria-label={label}
      aria-labelledby={labelledBy}
      className={cx('kp-pop', `kp-pop--${anchor}`, className)}
      onKeyDown={(e) => {
        if (closeOnTab && e.key === 'Tab') onDismiss('tab');
      }}
    >
      {children}
    </div>,
    document.body,
  );
}
