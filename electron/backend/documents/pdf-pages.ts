/**
 * Reads back from a PDF Chromium printed on which page each named destination (an element that a
 * link in the document points to, e.g. `<h1 id="sec-3">` with `<a href="#sec-3">`) landed. The plan
 * document uses it for the page numbers of its table of contents (plan-document.ts, printPlan).
 *
 * Chromium's PDF writer (Skia) writes a classic cross-reference table, plain (uncompressed) object
 * dictionaries, the page tree under the catalog's /Pages and the named destinations as a dictionary
 * under the catalog's /Dests: `/sec-3 [12 0 R /XYZ 6 826 0]`. Only that much PDF is read here; for
 * anything else (a PDF from another writer) the answer is an empty map, never a wrong page.
 */

/** Byte offsets of the objects, by number: from the xref table, else by scanning for `N 0 obj`. */
function objectOffsets(s: string): Map<number, number> {
  const offsets = new Map<number, number>();
  const at = s.lastIndexOf('startxref');
  const start = at >= 0 ? Number(/startxref\s+(\d+)/.exec(s.slice(at, at + 40))?.[1]) : NaN;
  if (Number.isFinite(start) && s.startsWith('xref', start)) {
    const re = /(\d+)\s+(\d+)\s*\r?\n/y;
    let pos = start + 4;
    while (pos < s.length) {
      while (/\s/.test(s[pos] ?? '')) pos++;
      re.lastIndex = pos;
      const head = re.exec(s);
      if (!head) break;
      const first = Number(head[1]);
      const count = Number(head[2]);
      pos = re.lastIndex;
      for (let i = 0; i < count; i++) {
        const entry = /^(\d{10}) (\d{5}) ([nf])/.exec(s.slice(pos, pos + 20));
        if (!entry) return scanOffsets(s);
        if (entry[3] === 'n') offsets.set(first + i, Number(entry[1]));
        pos += 20;
        while (s[pos] === '\r' || s[pos] === '\n' || s[pos] === ' ') pos++;
      }
    }
    if (offsets.size > 0) return offsets;
  }
  return scanOffsets(s);
}

function scanOffsets(s: string): Map<number, number> {
  const offsets = new Map<number, number>();
  for (const m of s.matchAll(/(?:^|[\r\n])(\d+) 0 obj\b/g)) offsets.set(Number(m[1]), m.index + m[0].indexOf(m[1]!));
  return offsets;
}

const REF = /(\d+)\s+\d+\s+R/g;

interface PdfOutline {
  /** Page object number -> page number (1-based, reading order). */
  pages: Map<number, number>;
  /** The body of the catalog's /Dests dictionary ('' when there is none). */
  dests: string;
}

function readPdf(pdf: Uint8Array): PdfOutline {
  const s = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength).toString('latin1');
  const offsets = objectOffsets(s);
  const object = (n: number): string => {
    const at = offsets.get(n);
    if (at === undefined) return '';
    const end = s.indexOf('endobj', at);
    const stream = s.indexOf('stream', at);
    const stop = stream >= 0 && stream < end ? stream : end;
    return stop < 0 ? '' : s.slice(at, stop);
  };
  const trailerAt = s.lastIndexOf('trailer');
  const root = trailerAt >= 0 ? /\/Root\s+(\d+)\s+\d+\s+R/.exec(s.slice(trailerAt))?.[1] : undefined;
  const catalog = root ? object(Number(root)) : '';
  const pagesRef = /\/Pages\s+(\d+)\s+\d+\s+R/.exec(catalog)?.[1];
  const destsRef = /\/Dests\s+(\d+)\s+\d+\s+R/.exec(catalog)?.[1];

  // the page tree, depth first: the pages' object numbers in order
  const pages = new Map<number, number>();
  const seen = new Set<number>();
  const walk = (n: number) => {
    if (seen.has(n)) return;
    seen.add(n);
    const body = object(n);
    if (/\/Type\s*\/Pages\b/.test(body)) {
      const kids = /\/Kids\s*\[([^\]]*)\]/.exec(body)?.[1] ?? '';
      for (const k of kids.matchAll(REF)) walk(Number(k[1]));
    } else if (/\/Type\s*\/Page\b/.test(body)) {
      pages.set(n, pages.size + 1);
    }
  };
  if (pagesRef) walk(Number(pagesRef));
  return { pages, dests: destsRef ? object(Number(destsRef)) : '' };
}

/**
 * Named destination -> page number (1-based, in reading order). Empty when the PDF has no named
 * destinations or is not laid out as described above.
 */
export function namedDestinationPages(pdf: Uint8Array): Map<string, number> {
  const { pages, dests } = readPdf(pdf);
  const result = new Map<string, number>();
  for (const m of dests.matchAll(/\/([^\s/[\]()<>{}%]+)\s*\[\s*(\d+)\s+\d+\s+R/g)) {
    const name = m[1]!.replace(/#([0-9a-fA-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
    const page = pages.get(Number(m[2]));
    if (page !== undefined) result.set(name, page);
  }
  return result;
}

/** How many pages a PDF has (its page tree; 0 when it cannot be read). */
export function pdfPageCount(pdf: Uint8Array): number {
  return readPdf(pdf).pages.size;
}
