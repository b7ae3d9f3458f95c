/**
 * Reads a spreadsheet a person hands us into rows of strings: CSV in UTF-8 (with or without BOM),
 * UTF-16 with BOM, or GB18030/GBK (what Chinese Excel writes); or XLSX. Refuses binary garbage and
 * empty files with a clear error instead of importing nonsense.
 *
 * Bounded: a file over MAX_IMPORT_BYTES, an XLSX that unpacks to too much (MAX_XLSX_XML_BYTES,
 * MAX_XLSX_UNPACKED_BYTES), and a cell or row over MAX_IMPORT_RECORD_CHARS (in a CSV mostly a quote
 * never closed, which would make the rest of the file one record) stop the read with a typed error,
 * the last naming its line. A CSV is decoded and parsed in pieces: its text is never held whole.
 */
import { isUtf8 } from 'node:buffer';
import Papa from 'papaparse';
import type ExcelJS from 'exceljs';
import { AppError } from '../../../shared/api/errors';
import { MAX_IMPORT_BYTES, MAX_IMPORT_RECORD_CHARS } from '../../../shared/api/accounts';

/**
 * What the XML parts of an XLSX workbook (sheets, shared strings, styles) may add up to unpacked:
 * exceljs builds the whole workbook in memory, about ten times its XML, so 16 MiB (some 50,000 rows
 * of five short columns) costs a read about 200 MB. Larger sheets import as CSV, which is streamed.
 */
export const MAX_XLSX_XML_BYTES = 16 * 1024 * 1024;
/** What all the parts may add up to unpacked (pictures too): no zip bomb is unpacked. */
export const MAX_XLSX_UNPACKED_BYTES = 64 * 1024 * 1024;

const MB = 1024 * 1024;
const inMb = (n: number) => Math.round((n / MB) * 10) / 10;

export function tooLarge(fileName: string, size: number, max: number, what: string): AppError {
  return new AppError('import-too-large', `${fileName || 'The file'} is too large to import: ${what} ${inMb(size)} MB, at most ${inMb(max)} MB.`, {
    file: fileName,
    sizeMb: inMb(size),
    maxMb: inMb(max),
  });
}

/** A cell or row over MAX_IMPORT_RECORD_CHARS, starting at `line`. */
export function cellTooLong(fileName: string, line: number, format: Table['format']): AppError {
  const why = format === 'csv' ? ' (most likely a quote that is never closed)' : '';
  return new AppError(
    'import-cell-too-long',
    `${format === 'csv' ? 'Line' : 'Row'} ${line} of ${fileName || 'the file'} starts a cell or row longer than ${inMb(MAX_IMPORT_RECORD_CHARS)} MB${why}; nothing was imported.`,
    { file: fileName, line, maxMb: inMb(MAX_IMPORT_RECORD_CHARS) },
  );
}

export interface TableRow {
  /** 1-based line (CSV) or row number (XLSX) in the file, for error reports. */
  line: number;
  cells: string[];
}

export interface Table {
  format: 'csv' | 'xlsx';
  encoding: string | null;
  headers: string[];
  headerLine: number;
  rows: TableRow[];
}

const ZIP = [0x50, 0x4b, 0x03, 0x04];

/** Whether the bytes are a zip archive, as an XLSX workbook is. */
export function isZip(bytes: Uint8Array): boolean {
  return ZIP.every((b, i) => bytes[i] === b);
}

export async function readTable(bytes: Uint8Array, fileName = ''): Promise<Table> {
  let head: TableHead | undefined;
  const rows: TableRow[] = [];
  await readTableInChunks(bytes, fileName, {
    head: (h) => (head = h),
    rows: (chunk) => {
      for (const r of chunk) rows.push(r);
    },
  });
  return { ...head!, rows };
}

export type TableHead = Omit<Table, 'rows'>;

/** Where readTableInChunks hands what it reads: the header once, then the data rows in order. */
export interface TableSink {
  head(head: TableHead): void;
  rows(rows: TableRow[]): void;
}

/** What a table read yields, in order: its head once, then its data rows in pieces. */
export type TablePiece = { type: 'head'; head: TableHead } | { type: 'rows'; rows: TableRow[] };

/**
 * Reads a table and hands its rows over in chunks as they are parsed (a CSV in pieces of
 * CSV_CHUNK bytes), so a reader can start on the first rows before the last are parsed.
 * Problems found only at the end (no data rows, an unclosed quote) are thrown after the rows.
 */
