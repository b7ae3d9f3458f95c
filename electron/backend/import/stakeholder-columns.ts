/**
 * What a column of a stakeholder sheet (the buyer's people) means: header aliases in Chinese and
 * English, and the words people write for levels, roles, influence, attitude and relationship
 * strength (the keys themselves, the zh and en labels, and common synonyms). Case, width, spaces
 * and punctuation are ignored, as for the account importer.
 */
import { STAKEHOLDER_IMPORT_FIELDS } from '../../../shared/domain/import-fields';
import type { Attitude, BuyingRole, Influence, Level, Strength } from '../../../shared/domain/stakeholders';
import { normalizeHeader } from './account-columns';

export { STAKEHOLDER_IMPORT_FIELDS };
export type StakeholderImportField = (typeof STAKEHOLDER_IMPORT_FIELDS)[number];
export type StakeholderTarget = StakeholderImportField | 'ignore';

const HEADER_ALIASES: Record<StakeholderImportField, string[]> = {
  name: ['姓名', '名字', '人员', '人员姓名', '联系人', '客户联系人', '干系人', '关键人', 'name', 'fullname', 'person', 'contact', 'contactname', 'stakeholder'],
  title: ['职务', '职位', '岗位', '头衔', '职称', 'title', 'jobtitle', 'position'],
  department: ['部门', '所属部门', '科室', '处室', '单位', 'department', 'dept', 'division', 'unit'],
  level: ['层级', '层次', '管理层级', '组织层级', 'level', 'orglevel', 'seniority'],
  reportsTo: ['上级', '直接上级', '汇报对象', '汇报给', '上级领导', '直属上级', 'reportsto', 'reportingto', 'manager', 'linemanager', 'boss', 'supervisor'],
  roles: ['角色', '采购角色', '决策角色', '购买角色', 'roles', 'role', 'buyingrole', 'buyingroles'],
  influence: ['影响力', '影响', '影响程度', 'influence'],
  attitude: ['态度', '对我方态度', '立场', '倾向', 'attitude', 'stance', 'disposition'],
  strength: ['关系', '关系强度', '关系程度', '关系亲疏', '关系深度', 'relationship', 'relationshipstrength', 'strength'],
  owner: ['负责人', '我方负责人', '关系负责人', '对接人', '我方对接人', 'owner', 'relationshipowner', 'ourowner'],
  lastContact: ['最近联系', '最近联系日期', '最后联系', '上次联系', '最近接触', 'lastcontact', 'lastcontacted', 'lastcontactdate', 'lastcontacton'],
  favoursCompetitor: ['偏好竞争对手', '倾向竞争对手', '支持的竞争对手', '倾向厂商', '偏好厂商', 'favourscompetitor', 'favorscompetitor', 'favouredcompetitor', 'favoredcompetitor', 'preferredcompetitor'],
  orgWins: ['组织收益', '组织利益', '组织诉求', '组织赢', 'orgwins', 'organisationalwins', 'organizationalwins', 'orgwin'],
  personalWins: ['个人收益', '个人利益', '个人诉求', '个人赢', 'personalwins', 'personalwin'],
  interests: ['兴趣', '爱好', '兴趣爱好', 'interests', 'hobbies'],
  notes: ['备注', '说明', '附注', 'notes', 'note', 'comments', 'remarks'],
};

function byAlias<T extends string>(table: Record<T, string[]>): Map<string, T> {
  const m = new Map<string, T>();
  for (const [k, list] of Object.entries(table) as [T, string[]][]) {
    m.set(normalizeHeader(k), k);
    for (const w of list) m.set(normalizeHeader(w), k);
  }
  return m;
}

const HEADERS = byAlias(HEADER_ALIASES);

/** The field a header names, or null; "姓名（必填）" counts as 姓名. */
export function guessStakeholderColumn(header: string): StakeholderImportField | null {
  const direct = HEADERS.get(normalizeHeader(header));
  if (direct) return direct;
  const outside = header.normalize('NFKC').replace(/[(（[【][^)）\]】]*[)）\]】]/g, '');
  return outside === header.normalize('NFKC') ? null : (HEADERS.get(normalizeHeader(outside)) ?? null);
}

/** A target written by a person (`--map "联系人=name,Boss=reportsTo"`): a field key, an alias or ignore. */
export function parseStakeholderTarget(s: string): StakeholderTarget | null {
  const t = s.trim();
  if (t === 'ignore' || t === '-') return 'ignore';
  if ((STAKEHOLDER_IMPORT_FIELDS as readonly string[]).includes(t)) return t as StakeholderImportField;
  return guessStakeholderColumn(t);
}

