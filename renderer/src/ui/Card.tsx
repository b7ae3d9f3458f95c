import { useId, type ReactNode } from 'react';
import { cx } from '../lib/cx';

export interface CardProps {
  title?: string;
  /** A short explanation under the title. */
  lead?: ReactNode;
  /** Right side of the card's header: an action. */
  aside?: ReactNode;
  children?: ReactNode;
  className?: string;
  /** Heading level of the title (default 2). */
  level?: 2 | 3;
}

/** A titled surface that groups one job on a page. */
export function Card({ title, lead, aside, children, className, level = 2 }: CardProps) {
  const id = useId();
  const Heading = level === 2 ? 'h2' : 'h3';
  return (
    <section className={cx('card', className)} aria-labelledby={title ? id : undefined}>
      {title || aside ? (
        <div className="card__header">
          <div>
            {title ? (
              <Heading id={id} className="card__title">
                {title}
              </Heading>
            ) : null}
            {lead ? <p className="card__lead">{lead}</p> : null}
          </div>
          {aside ? <div className="card__aside">{aside}</div> : null}
        </div>
      ) : null}
      {children}
    </section>
  );
}
