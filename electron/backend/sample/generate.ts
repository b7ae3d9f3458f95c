/**
 * The sample workspace: a realistic, deterministic portfolio of key accounts for trying Keyplan and
 * for tests and benchmarks. Group customers with subsidiaries, several industries and tiers, five
 * years of revenue shaped like a real portfolio (a few accounts make most of it), interactions,
 * opportunities and tenders, competitors, satisfaction scores, churned accounts and receivables.
 */
import { addDays } from '../../../shared/domain/dates';
import { daysNeeded, DEFAULT_CAPACITY } from '../../../shared/domain/capacity';
import type {
  ChurnReason,
  Classification,
  DealStatus,
  Grade,
  InteractionKind,
  LifecycleStage,
  OpportunityStage,
  PersonRole,
  Potential,
  Urgency,
} from '../../../shared/domain/enums';
import type { Locale } from '../../../shared/i18n';


export interface SamplePerson {
  name: string;
  role: PersonRole;
  region: string;
  /** Days a quarter for customer work, when not the default (the overloaded manager of the capacity page). */
  quarterDays?: number;
}

/** The built-in tiers' standard (migration 0002): visits a quarter, calls a month. */
const SAMPLE_STANDARD: Record<string, [number, number]> = { diamond: [6, 4], platinum: [4, 2], gold: [2, 1], silver: [1, 1] };

/**
 * One overloaded manager (鸡头凤尾, the capacity page): the manager whose live accounts need the most
 * days this quarter has only half of those days for customer work (they also run a delivery
 * project), so they cannot meet the standard. Deterministic: draws nothing from the random stream.
 */
function overloadOne(owners: SamplePerson[], accounts: readonly SampleAccount[]): void {
  const need = new Map<string, number>();
  for (const a of accounts) {
    const std = SAMPLE_STANDARD[a.tierKey];
    if (!std || a.churnStatus === 'churned') continue;
    need.set(a.owner, (need.get(a.owner) ?? 0) + daysNeeded({ visits: std[0], calls: std[1] * 3 }, DEFAULT_CAPACITY));
  }
  let busiest: SamplePerson | undefined;
  for (const o of owners) if ((need.get(o.name) ?? 0) > (busiest ? need.get(busiest.name)! : 0)) busiest = o;
  if (busiest) busiest.quarterDays = Math.max(1, Math.floor(need.get(busiest.name)! / 2));
}

export interface SampleAccount {
  name: string;
  nameEn: string | null;
  shortName: string | null;
  parent: string | null;
  industry: string;
  region: string;
  owner: string;
  team: { person: string; role: string }[];
  classification: Classification;
  strategic: boolean;
  brandInfluence: boolean;
  tierKey: string;
  lifecycle: LifecycleStage;
  dealStatus: DealStatus;
  grade: Grade;
  urgency: Urgency;
  importance: 'important' | 'normal';
  companyRevenue: number;
  employees: number;
  profitContribution: number;
  shareOfWalletBp: number;
  growthPotential: Potential;
  costToServe: number;
  churnStatus: 'active' | 'at-risk' | 'churned';
  churnReason: ChurnReason | null;
  churnNote: string | null;
  churnedOn: string | null;
  receivableOutstanding: number | null;
  receivableDaysOverdue: number | null;
  paymentTerms: string;
  notes: string;
  revenue: { year: number; revenue: number | null; target: number | null; profit: number | null }[];
  satisfaction: { date: string; score: number; source: string }[];
  competitors: { name: string; offer: string; position: string; strengths: string; weaknesses: string }[];
  interactions: {
    kind: InteractionKind;
    date: string;
    people: string;
    summary: string;
    outcome: string;
    nextStep: string;
    nextDue: string | null;
    nextDone: boolean;
  }[];
  opportunities: { name: string; value: number; stage: OpportunityStage; resultReason: string; bidDate: string | null; rivals: string[] }[];
}

export interface SampleWorkspace {
  people: SamplePerson[];
  accounts: SampleAccount[];
}

/** mulberry32: small, fast, deterministic. */
export function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!,
    chance: (p: number) => next() < p,
    weighted: <T>(items: readonly (readonly [T, number])[]): T => {
      const total = items.reduce((s, [, w]) => s + w, 0);
      let r = next() * total;
      for (const [v, w] of items) {
        r -= w;
        if (r <= 0) return v;
      }
      return items[items.length - 1]![0];
    },
  };
}
export type Rng = ReturnType<typeof rng>;