export async function readTableInChunks(bytes: Uint8Array, fileName: string, sink: TableSink): Promise<void> {
  for (const piece of await openTable(bytes, fileName)) {
    if (piece.type === 'head') sink.head(piece.head);
    else sink.rows(piece.rows);
  }
}

/**
 * Opens a table for reading piece by piece: what can be refused at once (empty, too large, no
 * table, a workbook that does not load) is refused here; the rest is read as the pieces are
 * pulled, without waiting (a CSV: one CSV_CHUNK of text a pull), so a writer inside a database
 * transaction can pull them and only what it keeps stays in memory. Problems found at the end
 * (no data rows, an unclosed quote) are thrown by the last pull.
 */
export async function openTable(bytes: Uint8Array, fileName: string): Promise<Iterable<TablePiece>> {
  // Each iteration reads the table again from its start (a workbook: from what was loaded).
  if (bytes.length === 0) throw new AppError('import-empty', `${fileName || 'The file'} is empty.`, { file: fileName });
  if (bytes.length > MAX_IMPORT_BYTES) throw tooLarge(fileName, bytes.length, MAX_IMPORT_BYTES, 'it has');
  if (isZip(bytes)) {
    const { rows, ...head } = await readXlsx(bytes, fileName);
    return [
      { type: 'head', head },
      { type: 'rows', rows },
    ];
  }
  if (/\.(xlsx|xlsm)$/i.test(fileName)) {
    throw new AppError('import-not-table', `${fileName} is not a valid XLSX workbook.`, { file: fileName });
  }
  if (/\.xls$/i.test(fileName)) {
    throw new AppError('import-not-table', `${fileName} is an old Excel 97-2003 file; save it as .xlsx or CSV.`, { file: fileName });
  }
  const { encoding, body } = detectEncoding(bytes, fileName);
  return { [Symbol.iterator]: () => readCsv(body, encoding, fileName) };
}

/**
 * Bytes decoded at a time: the text of a CSV is never held whole, only a piece and the record it
 * ends in. Small enough that a piece's text (two bytes a character once it has a CJK one) stays
 * out of V8's large-object space, which only a full collection empties: larger pieces left some
 * 100 MB of dead text behind in a 48 MB import.
 */
const CSV_CHUNK = 32 * 1024;
const SCAN_CHUNK = 1024 * 1024;

/**
 * The file's encoding (a BOM's, else UTF-8, else GB18030) and where its text starts. Decodes the
 * whole file once in pieces to check it, keeping nothing: what does not decode, or has the
 * control characters of binary data, is no CSV.
 */
function detectEncoding(bytes: Uint8Array, fileName: string): { encoding: string; body: Uint8Array } {
  let encoding: string;
  let start = 0;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    encoding = 'utf-8';
    start = 3;
  } else if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    encoding = 'utf-16le';
    start = 2;
  } else if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    encoding = 'utf-16be';
    start = 2;
  } else {
    encoding = 'utf-8';
  }
  const body = bytes.subarray(start);
  if (encoding === 'utf-8' && body.includes(0)) throw notText(fileName);
  let counted = encoding === 'utf-8' ? countUtf8Controls(body) : countControls(body, encoding);
  if (!counted) {
    if (start !== 0) throw notText(fileName);
    encoding = 'gb18030';
    counted = countControls(body, encoding);
    if (!counted) throw notText(fileName);
  }
  // Text has few control characters besides tab and line breaks; random bytes have many.
  if (counted.control > Math.max(2, counted.chars * 0.002)) throw notText(fileName);
  return { encoding, body };
}

/**
 * countControls for UTF-8, on the bytes themselves (nothing decoded, nothing allocated): a byte
 * below 0x20 is always a character of its own, every character has one byte that is no
 * continuation byte (0x80-0xBF), and U+FFFD is EF BF BD.
 */
function countUtf8Controls(body: Uint8Array): { chars: number; control: number } | null {
  if (!isUtf8(body)) return null;
  let chars = 0;
  let control = 0;
  for (let i = 0; i < body.length; i++) {
    const b = body[i]!;
    if (b < 0x20) {
      if (b !== 0x09 && b !== 0x0a && b !== 0x0d) control++;
    } else if (b === 0xef && body[i + 1] === 0xbf && body[i + 2] === 0xbd) {
      control++;
    }
    if ((b & 0xc0) !== 0x80) chars++;
  }
  return { chars, control };
}

