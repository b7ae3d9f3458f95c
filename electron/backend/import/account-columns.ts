/**
 * What a column of an account spreadsheet means: header aliases in Chinese and English (case,
 * spaces, underscores and punctuation ignored), and the words people write for each enum value.
 */
import type {
  ChurnReason,
  ChurnStatus,
  Classification,
  DealStatus,
  Grade,
  Importance,
  LifecycleStage,
  Potential,
  Urgency,
} from '../../../shared/domain/enums';

/** The account fields a column can fill (shared with the renderer's mapping screen). */
export { ACCOUNT_IMPORT_FIELDS } from '../../../shared/domain/import-fields';
import { ACCOUNT_IMPORT_FIELDS } from '../../../shared/domain/import-fields';
import { LOCALES, messages, type Locale, type Messages } from '../../../shared/i18n';
export type AccountImportField = (typeof ACCOUNT_IMPORT_FIELDS)[number];
export type ColumnTarget = AccountImportField | `revenue:${number}` | `target:${number}` | 'ignore';

const HEADER_ALIASES: Record<AccountImportField, string[]> = {
  name: ['客户名称', '客户', '客户全称', '名称', '公司名称', '单位名称', '企业名称', 'account', 'accountname', 'name', 'customer', 'customername', 'company', 'companyname'],
  nameEn: ['英文名称', '英文名', '英文全称', 'englishname', 'nameen', 'nameenglish'],
  shortName: ['简称', '客户简称', '公司简称', 'shortname', 'abbreviation', 'alias'],
  parent: ['上级单位', '上级客户', '上级', '所属集团', '集团', '集团客户', '母公司', '总部', 'parent', 'parentaccount', 'parentcompany', 'group', 'subsidiaryof', 'memberof'],
  industry: ['行业', '所属行业', '行业类别', 'industry', 'sector', 'vertical'],
  region: ['区域', '地区', '大区', '省份', '所在地区', '所在地', '所在省份', '所在城市', '城市', '省市', '办公地点', 'region', 'area', 'territory', 'province', 'location', 'officelocation', 'city', 'state'],
  owner: ['负责人', '客户经理', '大客户经理', '客户负责人', '销售', 'owner', 'accountmanager', 'accountowner', 'manager', 'am', 'kam'],
  team: ['团队', '团队成员', '服务团队', 'team', 'teammembers', 'accountteam'],
  classification: ['客户分类', '分类', '客户类型', '大客户类型', 'classification', 'accounttype', 'category', 'type'],
  strategic: ['战略客户', '战略意义', '战略', 'strategic', 'strategicaccount'],
  brandInfluence: ['品牌影响', '品牌影响力', '品牌客户', 'brand', 'brandinfluence'],
  tier: ['客户分级', '客户级别', '级别', '分级', 'tier', 'level', 'accounttier'],
  lifecycle: ['生命周期', '生命周期阶段', '客户阶段', 'lifecycle', 'lifecyclestage', 'stage'],
  dealStatus: ['成交状态', '客户状态', '状态', 'dealstatus', 'status'],
  grade: ['客户等级', '等级', '成交等级', '跟进等级', 'grade', 'dealgrade', 'timinggrade'],
  urgency: ['紧急程度', '处理时限', '紧急', 'urgency'],
  importance: ['重要性', '重要程度', 'importance'],
  currency: ['币种', '货币', 'currency'],
  companyRevenue: ['营业收入', '公司营收', '企业营收', '年营业额', '营收规模', '客户营收', 'companyrevenue', 'annualrevenue', 'turnover'],
  employees: ['员工数', '员工人数', '人数', '员工', 'employees', 'headcount', 'staff', 'employeecount'],
  profitContribution: ['利润贡献', '毛利', '利润', 'profit', 'profitcontribution', 'grossprofit', 'margin'],
  shareOfWallet: ['钱包份额', '客户份额', '份额', '占有率', '我方份额', 'shareofwallet', 'walletshare', 'sow'],
  growthPotential: ['增长潜力', '潜力', 'growthpotential', 'potential'],
  lifetimeValue: ['终身价值', '客户终身价值', 'lifetimevalue', 'ltv', 'clv'],
  costToServe: ['服务成本', 'costtoserve', 'servicecost'],
  churnStatus: ['流失状态', '流失', 'churnstatus', 'churn'],
  churnReason: ['流失原因', 'churnreason'],
  churnNote: ['流失说明', 'churnnote', 'churndetails'],
  churnedOn: ['流失日期', 'churndate', 'churnedon'],
  receivableOutstanding: ['应收账款', '应收金额', '应收', '欠款', 'receivables', 'receivable', 'outstanding', 'ar', 'accountsreceivable'],
  receivableDaysOverdue: ['逾期天数', '逾期', '账龄天数', 'daysoverdue', 'overduedays'],
  paymentTerms: ['付款条件', '付款方式', '账期', '结算方式', 'paymentterms', 'terms'],
  notes: ['备注', '说明', '附注', 'notes', 'note', 'comments', 'remarks'],
};

