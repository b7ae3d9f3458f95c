import type { ReactNode } from 'react';

export interface PageHeaderProps {
  title: string;
  lead?: ReactNode;
  /** Right-aligned: a count, a primary action. */
  aside?: ReactNode;
}

/**
 * The top of every page. The heading takes focus after navigation (tabIndex -1), so screen readers
 * announce where the user arrived.
 */
export function PageHeader({ title, lead, aside }: PageHeaderProps) {
  return (
    <header className="page-header">
      <div className="page-header__text">
        <h1 className="page-header__title" tabIndex={-1}>
          {title}
        </h1>
        {lead ? <p className="page-header__lead">{lead}</p> : null}
      </div>
      {aside ? <div className="page-header__aside">{aside}</div> : null}
    </header>
  );
}
