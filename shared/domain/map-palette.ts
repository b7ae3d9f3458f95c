/**
 * Colours of the stakeholder map, shared by the mapper screen and the printed map so both read the
 * same: the app's palette (renderer/src/styles/tokens.css), red for against us through green for us.
 * Text never sits on these colours; they mark bars, dots and lines.
 */
import type { Attitude, LineStrength } from './stakeholders';

/** Attitude to us: -2 opponent .. +2 supporter; `unknown` when not known yet. */
export const ATTITUDE_COLOURS: Record<`${Attitude}` | 'unknown', string> = {
  '-2': '#b42318',
  '-1': '#e07a1f',
  '0': '#8a94a3',
  '1': '#5fa777',
  '2': '#1a6b3c',
  unknown: '#d3d9e1',
};

export function attitudeColour(a: Attitude | null): string {
  return a === null ? ATTITUDE_COLOURS.unknown : ATTITUDE_COLOURS[`${a}`];
}

/** Reporting lines (solid, or dashed for a dotted-line manager). */
export const REPORT_LINE_COLOUR = '#8a94a3';
/** Informal influence lines: violet, apart from the attitude colours; thicker when stronger. */
export const INFLUENCE_COLOUR = '#6f42c1';
export const INFLUENCE_WIDTH: Record<LineStrength, number> = { 1: 1.25, 2: 2.25, 3: 3.5 };
/** The stale-contact mark. */
export const STALE_COLOUR = '#c2410c';
/** Owner avatars. */
export const OWNER_COLOUR = '#1e4fa3';
