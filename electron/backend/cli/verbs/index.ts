import { accountVerbs } from './accounts';
import { importVerb, stakeholderVerbs } from './stakeholders';
import { systemVerbs } from './system';
import type { Verb } from './types';

export const VERBS: Record<string, Verb> = { ...systemVerbs, ...accountVerbs, ...stakeholderVerbs, import: importVerb(accountVerbs.import!) };
