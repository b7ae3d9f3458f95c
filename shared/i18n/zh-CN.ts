/**
 * The reference catalogue (zh-CN). Every other locale has exactly these keys (see en.ts).
 * Interpolation uses i18next's `{{name}}`. No plural forms: counts are written as "客户数:{{n}}".
 */
import { healthZhCN } from './areas/health.zh-CN';
import { capacityZhCN } from './areas/capacity.zh-CN';
import { cliZhCN } from './areas/cli.zh-CN';
import { accountsBinZhCN } from './areas/accounts-bin.zh-CN';
import { audienceZhCN } from './areas/audience.zh-CN';
import { accountsZhCN } from './areas/accounts.zh-CN';
import { planDocZhCN } from './areas/plan-doc.zh-CN';
import { forumDocZhCN } from './areas/forum-doc.zh-CN';
import { boardZhCN } from './areas/board.zh-CN';
import { mapperZhCN } from './areas/mapper.zh-CN';
import { planEditorZhCN } from './areas/plans.zh-CN';
import { dmuZhCN } from './areas/dmu.zh-CN';
import { domainZhCN } from './areas/domain.zh-CN';
import { importerZhCN } from './areas/importer.zh-CN';
import { portfolioZhCN } from './areas/portfolio.zh-CN';
import { churnZhCN, profitZhCN } from './areas/churn.zh-CN';
import { settingsAccountsZhCN } from './areas/settings-accounts.zh-CN';
import { todayZhCN } from './areas/today.zh-CN';

