/**
 * The sample workspace's decision-making units: for its key accounts (the largest live ones by this
 * year's revenue, six at most), the buyer's organisation as a bid team would map it - top management,
 * department heads and their people in departments that fit the industry (a power company's
 * materials and O&M departments, a carrier's network and IT support, a bank's fintech and risk),
 * reporting lines with one dotted-line manager, influence lines, every buying role including coaches,
 * veto holders and a tendering agency as an outside party, mixed attitudes, strengths and owners, and
 * some contacts gone stale - so the gap list has something to say. One open opportunity gets a tender
 * map (the evaluation committee with bid roles) and a snapshot "before the tender" that differs from
 * now. Deterministic: the same workspace and day give the same people.
 */
import type { Database as Db } from 'better-sqlite3';
import { addDays } from '../../../shared/domain/dates';
import type { Attitude, BuyingRole, Influence, Level, Strength } from '../../../shared/domain/stakeholders';
import { currentMapData } from '../db/repos/map-snapshots';
import { GIVEN, INDUSTRIES, PINYIN, RIVALS, SURNAMES, rng, type Rng } from './generate';
import { writeTx } from '../db/tx';
import type { Locale } from '../../../shared/i18n';

type T2 = readonly [string, string];

interface Dept {
  name: T2;
  head: T2;
  staff: readonly T2[];
  /** What the department is to a bid: its head's and people's roles. */
  headRoles: readonly BuyingRole[];
  staffRoles: readonly BuyingRole[];
  /** The top manager (index in TOP) it reports to. */
  under: number;
}

interface Org {
  top: readonly { title: T2; roles: readonly BuyingRole[] }[];
  depts: readonly Dept[];
}

/** Top management: 0 the head, 1 the deputy over IT, 2 the finance chief, 3 the chief engineer. */
const TOP = {
  utility: [
    { title: ['董事长、总经理', 'Chairman & General Manager'], roles: ['decision-maker'] },
    { title: ['副总经理（分管数字化）', 'Deputy GM, digital'], roles: ['decision-maker', 'influencer'] },
    { title: ['总会计师', 'Chief Accountant'], roles: ['economic-buyer'] },
    { title: ['总工程师', 'Chief Engineer'], roles: ['technical-evaluator', 'veto-holder'] },
    { title: ['副总经理（分管运检）', 'Deputy GM, operations'], roles: ['influencer'] },
  ],
  telecom: [
    { title: ['总经理', 'General Manager'], roles: ['decision-maker'] },
    { title: ['副总经理（分管网络与IT）', 'Deputy GM, network & IT'], roles: ['decision-maker'] },
    { title: ['财务总监', 'Finance Director'], roles: ['economic-buyer'] },
    { title: ['首席技术官', 'Chief Technology Officer'], roles: ['technical-evaluator', 'veto-holder'] },
    { title: ['副总经理（分管政企）', 'Deputy GM, government & enterprise'], roles: ['influencer'] },
  ],
  finance: [
    { title: ['行长', 'President'], roles: ['decision-maker'] },
    { title: ['副行长（分管科技）', 'Vice President, technology'], roles: ['decision-maker', 'influencer'] },
    { title: ['计划财务部总经理', 'Head of Planning & Finance'], roles: ['economic-buyer'] },
    { title: ['首席信息官', 'Chief Information Officer'], roles: ['technical-evaluator', 'veto-holder'] },
    { title: ['副行长（分管运营）', 'Vice President, operations'], roles: ['influencer'] },
  ],
  public: [
    { title: ['主要负责人', 'Director General'], roles: ['decision-maker'] },
    { title: ['分管信息化副职', 'Deputy Director, IT'], roles: ['decision-maker', 'influencer'] },
    { title: ['财务负责人', 'Head of Finance'], roles: ['economic-buyer'] },
    { title: ['总工程师', 'Chief Engineer'], roles: ['technical-evaluator', 'veto-holder'] },
    { title: ['分管业务副职', 'Deputy Director, operations'], roles: ['influencer'] },
  ],
} as const satisfies Record<string, Org['top']>;

