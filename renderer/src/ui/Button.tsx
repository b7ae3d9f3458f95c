import type { AnchorHTMLAttributes, ButtonHTMLAttributes, ReactNode, Ref } from 'react';
import { cx } from '../lib/cx';
import { Icon, type IconName } from './icons';

type Variant = 'primary' | 'secondary' | 'ghost' | 'danger';

interface Common {
  variant?: Variant;
  size?: 'md' | 'sm';
  icon?: IconName;
}

export interface ButtonProps extends Common, ButtonHTMLAttributes<HTMLButtonElement> {
  /** Shows a spinner and blocks clicks while the action runs. */
  busy?: boolean;
  ref?: Ref<HTMLButtonElement>;
}

function classes({ variant = 'secondary', size = 'md' }: Common, extra?: string) {
  return cx('btn', `btn--${variant}`, size === 'sm' && 'btn--sm', extra);
}

function Content({ icon, busy, children }: { icon?: IconName; busy?: boolean; children: ReactNode }) {
  return (
    <>
      {busy ? <span className="spinner" aria-hidden="true" /> : icon ? <Icon name={icon} size={18} /> : null}
      <span className="btn__label">{children}</span>
    </>
  );
}

export function Button({ variant, size, icon, busy = false, className, children, disabled, type = 'button', ...rest }: ButtonProps) {
  return (
    <button
      type={type}
      className={classes({ variant, size }, className)}
      disabled={disabled || busy}
      aria-busy={busy || undefined}
      {...rest}
    >
      <Content icon={icon} busy={busy}>
        {children}
      </Content>
    </button>
  );
}

export interface ButtonLinkProps extends Common, AnchorHTMLAttributes<HTMLAnchorElement> {
  href: string;
}

/** A link that looks like a button (navigation, not an action). */
export function ButtonLink({ variant, size, icon, className, children, ...rest }: ButtonLinkProps) {
  return (
    <a className={classes({ variant, size }, className)} {...rest}>
      <Content icon={icon}>{children}</Content>
    </a>
  );
}
