/**
 * The board's words, resolved once per language, so that two thousand cards do not each subscribe
 * to i18next: cards get plain strings and small functions from one memoised object.
 */
import { useMemo } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { BoardCard, Matrix, Quadrant } from '../../../../shared/api/board';
import { formatMoney } from '../../../../shared/domain/money';
import { normalizeLocale, type Locale } from '../../../../shared/i18n';

export interface Words {
  lang: Locale;
  sep: string;
  roleDescription: string;
  owner: (name: string) => string;
  noOwner: string;
  revenue: (amount: string) => string;
  noRevenue: string;
  overdue: string;
  overdueLong: string;
  head: string;
  verdict: string;
  verdictLong: string;
  suggested: (q: string) => string;
  placeSuggested: (q: string) => string;
  placeSuggestedLabel: (name: string, q: string) => string;
  movedFrom: (from: string) => string;
  movedIn: string;
  menu: (name: string) => string;
  /** The checkbox that ticks a card to move it together with others. */
  pick: (name: string) => string;
  money: (minor: number) => string;
  /** Shorter still, for the card's face: ¥1202万, ¥9.1万, ¥1.2亿 / ¥12M, ¥910K. */
  moneyShort: (minor: number) => string;
  inTray: string;
  /** The zones' words. */
  zone: {
    figures: (n: number, revenue: string, share: string) => string;
    figuresLabel: (n: number, revenue: string, share: string) => string;
    deltaLabel: (moved: { in: number; out: number }) => string;
    showAll: (n: number) => string;
    showFewer: (n: number) => string;
    empty: string;
    trayTitle: string;
    trayHint: string;
    trayEmpty: string;
    placeAll: (n: number) => string;
    placeAllLabel: (n: number) => string;
  };
}

/**
 * A message with placeholders as a plain function: i18next resolves the template once (with
 * markers in place of the values), and each card fills it by splitting and joining.
 */
function template(t: TFunction, key: string, names: string[]): (...values: string[]) => string {
  const markers = names.map((_, i) => String.fromCharCode(0xe000 + i));
  const raw = t(key as never, Object.fromEntries(names.map((n, i) => [n, markers[i]])) as never) as unknown as string;
  return (...values) => markers.reduce((s, m, i) => s.split(m).join(values[i] ?? ''), raw);
}

export function useWords(): Words {
  const { t, i18n } = useTranslation();
  const lang: Locale = normalizeLocale(i18n.language) ?? 'zh-CN';
  return useMemo(() => {
    const one = (key: string, name: string) => {
      const f = template(t, key, [name]);
      return (v: string) => f(v);
    };
    const placeSuggestedLabel = template(t, 'board.card.placeSuggestedLabel', ['name', 'q']);
    const figures = template(t, 'board.quadrant.figures', ['n', 'revenue', 'share']);
    const figuresLabel = template(t, 'board.quadrant.figuresLabel', ['n', 'revenue', 'share']);
    const deltaLabel = template(t, 'board.quadrant.deltaLabel', ['in', 'out']);
    const showAll = template(t, 'board.quadrant.showAll', ['n']);
    const showFewer = template(t, 'board.quadrant.showFewer', ['n']);
    const placeAll = template(t, 'board.tray.placeAll', ['n']);
    const placeAllLabel = template(t, 'board.tray.placeAllLabel', ['n']);
    return {
      lang,
      sep: t('board.card.sep'),
      roleDescription: t('board.card.roleDescription'),
      owner: one('board.card.owner', 'name'),
      noOwner: t('board.card.noOwner'),
      revenue: one('board.card.revenue', 'amount'),
      noRevenue: t('board.card.noRevenue'),
      overdue: t('board.card.overdue'),
      overdueLong: t('board.card.overdueLong'),
      head: t('board.card.head'),
      verdict: t('board.card.verdict'),
      verdictLong: t('board.card.verdictLong'),
      suggested: one('board.card.suggested', 'q'),
      placeSuggested: one('board.card.placeSuggested', 'q'),
      placeSuggestedLabel: (name: string, q: string) => placeSuggestedLabel(name, q),
      movedFrom: one('board.card.movedFrom', 'from'),
      movedIn: t('board.card.movedIn'),
      menu: one('board.card.menu', 'name'),
      pick: one('board.card.pick', 'name'),
      money: (minor: number) => formatMoney(minor, 'CNY', lang, { compact: true }),
      moneyShort: (minor: number) => formatMoney(minor, 'CNY', lang, { compact: true }),
      inTray: t('board.card.inTray'),
      zone: {
        figures: (n: number, revenue: string, share: string) => figures(String(n), revenue, share),
        figuresLabel: (n: number, revenue: string, share: string) => figuresLabel(String(n), revenue, share),
        deltaLabel: (moved: { in: number; out: number }) => deltaLabel(String(moved.in), String(moved.out)),
        showAll: (n: number) => showAll(String(n)),
        showFewer: (n: number) => showFewer(String(n)),
        empty: t('board.quadrant.empty'),
        trayTitle: t('board.tray.title'),
        trayHint: t('board.tray.hint'),
        trayEmpty: t('board.tray.empty'),
        placeAll: (n: number) => placeAll(String(n)),
        placeAllLabel: (n: number) => placeAllLabel(String(n)),
      },
    };
    // `t` changes identity with the language
  }, [t, lang]);
}


export function quadrantName(q: Pick<Quadrant, 'nameZh' | 'nameEn'>, lang: Locale): string {
  return lang === 'zh-CN' ? q.nameZh : q.nameEn || q.nameZh;
}

/** In English, a treatment written only in Chinese is shown in Chinese rather than not at all. */
export function treatmentOf(q: Pick<Quadrant, 'treatmentZh' | 'treatmentEn'>, lang: Locale): string {
  return lang === 'zh-CN' ? q.treatmentZh : q.treatmentEn || q.treatmentZh;
}

export function matrixName(m: Pick<Matrix, 'nameZh' | 'nameEn'>, lang: Locale): string {
  return lang === 'zh-CN' ? m.nameZh : m.nameEn || m.nameZh;
}

/** Quadrant key -> its name in the language; the tray (null) has its own word. */
export type Names = (key: string | null | undefined) => string;

export function namesOf(matrix: Matrix, lang: Locale, trayWord: string): Names {
  const map = new Map(matrix.quadrants.map((q) => [q.key, quadrantName(q, lang)]));
  return (key) => (key == null ? trayWord : (map.get(key) ?? key));
}

/** The card's accessible name: it begins with the account's name, then what the card shows. */
export function cardLabel(card: BoardCard, words: Words, names: Names, tierName: string | null, showMoved: boolean): string {
  const parts = [card.name];
  if (tierName) parts.push(tierName);
  parts.push(card.revenueThisYear !== null ? words.revenue(words.money(card.revenueThisYear)) : words.noRevenue);
  parts.push(card.ownerName ? words.owner(card.ownerName) : words.noOwner);
  if (card.overdue) parts.push(words.overdueLong);
  if (card.inParetoHead) parts.push(words.head);
  if (card.verdict === 'wildcat') parts.push(words.verdictLong);
  if (card.suggested && card.suggested !== card.quadrant) parts.push(words.suggested(names(card.suggested)));
  if (showMoved && card.movedFrom !== undefined) parts.push(card.movedFrom === null ? words.movedIn : words.movedFrom(names(card.movedFrom)));
  return parts.join(words.sep);
}
