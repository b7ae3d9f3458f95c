/** Every verb of the CLI by name (run.ts looks them up here). */
import { accountVerbs } from './accounts';
import { planVerbs } from './plans';
import { forumVerbs } from './forum';
import { churnVerbs } from './churn';
import { healthVerbs } from './health';
import { capacityVerbs } from './capacity';
import { importVerb, stakeholderVerbs } from './stakeholders';
import { systemVerbs } from './system';
import type { Verb } from '../verb';

export const VERBS: Record<string, Verb> = { ...systemVerbs, ...accountVerbs, ...stakeholderVerbs, ...planVerbs, ...forumVerbs, ...churnVerbs, ...healthVerbs, ...capacityVerbs, import: importVerb(accountVerbs.import!) };
