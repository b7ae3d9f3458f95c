/**
 * The reference catalogue (zh-CN). Every other locale has exactly these keys (see en.ts).
 * Interpolation uses i18next's `{{name}}`. No plural forms: counts are written as "客户数:{{n}}".
 */
import { accountsZhCN } from './areas/accounts.zh-CN';
import { planDocZhCN } from './areas/plan-doc.zh-CN';
import { boardZhCN } from './areas/board.zh-CN';
import { mapperZhCN } from './areas/mapper.zh-CN';
import { planEditorZhCN } from './areas/plans.zh-CN';
import { dmuZhCN } from './areas/dmu.zh-CN';
import { domainZhCN } from './areas/domain.zh-CN';
import { importerZhCN } from './areas/importer.zh-CN';
import { portfolioZhCN } from './areas/portfolio.zh-CN';
import { settingsAccountsZhCN } from './areas/settings-accounts.zh-CN';
import { todayZhCN } from './areas/today.zh-CN';

export const zhCN = {
  /** The domain's vocabulary: enum labels, account fields, import errors. */
  domain: domainZhCN,
  today: todayZhCN,
  portfolio: portfolioZhCN,
  importer: importerZhCN,
  /** The quadrant board and its printed page. */
  board: boardZhCN,
  /** The stakeholder map's vocabulary and printed map. */
  dmu: dmuZhCN,
  /** The stakeholder mapper screen. */
  mapper: mapperZhCN,
  /** The printed annual account plan (plan-export). */
  planDoc: planDocZhCN,
  /** The annual plan screens: the list of plans and the plan editor. */
  planEditor: planEditorZhCN,
  app: {
    name: 'Keyplan',
    product: '大客户规划工作台',
    fullName: 'Keyplan 大客户规划工作台',
    pageTitle: '{{page}} · Keyplan 大客户规划工作台',
    skipToContent: '跳到主要内容',
    loading: '正在打开工作台…',
    currentDatabase: '当前数据库',
  },
  nav: {
    label: '主导航',
    accounts: '客户',
    today: '今日跟进',
    portfolio: '组合分析',
    import: '导入客户',
    board: '象限看板',
    stakeholders: '决策链图谱',
    plans: '年度计划',
    forum: '客户座谈会',
    settings: '设置',
  },
  common: {
    cancel: '取消',
    save: '保存',
    close: '关闭',
    retry: '重试',
    dismiss: '关闭提示',
    working: '正在处理…',
    notifications: '通知',
  },
  format: {
    bytes: '{{value}} B',
    kilobytes: '{{value}} KB',
    megabytes: '{{value}} MB',
  },
  language: {
    legend: '界面语言',
    hint: '默认跟随系统语言。你的选择会被记住，下次打开时沿用。',
    'zh-CN': '简体中文',
    en: 'English',
  },
  accounts: accountsZhCN,
  nextStep: {
    title: '下一步',
    noAccounts: '这里的一切都围绕你的客户展开。请先建立客户名单。',
    addAccounts: '先添加客户',
    haveAccounts: '客户名单中已有 {{n}} 个客户。名单越完整，这里的判断越可靠。',
    reviewAccounts: '查看客户名单',
  },
  stakeholders: {
    title: '决策链图谱',
    lead: '为每个客户画出采购决策链：谁拍板、谁掌握预算、谁有否决权、谁是内线；每个人对我们的态度，以及我方由谁负责对接。',
    pointsTitle: '图谱帮你回答',
    points: {
      levels: '高层、中层和基层是否都覆盖到了？只盯高层是常见的失误，基层用户决定产品是否被用、是否复购。',
      lines: '谁向谁汇报，谁又听谁的？正式汇报线和非正式影响力分开标注。',
      gaps: '缺口在哪里？中立或反对的决策者、没有我方对接人或久未联系的关键人，都会被标出来。',
    },
    rolesTitle: '要识别的角色',
    rolesLead: '一个人可以同时担任几个角色。',
  },
  plans: {
    title: '年度计划',
    lead: '为每个战略客户制定年度客户计划：回顾去年、分析竞争与机会、设定按季度分解的目标，并安排行动、资源和风险应对。计划可以导出为适合打印和呈报的 PDF。',
    pointsTitle: '一份计划包括',
    points: {
      sections: '从客户概况、去年回顾、竞争分析到行动计划和风险的 12 个章节。',
      targets: '收入、增长、份额、毛利和满意度目标，按季度分解，年中对照实际复盘。',
      workflow: '草稿 → 审核中 → 已批准；明年的计划在今年的基础上延续。',
    },
    outline: {
      title: '计划目录',
      overview: '客户概况',
      review: '去年回顾',
      competitors: '竞争对手',
      analysis: '机会与威胁、优势与劣势',
      objectives: '愿景与年度目标',
      strategy: '策略与方案',
      dmu: '决策链与关系计划',
      team: '客户团队',
      actions: '行动计划',
      resources: '资源投入与回报',
      risks: '风险',
      measures: '衡量指标与季度复盘',
    },
  },
  forum: {
    title: '客户座谈会',
    lead: '每年一次，公司高层与大客户面对面座谈。这里为座谈会准备一份可直接演示和打印的材料：客户回顾、客户组合和明年的计划。',
    pointsTitle: '材料包括',
    points: {
      review: '客户回顾：收入和毛利与目标的对比，赢单和丢单的原因，满意度。',
      portfolio: '客户组合：各象限的客户分布，今年的变化及原因。',
      plan: '明年计划：目标、重点行动，以及需要双方高层支持的事项。',
    },
    deck: {
      title: '材料结构',
      cover: '封面与议程',
      review: '客户回顾',
      portfolio: '客户组合',
      plan: '明年计划',
    },
  },
  settings: {
    title: '设置',
    lead: '界面语言、客户分级与服务标准、跟进节奏、我方团队，以及数据库文件和备份。',
    ...settingsAccountsZhCN,
    language: {
      title: '语言',
    },
    database: {
      title: '数据库',
      lead: '你的全部数据保存在这台电脑上的一个文件里。Keyplan 每天自动备份一次，保留最近 14 份每日备份。',
      path: '文件位置',
      schema: '数据结构版本',
      schemaValue: '{{version}}（本应用支持到 {{supported}}）',
      backupNow: '立即备份',
      backedUp: '已备份：{{file}}',
      backupsTitle: '备份',
      backupsEmpty: '还没有备份。点“立即备份”创建第一份。',
      backupDate: '备份时间',
      backupKind: '类型',
      backupSize: '大小',
      backupFile: '文件名',
      kinds: {
        daily: '每日自动备份',
        manual: '手动备份',
        beforeRestore: '恢复前自动保存',
        other: '备份文件',
      },
      restore: '恢复此备份',
      restoreTitle: '恢复这份备份？',
      restoreBody: '将用 {{date}} 的备份替换当前数据库。替换之前，当前数据库会先另存为一份备份，所以不会丢失任何内容。',
      restoreConfirm: '恢复',
      restored: '已从 {{date}} 的备份恢复。',
    },
    about: {
      title: '关于',
      version: '版本',
      transport: '运行方式',
      transports: {
        electron: '桌面应用',
        web: '浏览器预览',
        cli: '命令行',
        test: '测试',
      },
    },
  },
  dbError: {
    title: {
      corrupt: '数据库文件已损坏',
      newer: '这个数据库来自更新版本的 Keyplan',
      unreadable: '无法读取数据库文件',
    },
    body: {
      corrupt: 'Keyplan 检查数据库时发现文件内容已损坏，无法安全地读取。常见原因是磁盘故障、同步软件冲突，或文件被其他程序改写。',
      newer: '这个文件的数据结构版本是 {{found}}，当前应用只支持到 {{supported}}。请先更新 Keyplan 再打开它；在此之前，你可以先使用另一个文件。',
      unreadable: 'Keyplan 无法读取这个文件：可能没有访问权限、文件正被其他程序占用，或者它不是 Keyplan 数据库。',
    },
    untouched: '文件没有被改动：Keyplan 没有写入、修复或删除它。',
    file: '文件',
    detail: '技术细节',
    optionsTitle: '你可以这样继续',
    pathEmpty: '请输入文件的完整路径。',
    restore: {
      title: '从备份恢复',
      body: '用一份完好的备份替换这个文件。当前的文件会改名后留在原文件夹中，不会被删除。',
      none: '在这个文件旁边的 backups 文件夹里没有找到备份。',
      action: '恢复',
      done: '已从 {{date}} 的备份恢复。',
    },
    open: {
      title: '打开另一个文件',
      body: '如果你有另一份 Keyplan 数据库，例如另一台电脑上的副本，输入它的完整路径。',
      label: '数据库文件路径',
      action: '打开',
      done: '已打开 {{path}}。',
    },
    create: {
      title: '在其他位置新建数据库',
      body: '从一个空白数据库开始。填写一个尚不存在的文件路径；原来的文件保持原样。',
      label: '新数据库文件路径',
      action: '新建',
      done: '已新建数据库 {{path}}。',
    },
  },
  forbidden: {
    title: '请使用完整的预览链接打开',
    body: '浏览器预览只接受启动时生成的专用链接。请回到运行 <cmd>npm run web</cmd> 的终端，打开它打印出的那一行链接，包括链接末尾的 <cmd>?token=</cmd> 部分。',
    example: '终端中的那一行类似这样：',
    sample: 'Keyplan web preview: http://127.0.0.1:5183/?token=…',
    why: '这个令牌可以防止本机上的其他网页读取你的客户数据。每次启动预览，令牌都会更换。',
  },
  startup: {
    title: '无法连接到 Keyplan',
    body: '工作台没有收到后台的回应。',
  },
  errors: {
    'invalid-args': '输入的内容不符合要求，请检查后重试。',
    'unknown-method': 'Keyplan 的界面和后台版本不一致。请重新启动应用。',
    'not-found': '要操作的记录已经不存在，可能已被删除。请刷新后重试。',
    conflict: '这个名称已经被使用，请换一个名称。',
    'db-unavailable': '数据库当前没有打开，无法完成操作。',
    'db-corrupt': '数据库文件已损坏，无法读取。',
    'db-newer': '这个数据库来自更新版本的 Keyplan，请先更新应用。',
    'db-unreadable': '无法读取数据库文件。',
    'file-not-found': '找不到文件：{{path}}',
    'file-exists': '这个位置已经有文件：{{path}}。请换一个新的文件名。',
    'backup-invalid': '这份备份无法使用：{{path}}',
    forbidden: '没有访问权限。请使用启动时打印的完整链接打开预览。',
    internal: '出现了意外错误，操作没有完成。请重试；如果问题持续存在，请联系技术支持。',
    'printer-unavailable': '找不到用于打印 PDF 的 Chromium 浏览器。请安装 Chromium，或设置环境变量 KEYPLAN_CHROMIUM 指向它。',
    'import-empty': '文件是空的，或者只有表头没有数据行：{{file}}',
    'import-not-table': '无法读取这个文件：{{file}}。请使用 CSV（UTF-8 或 GBK 编码）或 XLSX 格式。',
    'import-no-name': '没有找到客户名称列。请在列对应中指定哪一列是客户名称。',
    'import-no-person-name': '没有找到姓名列。请在列对应中指定哪一列是姓名。',
    'import-bad-map': '列对应有误：{{column}}',
    'sample-not-empty': '数据库中已有 {{accounts}} 个客户。示例工作区只能加载到空的数据库中。',
    'reporting-cycle': '这条汇报线会让{{name}}（经由他人）向自己汇报，请选择其他上级。',
    'map-mismatch': '这些人属于不同的客户；连线和投标图只能连接同一客户的人员。',
    'plan-exists': '该客户已有 {{year}} 年的计划，请打开该计划。',
    'plan-conflict': '自您打开以来，此部分已在别处被修改。内容未被覆盖：请重新加载此部分后再修改。',
    'plan-transition': '计划不能从 {{from}} 变为 {{to}}。计划依次为草稿、审核中、已批准，也可退回草稿。',
    'plan-text-too-long': '此部分内容过长（{{length}} 个字符，最多 {{max}} 个）。请精简或分到其他部分。',
    'plan-version-not-found': '此计划不存在第 {{version}} 版。',
  },
};
