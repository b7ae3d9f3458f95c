/**
 * The side panel: the selected person (or a new one's form), the selected line, the tender's
 * candidates, or the coverage analysis.
 */
import type { Person } from '../../../../shared/api/accounts';
import type { StakeholderMap } from '../../../../shared/api/stakeholders';
import type { Locale } from '../../../../shared/i18n';
import { CoveragePanel } from './CoveragePanel';
import { LinePanel, type LineActions } from './LinePanel';
import { MembersPanel } from './MembersPanel';
import { PersonPanel, type PersonActions } from './PersonPanel';
import type { Selection } from './useMapSelection';

export type AsideKind = 'person' | 'new' | 'line' | 'members' | 'coverage' | null;

/** Which panel shows (pure): the selection first, else the coverage analysis when asked for. */
export function asideKind(map: StakeholderMap, sel: Selection, showCoverage: boolean, safe: boolean): AsideKind {
  if (sel?.kind === 'person' && map.members.some((m) => m.id === sel.id)) return 'person';
  if (sel?.kind === 'new') return 'new';
  if (sel?.kind === 'line' && map.lines.some((l) => l.id === sel.id)) return 'line';
  if (sel?.kind === 'members' && map.tender) return 'members';
  if (showCoverage && !safe && map.members.length > 0) return 'coverage';
  return null;
}

interface Props {
  kind: AsideKind;
  map: StakeholderMap;
  sel: Selection;
  people: Person[];
  names: ReadonlyMap<number, string>;
  safe: boolean;
  lang: Locale;
  staleDays: number;
  onStaleDays: (n: number) => void;
  personActions: PersonActions;
  lineActions: LineActions;
  onDirty: (dirty: boolean) => void;
  addMembers: (ids: number[]) => Promise<void>;
  onSelect: (next: Selection) => void;
  onClose: () => void;
  onGap: (personId: number) => void;
  onCloseCoverage: () => void;
}

export function MapAside(p: Props) {
  const { map, sel, safe } = p;
  const { members, lines, tender } = map;
  if (p.kind === 'person' && sel?.kind === 'person') {
    const member = members.find((m) => m.id === sel.id)!;
    return (
      <PersonPanel
        key={`p${member.id}`}
        member={member}
        members={members}
        lines={lines}
        people={p.people}
        tenderName={tender?.name ?? null}
        safe={safe}
        today={map.coverage.today}
        actions={p.personActions}
        onDirty={p.onDirty}
      />
    );
  }
  if (p.kind === 'new' && sel?.kind === 'new') {
    return (
      <PersonPanel
        key={`new${sel.reportsTo ?? ''}`}
        member={null}
        members={members}
        lines={lines}
        people={p.people}
        tenderName={tender?.name ?? null}
        safe={safe}
        today={map.coverage.today}
        reportsTo={sel.reportsTo}
        actions={p.personActions}
        onDirty={p.onDirty}
      />
    );
  }
  if (p.kind === 'line' && sel?.kind === 'line') {
    const line = lines.find((l) => l.id === sel.id)!;
    return <LinePanel key={`l${line.id}`} line={line} names={p.names} actions={p.lineActions} />;
  }
  if (p.kind === 'members' && tender) {
    return (
      <MembersPanel
        candidates={map.notOnMap}
        tenderName={tender.name}
        onAdd={p.addMembers}
        onNew={() => p.onSelect({ kind: 'new', reportsTo: null })}
        onClose={p.onClose}
      />
    );
  }
  if (p.kind === 'coverage') {
    return (
      <CoveragePanel
        coverage={map.coverage}
        members={members}
        lang={p.lang}
        staleDays={p.staleDays}
        onStaleDays={p.onStaleDays}
        onGap={p.onGap}
        onClose={p.onCloseCoverage}
      />
    );
  }
  return null;
}