const DEPTS: Record<keyof typeof TOP, readonly Dept[]> = {
  utility: [
    { name: ['数字化部（信息通信中心）', 'Digital Department (ICT Centre)'], head: ['主任', 'Director'], staff: [['信息化专责', 'IT specialist'], ['网络安全专责', 'Security specialist'], ['系统运维工程师', 'Systems engineer']], headRoles: ['technical-evaluator', 'influencer'], staffRoles: ['technical-evaluator'], under: 1 },
    { name: ['物资部（招标采购中心）', 'Materials Dept (Procurement Centre)'], head: ['主任', 'Director'], staff: [['招标专责', 'Tendering specialist'], ['合同专责', 'Contracts specialist']], headRoles: ['gatekeeper'], staffRoles: ['gatekeeper'], under: 2 },
    { name: ['运维检修部', 'Operations & Maintenance'], head: ['主任', 'Director'], staff: [['运检专责', 'O&M specialist'], ['变电运维班班长', 'Substation team leader'], ['输电运检工程师', 'Transmission engineer'], ['调度员', 'Dispatcher']], headRoles: ['user', 'veto-holder'], staffRoles: ['user'], under: 4 },
    { name: ['财务资产部', 'Finance & Assets'], head: ['主任', 'Director'], staff: [['预算专责', 'Budget specialist']], headRoles: ['economic-buyer', 'influencer'], staffRoles: [], under: 2 },
    { name: ['安全监察部', 'Safety Supervision'], head: ['主任', 'Director'], staff: [['安全专责', 'Safety specialist']], headRoles: ['veto-holder'], staffRoles: ['influencer'], under: 3 },
    { name: ['营销部（客户服务中心）', 'Marketing & Customer Service'], head: ['主任', 'Director'], staff: [['营销专责', 'Marketing specialist'], ['客服班长', 'Service team leader']], headRoles: ['user'], staffRoles: ['user'], under: 4 },
    { name: ['发展策划部', 'Planning & Development'], head: ['主任', 'Director'], staff: [['规划专责', 'Planning specialist']], headRoles: ['influencer'], staffRoles: [], under: 0 },
  ],
  telecom: [
    { name: ['信息技术部（IT支撑中心）', 'IT Department (IT Support Centre)'], head: ['总经理', 'Head'], staff: [['系统架构师', 'Systems architect'], ['IT项目经理', 'IT project manager'], ['运维工程师', 'Operations engineer']], headRoles: ['technical-evaluator', 'influencer'], staffRoles: ['technical-evaluator'], under: 1 },
    { name: ['采购与物流部', 'Procurement & Logistics'], head: ['总经理', 'Head'], staff: [['采购经理', 'Purchasing manager'], ['招标主管', 'Tendering lead']], headRoles: ['gatekeeper'], staffRoles: ['gatekeeper'], under: 2 },
    { name: ['网络部', 'Network Department'], head: ['总经理', 'Head'], staff: [['传输网络主管', 'Transport network lead'], ['核心网工程师', 'Core network engineer'], ['网络优化工程师', 'Network optimisation engineer']], headRoles: ['user', 'veto-holder'], staffRoles: ['user'], under: 3 },
    { name: ['云网运营中心', 'Cloud & Network Operations'], head: ['主任', 'Director'], staff: [['值班长', 'Shift lead'], ['运营分析师', 'Operations analyst']], headRoles: ['user'], staffRoles: ['user'], under: 1 },
    { name: ['政企客户部', 'Government & Enterprise'], head: ['总经理', 'Head'], staff: [['行业经理', 'Industry manager']], headRoles: ['influencer'], staffRoles: [], under: 4 },
    { name: ['财务部', 'Finance Department'], head: ['总经理', 'Head'], staff: [['预算经理', 'Budget manager']], headRoles: ['economic-buyer'], staffRoles: [], under: 2 },
    { name: ['安全保障部', 'Security Assurance'], head: ['总经理', 'Head'], staff: [['网络安全主管', 'Cyber security lead']], headRoles: ['veto-holder'], staffRoles: ['influencer'], under: 3 },
  ],
  finance: [
    { name: ['金融科技部', 'Fintech Department'], head: ['总经理', 'Head'], staff: [['架构师', 'Architect'], ['开发主管', 'Development lead'], ['运维主管', 'Operations lead']], headRoles: ['technical-evaluator', 'influencer'], staffRoles: ['technical-evaluator'], under: 1 },
    { name: ['集中采购中心', 'Central Procurement'], head: ['主任', 'Director'], staff: [['采购经理', 'Purchasing manager']], headRoles: ['gatekeeper'], staffRoles: ['gatekeeper'], under: 2 },
    { name: ['运营管理部', 'Operations Management'], head: ['总经理', 'Head'], staff: [['运营主管', 'Operations lead'], ['柜面业务经理', 'Branch operations manager'], ['数据分析师', 'Data analyst']], headRoles: ['user'], staffRoles: ['user'], under: 4 },
    { name: ['风险管理部', 'Risk Management'], head: ['总经理', 'Head'], staff: [['风险经理', 'Risk manager']], headRoles: ['veto-holder'], staffRoles: ['influencer'], under: 3 },
    { name: ['零售银行部', 'Retail Banking'], head: ['总经理', 'Head'], staff: [['产品经理', 'Product manager'], ['渠道经理', 'Channel manager']], headRoles: ['user', 'influencer'], staffRoles: ['user'], under: 4 },
    { name: ['办公室', 'General Office'], head: ['主任', 'Director'], staff: [['秘书', 'Secretary']], headRoles: ['gatekeeper'], staffRoles: [], under: 0 },
  ],
  public: [
    { name: ['信息中心', 'Information Centre'], head: ['主任', 'Director'], staff: [['系统管理员', 'Systems administrator'], ['网络工程师', 'Network engineer'], ['数据工程师', 'Data engineer']], headRoles: ['technical-evaluator', 'influencer'], staffRoles: ['technical-evaluator'], under: 1 },
    { name: ['招标采购办公室', 'Tendering & Procurement Office'], head: ['主任', 'Director'], staff: [['采购专员', 'Procurement officer']], headRoles: ['gatekeeper'], staffRoles: ['gatekeeper'], under: 2 },
    { name: ['业务一处', 'Operations Division 1'], head: ['处长', 'Division Head'], staff: [['业务骨干', 'Senior officer'], ['科员', 'Officer'], ['窗口负责人', 'Front-desk lead']], headRoles: ['user', 'veto-holder'], staffRoles: ['user'], under: 4 },
    { name: ['业务二处', 'Operations Division 2'], head: ['处长', 'Division Head'], staff: [['业务骨干', 'Senior officer'], ['科员', 'Officer']], headRoles: ['user'], staffRoles: ['user'], under: 4 },
    { name: ['财务处', 'Finance Division'], head: ['处长', 'Division Head'], staff: [['会计', 'Accountant']], headRoles: ['economic-buyer'], staffRoles: [], under: 2 },
    { name: ['办公室', 'General Office'], head: ['主任', 'Director'], staff: [['综合科长', 'Office manager']], headRoles: ['influencer'], staffRoles: [], under: 0 },
    { name: ['审计处', 'Audit Division'], head: ['处长', 'Division Head'], staff: [['审计员', 'Auditor']], headRoles: ['veto-holder'], staffRoles: [], under: 3 },
  ],
};

