/**
 * The closed vocabularies of the account record (see ../shared/domain.md, "The account record").
 * Keys are stable English identifiers stored in the database; labels live in the i18n catalogue
 * under the same keys.
 */
export const CLASSIFICATIONS = ['industry', 'regional', 'potential'] as const;
export type Classification = (typeof CLASSIFICATIONS)[number];

/** Customer lifecycle 客户生命周期: 获取期 提升期 成熟期 衰退期 离开期. */
export const LIFECYCLE_STAGES = ['acquisition', 'growth', 'maturity', 'decline', 'exit'] as const;
export type LifecycleStage = (typeof LIFECYCLE_STAGES)[number];

/** 已成交 / 正在谈判 / 潜在客户. */
export const DEAL_STATUSES = ['won', 'negotiating', 'prospect'] as const;
export type DealStatus = (typeof DEAL_STATUSES)[number];

/** Deal-timing grade 客户等级 A-E. */
export const GRADES = ['A', 'B', 'C', 'D', 'E'] as const;
export type Grade = (typeof GRADES)[number];

/** 处理时限: within a week / a week to a month / 1-3 months / after 3 months. */
export const URGENCIES = ['urgent', 'soon', 'not-urgent', 'slow'] as const;
export type Urgency = (typeof URGENCIES)[number];

export const IMPORTANCES = ['important', 'normal'] as const;
export type Importance = (typeof IMPORTANCES)[number];

export const POTENTIALS = ['high', 'medium', 'low'] as const;
export type Potential = (typeof POTENTIALS)[number];

/** Churn 流失: an active account, one at risk, one lost. */
export const CHURN_STATUSES = ['active', 'at-risk', 'churned'] as const;
export type ChurnStatus = (typeof CHURN_STATUSES)[number];

/** Why an account was lost or is at risk. */
export const CHURN_REASONS = ['competitor-price', 'competitor-product', 'customer-business', 'service', 'relationship', 'other'] as const;
export type ChurnReason = (typeof CHURN_REASONS)[number];

/** 跟进/拜访记录 kinds. Visits and calls count towards the tier's service standard. */
export const INTERACTION_KINDS = ['visit', 'call', 'meeting', 'training', 'complaint', 'suggestion', 'care'] as const;
export type InteractionKind = (typeof INTERACTION_KINDS)[number];

/** 接触期 方案设计期 方案论证期 招投标期, then won or lost. */
export const OPPORTUNITY_STAGES = ['contact', 'design', 'validation', 'tendering', 'won', 'lost'] as const;
export type OpportunityStage = (typeof OPPORTUNITY_STAGES)[number];
export const OPEN_OPPORTUNITY_STAGES: readonly OpportunityStage[] = ['contact', 'design', 'validation', 'tendering'];

/** Our own people's roles: HQ key-account director -> manager -> specialist, and cross-functional staff. */
export const PERSON_ROLES = ['director', 'manager', 'specialist', 'technical', 'service', 'project', 'other'] as const;
export type PersonRole = (typeof PERSON_ROLES)[number];

export const CURRENCIES = ['CNY', 'USD', 'EUR', 'HKD'] as const;
export type Currency = (typeof CURRENCIES)[number];
