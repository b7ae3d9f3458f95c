/**
 * A small non-modal surface anchored to an element with CSS anchor positioning (the anchor carries
 * the class that names the anchor; see board.css). It lives in a portal on <body>, closes on
 * Escape and on a press outside, and flips above or left when there is no room. It is always inside
 * the window and seen: when its anchor is scrolled out of sight (a card that lands low in a long
 * quadrant) it is kept within the window's edges instead of following the anchor off screen.
 */
import { useEffect, useEffectEvent, useLayoutEffect, useRef, type ReactNode } from 'react';
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

/** The margin kept between a popover and the window's edge, in CSS pixels. */
const EDGE = 8;

/**
 * Keeps `node` inside the window: it first lets anchor positioning place it, then, if any edge is
 * outside the window, pins it (inline top/left) at the nearest place inside.
 */
function keepInWindow(node: HTMLElement): void {
  node.style.removeProperty('top');
  node.style.removeProperty('left');
  node.style.removeProperty('right');
  node.style.removeProperty('bottom');
  const r = node.getBoundingClientRect();
  const w = window.innerWidth;
  const h = window.innerHeight;
  if (r.top >= EDGE && r.left >= EDGE && r.bottom <= h - EDGE && r.right <= w - EDGE) return;
  const top = Math.max(EDGE, Math.min(r.top, h - EDGE - r.height));
  const left = Math.max(EDGE, Math.min(r.left, w - EDGE - r.width));
  node.style.setProperty('top', `${top}px`);
  node.style.setProperty('left', `${left}px`);
  node.style.setProperty('right', 'auto');
  node.style.setProperty('bottom', 'auto');
}

export function AnchoredPopover({ anchor, role = 'dialog', className, label, labelledBy, onDismiss, closeOnTab, children }: PopoverProps) {
  const ref = useRef<HTMLDivElement>(null);
  const dismiss = useEffectEvent((how: Dismissal) => onDismiss(how));

  useLayoutEffect(() => {
    const node = ref.current;
    if (!node) return;
    keepInWindow(node);
    let frame = 0;
    const again = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => keepInWindow(node));
    };
    // The anchor moves with scrolling (inside a quadrant too) and the window with resizing.
    window.addEventListener('scroll', again, true);
    window.addEventListener('resize', again);
    const size = new ResizeObserver(again);
    size.observe(node);
    return () => {
      cancelAnimationFrame(frame);
      window.removeEventListener('scroll', again, true);
      window.removeEventListener('resize', again);
      size.disconnect();
    };
  }, []);

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
