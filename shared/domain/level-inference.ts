/**
 * A person's level (top / middle / base management) inferred from their title, for a people file
 * without a level column: 厅长 -> top, 处长 -> middle, 科员 -> base. Only ever a suggestion: the
 * import preview and the CLI's dry run show it, and the user confirms it (`inferLevels`).
 *
 * The table lists title words per level. The longest word found in the title wins, so 副总经理
 * (总经理, top) beats 经理 (middle) and 主任科员 (base) beats 主任 (middle); a deputy (副) is at the
 * level of the post (副处长 is middle like 处长). English words match whole words, any letter case
 * ("General Manager" is top, "Sales Manager" middle). A few words lead a title and rule everything
 * after them (LEADING: 首席, Chief, Vice President, Head of ...): their match runs to the end, so
 * "Chief Technology Officer" is top, not an officer, and 首席工程师 is top. A title with no word of
 * the table, or with words of two levels matching the same length, suggests nothing.
 */
import type { Level } from './stakeholders';

/** Title words per level; Chinese words match anywhere in the title, English ones as whole words. */
export const LEVEL_TITLE_WORDS: Readonly<Record<Level, readonly string[]>> = {
  top: [
    '厅长', '副厅长', '局长', '副局长', '司长', '副司长', '巡视员', '市长', '副市长', '县长', '区长', '主席', '书记', '党委书记',
    '董事长', '副董事长', '董事', '总经理', '副总经理', '总裁', '副总裁', '首席', '总工程师', '总工', '总经济师', '总会计师',
    '院长', '副院长', '校长', '副校长', '厂长', '副厂长', '行长', '副行长', '总师', '集团领导', '公司领导',
    'CEO', 'CFO', 'CTO', 'CIO', 'COO', 'CMO', 'CXO', 'VP', 'SVP', 'EVP', 'Vice President', 'President', 'Chairman', 'Chairwoman', 'Chair',
    'General Manager', 'Managing Director', 'Chief', 'Board Member', 'Executive Director', 'Partner', 'Founder',
  ],
  middle: [
    '处长', '副处长', '科长', '副科长', '调研员', '主任', '副主任', '经理', '副经理', '部长', '副部长', '总监', '副总监', '主管', '所长', '副所长',
    '队长', '站长', '中心主任', '负责人',
    'Director', 'Deputy Director', 'Manager', 'Head', 'Head of', 'Lead', 'Team Lead', 'Supervisor', 'Superintendent',
  ],
  base: [
    '科员', '主任科员', '副主任科员', '办事员', '专员', '工程师', '助理工程师', '高级工程师', '技术员', '职员', '员工', '文员', '助理',
    '业务员', '操作员', '干事', '会计', '出纳', '采购员', '管理员', '医师', '护士', '教师', '研究员', '分析师', '顾问',
    'Engineer', 'Specialist', 'Analyst', 'Officer', 'Clerk', 'Assistant', 'Coordinator', 'Associate', 'Staff', 'Technician', 'Administrator',
    'Accountant', 'Buyer', 'Consultant', 'Representative', 'Operator', 'Developer', 'Architect',
  ],
};

/** Words whose match runs to the end of the title (they qualify the words after them). */
const LEADING = new Set(['首席', 'Chief', 'Vice President', 'VP', 'SVP', 'EVP', 'Head of', 'General Manager']);

export interface LevelGuess {
  level: Level;
  /** The word of the table the title matched (for "处长 → 中层"). */
  word: string;
}

const HAN = /\p{Script=Han}/u;

interface Entry {
  level: Level;
  word: string;
  /** Chinese words anywhere; English ones as whole words; a leading word with the rest of the title. */
  pattern: RegExp;
}

const escape = (w: string) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+');

const ENTRIES: Entry[] = (Object.entries(LEVEL_TITLE_WORDS) as [Level, readonly string[]][]).flatMap(([level, words]) =>
  words.map((word) => {
    const rest = LEADING.has(word) ? '.*' : '';
    const pattern = HAN.test(word) ? new RegExp(`${escape(word)}${rest}`, 'u') : new RegExp(`(?<![A-Za-z])${escape(word)}(?![A-Za-z])${rest}`, 'iu');
    return { level, word, pattern };
  }),
);

/**
 * The level a title suggests, with the word that decided it; null when the title says nothing
 * the table knows, or when two levels' words of the same length both match.
 */
export function inferLevel(title: string | null | undefined): LevelGuess | null {
  const text = (title ?? '').normalize('NFKC').trim();
  if (text === '') return null;
  let best: Entry | null = null;
  let bestLength = 0;
  let tie = false;
  for (const e of ENTRIES) {
    const found = e.pattern.exec(text);
    if (!found) continue;
    const len = found[0].trimEnd().length;
    if (best === null || len > bestLength) {
      best = e;
      bestLength = len;
      tie = false;
    } else if (len === bestLength && e.level !== best.level) {
      tie = true;
    }
  }
  if (best === null || tie) return null;
  return { level: best.level, word: best.word };
}
