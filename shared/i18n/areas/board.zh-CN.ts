/** The quadrant board (zh-CN): its printed page under `doc`; the screen's strings beside it. */
export const boardZhCN = {
  title: '象限看板',
  lead: '按“当前价值 × 未来潜力”把客户组合分进四个象限，区别对待，不搞“普惠制”。每次把客户移到另一个象限，都会记下时间、调整人和原因——座谈会上被问到“哪些客户变了、为什么”时有据可查。',
  illustration: '四个象限示意图',
  axisValue: '当前价值',
  axisPotential: '未来潜力',
  quadrants: {
    star: { name: '明星', hint: '增长快、潜力大：加大投入，深入了解客户。' },
    wildcat: { name: '野猫', hint: '投入多、回报差、有损品牌：果断收缩。' },
    cashCow: { name: '金牛', hint: '长期稳定、规模大、增长放缓：巩固并深耕。' },
    dog: { name: '瘦狗', hint: '价值和潜力都有限：控制投入，帮助改善。' },
  },
  doc: {
    title: '{{matrix}} · 客户组合',
    asOf: '截至 {{date}}',
    since: '对比 {{date}} 以来的变化',
    generated: '生成于 {{date}} · Keyplan 大客户规划工作台',
    accounts: '{{n}} 个客户',
    revenueShare: '收入 {{revenue}}，占 {{share}}',
    more: '另有 {{n}} 个',
    unplaced: '未归类：{{n}} 个客户',
    movedFrom: '原在{{from}}',
    movedIn: '新归入',
    paretoHead: '★ 收入前 80% 的客户',
    overdue: '! 跟进逾期',
  },
};