/** The characters and the control characters of the text, or null when the bytes do not decode. */
function countControls(body: Uint8Array, encoding: string): { chars: number; control: number } | null {
  const decoder = new TextDecoder(encoding, { fatal: true });
  let chars = 0;
  let control = 0;
  try {
    for (let at = 0; at < body.length || at === 0; at += SCAN_CHUNK) {
      const end = Math.min(body.length, at + SCAN_CHUNK);
      const text = decoder.decode(body.subarray(at, end), { stream: end < body.length });
      chars += text.length;
      for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) || c === 0xfffd) control++;
      }
      if (end === body.length) break;
    }
  } catch {
    return null;
  }
  return { chars, control };
}

function notText(fileName: string): AppError {
  return new AppError('import-not-table', `${fileName || 'The file'} is neither a CSV text file nor an XLSX workbook.`, { file: fileName });
}

function detectDelimiter(head: string): string {
  const end = head.search(/\r?\n|$/);
  let best = ',';
  let bestCount = 0;
  for (const d of [',', ';', '\t', '，']) {
    let n = 0;
    for (let k = head.indexOf(d); k !== -1 && k < end; k = head.indexOf(d, k + 1)) n++;
    if (n > bestCount) {
      best = d;
      bestCount = n;
    }
  }
  return best;
}

/** The line break the file uses, as papaparse guesses it (quoted text left out). */
function detectNewline(head: string): '\n' | '\r\n' | '\r' {
  const text = head.replace(/"[^]*?"/g, '');
  const r = text.split('\r');
  const n = text.split('\n');
  if (r.length === 1 || (n.length > 1 && n[0]!.length < r[0]!.length)) return '\n';
  let withN = 0;
  for (const part of r) if (part[0] === '\n') withN++;
  return withN >= r.length / 2 ? '\r\n' : '\r';
}

function* readCsv(body: Uint8Array, encoding: string, fileName: string): Generator<TablePiece, void, undefined> {
  // Delimiter and line break from the start of the text (a file without line breaks is one huge line).
  const head = new TextDecoder(encoding).decode(body.subarray(0, MAX_IMPORT_RECORD_CHARS));
  const parser = new Papa.Parser({ delimiter: detectDelimiter(head), newline: detectNewline(head) });
  const decoder = new TextDecoder(encoding);
  // Each record ends one line; a quoted field with line breaks in it spans more.
  let line = 1;
  let records = 0;
  let header: TableRow | undefined;
  let dataRows = 0;
  let fatal: Papa.ParseError | undefined;
  // What follows the last whole record is parsed again with the next piece: it must stay short.
  let partial = '';
  let base = 0;
  for (let at = 0; at < body.length; ) {
    const end = Math.min(body.length, at + CSV_CHUNK);
    const last = end === body.length;
    const input = partial + decoder.decode(body.subarray(at, end), { stream: !last });
    at = end;
    const parsed = parser.parse(input, base, !last) as Papa.ParseResult<string[]>;
    fatal ??= parsed.errors.find((e) => e.type === 'Quotes' && e.code === 'MissingQuotes');
    const rows: TableRow[] = [];
    for (const record of parsed.data) {
      records++;
      const cells = new Array<string>(record.length);
      let breaks = 0;
      let empty = true;
      let chars = 0;
      for (let i = 0; i < record.length; i++) {
        const c = record[i]!;
        chars += c.length;
        const t = c.trim();
        cells[i] = t;
        if (t !== '') empty = false;
        for (let k = c.indexOf('\n'); k !== -1; k = c.indexOf('\n', k + 1)) breaks++;
      }
      if (chars > MAX_IMPORT_RECORD_CHARS) throw cellTooLong(fileName, line, 'csv');
      const row = { line, cells };
      line += 1 + breaks;
      if (empty) continue;
      if (!header) {
        header = row;
        yield { type: 'head', head: { format: 'csv', encoding, headers: cells, headerLine: row.line } };
      } else {
        rows.push(row);
      }
    }
    dataRows += rows.length;
    if (rows.length > 0) yield { type: 'rows', rows };
    if (last) break;
    const cursor = parsed.meta.cursor;
    partial = input.substring(cursor - base);
    base = cursor;
    // The record not yet ended starts at `line`.
    if (partial.length > MAX_IMPORT_RECORD_CHARS) throw cellTooLong(fileName, line, 'csv');
  }
  if (fatal && records <= 1) {
    throw new AppError('import-not-table', `${fileName || 'The file'} could not be read as CSV: ${fatal.message}`, { file: fileName });
  }
  noRows(header, dataRows, fileName);
}

