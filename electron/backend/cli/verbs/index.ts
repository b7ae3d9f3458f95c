import { accountVerbs } from './accounts';
import { planVerbs } from './plans';
import { importVerb, stakeholderVerbs } from './stakeholders';
import { systemVerbs } from './system';
import type { Verb } from './types';

export const VERBS: Record<string, Verb> = { ...systemVerbs, ...accountVerbs, ...stakeholderVerbs, ...planVerbs, import: importVerb(accountVerbs.import!) };
