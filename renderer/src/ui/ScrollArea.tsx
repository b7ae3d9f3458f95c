/**
 * A box that scrolls sideways or down (a wide table, a long matrix). While its content overflows it
 * is a named region in the Tab order, so a keyboard user can reach it and scroll it with the arrow
 * keys (WCAG 2.1.1; axe's `scrollable-region-focusable`); while everything fits it is a plain box and
 * adds no Tab stop.
 */
import { useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import { cx } from '../lib/cx';

export function ScrollArea({ label, className, children, testId }: { label: string; className?: string; children: ReactNode; testId?: string }) {
  const ref = useRef<HTMLDivElement>(null);
  const [overflows, setOverflows] = useState(false);

  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = () => setOverflows(el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    for (const child of Array.from(el.children)) observer.observe(child);
    return () => observer.disconnect();
  });

  return (
    <div
      ref={ref}
      className={cx('scroll-area', className)}
      data-testid={testId}
      {...(overflows ? { role: 'region', 'aria-label': label, tabIndex: 0 } : {})}
    >
      {children}
    </div>
  );
}
