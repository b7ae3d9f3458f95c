import { accounts } from './accounts';
import { board } from './board';
import { forum } from './forum';
import { foundation } from './foundation';
import type { Suite } from './lib';
import { plans } from './plans';
import { stakeholders } from './stakeholders';

/** Every benchmark suite, in the order `npm run bench` runs them. */
export const suites: Suite[] = [foundation, accounts, board, stakeholders, plans, forum];
