/** Which field each column of an account file fills: the explicit map first, then the header's aliases. */
import { AppError } from '../../../shared/api/errors';
import type { ImportSkippedColumn } from '../../../shared/api/accounts-views';
import { guessColumn, normalizeHeader, parseTarget, suggestColumn, type ColumnTarget } from './account-columns';

/** Decides what each column means: the explicit map first, then the header's aliases. */
export function resolveMapping(headers: readonly string[], map: Record<string, string> = {}): ColumnTarget[] {
  const byHeader = new Map(headers.map((h, i) => [normalizeHeader(h), i]));
  const explicit = new Map<number, ColumnTarget>();
  for (const [source, target] of Object.entries(map)) {
    const col = byHeader.get(normalizeHeader(source));
    if (col === undefined) {
      throw new AppError('import-bad-map', `The file has no column "${source}" (columns: ${headers.join(', ')}).`, { column: source });
    }
    const t = parseTarget(target);
    if (t === null) throw new AppError('import-bad-map', `"${target}" is not a field an account has.`, { column: source, field: target });
    explicit.set(col, t);
  }
  const used = new Set<ColumnTarget>();
  for (const t of explicit.values()) {
    if (t !== 'ignore' && used.has(t)) throw new AppError('import-bad-map', `Two columns are mapped to "${t}".`, { column: t, field: t });
    used.add(t);
  }
  const mapping = headers.map((h, i) => {
    const e = explicit.get(i);
    if (e) return e;
    const g = guessColumn(h);
    if (!g || used.has(g)) return 'ignore';
    used.add(g);
    return g;
  });
  if (!mapping.includes('name')) {
    throw new AppError('import-no-name', `No column holds the account name (columns: ${headers.join(', ')}). Map one with name.`, {
      columns: headers.join(', '),
    });
  }
  return mapping;
}

/**
 * The columns a mapping leaves out, each with why and, where the header suggests one that no other
 * column fills, a target for the person to confirm. Shared by the account and stakeholder imports.
 */
export function skippedColumns(
  headers: readonly string[],
  mapping: readonly string[],
  map: Record<string, string> | undefined,
  guess: (header: string) => string | null,
  suggest: (header: string) => string | null = () => null,
): ImportSkippedColumn[] {
  const mapped = new Set(Object.keys(map ?? {}).map(normalizeHeader));
  const used = new Set(mapping.filter((m) => m !== 'ignore'));
  const out: ImportSkippedColumn[] = [];
  headers.forEach((column, index) => {
    if (mapping[index] !== 'ignore') return;
    const guessed = guess(column);
    const reason = mapped.has(normalizeHeader(column)) && column !== '' ? 'ignored' : guessed !== null ? 'taken' : 'unknown';
    const s = guessed === null ? suggest(column) : null;
    out.push({ index, column, reason, suggestion: s !== null && !used.has(s) ? s : null });
  });
  return out;
}

/** skippedColumns for an account file: money headers without a year suggest this year's revenue. */
export function accountSkippedColumns(headers: readonly string[], mapping: readonly ColumnTarget[], map: Record<string, string> | undefined, thisYear: number): ImportSkippedColumn[] {
  return skippedColumns(headers, mapping, map, guessColumn, (h) => suggestColumn(h, thisYear));
}