const PROVINCES: [string, string][] = [
  ['河南', 'Henan'], ['广东', 'Guangdong'], ['江苏', 'Jiangsu'], ['浙江', 'Zhejiang'], ['四川', 'Sichuan'], ['湖北', 'Hubei'],
  ['山东', 'Shandong'], ['湖南', 'Hunan'], ['福建', 'Fujian'], ['安徽', 'Anhui'], ['河北', 'Hebei'], ['陕西', 'Shaanxi'],
  ['江西', 'Jiangxi'], ['辽宁', 'Liaoning'], ['云南', 'Yunnan'], ['广西', 'Guangxi'], ['山西', 'Shanxi'], ['贵州', 'Guizhou'],
];
const REGIONS: Record<string, [string, string]> = {
  河南: ['华中', 'Central'], 湖北: ['华中', 'Central'], 湖南: ['华中', 'Central'], 江西: ['华中', 'Central'],
  广东: ['华南', 'South'], 福建: ['华南', 'South'], 广西: ['华南', 'South'],
  江苏: ['华东', 'East'], 浙江: ['华东', 'East'], 山东: ['华东', 'East'], 安徽: ['华东', 'East'],
  四川: ['西南', 'Southwest'], 云南: ['西南', 'Southwest'], 贵州: ['西南', 'Southwest'],
  河北: ['华北', 'North'], 山西: ['华北', 'North'], 陕西: ['西北', 'Northwest'], 辽宁: ['东北', 'Northeast'],
};
const CITIES: [string, string][] = [
  ['郑州', 'Zhengzhou'], ['洛阳', 'Luoyang'], ['广州', 'Guangzhou'], ['深圳', 'Shenzhen'], ['南京', 'Nanjing'], ['苏州', 'Suzhou'],
  ['杭州', 'Hangzhou'], ['宁波', 'Ningbo'], ['成都', 'Chengdu'], ['武汉', 'Wuhan'], ['济南', 'Jinan'], ['青岛', 'Qingdao'],
  ['长沙', 'Changsha'], ['厦门', 'Xiamen'], ['合肥', 'Hefei'], ['石家庄', 'Shijiazhuang'], ['西安', "Xi'an"], ['南昌', 'Nanchang'],
  ['沈阳', 'Shenyang'], ['昆明', 'Kunming'], ['南宁', 'Nanning'], ['太原', 'Taiyuan'], ['贵阳', 'Guiyang'], ['无锡', 'Wuxi'],
];

export const INDUSTRIES: Record<string, [string, string]> = {
  finance: ['金融', 'Finance'],
  government: ['政府与公共事业', 'Government'],
  education: ['教育', 'Education'],
  energy: ['能源', 'Energy'],
  manufacturing: ['制造', 'Manufacturing'],
  healthcare: ['医疗卫生', 'Healthcare'],
  transport: ['交通物流', 'Transport & logistics'],
  telecom: ['电信运营', 'Telecom'],
  retail: ['零售', 'Retail'],
};

/** Group customers: a head office and its provincial subsidiaries. */
const GROUPS: { industry: string; zh: string; en: string; sub: [string, string] }[] = [
  { industry: 'finance', zh: '华夏建设银行', en: 'Huaxia Construction Bank', sub: ['{p}省分行', '{P} Branch'] },
  { industry: 'energy', zh: '国能电力集团', en: 'Guoneng Power Group', sub: ['{p}电力公司', '{P} Power Co.'] },
  { industry: 'telecom', zh: '华通移动通信集团', en: 'Huatong Mobile Group', sub: ['{p}分公司', '{P} Company'] },
  { industry: 'transport', zh: '中联物流集团', en: 'Zhonglian Logistics Group', sub: ['{p}区域公司', '{P} Regional Co.'] },
];