/** Lower case, no spaces, underscores, dashes, dots, brackets or colons; full-width folded. */
export function normalizeHeader(h: string): string {
  return h
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s_\-./:：()（）[\]【】]+/g, '');
}

const BY_ALIAS = new Map<string, AccountImportField>();
for (const [field, aliases] of Object.entries(HEADER_ALIASES) as [AccountImportField, string[]][]) {
  BY_ALIAS.set(normalizeHeader(field), field);
  for (const a of aliases) BY_ALIAS.set(normalizeHeader(a), field);
}

/** "2024收入", "2024年营收", "收入2024", "Revenue 2024", "2024 sales", "FY2024 revenue" ... */
const REVENUE = /^(?:fy)?(\d{4})年?(?:收入|营收|销售额|销售收入|合作收入|revenue|sales|rev)$|^(?:收入|营收|销售额|销售收入|合作收入|revenue|sales|rev)(?:fy)?(\d{4})年?$/;
const TARGET = /^(?:fy)?(\d{4})年?(?:目标|收入目标|target|revenuetarget)$|^(?:目标|收入目标|target|revenuetarget)(?:fy)?(\d{4})年?$/;

/** A qualifier in brackets after the words of a header: "（必填）", "(元)", "(%)", "【万元】". */
const QUALIFIER = /[(（[【]([^)）\]】]*)[)）\]】]/g;
/** A unit that scales the values, which the importer cannot apply to a guessed column. */
const SCALING_UNIT = /[百千万亿]|thousand|million|billion|\bk\b|\bm\b|\bmn\b|\bbn\b/i;
const PERCENT = /百分|%/;

/**
 * The field a header names, or null when it is not recognised. "应收账款（元）" and "客户名称（必填）"
 * are recognised by the words outside the brackets; "营业收入（万元）" is not, since its values are in
 * units of 10,000 yuan and reading them as yuan would be wrong by that much: such a column is mapped
 * by hand (and converted) or left out.
 */
export function guessColumn(header: string): ColumnTarget | null {
  const direct = guessNormalized(normalizeHeader(header));
  if (direct !== null) return direct;
  let scaled = false;
  const outside = header.normalize('NFKC').replace(QUALIFIER, (_all, inner: string) => {
    if (SCALING_UNIT.test(inner) && !PERCENT.test(inner)) scaled = true;
    return '';
  });
  return scaled || outside === header.normalize('NFKC') ? null : guessNormalized(normalizeHeader(outside));
}

function guessNormalized(h: string): ColumnTarget | null {
  if (!h) return null;
  const field = BY_ALIAS.get(h);
  if (field) return field;
  const rev = REVENUE.exec(h);
  if (rev) return `revenue:${Number(rev[1] ?? rev[2])}`;
  const tgt = TARGET.exec(h);
  if (tgt) return `target:${Number(tgt[1] ?? tgt[2])}`;
  return null;
}

