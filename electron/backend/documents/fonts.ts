/**
 * The font every printed document carries: Noto Sans SC (Chinese and Latin, regular and bold), from
 * @fontsource/noto-sans-sc, embedded into the document as data URLs - only the pieces (Fontsource
 * splits the font by unicode-range) that hold characters the document uses.
 *
 * Why not the system's fonts: the app prints on any machine, and what Chromium finds there differs.
 * Why not Noto Sans CJK from the system even where it exists: its outlines are CFF, and Chromium's
 * PDF writer (Skia) writes CFF fonts as Type 3 fonts; Fontsource's files have TrueType outlines,
 * which it embeds as subset CID TrueType fonts, the way print shops and PDF readers expect.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

/** The family name the documents ask for (not a system font's name, so nothing else answers to it). */
export const EMBEDDED_FAMILY = 'Keyplan Noto Sans SC';

const WEIGHTS = [400, 700] as const;

interface Piece {
  weight: number;
  file: string;
  /** Inclusive code point ranges. */
  ranges: [number, number][];
}

let pieces: Piece[] | null = null;
const fileData = new Map<string, string>();

function packageDir(): string {
  const require = createRequire(import.meta.url);
  return path.dirname(require.resolve('@fontsource/noto-sans-sc/package.json'));
}

function parseRanges(spec: string): [number, number][] {
  return spec.split(',').map((part) => {
    const [a, b] = part.trim().replace(/^U\+/i, '').split('-');
    const from = parseInt(a!, 16);
    return [from, b ? parseInt(b, 16) : from];
  });
}

/** The font's pieces, read once from the package's CSS (weight, woff2 file, unicode ranges). */
function loadPieces(): Piece[] {
  if (pieces) return pieces;
  const dir = packageDir();
  const out: Piece[] = [];
  for (const weight of WEIGHTS) {
    const css = fs.readFileSync(path.join(dir, `${weight}.css`), 'utf8');
    for (const face of css.split('@font-face').slice(1)) {
      const file = /url\(\.\/files\/([^)]+\.woff2)\)/.exec(face)?.[1];
      const range = /unicode-range:\s*([^;]+);/.exec(face)?.[1];
      if (file && range) out.push({ weight, file: path.join(dir, 'files', file), ranges: parseRanges(range) });
    }
  }
  if (out.length === 0) throw new Error('@fontsource/noto-sans-sc has no font files');
  pieces = out;
  return out;
}

function covers(piece: Piece, codePoints: ReadonlySet<number>): boolean {
  for (const cp of codePoints) {
    for (const [a, b] of piece.ranges) if (cp >= a && cp <= b) return true;
  }
  return false;
}

/**
 * `@font-face` rules for the pieces of the font that `text` needs, each file inlined as a data URL,
 * so the document prints the same in Electron's printToPDF and in the CLI's Chromium, offline.
 */
export function embeddedFontFaces(text: string): string {
  const used = new Set<number>();
  for (const ch of text) used.add(ch.codePointAt(0)!);
  const rules: string[] = [];
  for (const piece of loadPieces()) {
    if (!covers(piece, used)) continue;
    let data = fileData.get(piece.file);
    if (data === undefined) {
      data = fs.readFileSync(piece.file).toString('base64');
      fileData.set(piece.file, data);
    }
    const ranges = piece.ranges.map(([a, b]) => (a === b ? `U+${a.toString(16)}` : `U+${a.toString(16)}-${b.toString(16)}`)).join(',');
    rules.push(
      `@font-face{font-family:"${EMBEDDED_FAMILY}";font-style:normal;font-weight:${piece.weight};font-display:block;src:url(data:font/woff2;base64,${data}) format("woff2");unicode-range:${ranges};}`,
    );
  }
  return rules.join('\n');
}
