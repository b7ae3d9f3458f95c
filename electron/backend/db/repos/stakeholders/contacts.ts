/**
 * "Last contact" derived from interactions: an interaction's `people` is free text the team types
 * ("王伟、李娜", "Wang Wei, Li Na", "信息中心主任 王伟（处长）"). A person counts as contacted when
 * their name is a whole item of that text: the text is cut into items at list punctuation
 * (, ， 、 ; ； / ／ | brackets, colons, line breaks) and each item into words at spaces; any run
 * of consecutive words equal to the name (case, width and spacing ignored) is a match. So "王伟"
 * matches "王伟、李娜" and "王伟 处长" but not "王伟东" or "小王伟"; "Wang Wei" matches
 * "Wang Wei, Li Na" but not "Wang Weiming".
 */
import type { Database as Db } from 'better-sqlite3';

const ITEM_SEPARATORS = /[,，、;；/／|｜\\\r\n\t()（）[\]【】{}<>《》〈〉「」『』:：。!！?？"“”‘’+＋&＆]+/;
/** Longest name, in words, looked for in one item (bounds the work on long free text). */
const MAX_WORDS = 6;

/** The form names are compared in: NFKC (full-width folded), lower case, single spaces. */
export function nameKey(name: string): string {
  return name.normalize('NFKC').toLowerCase().trim().replace(/\s+/g, ' ');
}

/** Every name-shaped candidate in a `people` text (see the module comment). */
export function namesIn(text: string): Set<string> {
  const out = new Set<string>();
  for (const item of nameKey(text).split(ITEM_SEPARATORS)) {
    // A full stop ends a sentence, not a name ("met Wang Wei."); "Dr." keeps its own.
    const words = item
      .split(' ')
      .map((w, i, all) => (i === all.length - 1 ? w.replace(/\.+$/, '') : w))
      .filter((w) => w.length > 0);
    for (let i = 0; i < words.length; i++) {
      let run = '';
      for (let j = i; j < words.length && j - i < MAX_WORDS; j++) {
        run = j === i ? words[j]! : `${run} ${words[j]!}`;
        out.add(run);
      }
    }
  }
  return out;
}

export interface InteractionText {
  accountId: number;
  date: string;
  people: string;
}

/**
 * The latest interaction date naming each person, from interactions ordered newest first.
 * `people`: the account's people (id, name). Interactions after `today` (planned ones) do not count.
 */
export function latestNamed(
  interactions: Iterable<{ date: string; people: string }>,
  people: readonly { id: number; name: string }[],
  today: string,
): Map<number, string> {
  const byKey = new Map<string, number[]>();
  for (const p of people) {
    const k = nameKey(p.name);
    const ids = byKey.get(k);
    if (ids) ids.push(p.id);
    else byKey.set(k, [p.id]);
  }
  const found = new Map<number, string>();
  if (byKey.size === 0) return found;
  for (const i of interactions) {
    if (i.date > today) continue;
    for (const k of namesIn(i.people)) {
      for (const id of byKey.get(k) ?? []) {
        const prev = found.get(id);
        if (prev === undefined || i.date > prev) found.set(id, i.date);
      }
    }
    if (found.size === people.length) break;
  }
  return found;
}

/** One query per account map: the interactions of the account that name anyone, newest first. */
export function accountInteractionTexts(db: Db, accountId: number): { date: string; people: string }[] {
  return db
    .prepare("SELECT date, people FROM interactions WHERE account_id = ? AND people <> '' ORDER BY date DESC, id DESC")
    .all(accountId) as { date: string; people: string }[];
}

/** For the list of maps: the interactions of every account that has people on its map, in one query. */
export function interactionTextsOfMappedAccounts(db: Db): Map<number, { date: string; people: string }[]> {
  const rows = db
    .prepare(
      `SELECT account_id AS accountId, date, people FROM interactions
       WHERE people <> '' AND account_id IN (SELECT DISTINCT account_id FROM stakeholders WHERE deleted_at IS NULL)
       ORDER BY account_id, date DESC, id DESC`,
    )
    .all() as InteractionText[];
  const out = new Map<number, { date: string; people: string }[]>();
  for (const r of rows) {
    let list = out.get(r.accountId);
    if (!list) out.set(r.accountId, (list = []));
    list.push(r);
  }
  return out;
}

/** The later of two optional dates. */
export function laterOf(a: string | null, b: string | null | undefined): string | null {
  if (!a) return b ?? null;
  if (!b) return a;
  return a > b ? a : b;
}
