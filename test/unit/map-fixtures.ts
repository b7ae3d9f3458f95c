/**
 * Stakeholder maps built in memory (no database) for the map export tests and the bench: a buyer's
 * organisation of any size, with a head, deputies, departments and staff, dotted lines, influence
 * lines, every role, attitude and strength, and its coverage.
 */
import type { MapMember, StakeholderMap } from '../../shared/api/stakeholders';
import { analyseCoverage } from '../../shared/domain/coverage';
import { ATTITUDES, BUYING_ROLES, type BuyingRole, type Level, type MapLine } from '../../shared/domain/stakeholders';
import { toMapPerson } from '../../electron/backend/db/repos/stakeholders/map-shape';

const SURNAMES = [...'王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文'];
const GIVEN = ['伟', '芳', '娜', '敏', '静', '丽', '强', '磊', '军', '洋', '勇', '艳', '杰', '娟', '涛', '明', '超', '秀英', '霞', '平', '刚', '桂英', '建华', '文', '晓东', '海燕', '志强', '红梅', '国庆', '雪'];
const DEPARTMENTS = ['办公室', '信息中心', '财务处', '基础教育处', '装备处', '采购中心', '电教馆', '教研室', '人事处', '规划处', '第一中学', '实验小学'];
const OWNERS = [
  { id: 1, name: '张三' },
  { id: 2, name: '李四' },
  { id: 3, name: 'Amy Chen' },
  { id: 4, name: '王五' },
];

export interface FixtureOptions {
  /** Give every member a saved position (the automatic layout's) or none. */
  positions?: boolean;
  tender?: boolean;
  accountName?: string;
  today?: string;
}

function member(id: number, accountId: number, p: Partial<MapMember>): MapMember {
  return {
    id,
    accountId,
    name: `P${id}`,
    title: '',
    department: '',
    level: null,
    roles: [],
    influence: null,
    attitude: null,
    strength: 'none',
    ownerId: null,
    ownerName: null,
    lastContactSet: null,
    lastContact: null,
    favoursCompetitor: '',
    orgWins: '',
    personalWins: '',
    interests: '',
    notes: '',
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    mapRoles: [],
    x: null,
    y: null,
    collapsed: false,
    ...p,
  };
}


/** A buyer of `n` people (n >= 1): deterministic, so tests can name who is where. */
export function orgMap(n: number, opts: FixtureOptions = {}): StakeholderMap {
  const today = opts.today ?? '2026-06-30';
  const accountId = 7;
  const deputies = Math.min(n - 1, Math.max(1, Math.round(n / 80)) + 2);
  const heads = Math.min(n - 1 - deputies, Math.max(2, Math.round(n / 14)));
  const members: MapMember[] = [];
  const lines: MapLine[] = [];
  let lineId = 1;
  const usedNames = new Set<string>();
  for (let i = 1; i <= n; i++) {
    let name = `${SURNAMES[(i * 7) % SURNAMES.length]}${GIVEN[(i * 11) % GIVEN.length]}`;
    if (usedNames.has(name)) name = `${name}${i}`;
    usedNames.add(name);
    const level: Level = i === 1 || i <= 1 + deputies ? 'top' : i <= 1 + deputies + heads ? 'middle' : 'base';
    const dept = DEPARTMENTS[i % DEPARTMENTS.length]!;
    const title = i === 1 ? '局长' : level === 'top' ? '副局长' : level === 'middle' ? '处长' : ['科员', '主任科员', '工程师', '教师'][i % 4]!;
    const roles: BuyingRole[] =
      i === 1 ? ['decision-maker'] : i === 2 ? ['economic-buyer'] : i === 3 ? ['veto-holder', 'technical-evaluator'] : [BUYING_ROLES[i % BUYING_ROLES.length]!];
    const owner = i % 5 === 0 ? null : OWNERS[i % OWNERS.length]!;
    members.push(
      member(i, accountId, {
        name,
        title,
        department: dept,
        level,
        roles,
        mapRoles: roles,
        influence: level === 'top' ? 'high' : (['high', 'medium', 'low', null] as const)[i % 4]!,
        attitude: i === 1 ? 0 : i === 2 ? 2 : ([...ATTITUDES, null] as const)[i % 6]!,
        strength: (['none', 'acquainted', 'friendly', 'trusted', 'advocate'] as const)[i % 5]!,
        ownerId: owner?.id ?? null,
        ownerName: owner?.name ?? null,
        lastContact: i % 3 === 0 ? null : i % 3 === 1 ? '2026-06-10' : '2026-01-15',
        lastContactSet: null,
        favoursCompetitor: i % 9 === 4 ? '华为' : '',
        personalWins: i % 4 === 0 ? '希望年内晋升' : '',
        notes: i % 6 === 0 ? '私下说过更倾向对手的方案' : '',
      }),
    );
    if (i === 1) continue;
    const manager = i <= 1 + deputies ? 1 : i <= 1 + deputies + heads ? 2 + ((i - deputies - 2) % deputies) : 2 + deputies + ((i * 7) % heads);
    lines.push({ id: lineId++, kind: 'reports', fromId: i, toId: manager, dotted: false, strength: 2 });
  }
  // a few dotted-line managers and influence lines
  for (let i = 2 + deputies + heads; i <= n; i += 17) {
    const other = 2 + ((i * 3) % deputies);
    lines.push({ id: lineId++, kind: 'reports', fromId: i, toId: other, dotted: true, strength: 2 });
  }
  for (let i = 2, k = 0; i <= n; i += 9, k++) {
    const to = 1 + ((i * 5) % Math.min(n, 1 + deputies + heads));
    if (to !== i) lines.push({ id: lineId++, kind: 'influence', fromId: i, toId: to, dotted: false, strength: ((k % 3) + 1) as 1 | 2 | 3 });
  }
  const map: StakeholderMap = {
    account: { id: accountId, name: opts.accountName ?? '河南省教育厅' },
    tender: opts.tender ? { id: 3, name: '智慧教室二期', stage: 'tendering', bidDate: '2026-12-15', people: 12 } : null,
    tenders: [{ id: 3, name: '智慧教室二期', stage: 'tendering', bidDate: '2026-12-15', people: 12 }],
    members,
    notOnMap: [],
    lines,
    coverage: analyseCoverage(members.map(toMapPerson), { today, staleDays: 60 }),
  };
  return map;
}

/** The same conversion the repository makes (a map member as the coverage rules read it). */
export { toMapPerson };
