/**
 * The local journal of a plan section's text: no keystroke is lost when the app crashes or quits
 * before an autosave reaches the backend. Every change of a section's editor writes its HTML here
 * synchronously (with the `updatedAt` of the server text it was based on); a save the server
 * confirms clears it. When the section is opened again, `recovery` says what to do with an entry
 * left behind. Pure: the storage (localStorage in the app) is passed in, so it is unit-tested.
 */

/** The part of the Web Storage API the journal uses. */
export interface JournalStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export interface JournalEntry {
  /** The editor's HTML at the last change. */
  html: string;
  /** The server text's updatedAt the change was based on. */
  baseUpdatedAt: string;
  /** When it was written (ISO). */
  at: string;
}

export type Recovery =
  /** Nothing to recover (no entry, or the server already has that text). */
  | { kind: 'none' }
  /** The server text is still the one the entry was based on: put the entry back and save it. */
  | { kind: 'restore'; html: string }
  /** The server text changed since: keep it, and offer the entry as a conflict (keep mine / reload). */
  | { kind: 'conflict'; html: string };

const PREFIX = 'keyplan.journal.';

export function journalKey(planId: number, section: string): string {
  return `${PREFIX}${planId}.${section}`;
}

/** Writes the entry; a full or unavailable storage is ignored (the autosave still runs). */
export function writeJournal(storage: JournalStorage | null, planId: number, section: string, entry: JournalEntry): void {
  if (!storage) return;
  try {
    storage.setItem(journalKey(planId, section), JSON.stringify(entry));
  } catch {
    // quota or privacy mode: nothing to do
  }
}

/** The entry, or null when there is none or it is unreadable. */
export function readJournal(storage: JournalStorage | null, planId: number, section: string): JournalEntry | null {
  if (!storage) return null;
  let raw: string | null;
  try {
    raw = storage.getItem(journalKey(planId, section));
  } catch {
    return null;
  }
  if (raw === null) return null;
  try {
    const v = JSON.parse(raw) as Partial<JournalEntry> | null;
    if (v && typeof v.html === 'string' && typeof v.baseUpdatedAt === 'string' && typeof v.at === 'string') return { html: v.html, baseUpdatedAt: v.baseUpdatedAt, at: v.at };
  } catch {
    // fall through
  }
  return null;
}

/**
 * Clears the entry. With `html`, only when the entry still holds that text: a save confirmed for
 * older text leaves the journal of what was typed during the save.
 */
export function clearJournal(storage: JournalStorage | null, planId: number, section: string, html?: string): void {
  if (!storage) return;
  if (html !== undefined) {
    const entry = readJournal(storage, planId, section);
    if (entry && entry.html !== html) return;
  }
  try {
    storage.removeItem(journalKey(planId, section));
  } catch {
    // ignore
  }
}

/**
 * What to do with an entry found when a section opens. `serverHtml` is the server's text as the
 * editor renders it (so the comparison is between two editor outputs).
 */
export function recovery(entry: JournalEntry | null, server: { html: string; updatedAt: string }): Recovery {
  if (!entry || entry.html === server.html) return { kind: 'none' };
  if (entry.baseUpdatedAt === server.updatedAt) return { kind: 'restore', html: entry.html };
  return { kind: 'conflict', html: entry.html };
}