const KIND_OF_INDUSTRY: Record<string, keyof typeof TOP> = {
  energy: 'utility',
  transport: 'utility',
  manufacturing: 'utility',
  telecom: 'telecom',
  finance: 'finance',
  retail: 'finance',
  government: 'public',
  education: 'public',
  healthcare: 'public',
};

const WORDS = {
  'zh-CN': {
    agency: ['华信招标代理有限公司', '项目经理'],
    expert: ['省电力设计院', '评标专家'],
    deputy: '副',
    orgWins: ['供电可靠性与考核指标', '降本增效，年度预算不超支', '国产化替代按期完成', '系统安全稳定，零重大事故', '业务上线快，群众满意'],
    personalWins: ['年底考核和晋升', '在集团内树立标杆', '少担风险，不出问题', '技术上有话语权', '工作量减轻'],
    interests: ['羽毛球', '钓鱼', '书法', '马拉松', '茶', '摄影'],
    notes: ['对价格敏感，倾向分期付款。', '与对手高层关系密切，需谨慎。', '关注国产化和信创适配。', '上次交流时对我方方案提出三点疑问。', '刚调任，尚未建立关系。'],
    tender: '评标委员会',
    snapshot: '投标前',
    openOpp: '智慧园区一期',
  },
  en: {
    agency: ['Huaxin Tendering Agency Co., Ltd.', 'Project Manager'],
    expert: ['Provincial Power Design Institute', 'Evaluation expert'],
    deputy: 'Deputy ',
    orgWins: ['Reliability and the KPIs they are measured on', 'Lower cost, stay within the annual budget', 'Domestic replacement on schedule', 'Stable, secure systems with no major incident', 'Fast go-live, satisfied citizens'],
    personalWins: ['Year-end review and promotion', 'A flagship project in the group', 'Less risk, no surprises', 'Technical authority', 'Less workload'],
    interests: ['Badminton', 'Fishing', 'Calligraphy', 'Marathons', 'Tea', 'Photography'],
    notes: ['Price sensitive; prefers staged payment.', 'Close to a rival\'s management; be careful.', 'Cares about domestic technology certification.', 'Raised three questions about our solution last time.', 'Newly appointed; no relationship yet.'],
    tender: 'Evaluation committee',
    snapshot: 'Before the tender',
    openOpp: 'Smart campus phase 1',
  },
} as const;

