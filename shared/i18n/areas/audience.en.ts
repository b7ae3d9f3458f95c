import type { audienceZhCN } from './audience.zh-CN';
import type { DeepStringRecord } from '../types';

/** The one audience rule (shared/domain/audience.ts): the words of the internal list. */
export const audienceEn: DeepStringRecord<typeof audienceZhCN> = {
  internal: {
    attitude: 'Attitude to us',
    strength: 'Relationship strength',
    influence: 'Influence and influence lines',
    'coach-veto-roles': 'Coach and veto-holder roles',
    'private-notes': 'Private notes, personal and organisational wins, interests',
    'favoured-competitor': 'Favoured competitor',
    'coverage-gaps': 'Coverage gaps and stale-contact marks',
    'internal-risks': 'Internal risks',
    margins: 'Margins and profit',
    'wallet-share': 'Share of wallet',
    'competitor-analysis': 'Competitor analysis',
    'swot-weaknesses-threats': 'SWOT weaknesses and threats',
    quadrants: 'Quadrant names and treatments (placements and moves)',
    'other-customers': "Other customers' names and figures (the portfolio board, the all-customer Pareto)",
    'action-costs': 'Action costs and the investment summary',
    health: 'Account health, its reasons and churn-risk warnings',
    churn: 'Churn status',
    receivables: 'Receivables',
    'marked-internal': 'Plan sections and items marked "internal only"',
  },
  internalOnly: 'Internal only',
  internalOnlyHint: 'Left out of the customer version',
  alwaysInternal: 'Always internal: the customer version has no competitor analysis or investment',
  /** Between the entries of the list when it is one line (a tooltip). */
  listSeparator: '; ',
  /** The analysis section's title in the customer version (no weaknesses or threats). */
  analysisCustomer: 'Strengths and opportunities',
  internalTag: 'Internal only',
};
