import { createContext, use, useCallback, useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { cx } from '../lib/cx';
import { Icon } from './icons';

type Tone = 'success' | 'error';
interface Item {
  id: number;
  tone: Tone;
  text: string;
  action?: NoticeAction;
}

/** A button in the notice, e.g. Undo. Clicking it runs the action and dismisses the notice. */
export interface NoticeAction {
  label: string;
  onClick: () => void;
}

export interface NoticeOptions {
  action?: NoticeAction;
  /** How long it stays, in ms (default: 4 s for confirmations, 10 s for errors). */
  duration?: number;
}

export interface Notify {
  success: (text: string, opts?: NoticeOptions) => void;
  error: (text: string, opts?: NoticeOptions) => void;
}

const NoticeContext = createContext<Notify | null>(null);

const LIFETIME: Record<Tone, number> = { success: 4000, error: 10000 };
/** At most this many at once: older ones make way. */
const MAX_VISIBLE = 2;

/**
 * Short notices in the bottom-right corner: confirmations fade after a few seconds, errors stay
 * longer; each can be dismissed. The region is always in the DOM so screen readers announce them.
 */
export function NoticeProvider({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const [items, setItems] = useState<Item[]>([]);
  const next = useRef(1);

  const dismiss = useCallback((id: number) => setItems((xs) => xs.filter((x) => x.id !== id)), []);
  const push = useCallback(
    (tone: Tone, text: string, opts: NoticeOptions = {}) => {
      const id = next.current++;
      setItems((xs) => [...xs.slice(-(MAX_VISIBLE - 1)), { id, tone, text, ...(opts.action ? { action: opts.action } : {}) }]);
      window.setTimeout(() => dismiss(id), opts.duration ?? LIFETIME[tone]);
    },
    [dismiss],
  );
  const api = useMemo<Notify>(() => ({ success: (s, o) => push('success', s, o), error: (s, o) => push('error', s, o) }), [push]);

  return (
    <NoticeContext value={api}>
      {children}
      <section className="notices" aria-label={t('common.notifications')} aria-live="polite">
        {items.map((item) => (
          <div key={item.id} className={cx('notice', `notice--${item.tone}`)} role={item.tone === 'error' ? 'alert' : 'status'}>
            <Icon name={item.tone === 'error' ? 'alert' : 'check'} size={18} />
            <p className="notice__text">{item.text}</p>
            {item.action ? (
              <button
                type="button"
                className="notice__action"
                onClick={() => {
                  dismiss(item.id);
                  item.action?.onClick();
                }}
              >
                {item.action.label}
              </button>
            ) : null}
            <button type="button" className="notice__close" onClick={() => dismiss(item.id)} aria-label={t('common.dismiss')}>
              <Icon name="close" size={16} />
            </button>
          </div>
        ))}
      </section>
    </NoticeContext>
  );
}

export function useNotice(): Notify {
  const ctx = use(NoticeContext);
  if (!ctx) throw new Error('useNotice outside NoticeProvider');
  return ctx;
}
