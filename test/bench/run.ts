/**
 * `npm run bench`: measures the budgets the issues set and prints each figure beside its budget.
 * Budgets are reported, not asserted: tests check behaviour, this checks speed. Run it on a quiet
 * machine; every figure is the median of a few runs unless it says otherwise.
 *
 *   npm run bench                  all suites
 *   npm run bench -- foundation    one suite
 */
import { suites } from './suites';

const wanted = process.argv.slice(2);
const chosen = wanted.length ? suites.filter((s) => wanted.includes(s.name)) : suites;
if (chosen.length === 0) {
  console.error(`no such suite: ${wanted.join(', ')} (have: ${suites.map((s) => s.name).join(', ')})`);
  process.exit(1);
}
let over = 0;
for (const suite of chosen) {
  console.log(`\n== ${suite.name}: ${suite.title}`);
  for (const figure of await suite.run()) {
    const ok = figure.budget === undefined || (figure.lowerIsBetter === false ? figure.value >= figure.budget : figure.value <= figure.budget);
    if (!ok) over++;
    const budget = figure.budget === undefined ? '' : `  (budget ${figure.lowerIsBetter === false ? '>=' : '<='} ${figure.budget} ${figure.unit})`;
    console.log(`${ok ? '  ' : '! '}${figure.label.padEnd(64)} ${format(figure.value).padStart(10)} ${figure.unit}${budget}`);
  }
}
console.log(over === 0 ? '\nall figures within budget' : `\n${over} figure(s) over budget (marked !)`);

function format(v: number): string {
  return Math.abs(v) >= 100 ? v.toFixed(0) : v.toFixed(2);
}
