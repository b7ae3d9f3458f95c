import type { ReactNode } from 'react';
import { cx } from '../lib/cx';

export type BadgeTone = 'neutral' | 'accent' | 'success' | 'warning' | 'danger' | 'outline';

/** A short status label. Its colour repeats what the text says; it never carries meaning alone. */
export function Badge({ tone = 'neutral', children, title, className }: { tone?: BadgeTone; children: ReactNode; title?: string; className?: string }) {
  return (
    <span className={cx('badge', `badge--${tone}`, className)} title={title}>
      {children}
    </span>
  );
}
