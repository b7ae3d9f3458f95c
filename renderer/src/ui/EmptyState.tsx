import { useId, type ReactNode } from 'react';
import { Icon, type IconName } from './icons';

export interface EmptyStateProps {
  icon: IconName;
  title: string;
  children?: ReactNode;
  /** The next step: buttons or links. */
  actions?: ReactNode;
}

/** What an empty area is for, and what to do next. */
export function EmptyState({ icon, title, children, actions }: EmptyStateProps) {
  const id = useId();
  return (
    <section className="empty" aria-labelledby={id}>
      <div className="empty__icon">
        <Icon name={icon} size={28} />
      </div>
      <h2 id={id} className="empty__title">
        {title}
      </h2>
      {children ? <div className="empty__body">{children}</div> : null}
      {actions ? <div className="empty__actions">{actions}</div> : null}
    </section>
  );
}