function noRows(header: TableRow | undefined, dataRows: number, fileName: string): void {
  if (!header) throw new AppError('import-empty', `${fileName || 'The file'} has no rows.`, { file: fileName });
  if (dataRows === 0) throw new AppError('import-empty', `${fileName || 'The file'} has a header but no data rows.`, { file: fileName });
}

async function readXlsx(bytes: Uint8Array, fileName: string): Promise<Table> {
  // Loaded on first use: exceljs is large, and most doors never read a workbook.
  const unpacked = zipUnpackedSize(bytes);
  if (unpacked.xml > MAX_XLSX_XML_BYTES) throw tooLarge(fileName, unpacked.xml, MAX_XLSX_XML_BYTES, 'unpacked, the sheets of the workbook have');
  if (unpacked.all > MAX_XLSX_UNPACKED_BYTES) throw tooLarge(fileName, unpacked.all, MAX_XLSX_UNPACKED_BYTES, 'unpacked, the workbook has');
  const { default: Excel } = await import('exceljs');
  const wb = new Excel.Workbook();
  try {
    await wb.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ArrayBuffer);
  } catch (e) {
    throw new AppError('import-not-table', `${fileName || 'The file'} is not a valid XLSX workbook: ${(e as Error).message}`, { file: fileName });
  }
  const sheet = wb.worksheets.find((ws) => ws.actualRowCount > 0);
  if (!sheet) throw new AppError('import-empty', `${fileName || 'The workbook'} has no rows.`, { file: fileName });
  const rows: TableRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: string[] = [];
    let chars = 0;
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      const t = cellText(cell);
      chars += t.length;
      cells[col - 1] = t;
    });
    if (chars > MAX_IMPORT_RECORD_CHARS) throw cellTooLong(fileName, rowNumber, 'xlsx');
    for (let i = 0; i < cells.length; i++) cells[i] ??= '';
    rows.push({ line: rowNumber, cells });
  });
  return toTable('xlsx', null, rows, fileName);
}

/**
 * What the entries of a zip archive add up to unpacked, all of them and the XML ones, from its
 * central directory; 0 when there is no directory to read, for exceljs to refuse the file as it
 * would.
 */
export function zipUnpackedSize(bytes: Uint8Array): { all: number; xml: number } {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const sizes = { all: 0, xml: 0 };
  // The end-of-directory record: 22 bytes and a comment of up to 65535, at the end.
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return sizes;
  const entries = view.getUint16(eocd + 10, true);
  let at = view.getUint32(eocd + 16, true);
  for (let n = 0; n < entries; n++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== 0x02014b50) break;
    // 0xffffffff (zip64: the size is elsewhere) counts as 4 GiB: refused either way.
    const size = view.getUint32(at + 24, true);
    const nameLength = view.getUint16(at + 28, true);
    const name = new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + nameLength));
    sizes.all += size;
    if (/\.(xml|rels)$/i.test(name)) sizes.xml += size;
    at += 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return sizes;
}

function cellText(cell: ExcelJS.Cell): string {
  const v = cell.value;
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'number') {
    return /%/.test(cell.numFmt ?? '') ? `${+(v * 100).toFixed(10)}%` : String(v);
  }
  if (typeof v === 'string' || typeof v === 'boolean') return String(v).trim();
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((r) => r.text).join('').trim();
    if ('result' in v) {
      const r = v.result;
      if (r instanceof Date) return r.toISOString().slice(0, 10);
      return r === undefined || r === null || typeof r === 'object' ? '' : String(r).trim();
    }
    if ('text' in v) return String(v.text).trim();
  }
  return String(cell.text ?? '').trim();
}

function toTable(format: Table['format'], encoding: string | null, all: TableRow[], fileName: string): Table {
  const nonEmpty = all.filter((r) => r.cells.some((c) => c !== ''));
  const header = nonEmpty[0];
  const rows = nonEmpty.slice(1);
  noRows(header, rows.length, fileName);
  return { format, encoding, headers: header!.cells.map((h) => h.trim()), headerLine: header!.line, rows };
}