/** Stand-alone accounts per industry: zh and en patterns; {p}/{P} province, {c}/{C} city, {b}/{B} brand. */
const TEMPLATES: Record<string, [string, string][]> = {
  finance: [['{c}农村商业银行', '{C} Rural Commercial Bank'], ['{p}农村信用社联合社', '{P} Rural Credit Union'], ['{b}人寿保险{p}分公司', '{B} Life Insurance {P}'], ['{c}银行', 'Bank of {C}'], ['{b}证券股份有限公司', '{B} Securities Co., Ltd.']],
  government: [['{p}省大数据管理局', '{P} Big Data Bureau'], ['{c}市政务服务中心', '{C} Government Service Center'], ['{p}省公安厅', '{P} Public Security Department'], ['{c}市财政局', '{C} Finance Bureau']],
  education: [['{p}省教育厅', '{P} Department of Education'], ['{c}大学', '{C} University'], ['{p}师范大学', '{P} Normal University'], ['{c}职业技术学院', '{C} Vocational College']],
  energy: [['{p}能源集团', '{P} Energy Group'], ['{b}新能源股份有限公司', '{B} New Energy Co., Ltd.'], ['{c}燃气集团', '{C} Gas Group']],
  manufacturing: [['{b}重工机械有限公司', '{B} Heavy Machinery Co., Ltd.'], ['{b}汽车制造有限公司', '{B} Automotive Co., Ltd.'], ['{c}{b}电子科技有限公司', '{C} {B} Electronics Co., Ltd.'], ['{b}精密制造股份有限公司', '{B} Precision Manufacturing Co., Ltd.']],
  healthcare: [['{p}省人民医院', '{P} Provincial People\'s Hospital'], ['{c}市中心医院', '{C} Central Hospital'], ['{c}市第一人民医院', '{C} First People\'s Hospital'], ['{p}中医药大学附属医院', '{P} TCM University Hospital']],
  transport: [['{p}高速公路集团', '{P} Expressway Group'], ['{c}地铁集团', '{C} Metro Group'], ['{c}港务集团', '{C} Port Group']],
  telecom: [['{b}数据通信有限公司', '{B} Data Communications Co., Ltd.']],
  retail: [['{b}超市连锁有限公司', '{B} Supermarket Chain Co., Ltd.'], ['{c}{b}百货集团', '{C} {B} Department Store Group']],
};
const BRANDS: [string, string][] = [
  ['华信', 'Huaxin'], ['中科', 'Zhongke'], ['远航', 'Yuanhang'], ['恒泰', 'Hengtai'], ['新元', 'Xinyuan'], ['东方', 'Dongfang'],
  ['瑞丰', 'Ruifeng'], ['金桥', 'Jinqiao'], ['天宇', 'Tianyu'], ['海川', 'Haichuan'], ['博远', 'Boyuan'], ['华润', 'Huarun'],
  ['正和', 'Zhenghe'], ['永安', 'Yongan'], ['鼎盛', 'Dingsheng'], ['长风', 'Changfeng'], ['嘉禾', 'Jiahe'], ['启明', 'Qiming'],
  ['安泰', 'Antai'], ['联创', 'Lianchuang'], ['汇通', 'Huitong'], ['盛达', 'Shengda'], ['锦程', 'Jincheng'], ['凯瑞', 'Kairui'],
];
export const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '周', '吴', '徐', '孙', '马', '朱', '胡', '郭', '何', '林', '罗', '高'];
export const GIVEN = ['伟', '芳', '娜', '敏', '静', '磊', '洋', '勇', '艳', '杰', '涛', '明', '超', '秀英', '建华', '志强', '海燕', '晓东', '文博', '雪梅', '立新', '子涵', '浩然', '思远'];
export const PINYIN: Record<string, string> = {
  王: 'Wang', 李: 'Li', 张: 'Zhang', 刘: 'Liu', 陈: 'Chen', 杨: 'Yang', 黄: 'Huang', 赵: 'Zhao', 周: 'Zhou', 吴: 'Wu', 徐: 'Xu', 孙: 'Sun', 马: 'Ma', 朱: 'Zhu', 胡: 'Hu', 郭: 'Guo', 何: 'He', 林: 'Lin', 罗: 'Luo', 高: 'Gao',
  伟: 'Wei', 芳: 'Fang', 娜: 'Na', 敏: 'Min', 静: 'Jing', 磊: 'Lei', 洋: 'Yang', 勇: 'Yong', 艳: 'Yan', 杰: 'Jie', 涛: 'Tao', 明: 'Ming', 超: 'Chao', 秀英: 'Xiuying', 建华: 'Jianhua', 志强: 'Zhiqiang', 海燕: 'Haiyan', 晓东: 'Xiaodong', 文博: 'Wenbo', 雪梅: 'Xuemei', 立新: 'Lixin', 子涵: 'Zihan', 浩然: 'Haoran', 思远: 'Siyuan',
};
export const RIVALS: [string, string][] = [['恒信科技', 'Hengxin Tech'], ['远方数据', 'Yuanfang Data'], ['蓝海软件', 'Lanhai Software'], ['天择信息', 'Tianze IT'], ['卓越系统', 'Zhuoyue Systems'], ['华拓集成', 'Huatuo Integration']];

