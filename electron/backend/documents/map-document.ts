/**
 * The printed stakeholder map: one HTML page around the map's SVG for Chromium to print (PDF) or
 * capture (PNG). The PDF is ONE page sized to the map (CSS @page, honoured because both printers
 * pass preferCSSPageSize), so the map stays vector and sharp at any zoom: its natural size (96 px
 * per inch) when that fits, scaled down to fit A0 (841 x 1189 mm, in the map's orientation) when it
 * does not, and never smaller than A4 in the map's orientation (a small map sits centred). Text
 * stays text.
 */
import { esc, printFontStack, printDocument } from './html';
import type { MapSvg } from './map-svg';
import type { Locale } from '../../../shared/i18n';


const MM_PER_PX = 25.4 / 96;
const A0 = { long: 1189, short: 841 };
const A4 = { long: 297, short: 210 };
/** White space around the map on the page. */
export const PAGE_MARGIN_MM = 8;

export interface MapDocument {
  html: string;
  pageWidthMm: number;
  pageHeightMm: number;
  /** How much the map is scaled on the page (1: its natural size). */
  scale: number;
}

/** The page for a map of `width` x `height` CSS pixels, and the map's scale on it. */
export function mapPage(width: number, height: number): { pageWidthMm: number; pageHeightMm: number; mapWidthMm: number; mapHeightMm: number; scale: number } {
  const landscape = width >= height;
  const max = landscape ? { w: A0.long, h: A0.short } : { w: A0.short, h: A0.long };
  const min = landscape ? { w: A4.long, h: A4.short } : { w: A4.short, h: A4.long };
  const wMm = Math.max(1, width) * MM_PER_PX;
  const hMm = Math.max(1, height) * MM_PER_PX;
  const scale = Math.min(1, (max.w - 2 * PAGE_MARGIN_MM) / wMm, (max.h - 2 * PAGE_MARGIN_MM) / hMm);
  const mapWidthMm = wMm * scale;
  const mapHeightMm = hMm * scale;
  // whole tenths of a millimetre: Chromium rounds page sizes anyway
  const round = (v: number) => Math.ceil(v * 10) / 10;
  return {
    pageWidthMm: round(Math.max(min.w, mapWidthMm + 2 * PAGE_MARGIN_MM)),
    pageHeightMm: round(Math.max(min.h, mapHeightMm + 2 * PAGE_MARGIN_MM)),
    mapWidthMm,
    mapHeightMm,
    scale,
  };
}

export function mapDocument(map: MapSvg, opts: { locale: Locale; title: string }): MapDocument {
  const page = mapPage(map.width, map.height);
  const mm = (v: number) => `${Math.floor(v * 100) / 100}mm`;
  const html = printDocument(`<!doctype html>
<html lang="${opts.locale}"><head><meta charset="utf-8"><title>${esc(opts.title)}</title>
<style>
  @page { size: ${mm(page.pageWidthMm)} ${mm(page.pageHeightMm)}; margin: 0; }
  html, body { margin: 0; padding: 0; background: #f8f9fb; }
  svg { display: block; }
  /* the embedded font before the SVG's own list (a style rule outranks the font-family attribute) */
  svg, svg text, svg tspan { font-family: ${printFontStack(opts.locale)}; }
  /* on screen (the PNG capture): the map fills the viewport, which has the map's proportions */
  @media screen {
    html, body { width: 100%; height: 100%; overflow: hidden; }
    .page { width: 100vw; height: 100vh; }
    .page > svg { width: 100%; height: 100%; }
  }
  @media print {
    .page { width: ${mm(page.pageWidthMm)}; height: ${mm(page.pageHeightMm)}; display: flex; align-items: center; justify-content: center; overflow: hidden; }
    .page > svg { width: ${mm(page.mapWidthMm)}; height: ${mm(page.mapHeightMm)}; }
  }
</style></head>
<body><main class="page">${map.svg}</main></body></html>`);
  return { html, pageWidthMm: page.pageWidthMm, pageHeightMm: page.pageHeightMm, scale: page.scale };
}

/** The longest side of a PNG export, in device pixels. */
export const PNG_MAX_SIDE = 16_000;
/** And its most pixels, so the capture stays within a browser's memory. */
export const PNG_MAX_PIXELS = 64_000_000;

/**
 * The viewport (CSS pixels) and device scale for a PNG of a map of `width` x `height`: scale 2 (print
 * resolution, twice the screen's) with the viewport at the map's size when that fits; a bigger map
 * keeps scale 2 and shrinks the viewport (the vector map scales into it), so the longest side stays
 * within PNG_MAX_SIDE and the image within PNG_MAX_PIXELS.
 */
export function mapPngSize(width: number, height: number): { width: number; height: number; scale: number } {
  const w = Math.max(1, width);
  const h = Math.max(1, height);
  const scale = 2;
  const k = Math.min(1, PNG_MAX_SIDE / (Math.max(w, h) * scale), Math.sqrt(PNG_MAX_PIXELS / (w * h * scale * scale)));
  return { width: Math.max(1, Math.floor(w * k)), height: Math.max(1, Math.floor(h * k)), scale };
}