interface Person {
  id: number;
  name: string;
  title: string;
  level: Level | null;
  roles: BuyingRole[];
  influence: Influence;
  kind: 'top' | 'head' | 'deputy' | 'staff' | 'outside';
  deptIndex: number | null;
}

/** How many key accounts get a map. */
export const SAMPLE_MAPS = 6;

export function sampleStakeholders(db: Db, locale: Locale, today: string, now: Date): { accounts: number; people: number } {
  const zh = locale === 'zh-CN';
  const W = WORDS[locale];
  const year = Number(today.slice(0, 4));
  const industryKey = new Map<string, string>();
  for (const [k, [z, e]] of Object.entries(INDUSTRIES)) {
    industryKey.set(z, k);
    industryKey.set(e, k);
  }
  const accounts = db
    .prepare(
      `SELECT a.id, a.name, a.industry, a.owner_id AS ownerId FROM accounts a
       LEFT JOIN account_revenue r ON r.account_id = a.id AND r.year = ?
       WHERE a.deleted_at IS NULL AND a.churn_status <> 'churned'
       ORDER BY coalesce(r.revenue, 0) DESC, a.id LIMIT ?`,
    )
    .all(year, SAMPLE_MAPS) as { id: number; name: string; industry: string | null; ownerId: number | null }[];
  const ts = now.toISOString();
  const insert = db.prepare(
    `INSERT INTO stakeholders (account_id, name, title, department, level, roles, influence, attitude, strength, owner_id, last_contact_set,
       favours_competitor, org_wins, personal_wins, interests, notes, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const line = db.prepare('INSERT INTO stakeholder_lines (account_id, kind, from_id, to_id, dotted, strength, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)');
  const team = db.prepare('SELECT person_id FROM account_team WHERE account_id = ? ORDER BY person_id').pluck();
  const managers = db.prepare("SELECT id FROM people WHERE role = 'manager' ORDER BY id").pluck().all() as number[];
  let total = 0;
  const tender = tenderTarget(db, accounts.map((a) => a.id));
  // One account has nobody coaching us (its gap list says so); never the one with the tender map.
  const coachless = accounts.length >= 3 ? accounts.findIndex((a, i) => i > 0 && a.id !== tender?.accountId) : -1;

  writeTx(db, () => {
    accounts.forEach((acct, k) => {
      const r = rng(9_173 + k * 101);
      const kind = KIND_OF_INDUSTRY[industryKey.get(acct.industry ?? '') ?? ''] ?? 'public';
      const used = new Set<string>();
      const name = () => personName(r, locale, used);
      const ours = [acct.ownerId, ...(team.all(acct.id) as number[]), ...managers.slice(0, 2)].filter((x): x is number => x !== null);
      const people: Person[] = [];
      const add = (p: Omit<Person, 'id'>, extra: { dept: string }) => {
        const key = p.roles.some((x) => x === 'decision-maker' || x === 'economic-buyer' || x === 'veto-holder') || p.influence === 'high';
        const attitude: Attitude | null = r.chance(0.12) ? null : (r.weighted([[-2, 1], [-1, 2], [0, 4], [1, 4], [2, 2]] as const) as Attitude);
        const coach = p.roles.includes('coach');
        const strength: Strength = coach
          ? r.pick(['trusted', 'advocate'] as const)
          : r.weighted([['none', p.kind === 'staff' ? 4 : 2], ['acquainted', 4], ['friendly', 3], ['trusted', 1.5], ['advocate', 0.5]] as const);
        // Key people usually have an owner on our side; some do not (that is a gap to find).
        const owner = ours.length > 0 && (key ? r.chance(0.7) : r.chance(0.45)) ? r.pick(ours) : null;
        // Some contacts are recent, some gone stale, some never recorded.
        const last = r.chance(0.7) ? addDays(today, -r.weighted([[r.int(3, 30), 5], [r.int(31, 60), 2], [r.int(61, 200), 3]] as const)) : null;
        const rival = attitude !== null && attitude < 0 && r.chance(0.6) ? (zh ? r.pick(RIVALS)[0] : r.pick(RIVALS)[1]) : '';
        const rich = p.kind === 'top' || p.kind === 'head';
        const id = Number(
          insert.run(
            acct.id, p.name, p.title, extra.dept, p.level, JSON.stringify(p.roles), p.influence, attitude, strength, owner, last, rival,
            rich ? r.pick(W.orgWins) : '', rich ? r.pick(W.personalWins) : '', r.chance(0.3) ? r.pick(W.interests) : '', r.chance(0.2) ? r.pick(W.notes) : '', ts, ts,
          ).lastInsertRowid,
        );
        const person = { ...p, id };
        people.push(person);
        return person;
      };
      const reports = (from: Person, to: Person, dotted = false) => line.run(acct.id, 'reports', from.id, to.id, dotted ? 1 : 0, 2, ts);
      const influence = (from: Person, to: Person, strength: number) => line.run(acct.id, 'influence', from.id, to.id, 0, strength, ts);

      // Top management: the head and three to four more.
      const topDefs = TOP[kind].slice(0, r.int(4, 5));
      const mgmt = zh ? '公司领导' : 'Management';
      const top = topDefs.map((t, i) =>
        add({ name: name(), title: zh ? t.title[0] : t.title[1], level: 'top', roles: [...t.roles], influence: i < 2 ? 'high' : r.pick(['high', 'medium'] as const), kind: 'top', deptIndex: null }, { dept: mgmt }),
      );
      for (const t of top.slice(1)) reports(t, top[0]!);

      // Departments: heads (middle), a deputy in the larger ones, their people (base).
      const target = r.int(15, 60);
      const depts = DEPTS[kind];
      const heads: Person[] = [];
      const staff: Person[] = [];
      depts.forEach((d, di) => {
        const dept = zh ? d.name[0] : d.name[1];
        const head = add({ name: name(), title: zh ? d.head[0] : d.head[1], level: 'middle', roles: [...d.headRoles], influence: di < 3 ? 'high' : 'medium', kind: 'head', deptIndex: di }, { dept });
        heads.push(head);
        reports(head, top[Math.min(d.under, top.length - 1)]!);
        const room = Math.max(1, Math.round((target - 8) / depts.length));
        let boss = head;
        if (room >= 4 && target - people.length > depts.length - di + 4) {
          boss = add({ name: name(), title: `${W.deputy}${zh ? d.head[0] : d.head[1]}`, level: 'middle', roles: d.headRoles.includes('user') ? ['user'] : ['influencer'], influence: 'medium', kind: 'deputy', deptIndex: di }, { dept });
          reports(boss, head);
        }
        // Within the map's size: a place is kept for each department still to come and the outside parties.
        const left = target - people.length - (depts.length - di - 1) - 2;
        const n = Math.max(1, Math.min(room + r.int(-1, 1), 8, left));
        for (let i = 0; i < n; i++) {
          const t = d.staff[i % d.staff.length]!;
          const s = add({ name: name(), title: zh ? t[0] : t[1], level: 'base', roles: [...d.staffRoles], influence: r.chance(0.2) ? 'medium' : 'low', kind: 'staff', deptIndex: di }, { dept });
          staff.push(s);
          reports(s, i % 2 === 0 ? head : boss);
        }
      });

      // Coaches: a base-level engineer in the IT department, and (larger maps) a head - except in
      // one account, whose gap list then says that nobody coaches us.
      if (k !== coachless) {
        const inIt = staff.filter((s) => s.deptIndex === 0);
        const coach = inIt[inIt.length - 1] ?? staff[0];
        if (coach) makeCoach(db, coach, 'advocate');
        if (people.length > 35 && heads[5]) makeCoach(db, heads[5], 'trusted');
      }

      // The IT head also reports (dotted) to the chief engineer.
      if (heads[0] && top[3]) reports(heads[0], top[3], true);

      // Outside parties: the tendering agency, and an external expert on larger maps.
      const agency = add(
        { name: name(), title: W.agency[1], level: null, roles: ['outside-party'], influence: 'medium', kind: 'outside', deptIndex: null },
        { dept: W.agency[0] },
      );
      if (heads[1]) influence(agency, heads[1], 2);
      if (people.length > 25) {
        const expert = add(
          { name: name(), title: W.expert[1], level: null, roles: ['outside-party', 'technical-evaluator'], influence: 'high', kind: 'outside', deptIndex: null },
          { dept: W.expert[0] },
        );
        if (top[3]) influence(expert, top[3], 3);
      }

      // Who listens to whom.
      if (top[3]) influence(top[3], top[0]!, 3);
      if (heads[0] && top[1]) influence(heads[0], top[1], 3);
      if (heads[2] && top[3]) influence(heads[2], top[3], 2);
      for (const s of staff.filter((x) => x.roles.includes('coach'))) if (heads[0]) influence(s, heads[0], 2);
      if (staff[0] && heads[2]) influence(staff[0], heads[2], 1);

      total += people.length;
      nameThemInInteractions(db, acct.id, people, locale);
    });

    if (tender) {
      const tenderId = tenderMap(db, tender, locale, today, ts);
      snapshotBeforeTender(db, tender.accountId, tenderId, locale, today);
    }
  });
  return { accounts: accounts.length, people: total };
}

/** A coach is on our side and close to us. */
function makeCoach(db: Db, p: Person, strength: Strength): void {
  p.roles = [...new Set<BuyingRole>([...p.roles, 'coach'])];
  db.prepare('UPDATE stakeholders SET roles = ?, attitude = 2, strength = ? WHERE id = ?').run(JSON.stringify(p.roles), strength, p.id);
}

function personName(r: Rng, locale: Locale, used: Set<string>): string {
  for (let i = 0; i < 2000; i++) {
    const s = r.pick(SURNAMES);
    const g = r.pick(GIVEN);
    const name = locale === 'zh-CN' ? s + g : `${PINYIN[g]} ${PINYIN[s]}`;
    if (!used.has(name)) {
      used.add(name);
      return name;
    }
  }
  const n = `${locale === 'zh-CN' ? '人员' : 'Person'} ${used.size + 1}`;
  used.add(n);
  return n;
}

/** The account's two latest interactions name people of the map, so their last contact shows it. */
function nameThemInInteractions(db: Db, accountId: number, people: Person[], locale: Locale): void {
  const latest = db.prepare('SELECT id FROM interactions WHERE account_id = ? ORDER BY date DESC, id DESC LIMIT 2').pluck().all(accountId) as number[];
  const heads = people.filter((p) => p.kind === 'head');
  const sep = locale === 'zh-CN' ? '、' : ', ';
  const set = db.prepare('UPDATE interactions SET people = ? WHERE id = ?');
  latest.forEach((id, i) => {
    const named = [heads[i * 2], heads[i * 2 + 1]].filter((p): p is Person => !!p);
    if (named.length > 0) set.run(named.map((p) => (locale === 'zh-CN' ? `${p.name}（${p.title}）` : `${p.name} (${p.title})`)).join(sep), id);
  });
}

/** The open opportunity of a mapped account that gets the tender map (tendering first); else the first account gets one. */
function tenderTarget(db: Db, accountIds: number[]): { accountId: number; opportunityId: number | null } | null {
  if (accountIds.length === 0) return null;
  const open = db
    .prepare(
      `SELECT id, account_id AS accountId FROM opportunities WHERE account_id IN (SELECT value FROM json_each(?)) AND stage IN ('tendering','validation','design','contact')
       ORDER BY CASE stage WHEN 'tendering' THEN 0 WHEN 'validation' THEN 1 WHEN 'design' THEN 2 ELSE 3 END, id LIMIT 1`,
    )
    .get(JSON.stringify(accountIds)) as { id: number; accountId: number } | undefined;
  return open ? { accountId: open.accountId, opportunityId: open.id } : { accountId: accountIds[0]!, opportunityId: null };
}

/** The tender's evaluation committee with bid roles (the opportunity is made when the account has no open one). */
function tenderMap(db: Db, target: { accountId: number; opportunityId: number | null }, locale: Locale, today: string, ts: string): number {
  const accountId = target.accountId;
  let tenderId: number;
  if (target.opportunityId !== null) {
    tenderId = target.opportunityId;
  } else {
    const owner = db.prepare('SELECT owner_id FROM accounts WHERE id = ?').pluck().get(accountId) as number | null;
    tenderId = Number(
      db
        .prepare("INSERT INTO opportunities (account_id, name, value, stage, bid_date, rivals, owner_id, created_at, updated_at) VALUES (?, ?, ?, 'tendering', ?, ?, ?, ?, ?)")
        .run(accountId, WORDS[locale].openOpp, 8_000_000_00, addDays(today, 30), JSON.stringify([locale === 'zh-CN' ? RIVALS[0]![0] : RIVALS[0]![1]]), owner, ts, ts).lastInsertRowid,
    );
  }
  const people = db.prepare('SELECT id, roles, level, department FROM stakeholders WHERE account_id = ? AND deleted_at IS NULL ORDER BY id').all(accountId) as {
    id: number;
    roles: string;
    level: Level | null;
  }[];
  const has = (p: { roles: string }, role: BuyingRole) => (JSON.parse(p.roles) as string[]).includes(role);
  const members = new Map<number, BuyingRole[]>();
  const pick = (pred: (p: (typeof people)[number]) => boolean, roles: BuyingRole[], n = 1) => {
    for (const p of people.filter((x) => !members.has(x.id) && pred(x)).slice(0, n)) members.set(p.id, roles);
  };
  pick((p) => has(p, 'coach'), []);
  pick((p) => has(p, 'decision-maker') && p.level === 'top', ['decision-maker']);
  pick((p) => has(p, 'economic-buyer') && p.level === 'top', ['economic-buyer']);
  pick((p) => has(p, 'veto-holder') && p.level === 'top', ['technical-evaluator', 'veto-holder']);
  pick((p) => has(p, 'technical-evaluator') && p.level === 'middle', ['technical-evaluator']);
  pick((p) => has(p, 'user') && p.level === 'middle', ['user', 'veto-holder']);
  pick((p) => has(p, 'gatekeeper'), ['gatekeeper'], 2);
  pick((p) => has(p, 'technical-evaluator') && p.level === 'base', ['technical-evaluator'], 2);
  pick((p) => has(p, 'outside-party'), ['outside-party', 'technical-evaluator'], 2);
  const ins = db.prepare('INSERT INTO tender_members (opportunity_id, stakeholder_id, roles) VALUES (?, ?, ?)');
  for (const [id, roles] of members) ins.run(tenderId, id, JSON.stringify(roles));
  return tenderId;
}

/**
 * "Before the tender": the committee a month ago - one evaluator not yet on it, the finance head
 * still on it, the chief engineer sceptical and procurement barely known - so comparing it with
 * now shows what the bid team achieved.
 */
function snapshotBeforeTender(db: Db, accountId: number, tenderId: number, locale: Locale, today: string): void {
  const takenOn = addDays(today, -30);
  // Since then the bid team won the chief engineer over and got to know procurement.
  const now0 = currentMapData(db, accountId, tenderId, today);
  const vetoId = now0.members.find((m) => m.level === 'top' && m.roles.includes('veto-holder'))?.id;
  const gateId = now0.members.find((m) => m.roles.includes('gatekeeper'))?.id;
  if (vetoId !== undefined) db.prepare('UPDATE stakeholders SET attitude = 1 WHERE id = ?').run(vetoId);
  if (gateId !== undefined) db.prepare("UPDATE stakeholders SET strength = 'friendly' WHERE id = ?").run(gateId);
  const data = currentMapData(db, accountId, tenderId, today);
  for (const m of data.members) {
    if (m.id === vetoId) m.attitude = -1;
    if (m.id === gateId) m.strength = 'acquainted';
  }
  const newcomer = [...data.members].reverse().find((m) => m.level === 'base');
  if (newcomer) {
    data.members = data.members.filter((m) => m !== newcomer);
    data.lines = data.lines.filter((l) => l.fromId !== newcomer.id && l.toId !== newcomer.id);
  }
  const ids = new Set(data.members.map((m) => m.id));
  // A department head who sat on the committee then and has left it since.
  const middle = db
    .prepare("SELECT id, name, title, department, level, roles FROM stakeholders WHERE account_id = ? AND deleted_at IS NULL AND level = 'middle' ORDER BY id")
    .all(accountId) as { id: number; name: string; title: string; department: string; level: Level; roles: string }[];
  const candidates = middle.filter((g) => !ids.has(g.id));
  const left = candidates.find((g) => g.roles.includes('economic-buyer')) ?? candidates[0];
  if (left) {
    const { roles: _roles, ...who } = left;
    data.members.push({ ...who, roles: ['economic-buyer'], influence: 'medium', attitude: 0, strength: 'none', ownerId: null, ownerName: null, x: null, y: null });
  }
  db.prepare('INSERT INTO map_snapshots (account_id, opportunity_id, label, taken_on, data, created_at) VALUES (?, ?, ?, ?, ?, ?)').run(
    accountId,
    tenderId,
    WORDS[locale].snapshot,
    takenOn,
    JSON.stringify(data),
    `${takenOn}T09:00:00.000Z`,
  );
}
