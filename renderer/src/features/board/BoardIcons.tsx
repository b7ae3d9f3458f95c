/** The board's own line icons (same 24px grid and stroke as ui/icons). Decorative: aria-hidden. */
import { Svg } from '../../ui/icons';

const PATHS = {
  more: (
    <>
      <circle cx="5" cy="12" r="1.4" fill="currentColor" stroke="none" />
      <circle cx="12" cy="12" r="1.4" fill="currentColor" stroke="none" />
      <circle cx="19" cy="12" r="1.4" fill="currentColor" stroke="none" />
    </>
  ),
  undo: <path d="M9 14 4 9l5-5M4 9h10.5a5.5 5.5 0 0 1 0 11H11" />,
  redo: <path d="m15 14 5-5-5-5M20 9H9.5a5.5 5.5 0 0 0 0 11H13" />,
  download: <path d="M12 4v11M7 10l5 5 5-5M5 20h14" />,
  image: (
    <>
      <rect x="3.5" y="4.5" width="17" height="15" rx="2" />
      <circle cx="9" cy="10" r="1.6" />
      <path d="m20.5 16-4.5-4.5L6 19.5" />
    </>
  ),
  pdf: <path d="M14 3.5H7a2 2 0 0 0-2 2v13a2 2 0 0 0 2 2h10a2 2 0 0 0 2-2V8.5zM14 3.5v5h5M9 13h6M9 16.5h4" />,
  person: (
    <>
      <circle cx="12" cy="8" r="3.5" />
      <path d="M5 20a7 7 0 0 1 14 0" />
    </>
  ),
  arrowRight: <path d="M5 12h14M13 6l6 6-6 6" />,
  place: <path d="M5 12h11M12 7l5 5-5 5M20 5v14" />,
} as const;

export type BoardIconName = keyof typeof PATHS;

export function BoardIcon({ name, size = 18 }: { name: BoardIconName; size?: number }) {
  return <Svg size={size}>{PATHS[name]}</Svg>;
}
