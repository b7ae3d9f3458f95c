/**
 * A small set of line icons (24px grid, drawn with currentColor). Decorative: always aria-hidden;
 * the text next to them carries the meaning.
 */
import type { ReactNode } from 'react';

/** The frame of every line icon (ui's own and the areas' sets): 24px grid, currentColor, decorative. */
export function Svg({ children, size = 20 }: { children: ReactNode; size?: number }) {
  return (
    <svg
      className="icon"
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={1.75}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      {children}
    </svg>
  );
}

export type IconName =
  | 'accounts'
  | 'board'
  | 'stakeholders'
  | 'plans'
  | 'forum'
  | 'settings'
  | 'search'
  | 'plus'
  | 'alert'
  | 'check'
  | 'database'
  | 'restore'
  | 'folder'
  | 'file-plus'
  | 'lock'
  | 'close'
  | 'edit'
  | 'arrow-right'
  | 'arrow-left'
  | 'chevron-down'
  | 'sort'
  | 'sort-up'
  | 'sort-down'
  | 'download'
  | 'upload'
  | 'trash'
  | 'columns'
  | 'bookmark'
  | 'filter'
  | 'visit'
  | 'call'
  | 'meeting'
  | 'training'
  | 'complaint'
  | 'suggestion'
  | 'care'
  | 'calendar'
  | 'today'
  | 'portfolio'
  | 'capacity';

