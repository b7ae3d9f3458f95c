/** The one audience rule (shared/domain/audience.ts): the words of the internal list. */
export const audienceZhCN = {
  internal: {
    attitude: '对我方的态度',
    strength: '关系强度',
    influence: '影响力及影响线',
    'coach-veto-roles': '内线与否决者角色',
    'private-notes': '内部备注、个人与组织诉求、兴趣',
    'favoured-competitor': '倾向的竞争对手',
    'coverage-gaps': '覆盖缺口与久未联系标记',
    'internal-risks': '内部风险',
    margins: '毛利与利润',
    'wallet-share': '钱包份额',
    'competitor-analysis': '竞争对手分析',
    'swot-weaknesses-threats': 'SWOT 的劣势与威胁',
    quadrants: '象限名称与对策（定位与移动）',
    'other-customers': '其他客户的名称与数据（客户组合看板、全部客户的帕累托图）',
    'action-costs': '行动费用与投入汇总',
    health: '健康度及其原因、流失风险预警',
    churn: '流失状态',
    receivables: '应收账款',
    'marked-internal': '计划中标为"仅内部"的章节和条目',
  },
  /** The toggle on a plan section and in each item form. */
  internalOnly: '仅内部',
  internalOnlyHint: '对外版（客户版）不含此内容',
  alwaysInternal: '本章节始终仅内部：对外版不含竞争分析和投入',
  /** Between the entries of the list when it is one line (a tooltip). */
  listSeparator: '、',
  /** The analysis section's title in the customer version (no weaknesses or threats). */
  analysisCustomer: '优势与机会',
  internalTag: '仅内部',
};