/** Money headers without a year: "Revenue", "收入", "营业额", "金额", "Sales", "Amount"... */
const MONEY_NO_YEAR = new Set(
  ['收入', '营收', '营业额', '金额', '销售额', '年度销售额', '销售金额', '合作金额', '销售收入', '合作收入', '收入金额', '年收入', '年度收入', '年销售额', '合同金额', '成交金额', 'revenue', 'sales', 'rev', 'amount', 'salesamount', 'totalrevenue', 'totalsales'].map(
    normalizeHeader,
  ),
);

/**
 * A target to suggest for a column no header alias recognised, for the person to confirm (never
 * imported without): a money column without a year ("Revenue", "收入", "营业额", "金额") is most
 * likely this year's revenue with us. "Revenue (USD)" counts; "收入（万元）" does not (its unit
 * scales the values).
 */
export function suggestColumn(header: string, thisYear: number): ColumnTarget | null {
  const h = header.normalize('NFKC');
  let scaled = false;
  const outside = h.replace(QUALIFIER, (_all, inner: string) => {
    if (SCALING_UNIT.test(inner) && !PERCENT.test(inner)) scaled = true;
    return '';
  });
  if (scaled) return null;
  // A currency written beside the words: "Revenue USD", "金额 US$", "收入 元".
  const words = normalizeHeader(outside).replace(/(?:us\$|hk\$|usd|hkd|cny|rmb|eur|[$€¥￥元])+$|^(?:us\$|hk\$|usd|hkd|cny|rmb|eur|[$€¥￥])+/g, '');
  return MONEY_NO_YEAR.has(words) ? `revenue:${thisYear}` : null;
}

/** Parses a mapping target written by a person (`--map "客户=name,Rev=revenue:2024"`). */
export function parseTarget(s: string): ColumnTarget | null {
  const t = s.trim();
  if (t === 'ignore' || t === '-') return 'ignore';
  if ((ACCOUNT_IMPORT_FIELDS as readonly string[]).includes(t)) return t as AccountImportField;
  const m = /^(revenue|target):(\d{4})$/.exec(t);
  if (m) return `${m[1] as 'revenue' | 'target'}:${Number(m[2])}`;
  return guessColumn(t);
}

type Words<T extends string> = Record<T, string[]>;

function index<T extends string>(words: Words<T>): Map<string, T> {
  const m = new Map<string, T>();
  for (const [k, list] of Object.entries(words) as [T, string[]][]) {
    m.set(normalizeHeader(k), k);
    for (const w of list) m.set(normalizeHeader(w), k);
  }
  return m;
}

export const ENUM_WORDS = {
  classification: index<Classification>({
    industry: ['行业大客户', '行业', '行业客户', 'industrykeyaccount'],
    regional: ['区域大客户', '区域', '区域客户', 'regionalkeyaccount'],
    potential: ['潜力大客户', '潜力', '潜力客户', 'potentialkeyaccount'],
  }),
  lifecycle: index<LifecycleStage>({
    acquisition: ['获取期', '获取', '开发期', 'acquire'],
    growth: ['提升期', '提升', '成长期', '成长', 'grow'],
    maturity: ['成熟期', '成熟', 'mature'],
    decline: ['衰退期', '衰退', 'declining'],
    exit: ['离开期', '离开', '退出', 'exiting'],
  }),
  dealStatus: index<DealStatus>({
    won: ['已成交', '成交', '已签约', 'customer', 'closed', 'closedwon'],
    negotiating: ['正在谈判', '谈判中', '谈判', 'negotiation', 'inprogress'],
    prospect: ['潜在客户', '潜在', '意向', 'lead'],
  }),
  grade: index<Grade>({
    A: ['a级', 'a类'],
    B: ['b级', 'b类'],
    C: ['c级', 'c类'],
    D: ['d级', 'd类'],
    E: ['e级', 'e类'],
  }),
  urgency: index<Urgency>({
    urgent: ['紧急', '一周内', '非常紧急', 'high'],
    soon: ['较急', '一月内', '一个月内', '尽快', 'medium'],
    'not-urgent': ['不急', '一般', '1-3个月', '三个月内', 'noturgent', 'low'],
    slow: ['缓慢', '三个月后', '长期', 'later'],
  }),
  importance: index<Importance>({
    important: ['重要', '是', '高', 'yes', 'high'],
    normal: ['一般', '不重要', '否', '普通', 'no', 'low', 'notimportant'],
  }),
  growthPotential: index<Potential>({
    high: ['高', '大', 'h'],
    medium: ['中', '一般', 'm', 'mid'],
    low: ['低', '小', 'l'],
  }),
  churnStatus: index<ChurnStatus>({
    active: ['正常', '在网', '活跃', '合作中', 'ok', 'no'],
    'at-risk': ['风险', '有风险', '预警', '流失风险', 'risk', 'atrisk'],
    churned: ['已流失', '流失', '离网', 'lost', 'yes'],
  }),
  churnReason: index<ChurnReason>({
    'competitor-price': ['竞争对手价格', '价格', '竞品价格', '对手低价', 'price', 'competitorprice'],
    'competitor-product': ['竞争对手产品', '竞品', '竞争产品', '对手产品', 'competitorproduct', 'competitor'],
    'customer-business': ['客户经营', '客户自身经营', '经营困难', '客户原因', 'customerbusiness', 'business'],
    service: ['服务', '服务质量', '服务问题', 'servicequality'],
    relationship: ['关系', '客户关系', '人员变动', 'relations'],
    other: ['其他', '其它'],
  }),
} as const;

