import type { DeepStringRecord } from '../types';
import type { boardZhCN } from './board.zh-CN';

/** The quadrant board in English; exactly the keys of board.zh-CN.ts. */
export const boardEn: DeepStringRecord<typeof boardZhCN> = {
  title: 'Quadrant board',
  lead: 'Sort the portfolio by current value × future potential and treat each group differently: resources are limited, so not every account gets the same. Every move to another quadrant records when, who and why, so you can answer “what changed, and why?” at the customer forum.',
  illustration: 'The four quadrants',
  axisValue: 'Current value',
  axisPotential: 'Future potential',
  quadrants: {
    star: { name: 'Star', hint: 'Growing fast, high potential: invest and learn everything about them.' },
    wildcat: { name: 'Wildcat', hint: 'Costly, selling badly, hurting the brand: cut back decisively.' },
    cashCow: { name: 'Cash cow', hint: 'Long-standing, large and stable, growth slowing: keep and deepen.' },
    dog: { name: 'Dog', hint: 'Little value or potential: control spending and help them improve.' },
  },
  doc: {
    title: '{{matrix}} · Account portfolio',
    asOf: 'As of {{date}}',
    since: 'Changes since {{date}}',
    generated: 'Generated {{date}} · Keyplan key-account planning workbench',
    accounts: '{{n}} accounts',
    revenueShare: 'Revenue {{revenue}}, {{share}} of the board',
    more: '{{n}} more',
    unplaced: 'Not placed: {{n}} accounts',
    movedFrom: 'was {{from}}',
    movedIn: 'newly placed',
    paretoHead: '★ accounts making 80% of revenue',
    overdue: '! follow-up overdue',
  },
};