export const zhCN = {
  /** The domain's vocabulary: enum labels, account fields, import errors. */
  domain: domainZhCN,
  /** Service capacity (鸡头凤尾). */
  capacity: capacityZhCN,
  today: todayZhCN,
  /** Account health and early warning. */
  health: healthZhCN,
  portfolio: portfolioZhCN,
  /** Churn analysis and the profit Pareto on the portfolio page. */
  churn: churnZhCN,
  profit: profitZhCN,
  importer: importerZhCN,
  /** The quadrant board and its printed page. */
  board: boardZhCN,
  /** The stakeholder map's vocabulary and printed map. */
  dmu: dmuZhCN,
  /** The stakeholder mapper screen. */
  mapper: mapperZhCN,
  /** The printed annual account plan (plan-export). */
  planDoc: planDocZhCN,
  forumDoc: forumDocZhCN,
  /** The annual plan screens: the list of plans and the plan editor. */
  planEditor: planEditorZhCN,
  /** The command line's words (--locale). */
  cli: cliZhCN,
  audience: audienceZhCN,
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
    capacity: '服务能力',
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
    datePlaceholder: '如 2026-05-01',
    invalidDate: '请输入日期，如 2026-05-01（也可写 2026/5/1 或 2026年5月1日）。',
    pickDate: '从日历选择{{field}}',
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
  /** The accounts' recycle bin, bulk edit and column chooser. */
  accountsBin: accountsBinZhCN,
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
    lead: '为年度客户座谈会准备演示材料：客户组合、收入集中度，以及每个客户的回顾、目标、关键行动和决策链。可全屏演示，也可导出 16:9 PDF。',
    year: '年度',
    accounts: '客户',
    accountsHint: '已选 {{n}} 个（最多 {{max}} 个）',
    selectDefaults: '恢复默认',
    selectNone: '全部取消',
    hasPlan: '有计划',
    safe: '对外版（只含受邀客户；无客户组合看板、帕累托图及内部清单上的内容）',
    present: '开始演示',
    exportPdf: '导出 PDF',
    exporting: '正在导出…',
    progress: '{{stage}} {{done}} / {{total}}',
    cancel: '取消导出',
    cancelled: '导出已取消。',
    exported: '已导出 {{file}}',
    noneChosen: '请至少选择一个客户。',
    tooMany: '最多选择 {{max}} 个客户。',
    emptyTitle: '还没有客户',
    emptyBody: '先导入客户或载入示例数据，再来准备座谈会材料。',
    slideOf: '第 {{n}} / {{total}} 页',
    leave: '退出演示（Esc）',
    previous: '上一页',
    next: '下一页',
    presentation: '座谈会演示',
    loading: '正在准备演示…',
  },
  settings: {
    title: '设置',
    lead: '界面语言、我是谁、客户分级与服务标准、跟进节奏、我方团队，以及数据库文件和备份。',
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
        automatic: '每日自动备份',
        manual: '手动备份',
        'before-restore': '恢复前自动保存',
        other: '备份文件',
      },
      unverified: '未核验',
      unverifiedHint: '文件名与这个数据库一致，但文件里没有记录它来自哪个数据库（由旧版 Keyplan 写入，或这个数据库无法打开以便核对）。',
      saveTitle: '保存数据库备份',
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
      'not-keyplan': '这个文件不是 Keyplan 数据库',
    },
    body: {
      corrupt: 'Keyplan 检查数据库时发现文件内容已损坏，无法安全地读取。常见原因是磁盘故障、同步软件冲突，或文件被其他程序改写。',
      newer: '这个文件的数据结构版本是 {{found}}，当前应用只支持到 {{supported}}。请先更新 Keyplan 再打开它；在此之前，你可以先使用另一个文件。',
      unreadable: 'Keyplan 无法读取这个文件：可能没有访问权限、文件正被其他程序占用，或者它不是 Keyplan 数据库。',
      'not-keyplan': '这个文件是空的，或者属于其他程序。Keyplan 只打开自己的数据库，因此没有往这个文件里添加数据表。请打开你的 Keyplan 数据库、恢复一份备份，或新建一个数据库。',
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
  /** Why an output path cannot be written (errors.out-path-invalid's reason). */
  pathReason: {
    'no-folder': '文件夹不存在',
    'not-a-folder': '上级路径不是文件夹',
    'is-folder': '这是一个文件夹，不是文件',
    'not-a-file': '这是设备或特殊文件，不是普通文件',
    'is-database': '这是正在使用的数据库',
    'write-failed': '写入失败',
  /** Who else has the database open (errors.db-in-use, errors.db-busy). */
  },
  processKind: {
    app: 'Keyplan 桌面应用',
    preview: '浏览器预览',
    cli: '命令行',
    test: '测试进程',
    unknown: '另一个程序',
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
    'backup-not-keyplan': '这个文件不是 Keyplan 数据库（它是空的，或者属于其他程序），因此没有恢复任何内容：{{path}}',
    forbidden: '没有访问权限。请使用启动时打印的完整链接打开预览。',
    internal: '出现了意外错误，操作没有完成。请重试；如果问题持续存在，请联系技术支持。',
    'printer-unavailable': '找不到用于打印 PDF 的 Chromium 浏览器。请安装 Chromium，或设置环境变量 KEYPLAN_CHROMIUM 指向它。',
    'import-empty': '文件是空的，或者只有表头没有数据行：{{file}}',
    'import-not-table': '无法读取这个文件：{{file}}。请使用 CSV（UTF-8 或 GBK 编码）或 XLSX 格式。',
    'import-no-name': '没有找到客户名称列。请在列对应中指定哪一列是客户名称。',
    'import-no-person-name': '没有找到姓名列。请在列对应中指定哪一列是姓名。',
    'import-bad-map': '列对应有误：{{column}}',
    'import-too-large': '{{file}} 太大，无法导入（{{sizeMb}} MB，最多 {{maxMb}} MB）。请拆分成几个较小的文件。',
    'import-cell-too-long': '{{file}} 第 {{line}} 行开始的单元格或整行超过 {{maxMb}} MB。CSV 文件中多半是有一个英文引号 " 没有闭合。没有导入任何数据。',
    'import-not-a-file': '{{path}} 不是文件（而是文件夹、设备或管道）。请选择 CSV 或 XLSX 文件。',
    'sample-not-empty': '数据库中已有 {{accounts}} 个客户。示例工作区只能加载到空的数据库中。',
    'reporting-cycle': '这条汇报线会让{{name}}（经由他人）向自己汇报，请选择其他上级。',
    'map-mismatch': '这些人属于不同的客户；连线和投标图只能连接同一客户的人员。',
    'plan-exists': '该客户已有 {{year}} 年的计划，请打开该计划。',
    'capacity-stale': '自本页读取以来，您调整的客户已在别处更换了负责人（{{name}}）。未保存任何调整：数据已重新读取，请重新调整。',
    'plan-conflict': '自您打开以来，此部分已在别处被修改。内容未被覆盖：请重新加载此部分后再修改。',
    'plan-transition': '计划不能从 {{from}} 变为 {{to}}。计划依次为草稿、审核中、已批准，也可退回草稿。',
    'plan-text-too-long': '此部分内容过长（{{length}} 个字符，最多 {{max}} 个）。请精简或分到其他部分。',
    'plan-version-not-found': '此计划不存在第 {{version}} 版。',
    'db-in-use': '这个数据库正在另一个 Keyplan 进程中打开：{{kind}}（进程 {{pid}}，主机 {{host}}，自 {{since}} 起）。没有做任何改动。请先在那里关闭它，再重试。',
    'db-busy': '数据库正忙：{{kind}}（进程 {{pid}}，主机 {{host}}，自 {{since}} 起）正在写入。这次没有保存，请稍后重试。',
    'export-cancelled': '导出已取消，没有写入文件。',
    'request-too-large': '请求过大（超过 {{maxMb}} MB），预览未接收，没有任何改动。请使用较小的文件。',
    'text-control-char': '文本中含有不可见的控制字符（{{char}}）：单行字段中的换行、转义码或文字方向控制符。请删除后重试。',
    'out-path-invalid': '无法写入 {{path}}：{{reason}}。未写入任何内容。',
    'db-folder-missing': '数据库 {{path}} 所在的文件夹不存在。请检查路径；没有创建任何文件。',
    'bin-name-taken': '无法恢复“{{name}}”：现在已有另一个同名客户。请先给那个客户改名，再恢复。',
    'bin-not-in-bin': '“{{name}}”已不在回收站中：它已在另一个窗口中恢复。回收站已刷新。',
    'health-weights-sum': '健康度各项权重之和须为 100 分，当前为 {{total}} 分。',
    'health-no-warning': '该客户已没有待处理的预警（健康度已回升，或已有人处理）。',
    'board-internal-only': '客户组合看板列出其他客户及我方对其的分类判断，仅供内部使用，没有对外版。',
    'account-not-found': '没有名为“{{name}}”的客户。',
    'account-ambiguous': '“{{name}}”对应多个客户（{{names}}）；请写出准确的名称。',
    'tender-not-found': '{{account}}没有名为“{{name}}”的商机。',
    'tender-ambiguous': '{{account}}有 {{n}} 个名为“{{name}}”的商机（编号 {{ids}}）；请用 --tender 编号。',
    'fx-rates-invalid': '汇率表有误：{{currency}} 是报告币种本身或重复出现。没有保存，请修改后重试。',
    'person-inactive': '{{name}} 已停用，请选择一位在职的成员。',
  },
};