const TEXT = {
  'zh-CN': {
    people: { visit: '对方信息中心主任、技术科长', call: '采购部联系人', meeting: '分管副总、信息中心主任', training: '一线操作人员', complaint: '业务部门负责人', suggestion: '技术科长', care: '总经理办公室' },
    summary: { visit: '季度拜访,回顾项目进展', call: '电话沟通需求变更', meeting: '年度合作规划会', training: '新版本操作培训', complaint: '反馈系统响应变慢', suggestion: '建议增加移动端审批', care: '节日问候' },
    outcome: { visit: '客户认可交付质量,提出扩容需求', call: '确认需求范围', meeting: '明确明年三个重点项目', training: '完成 40 人培训', complaint: '已安排工程师现场排查', suggestion: '纳入下一版本规划', care: '关系良好' },
    nextStep: ['提交扩容方案', '安排技术交流', '发送报价单', '邀请参加年度客户座谈会', '回访投诉处理结果', '准备招标文件应答'],
    opps: ['数据中心扩容项目', '核心系统升级', '年度运维服务', '智慧园区一期', '移动办公平台', '灾备中心建设', '网络安全加固'],
    lost: ['价格高于对手', '客户预算削减', '技术方案不匹配'],
    won: ['方案与服务获认可', '关系覆盖全面', '本地化服务能力强'],
    offer: ['低价一体化方案', '云服务套餐', '定制开发'], position: ['现有主要供应商', '新进入者', '第二供应商'],
    strengths: ['价格低', '与高层关系好', '产品线全'], weaknesses: ['服务响应慢', '本地团队小', '交付质量不稳定'],
    churnNote: { 'competitor-price': '对手以低价长期合同替换', 'competitor-product': '转用对手的数据服务', 'customer-business': '客户经营困难,预算冻结', service: '服务投诉未及时处理', relationship: '对接领导调离', other: '其他原因' },
    terms: ['月结 30 天', '季度结算', '预付 30%,验收后付清', '月结 60 天'],
    survey: '年度满意度调查', notes: '重点关注明年扩容与续约。',
    teamRoles: ['技术支持', '服务经理', '项目经理'],
  },
  en: {
    people: { visit: 'IT director, head of technology', call: 'Procurement contact', meeting: 'Deputy GM, IT director', training: 'Front-line operators', complaint: 'Head of operations', suggestion: 'Head of technology', care: "CEO's office" },
    summary: { visit: 'Quarterly visit, project review', call: 'Call about a change in requirements', meeting: 'Annual planning meeting', training: 'Training on the new release', complaint: 'System reported slow', suggestion: 'Asked for mobile approvals', care: 'Holiday greetings' },
    outcome: { visit: 'Happy with delivery; wants more capacity', call: 'Scope confirmed', meeting: 'Three key projects agreed for next year', training: '40 people trained', complaint: 'Engineer sent on site', suggestion: 'Planned for the next release', care: 'Good relationship' },
    nextStep: ['Send the expansion proposal', 'Arrange a technical workshop', 'Send the quote', 'Invite to the customer forum', 'Follow up on the complaint', 'Prepare the tender response'],
    opps: ['Data centre expansion', 'Core system upgrade', 'Annual maintenance', 'Smart campus phase 1', 'Mobile office platform', 'Disaster recovery site', 'Network security hardening'],
    lost: ['Price above rivals', 'Budget cut', 'Solution did not fit'],
    won: ['Solution and service valued', 'Relationships at every level', 'Strong local service'],
    offer: ['Low-price bundle', 'Cloud package', 'Custom development'], position: ['Incumbent', 'New entrant', 'Second supplier'],
    strengths: ['Low price', 'Close to top management', 'Broad product line'], weaknesses: ['Slow service', 'Small local team', 'Uneven delivery'],
    churnNote: { 'competitor-price': 'Replaced by a rival on a cheap long-term contract', 'competitor-product': "Moved to a rival's data service", 'customer-business': 'Business trouble, budget frozen', service: 'Complaints not handled in time', relationship: 'Our sponsor left', other: 'Other reasons' },
    terms: ['Net 30', 'Quarterly', '30% prepayment, rest on acceptance', 'Net 60'],
    survey: 'Annual satisfaction survey', notes: 'Watch next year\'s expansion and renewal.',
    teamRoles: ['Technical support', 'Service manager', 'Project manager'],
  },
} as const;

