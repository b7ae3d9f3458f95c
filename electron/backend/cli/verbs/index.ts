/** Every verb of the CLI by name (run.ts looks them up here). */
import { accountVerbs } from './accounts';
import { planVerbs } from './plans';
import { forumVerbs } from './forum';
import { healthVerbs } from './health';
import { importVerb, stakeholderVerbs } from './stakeholders';
import { systemVerbs } from './system';
import type { Verb } from '../verb';

export const VERBS: Record<string, Verb> = { ...systemVerbs, ...accountVerbs, ...stakeholderVerbs, ...planVerbs, ...forumVerbs, ...healthVerbs, import: importVerb(accountVerbs.import!) };
