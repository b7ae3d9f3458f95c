/**
 * Service capacity on the command line: `capacity [--quarter YYYY-Qn] [--json]` - each owner's load
 * against their days, who cannot meet the service standard, the tiers' service this quarter and the
 * service inversions (shared/domain/capacity.ts, the same functions as the capacity page).
 */
import { messages } from '../../../../shared/i18n';
import { inversions, ownerLoads, parseQuarter, tierService, type OwnerLoad } from '../../../../shared/domain/capacity';
import { locale, type Flags } from '../flags';
import { fill, list, usage } from '../say';
import { cell } from '../text';
import { EXIT_OK, type Verb } from '../verb';

function quarter(flags: Flags): string | undefined {
  if (flags.quarter === undefined) return undefined;
  const q = parseQuarter(flags.quarter);
  if (!q) throw usage('quarter', { value: flags.quarter });
  return `${q.year}-Q${q.q}`;
}

const pct = (r: number) => `${Math.round(r * 100)}%`;

export const capacityVerbs: Record<string, Verb> = {
  capacity: {
    needsDb: true,
    check(positionals, flags) {
      if (positionals.length > 0) throw usage('capacity');
      quarter(flags);
    },
    async run(backend, _positionals, flags, io) {
      const q = quarter(flags);
      const view = await backend.call('capacity-view', q ? { quarter: q } : {});
      const owners = ownerLoads(view);
      const tiers = tierService(view);
      const inv = inversions(tiers);
      if (flags.json) {
        io.out(`${JSON.stringify({ quarter: view.label, asOf: view.asOf, owners, tiers, inversions: inv, overloaded: owners.filter((o) => o.overloaded).map((o) => o.name) }, null, 2)}\n`);
        return EXIT_OK;
      }
      const lang = locale(flags);
      const w = messages[lang].capacity.cli;
      const name = (o: OwnerLoad) => (o.name === null ? w.noOwner : cell(o.name));
      io.out(`${fill(w.head, { quarter: view.label, date: view.asOf })}\n\n${w.ownerHeader}\n`);
      for (const o of owners) {
        const cols = [name(o), o.accounts, o.need.visits, o.need.calls, o.needDays.toFixed(1), o.days, o.load === null ? w.noDays : pct(o.load), pct(o.forecast), pct(o.actual.ratio), o.overloaded ? w.overloaded : w.ok];
        io.out(`${cols.join('\t')}\n`);
      }
      const over = owners.filter((o) => o.overloaded);
      io.out(`\n${over.length ? fill(w.summary, { n: over.length, names: list(lang, over.map((o) => o.name ?? w.noOwner)) }) : w.summaryNone}\n\n${w.tierHeader}\n`);
      const tierName = new Map(tiers.map((t) => [t.key, lang === 'en' ? t.nameEn : t.nameZh]));
      for (const t of tiers) io.out(`${[cell(tierName.get(t.key)!), t.accounts, pct(t.actual.ratio), t.followUpsPerAccount].join('\t')}\n`);
      if (inv.length === 0) {
        io.out(`\n${w.noInversion}\n`);
      } else {
        io.out(`\n${w.inversions}\n`);
        const words = messages[lang].capacity.inversion;
        for (const i of inv) {
          const values = { higher: cell(tierName.get(i.higher)!), lower: cell(tierName.get(i.lower)!) };
          io.out(
            `  ${i.measure === 'compliance' ? fill(words.compliance, { ...values, higherValue: pct(i.higherValue), lowerValue: pct(i.lowerValue) }) : fill(words.followUps, { ...values, higherValue: i.higherValue, lowerValue: i.lowerValue })}\n`,
          );
        }
      }
      return EXIT_OK;
    },
  },
};
