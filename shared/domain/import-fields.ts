/**
 * What a column of an imported account sheet can fill, for the importer (electron/backend/import) and
 * the renderer's column mapping alike. Per-year columns are `revenue:YYYY` and `target:YYYY`.
 */
export const ACCOUNT_IMPORT_FIELDS = [
  'name',
  'nameEn',
  'shortName',
  'parent',
  'industry',
  'region',
  'owner',
  'team',
  'classification',
  'strategic',
  'brandInfluence',
  'tier',
  'lifecycle',
  'dealStatus',
  'grade',
  'urgency',
  'importance',
  'currency',
  'companyRevenue',
  'employees',
  'profitContribution',
  'shareOfWallet',
  'growthPotential',
  'lifetimeValue',
  'costToServe',
  'churnStatus',
  'churnReason',
  'churnNote',
  'churnedOn',
  'receivableOutstanding',
  'receivableDaysOverdue',
  'paymentTerms',
  'notes',
] as const;

/**
 * What a column of an imported stakeholder sheet (the buyer's people) can fill, for the importer and
 * the renderer's column mapping. `reportsTo` names the person's manager (in the file or the account).
 */
export const STAKEHOLDER_IMPORT_FIELDS = [
  'name',
  'title',
  'department',
  'level',
  'reportsTo',
  'roles',
  'influence',
  'attitude',
  'strength',
  'owner',
  'lastContact',
  'favoursCompetitor',
  'orgWins',
  'personalWins',
  'interests',
  'notes',
] as const;