const paths: Record<IconName, ReactNode> = {
  accounts: (
    <>
      <rect x="4" y="3" width="16" height="18" rx="1.5" />
      <path d="M8.5 7.5h1.5M14 7.5h1.5M8.5 11.5h1.5M14 11.5h1.5M8.5 15.5h1.5M14 15.5h1.5M10.5 21v-2.5h3V21" />
    </>
  ),
  board: (
    <>
      <rect x="3.5" y="3.5" width="7.5" height="7.5" rx="1.5" />
      <rect x="13" y="3.5" width="7.5" height="7.5" rx="1.5" />
      <rect x="3.5" y="13" width="7.5" height="7.5" rx="1.5" />
      <rect x="13" y="13" width="7.5" height="7.5" rx="1.5" />
    </>
  ),
  stakeholders: (
    <>
      <circle cx="12" cy="5.5" r="2.5" />
      <circle cx="5.5" cy="18" r="2.5" />
      <circle cx="18.5" cy="18" r="2.5" />
      <path d="M10.8 7.7 6.7 15.8M13.2 7.7l4.1 8.1M8 18h8" />
    </>
  ),
  plans: (
    <>
      <path d="M6 3h8.5L19 7.5V21H6z" />
      <path d="M14.5 3v4.5H19M9 12h7M9 16h7M9 8h3" />
    </>
  ),
  forum: (
    <>
      <rect x="3" y="4" width="18" height="12" rx="1.5" />
      <path d="M12 16v4M8 20h8M7 12.5l3-3 3 2 4-4" />
    </>
  ),
  settings: (
    <>
      <path d="M4 6h9M17 6h3M4 12h3M11 12h9M4 18h11M19 18h1" />
      <circle cx="15" cy="6" r="2" />
      <circle cx="9" cy="12" r="2" />
      <circle cx="17" cy="18" r="2" />
    </>
  ),
  search: (
    <>
      <circle cx="11" cy="11" r="6.5" />
      <path d="m20 20-4.3-4.3" />
    </>
  ),
  plus: <path d="M12 5v14M5 12h14" />,
  alert: (
    <>
      <path d="M10.3 4.2 2.6 17.5A2 2 0 0 0 4.3 20.5h15.4a2 2 0 0 0 1.7-3L13.7 4.2a2 2 0 0 0-3.4 0z" />
      <path d="M12 9.5v4M12 17h.01" />
    </>
  ),
  check: (
    <>
      <circle cx="12" cy="12" r="9" />
      <path d="m8 12.5 2.7 2.7L16 9.8" />
    </>
  ),
  database: (
    <>
      <ellipse cx="12" cy="5.5" rx="7.5" ry="2.8" />
      <path d="M4.5 5.5v13c0 1.5 3.4 2.8 7.5 2.8s7.5-1.3 7.5-2.8v-13M4.5 12c0 1.5 3.4 2.8 7.5 2.8s7.5-1.3 7.5-2.8" />
    </>
  ),
  restore: (
    <>
      <path d="M3.5 12a8.5 8.5 0 1 0 2.6-6.1" />
      <path d="M3.5 4v4.5H8M12 8v4.2l3 1.8" />
    </>
  ),
  folder: <path d="M3 7a2 2 0 0 1 2-2h4l2 2h8a2 2 0 0 1 2 2v9a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2z" />,
  'file-plus': (
    <>
      <path d="M6 3h8.5L19 7.5V21H6z" />
      <path d="M14.5 3v4.5H19M12.5 11v6M9.5 14h6" />
    </>
  ),
  lock: (
    <>
      <rect x="5" y="11" width="14" height="10" rx="2" />
      <path d="M8 11V7.5a4 4 0 0 1 8 0V11M12 15v2" />
    </>
  ),
  close: <path d="M6 6l12 12M18 6 6 18" />,
  edit: <path d="M4 20h4L19 9l-4-4L4 16zM13.5 6.5l4 4" />,
  'arrow-right': <path d="M5 12h14M13 6l6 6-6 6" />,
  'arrow-left': <path d="M19 12H5M11 6l-6 6 6 6" />,
  'chevron-down': <path d="m6 9 6 6 6-6" />,
  sort: <path d="m8 9 4-4 4 4M8 15l4 4 4-4" />,
  'sort-up': <path d="m8 11 4-4 4 4M12 7v12" />,
  'sort-down': <path d="m8 13 4 4 4-4M12 17V5" />,
  download: <path d="M12 4v11M7 10.5l5 5 5-5M5 20h14" />,
  upload: <path d="M12 16V5M7 9.5l5-5 5 5M5 20h14" />,
  trash: (
    <>
      <path d="M4 7h16M9.5 7V4.5h5V7M6 7l1 13h10l1-13" />
      <path d="M10 11v5.5M14 11v5.5" />
    </>
  ),
  columns: <path d="M4 5h16v14H4zM9.5 5v14M14.5 5v14" />,
  bookmark: <path d="M6.5 3.5h11V21L12 16.5 6.5 21z" />,
  filter: <path d="M4 5h16l-6 7.5V19l-4 1.5v-8z" />,
  visit: (
    <>
      <path d="M12 21s-6.5-5.6-6.5-11a6.5 6.5 0 0 1 13 0c0 5.4-6.5 11-6.5 11z" />
      <circle cx="12" cy="10" r="2.3" />
    </>
  ),
  call: <path d="M5 4h3.5l1.8 4.5-2.3 1.5a11 11 0 0 0 6 6l1.5-2.3L20 15.5V19a1.5 1.5 0 0 1-1.6 1.5C10.6 20 4 13.4 3.5 5.6A1.5 1.5 0 0 1 5 4z" />,
  meeting: (
    <>
      <circle cx="8.5" cy="8" r="2.8" />
      <circle cx="16.5" cy="9" r="2.3" />
      <path d="M3.5 19c.4-3.2 2.5-5 5-5s4.6 1.8 5 5M14 14.3c.8-.5 1.6-.8 2.5-.8 2.1 0 3.6 1.5 4 4.5" />
    </>
  ),
  training: (
    <>
      <path d="M2.5 9 12 4.5 21.5 9 12 13.5z" />
      <path d="M6.5 11v5c1.5 1.5 3.5 2.2 5.5 2.2s4-.7 5.5-2.2v-5M21.5 9v5" />
    </>
  ),
  complaint: (
    <>
      <path d="M4 5h16v11H9.5L5 20v-4H4z" />
      <path d="M12 8v3.5M12 13.5h.01" />
    </>
  ),
  suggestion: (
    <>
      <path d="M9 17h6M10 20.5h4M8.5 14c-1.5-1.2-2.5-2.9-2.5-5a6 6 0 0 1 12 0c0 2.1-1 3.8-2.5 5l-.5 3h-6z" />
    </>
  ),
  care: <path d="M12 20s-7.5-4.6-7.5-10A4.2 4.2 0 0 1 12 7.6 4.2 4.2 0 0 1 19.5 10c0 5.4-7.5 10-7.5 10z" />,
  calendar: (
    <>
      <rect x="3.5" y="5" width="17" height="15.5" rx="1.5" />
      <path d="M3.5 10h17M8 3v4M16 3v4" />
    </>
  ),
  today: (
    <>
      <rect x="3.5" y="5" width="17" height="15.5" rx="1.5" />
      <path d="M3.5 10h17M8 3v4M16 3v4M9 15l2 2 4-4" />
    </>
  ),
  capacity: (
    <>
      <path d="M4 17a8 8 0 1 1 16 0" />
      <path d="m12 17 4-5" />
      <circle cx="12" cy="17" r="1" />
    </>
  ),
  portfolio: <path d="M4 20h16M6.5 20v-6M10.5 20V9M14.5 20v-4M18.5 20V5" />,
};

export function Icon({ name, size }: { name: IconName; size?: number }) {
  return <Svg size={size}>{paths[name]}</Svg>;
}

/** The product mark: four quadrants, one lit, as on the board. */
export function LogoMark({ size = 28 }: { size?: number }) {
  return (
    <svg className="logo-mark" width={size} height={size} viewBox="0 0 28 28" aria-hidden="true" focusable="false">
      <rect width="28" height="28" rx="7" fill="var(--color-accent)" />
      <rect x="6" y="6" width="7" height="7" rx="1.5" fill="#ffffff" fillOpacity="0.55" />
      <rect x="15" y="6" width="7" height="7" rx="1.5" fill="#ffffff" />
      <rect x="6" y="15" width="7" height="7" rx="1.5" fill="#ffffff" fillOpacity="0.55" />
      <rect x="15" y="15" width="7" height="7" rx="1.5" fill="#ffffff" fillOpacity="0.55" />
    </svg>
  );
}
