import type { DeepStringRecord } from '../types';
import type { forumDocZhCN } from './forum-doc.zh-CN';

/** The customer-forum deck (English). */
export const forumDocEn: DeepStringRecord<typeof forumDocZhCN> = {
  title: 'Customer forum {{year}}',
  kicker: 'Customer forum',
  customerVersion: 'Customer version',
  date: '{{date}}',
  accountsCount: '{{n}} key accounts',
  boardTitle: 'Portfolio: value × potential',
  paretoTitle: 'Revenue concentration (Pareto)',
  paretoLine: '{{head}} of {{total}} accounts make 80% of revenue',
  paretoHead: 'Top 80%',
  paretoTail: 'The rest',
  paretoCumulative: 'Cumulative share',
  paretoLine80: '80%',
  divider: 'Account',
  reviewTitle: 'Review of {{year}}',
  highlights: 'Highlights',
  noReview: 'No review written yet.',
  noRevenue: 'No revenue recorded yet.',
  objectivesTitle: 'Objectives {{year}}',
  noObjectives: 'No objectives yet.',
  actionsTitle: 'Key actions',
  noActions: 'No open actions.',
  moreActions: '{{n}} more',
  mapTitle: 'Decision-making unit',
  noPeople: 'No stakeholder map drawn yet.',
  noPlan: 'No account plan for {{year}}: live figures.',
  slideOf: '{{n}} / {{total}}',
  stages: { prepare: 'Preparing', portfolio: 'Portfolio', account: 'Account', print: 'Printing the PDF' },
  fileName: 'customer-forum-{{year}}',
};
