import { accounts } from './accounts';
import { board } from './board';
import { churn } from './churn';
import { capacity } from './capacity';
import { forum } from './forum';
import { foundation } from './foundation';
import { health } from './health';
import { importMemory } from './import-memory';
import type { Suite } from './lib';
import { plans } from './plans';
import { stakeholders } from './stakeholders';

/** Every benchmark suite, in the order `npm run bench` runs them. */
export const suites: Suite[] = [foundation, accounts, importMemory, board, stakeholders, plans, forum, churn, health, capacity];