const LEVEL_WORDS = byAlias<Level>({
  top: ['高层', '高层领导', '高管', '决策层', '领导层', '公司领导', '单位领导', '高级', '高', 'senior', 'executive', 'topmanagement', 'toplevel', 'csuite'],
  middle: ['中层', '中层管理', '中层干部', '中层领导', '管理层', '中间层', '部门负责人', '中', 'mid', 'midlevel', 'middlemanagement', 'management'],
  base: ['基层', '执行层', '操作层', '一线', '基层员工', '一般员工', '员工', '低', 'frontline', 'staff', 'operational', 'baselevel', 'bottom'],
});

const ROLE_WORDS = byAlias<BuyingRole>({
  'decision-maker': ['决策者', '决策人', '拍板人', '最终决策者', 'decisionmaker', 'dm', 'decider'],
  'economic-buyer': ['经济购买者', '经济决策者', '预算负责人', '预算审批人', '出资人', 'economicbuyer', 'budgetowner', 'eb'],
  'technical-evaluator': ['技术评审专家', '技术评审', '技术评估者', '技术专家', '评审专家', '技术把关', 'technicalevaluator', 'technicalbuyer', 'technicalexpert', 'evaluator', 'expert'],
  user: ['使用者', '用户', '使用部门', '最终用户', 'enduser', 'userbuyer', 'users'],
  influencer: ['影响者', '影响人', 'influencer'],
  coach: ['内线', '教练', '向导', '内部支持者', 'coach', 'champion', 'internalchampion', 'insider'],
  gatekeeper: ['采购把关', '把关者', '守门人', '采购', '采购把关者', 'gatekeeper', 'procurement', 'purchasing'],
  'veto-holder': ['否决者', '否决人', '有否决权', '一票否决', 'vetoholder', 'veto'],
  'outside-party': ['外部方', '外部机构', '招标代理', '招标代理机构', '咨询机构', '设计院', '监理', 'outsideparty', 'outside', 'tenderingagency', 'tenderagency', 'consultant', 'external'],
});

const INFLUENCE_WORDS = byAlias<Influence>({
  high: ['高', '大', '强', '关键', 'h', 'strong', 'key'],
  medium: ['中', '中等', '一般', 'm', 'mid', 'moderate'],
  low: ['低', '小', '弱', 'l', 'weak'],
});

const ATTITUDE_WORDS = new Map<string, Attitude>(
  (
    [
      [-2, ['反对', '反对者', '强烈反对', '敌对', '对手', 'opponent', 'opposed', 'hostile', 'against']],
      [-1, ['怀疑', '怀疑者', '不太支持', '倾向反对', '消极', 'sceptic', 'skeptic', 'sceptical', 'skeptical', 'negative', 'doubtful']],
      [0, ['中立', '中立者', '观望', 'neutral']],
      [1, ['倾向支持', '友好', '积极', '较支持', 'favourable', 'favorable', 'positive', 'leaning']],
      [2, ['支持', '支持者', '坚定支持', '拥护', 'supporter', 'support', 'supportive', 'strongsupporter']],
    ] as [Attitude, string[]][]
  ).flatMap(([v, words]) => words.map((w) => [normalizeHeader(w), v] as [string, Attitude])),
);

const STRENGTH_WORDS = byAlias<Strength>({
  none: ['无', '没有', '无关系', '陌生', '不认识', '未建立', 'no', 'norelationship', 'unknown'],
  acquainted: ['认识', '相识', '一般', '初步接触', '点头之交', 'acquaintance', 'known', 'weak'],
  friendly: ['友好', '熟悉', '较好', '良好', 'friend', 'good'],
  trusted: ['信任', '互信', '密切', '很好', 'trust', 'close', 'strong'],
  advocate: ['拥护', '铁杆', '坚定', '拥护者', '代言人', 'advocates', 'champion'],
});

export const wordOf = {
  level: (raw: string): Level | null => LEVEL_WORDS.get(normalizeHeader(raw)) ?? null,
  role: (raw: string): BuyingRole | null => ROLE_WORDS.get(normalizeHeader(raw)) ?? null,
  influence: (raw: string): Influence | null => INFLUENCE_WORDS.get(normalizeHeader(raw)) ?? null,
  strength: (raw: string): Strength | null => STRENGTH_WORDS.get(normalizeHeader(raw)) ?? null,
  /** -2..+2 as a number (+1, ＋2, −1 with a real minus) or a word. */
  attitude: (raw: string): Attitude | null => {
    const n = raw.normalize('NFKC').replace(/[−–—]/g, '-').replace(/\s+/g, '');
    if (/^[+-]?\d+(?:\.0+)?$/.test(n)) {
      const v = Number(n);
      return v >= -2 && v <= 2 ? (v as Attitude) : null;
    }
    return ATTITUDE_WORDS.get(normalizeHeader(raw)) ?? null;
  },
};

/** Roles as written: several, separated by 、 , ; / (and their full-width forms). */
export function splitRoles(raw: string): string[] {
  return raw
    .split(/[、,，;；/／|｜\n]+/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}
