/** The plan editor's local journal (renderer/src/features/plans/journal.ts): pure, with a fake storage. */
import { describe, expect, it } from 'vitest';
import { clearJournal, journalKey, readJournal, recovery, writeJournal, type JournalStorage } from '../../renderer/src/features/plans/journal';

function memory(): JournalStorage & { map: Map<string, string> } {
  const map = new Map<string, string>();
  return { map, getItem: (k) => map.get(k) ?? null, setItem: (k, v) => void map.set(k, v), removeItem: (k) => void map.delete(k) };
}

const entry = { html: '<p>mine</p>', baseUpdatedAt: '2026-01-01T00:00:00.000Z', at: '2026-01-01T00:01:00.000Z' };

describe('plan section journal', () => {
  it('writes, reads and clears under a key of plan and section', () => {
    const s = memory();
    writeJournal(s, 7, 'overview', entry);
    expect([...s.map.keys()]).toEqual([journalKey(7, 'overview')]);
    expect(journalKey(7, 'overview')).not.toBe(journalKey(7, 'risks'));
    expect(journalKey(7, 'overview')).not.toBe(journalKey(8, 'overview'));
    expect(readJournal(s, 7, 'overview')).toEqual(entry);
    expect(readJournal(s, 7, 'risks')).toBeNull();
    clearJournal(s, 7, 'overview');
    expect(readJournal(s, 7, 'overview')).toBeNull();
  });

  it('clears for a confirmed save only when the entry still holds the saved text', () => {
    const s = memory();
    writeJournal(s, 1, 'risks', { ...entry, html: '<p>typed during the save</p>' });
    clearJournal(s, 1, 'risks', '<p>mine</p>');
    expect(readJournal(s, 1, 'risks')?.html).toBe('<p>typed during the save</p>');
    clearJournal(s, 1, 'risks', '<p>typed during the save</p>');
    expect(readJournal(s, 1, 'risks')).toBeNull();
  });

  it('survives unreadable entries and a failing or missing storage', () => {
    const s = memory();
    s.map.set(journalKey(1, 'overview'), '{not json');
    expect(readJournal(s, 1, 'overview')).toBeNull();
    s.map.set(journalKey(1, 'overview'), JSON.stringify({ html: 3 }));
    expect(readJournal(s, 1, 'overview')).toBeNull();
    const broken: JournalStorage = {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('quota');
      },
      removeItem: () => {
        throw new Error('denied');
      },
    };
    expect(() => writeJournal(broken, 1, 'overview', entry)).not.toThrow();
    expect(readJournal(broken, 1, 'overview')).toBeNull();
    expect(() => clearJournal(broken, 1, 'overview')).not.toThrow();
    expect(readJournal(null, 1, 'overview')).toBeNull();
    expect(() => writeJournal(null, 1, 'overview', entry)).not.toThrow();
  });

  it('restores onto the text it was based on, offers a conflict when the server changed since', () => {
    expect(recovery(null, { html: '<p>x</p>', updatedAt: entry.baseUpdatedAt })).toEqual({ kind: 'none' });
    expect(recovery(entry, { html: '<p>mine</p>', updatedAt: 'later' })).toEqual({ kind: 'none' });
    expect(recovery(entry, { html: '<p>old</p>', updatedAt: entry.baseUpdatedAt })).toEqual({ kind: 'restore', html: '<p>mine</p>' });
    expect(recovery(entry, { html: '<p>theirs</p>', updatedAt: '2026-02-01T00:00:00.000Z' })).toEqual({ kind: 'conflict', html: '<p>mine</p>' });
  });
});