/** Where each closed vocabulary's words live in the domain catalogue (`domain.<group>.<value>`). */
export const ENUM_LABEL_GROUP = {
  classification: 'classification',
  lifecycle: 'lifecycle',
  dealStatus: 'dealStatus',
  grade: null, // the letter is the word in both languages
  urgency: 'urgency',
  importance: 'importance',
  growthPotential: 'potential',
  churnStatus: 'churnStatus',
  churnReason: 'churnReason',
} as const satisfies Record<keyof typeof ENUM_WORDS, keyof Messages['domain'] | null>;

/**
 * The words the app shows for each value, in both languages (what an export in either language
 * writes): read back first, so an export always imports to the same values.
 */
const LABEL_WORDS = new Map<string, Map<string, string>>(
  (Object.entries(ENUM_LABEL_GROUP) as [keyof typeof ENUM_WORDS, keyof Messages['domain'] | null][]).map(([kind, group]) => {
    const m = new Map<string, string>();
    const known = new Set((ENUM_WORDS[kind] as Map<string, string>).values());
    if (group) {
      for (const locale of [...LOCALES].reverse()) { // English first: a zh-CN label wins a tie
        for (const [value, label] of Object.entries(messages[locale].domain[group] as Record<string, string>)) {
          if (known.has(value)) m.set(normalizeHeader(label), value);
        }
      }
    }
    return [kind, m];
  }),
);

/** The word for a value in a language (the export's cell); the value itself for grades. */
export function enumLabel(kind: keyof typeof ENUM_WORDS, value: string, locale: Locale): string {
  const group = ENUM_LABEL_GROUP[kind];
  return group ? ((messages[locale].domain[group] as Record<string, string>)[value] ?? value) : value;
}

/** Cells repeat a handful of words thousands of times: each raw word is normalised once. */
const enumMemo = new Map<string, string | null>();

export function enumValue<K extends keyof typeof ENUM_WORDS>(
  kind: K,
  raw: string,
): (typeof ENUM_WORDS)[K] extends Map<string, infer T> ? T | null : never {
  const memoKey = `${kind}\u0000${raw}`;
  let v = enumMemo.get(memoKey);
  if (v === undefined) {
    const n = normalizeHeader(raw);
    v = LABEL_WORDS.get(kind)?.get(n) ?? (ENUM_WORDS[kind] as Map<string, string>).get(n) ?? null;
    if (enumMemo.size > 10_000) enumMemo.clear();
    enumMemo.set(memoKey, v);
  }
  return v as never;
}
