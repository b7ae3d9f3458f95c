import { useRef, type KeyboardEvent, type ReactNode } from 'react';
import { cx } from '../lib/cx';

export interface TabItem<K extends string> {
  id: K;
  label: string;
  /** A small count after the label (e.g. how many records the tab holds). */
  count?: number;
}

export interface TabsProps<K extends string> {
  /** Names the tab list for screen readers. */
  label: string;
  tabs: TabItem<K>[];
  value: K;
  onChange: (id: K) => void;
  /** Prefix for the tab and panel ids (unique on the page). */
  idBase: string;
}

export const tabId = (base: string, id: string) => `${base}-tab-${id}`;
export const panelId = (base: string, id: string) => `${base}-panel-${id}`;

/**
 * A tab list (WAI-ARIA tabs pattern, automatic activation): one tab stop; the arrow keys, Home and
 * End move between tabs and show their panel.
 */
export function Tabs<K extends string>({ label, tabs, value, onChange, idBase }: TabsProps<K>) {
  const refs = useRef(new Map<string, HTMLButtonElement>());
  const move = (e: KeyboardEvent<HTMLDivElement>) => {
    const i = tabs.findIndex((t) => t.id === value);
    const to =
      e.key === 'ArrowRight' ? (i + 1) % tabs.length : e.key === 'ArrowLeft' ? (i - 1 + tabs.length) % tabs.length : e.key === 'Home' ? 0 : e.key === 'End' ? tabs.length - 1 : -1;
    if (to < 0) return;
    e.preventDefault();
    const next = tabs[to]!;
    onChange(next.id);
    refs.current.get(next.id)?.focus();
  };
  return (
    <div className="tabs" role="tablist" aria-label={label} onKeyDown={move}>
      {tabs.map((t) => (
        <button
          key={t.id}
          ref={(el) => {
            if (el) refs.current.set(t.id, el);
            else refs.current.delete(t.id);
          }}
          type="button"
          role="tab"
          id={tabId(idBase, t.id)}
          aria-controls={panelId(idBase, t.id)}
          aria-selected={t.id === value}
          tabIndex={t.id === value ? 0 : -1}
          className={cx('tabs__tab', t.id === value && 'is-selected')}
          onClick={() => onChange(t.id)}
        >
          <span>{t.label}</span>
          {t.count !== undefined ? <span className="tabs__count tabular">{t.count}</span> : null}
        </button>
      ))}
    </div>
  );
}

export function TabPanel({ idBase, id, children, className }: { idBase: string; id: string; children: ReactNode; className?: string }) {
  return (
    <div role="tabpanel" id={panelId(idBase, id)} aria-labelledby={tabId(idBase, id)} tabIndex={0} className={cx('tab-panel', className)}>
      {children}
    </div>
  );
}
