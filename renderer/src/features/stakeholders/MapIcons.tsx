/** The mapper's own line icons (same 24px grid and stroke as ui/icons). Decorative: aria-hidden. */
import { Svg } from '../../ui/icons';

const PATHS = {
  undo: <path d="M9 14 4 9l5-5M4 9h10.5a5.5 5.5 0 0 1 0 11H11" />,
  redo: <path d="m15 14 5-5-5-5M20 9H9.5a5.5 5.5 0 0 0 0 11H13" />,
  eye: (
    <>
      <path d="M2.5 12s3.5-6.5 9.5-6.5S21.5 12 21.5 12 18 18.5 12 18.5 2.5 12 2.5 12Z" />
      <circle cx="12" cy="12" r="2.8" />
    </>
  ),
  'eye-off': (
    <>
      <path d="M10.6 5.6A9.6 9.6 0 0 1 12 5.5c6 0 9.5 6.5 9.5 6.5a17 17 0 0 1-2.7 3.5M6.5 7.1A16 16 0 0 0 2.5 12s3.5 6.5 9.5 6.5c1.8 0 3.3-.5 4.6-1.3" />
      <path d="M9.9 9.9a2.8 2.8 0 0 0 4.2 4.2M3.5 3.5l17 17" />
    </>
  ),
  history: (
    <>
      <path d="M3.5 12a8.5 8.5 0 1 0 2.5-6" />
      <path d="M3.5 4v4.5H8M12 7.5V12l3 2" />
    </>
  ),
  layout: (
    <>
      <rect x="9" y="3" width="6" height="4.5" rx="1" />
      <rect x="3" y="16.5" width="6" height="4.5" rx="1" />
      <rect x="15" y="16.5" width="6" height="4.5" rx="1" />
      <path d="M12 7.5V12M6 16.5V12h12v4.5" />
    </>
  ),
  tender: (
    <>
      <path d="M7 3.5h7l4 4v13H7z" />
      <path d="M14 3.5v4h4M10 12h5M10 15.5h5" />
    </>
  ),
} as const;

export type MapIconName = keyof typeof PATHS;

export function MapIcon({ name, size = 18 }: { name: MapIconName; size?: number }) {
  return <Svg size={size}>{PATHS[name]}</Svg>;
}