function fill(pattern: string, vars: Record<string, string>): string {
  return pattern.replace(/\{(\w)\}/g, (_, k: string) => vars[k] ?? '');
}

function personName(r: Rng, locale: Locale, used: Set<string>): string {
  for (let i = 0; i < 1000; i++) {
    const s = r.pick(SURNAMES);
    const g = r.pick(GIVEN);
    const name = locale === 'zh-CN' ? s + g : `${PINYIN[g]} ${PINYIN[s]}`;
    if (!used.has(name)) {
      used.add(name);
      return name;
    }
  }
  const fallback = `${locale === 'zh-CN' ? '员工' : 'Staff'} ${used.size + 1}`;
  used.add(fallback);
  return fallback;
}

/** Yearly revenue in minor units, heavy-tailed so that about a fifth of accounts make most of it. */
function baseRevenue(r: Rng): number {
  const u = Math.max(r.next(), 1e-6);
  const yuan = 300_000 * Math.pow(u, -1.1); // Pareto-like tail
  return Math.round(Math.min(yuan, 300_000_000) / 1000) * 1000 * 100;
}

export function generateSample(opts: { locale: Locale; accounts: number; today: string; seed?: number }): SampleWorkspace {
  const r = rng(opts.seed ?? 20261124);
  const L = opts.locale;
  const T = TEXT[L];
  const zh = L === 'zh-CN';
  const year = Number(opts.today.slice(0, 4));

  const usedPeople = new Set<string>();
  const managers = Math.max(6, Math.ceil(opts.accounts / 25));
  const people: SamplePerson[] = [];
  const director = personName(r, L, usedPeople);
  people.push({ name: director, role: 'director', region: zh ? '总部' : 'HQ' });
  for (let i = 0; i < managers; i++) {
    const [p, P] = r.pick(PROVINCES);
    people.push({ name: personName(r, L, usedPeople), role: 'manager', region: zh ? REGIONS[p]![0] : REGIONS[p]![1] });
    void P;
  }
  const specialists: SamplePerson[] = [];
  for (let i = 0; i < Math.max(3, Math.ceil(managers / 2)); i++) {
    specialists.push({ name: personName(r, L, usedPeople), role: r.pick(['specialist', 'technical', 'service', 'project'] as const), region: zh ? '总部' : 'HQ' });
  }
  people.push(...specialists);
  const owners = people.filter((p) => p.role === 'manager');

  const usedNames = new Set<string>();
  const accounts: SampleAccount[] = [];
  const add = (a: Omit<SampleAccount, 'name'> & { name: string }) => {
    usedNames.add(a.name);
    accounts.push(a);
  };

  const makeAccount = (name: string, nameEn: string | null, shortName: string | null, industryKey: string, province: [string, string], parent: string | null, scale: number): SampleAccount => {
    const industry = zh ? INDUSTRIES[industryKey]![0] : INDUSTRIES[industryKey]![1];
    const region = zh ? REGIONS[province[0]]![0] : REGIONS[province[0]]![1];
    const owner = r.pick(owners).name;
    const base = Math.round((baseRevenue(r) * scale) / 100_000) * 100_000;
    const trend = r.weighted([[1.12, 3], [1.03, 4], [0.9, 2], [1.25, 1]] as const);
    const churnStatus = r.weighted([['active', 87], ['at-risk', 8], ['churned', 5]] as const);
    const churnReason: ChurnReason | null =
      churnStatus === 'active' ? null : r.weighted([['customer-business', 40], ['competitor-price', 32], ['competitor-product', 8.5], ['service', 10], ['relationship', 6], ['other', 3.5]] as const);
    const revenue: SampleAccount['revenue'] = [];
    let v = base / Math.pow(trend, 4);
    for (let y = year - 4; y <= year; y++) {
      const noise = 0.9 + r.next() * 0.2;
      let amount = Math.round((v * noise) / 100) * 100;
      if (churnStatus === 'churned' && y === year) amount = Math.round(amount * 0.15);
      const ytdShare = y === year ? dayOfYear(opts.today) / 365 : 1;
      revenue.push({
        year: y,
        revenue: Math.round((amount * ytdShare) / 100) * 100,
        target: y >= year - 1 ? Math.round((amount * 1.1) / 10_000) * 10_000 : null,
        profit: Math.round((amount * (0.12 + r.next() * 0.15)) / 100) * 100,
      });
      v *= trend;
    }
    revenue.push({ year: year + 1, revenue: null, target: Math.round((v * 1.1) / 10_000) * 10_000, profit: null });
    const big = base > 5_000_000_00;
    const tierKey = base > 20_000_000_00 ? 'diamond' : base > 5_000_000_00 ? 'platinum' : base > 1_500_000_00 ? 'gold' : 'silver';
    const grade: Grade = churnStatus === 'churned' ? 'E' : r.weighted([['A', 1], ['B', 3], ['C', 4], ['D', 3], ['E', 0.5]] as const);
    const lifecycle: LifecycleStage =
      churnStatus === 'churned' ? 'exit' : churnStatus === 'at-risk' ? 'decline' : trend > 1.1 ? 'growth' : r.weighted([['maturity', 5], ['acquisition', 1], ['growth', 2]] as const);
    const n = r.int(2, 10);
    const interactions: SampleAccount['interactions'] = [];
    const quiet = r.chance(0.25) ? r.int(20, 90) : 0; // some accounts went quiet: they show as overdue
    for (let i = 0; i < n; i++) {
      const kind = r.weighted([['visit', 30], ['call', 40], ['meeting', 10], ['training', 5], ['complaint', 5], ['suggestion', 4], ['care', 6]] as const);
      const date = addDays(opts.today, -(quiet + r.int(0, 150)));
      const withNext = r.chance(0.35);
      const nextDue = withNext ? addDays(date, r.int(3, 30)) : null;
      interactions.push({
        kind,
        date,
        people: T.people[kind],
        summary: T.summary[kind],
        outcome: T.outcome[kind],
        nextStep: withNext ? r.pick(T.nextStep) : '',
        nextDue,
        nextDone: nextDue !== null && nextDue < opts.today && r.chance(0.6),
      });
    }
    interactions.sort((a, b) => (a.date < b.date ? -1 : 1));
    const opps: SampleAccount['opportunities'] = [];
    for (let i = 0, k = r.int(0, 3); i < k; i++) {
      const stage = r.weighted([['contact', 2], ['design', 2], ['validation', 2], ['tendering', 1.5], ['won', 2], ['lost', 1]] as const);
      const rivals = Array.from(new Set([r.pick(RIVALS), r.pick(RIVALS)])).map((x) => (zh ? x[0] : x[1]));
      opps.push({
        name: r.pick(T.opps),
        value: Math.round((base * (0.1 + r.next() * 0.6)) / 1_000_000) * 1_000_000,
        stage,
        resultReason: stage === 'won' ? r.pick(T.won) : stage === 'lost' ? r.pick(T.lost) : '',
        bidDate: stage === 'tendering' || stage === 'validation' ? addDays(opts.today, r.int(10, 120)) : stage === 'won' || stage === 'lost' ? addDays(opts.today, -r.int(10, 300)) : null,
        rivals,
      });
    }
    const competitors = Array.from({ length: r.int(0, 2) }, () => {
      const c = r.pick(RIVALS);
      return { name: zh ? c[0] : c[1], offer: r.pick(T.offer), position: r.pick(T.position), strengths: r.pick(T.strengths), weaknesses: r.pick(T.weaknesses) };
    }).filter((c, i, all) => all.findIndex((x) => x.name === c.name) === i);
    const hasAr = r.chance(0.45);
    const team = r.chance(0.7) ? [{ person: r.pick(specialists).name, role: r.pick(T.teamRoles) }] : [];
    return {
      name,
      nameEn,
      shortName,
      parent,
      industry,
      region,
      owner,
      team,
      classification: parent ? 'regional' : big ? 'industry' : r.weighted([['regional', 2], ['potential', 1], ['industry', 1]] as const),
      strategic: big && r.chance(0.6),
      brandInfluence: r.chance(big ? 0.5 : 0.1),
      tierKey,
      lifecycle,
      dealStatus: churnStatus === 'churned' ? 'won' : r.weighted([['won', 8], ['negotiating', 1.5], ['prospect', 0.5]] as const),
      grade,
      urgency: r.weighted([['urgent', 1], ['soon', 2], ['not-urgent', 3], ['slow', 1]] as const),
      importance: big || r.chance(0.3) ? 'important' : 'normal',
      companyRevenue: Math.round((base * (20 + r.next() * 200)) / 1e8) * 1e8,
      employees: Math.round((base / 100) * (0.001 + r.next() * 0.004)) + r.int(50, 400),
      profitContribution: revenue[revenue.length - 3]!.profit ?? 0,
      shareOfWalletBp: r.int(8, 70) * 100,
      growthPotential: trend > 1.1 ? 'high' : trend < 1 ? 'low' : r.weighted([['medium', 3], ['high', 1], ['low', 1]] as const),
      costToServe: Math.round((base * (0.03 + r.next() * 0.05)) / 100) * 100,
      churnStatus,
      churnReason,
      churnNote: churnReason ? T.churnNote[churnReason] : null,
      churnedOn: churnStatus === 'churned' ? addDays(opts.today, -r.int(20, 200)) : null,
      receivableOutstanding: hasAr ? Math.round((base * (0.05 + r.next() * 0.3)) / 1_000_00) * 1_000_00 : null,
      receivableDaysOverdue: hasAr ? r.weighted([[0, 4], [r.int(1, 30), 3], [r.int(31, 60), 2], [r.int(61, 90), 1], [r.int(91, 240), 1]] as const) : null,
      paymentTerms: r.pick(T.terms),
      notes: big ? T.notes : '',
      revenue,
      satisfaction: [0, 1, 2].map((k) => ({ date: addDays(opts.today, -(k * 180 + r.int(0, 30))), score: r.int(churnStatus === 'active' ? 70 : 45, 96), source: T.survey })),
      competitors,
      interactions,
      opportunities: opps,
    };
  };

  // Group customers first: a head office and a few provincial subsidiaries each.
  const groupCount = Math.min(GROUPS.length, Math.max(1, Math.floor(opts.accounts / 10)));
  for (let g = 0; g < groupCount && accounts.length < opts.accounts; g++) {
    const grp = GROUPS[g]!;
    const head = zh ? grp.zh : grp.en;
    const hq = PROVINCES[g % PROVINCES.length]!;
    add(makeAccount(head, zh ? grp.en : null, null, grp.industry, hq, null, 6));
    const subs = Math.min(r.int(2, 4), opts.accounts - accounts.length);
    for (let s = 0, tries = 0; s < subs && tries < 50; tries++) {
      const p = r.pick(PROVINCES);
      const zhName = grp.zh + fill(grp.sub[0], { p: p[0] });
      const enName = `${grp.en} ${fill(grp.sub[1], { P: p[1] })}`;
      const name = zh ? zhName : enName;
      if (usedNames.has(name)) continue;
      add(makeAccount(name, zh ? enName : null, null, grp.industry, p, head, 2));
      s++;
    }
  }
  const industryKeys = Object.keys(TEMPLATES);
  for (let tries = 0; accounts.length < opts.accounts && tries < opts.accounts * 50; tries++) {
    const ind = r.pick(industryKeys);
    const [zp, ep] = r.pick(TEMPLATES[ind]!);
    const p = r.pick(PROVINCES);
    const c = r.pick(CITIES);
    const b = r.pick(BRANDS);
    const vars = { p: p[0], P: p[1], c: c[0], C: c[1], b: b[0], B: b[1] };
    let zhName = fill(zp, vars);
    let enName = fill(ep, vars);
    if (usedNames.has(zh ? zhName : enName)) {
      if (tries < opts.accounts * 5) continue;
      // Large workspaces run out of natural names: number the branches.
      const n = accounts.length + 1;
      zhName = `${zhName}（${n}）`;
      enName = `${enName} (${n})`;
    }
    const short = zp.includes('{b}') ? (zh ? b[0] : b[1]) : null;
    add(makeAccount(zh ? zhName : enName, zh ? enName : null, short, ind, p, null, 1));
  }
  churnAndLosses(accounts, T, opts.today, (opts.seed ?? 20261124) + 16);
  overloadOne(owners, accounts);
  return { people, accounts };
}

