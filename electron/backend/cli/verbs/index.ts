import { accountVerbs } from './accounts';
import { systemVerbs } from './system';
import type { Verb } from './types';

export const VERBS: Record<string, Verb> = { ...systemVerbs, ...accountVerbs };
