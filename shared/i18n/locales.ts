/** The languages of the UI and of every document: zh-CN first, English beside it. The one Locale type. */
export const LOCALES = ['zh-CN', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