/**
 * The churn record and the loss-making tail (issue 16), so the churn analysis and the profit Pareto
 * have something to find: about a tenth of the accounts churned across reasons and industries this
 * year and last, and a tail of small accounts served at a loss. Drawn from their own random stream
 * and only among small stand-alone accounts, so the rest of the sample (the large accounts with
 * plans and maps, the at-risk ones) is what it was.
 */
function churnAndLosses(accounts: SampleAccount[], T: (typeof TEXT)[Locale], today: string, seed: number): void {
  const r = rng(seed);
  const year = Number(today.slice(0, 4));
  const heads = new Set(accounts.map((a) => a.parent).filter((x): x is string => x !== null));
  const small = accounts.filter((a) => a.parent === null && !heads.has(a.name) && a.churnStatus === 'active' && (a.tierKey === 'silver' || a.tierKey === 'gold'));
  for (let i = small.length - 1; i > 0; i--) {
    const j = r.int(0, i);
    [small[i], small[j]] = [small[j]!, small[i]!];
  }
  const churnN = Math.min(Math.floor(small.length / 2), Math.max(4, Math.round(accounts.length * 0.15)));
  const reasons: ChurnReason[] = ['customer-business', 'competitor-price', 'customer-business', 'competitor-product', 'competitor-price', 'service', 'customer-business', 'relationship'];
  const doy = dayOfYear(today);
  small.slice(0, churnN).forEach((a, i) => {
    const reason = reasons[i % reasons.length]!;
    // Alternately this year (before today) and last year, spread over the year's quarters.
    const k = Math.floor(i / 2);
    const per = Math.ceil(churnN / 2);
    const churnedOn =
      i % 2 === 0 && doy > 2 ? addDays(today, -Math.max(1, Math.round(((k + 0.5) / per) * (doy - 1)))) : addDays(`${year - 1}-01-01`, Math.round(((k + 0.3) / per) * 364) + r.int(0, 20));
    const churnYear = Number(churnedOn.slice(0, 4));
    const kept = dayOfYear(churnedOn) / 365;
    for (const y of a.revenue) {
      if (y.year > churnYear) Object.assign(y, { revenue: y.year <= year ? 0 : null, target: null, profit: y.year <= year ? 0 : null });
      else if (y.year === churnYear) Object.assign(y, { revenue: Math.round(((y.revenue ?? 0) * kept) / 100) * 100, profit: Math.round(((y.profit ?? 0) * kept) / 100) * 100 });
    }
    Object.assign(a, { churnStatus: 'churned', churnReason: reason, churnNote: T.churnNote[reason], churnedOn, lifecycle: 'exit', grade: 'E', dealStatus: 'won' });
  });
  // The loss tail: a few small accounts cost more to serve than they bring; the first ones most.
  const lossN = Math.min(small.length - churnN, Math.max(3, Math.round(accounts.length * 0.12)));
  small.slice(churnN, churnN + lossN).forEach((a, i) => {
    const depth = 0.3 / (i + 1) + r.next() * 0.04;
    for (const y of a.revenue) if (y.revenue !== null && y.profit !== null) y.profit = -Math.round(((y.revenue || 0) * depth) / 100) * 100;
    const last = a.revenue.find((y) => y.year === year - 1);
    a.profitContribution = last?.profit ?? a.profitContribution;
    if (last?.revenue) a.costToServe = last.revenue - (last.profit ?? 0);
  });
}

function dayOfYear(date: string): number {
  const start = Date.UTC(Number(date.slice(0, 4)), 0, 1);
  const d = Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)));
  return Math.floor((d - start) / 86_400_000) + 1;
}
