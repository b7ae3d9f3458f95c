/**
 * A person on the map: name, title and department, buying roles, attitude (colour and word),
 * influence (1-3 bars), our owner's initials, and a mark when a key person has not been contacted
 * for too long. Handles on all four sides: drag from the bottom to someone below for a reporting
 * line, from a side for an influence line. Zoomed far out the card shows only the name and colour.
 */
import { audienceOf, rolesForAudience } from '../../../../shared/domain/audience';
import { createContext, memo, use } from 'react';
import { Handle, Position, type NodeProps } from '@xyflow/react';
import { attitudeColour, STALE_COLOUR } from '../../../../shared/domain/map-palette';
import { cx } from '../../lib/cx';
import type { PersonNode } from './graph';
import { initials, ownerColour, type MapWords } from './words';

export interface MapView {
  words: MapWords;
  /** Customer-safe: no attitude, no stale marks. */
  safe: boolean;
  /** Zoomed far out: the cards show only the name. */
  compact: boolean;
  toggleFold: (id: number) => void;
  /** Handle titles. */
  handleTitles: { reports: string; influence: string };
}

export const MapViewContext = createContext<MapView | null>(null);

const INFLUENCE_BARS = { high: 3, medium: 2, low: 1 } as const;
const MAX_BADGES = 3;

function PersonCard({ id, data, selected }: NodeProps<PersonNode>) {
  const view = use(MapViewContext)!;
  const { words, safe, compact } = view;
  const m = data.member;
  const colour = safe ? '#c5ccd6' : attitudeColour(m.attitude);
  const bars = m.influence ? INFLUENCE_BARS[m.influence] : 0;
  // Customer-safe: the roles the one audience rule lets a customer see (no coach, no veto holder).
  const roles = rolesForAudience(m.mapRoles, audienceOf(safe));
  const shown = roles.slice(0, roles.length > MAX_BADGES ? MAX_BADGES - 1 : MAX_BADGES);
  const more = roles.length - shown.length;
  const stale = !safe && data.stale ? words.stale(data.stale) : null;
  const personId = Number(id);

  return (
    <div
      className={cx('pcard', selected && 'is-selected', data.match && 'is-match', compact && 'pcard--compact', !safe && m.influence === 'high' && 'pcard--high')}
      style={{ borderLeftColor: colour }}
      data-person-id={personId}
    >
      {/* Lines are drawn from these. Zoomed far out they are still there, only not shown: React Flow
          measures them when a card first appears, and a card measured without them draws no lines. */}
      <Handle type="source" id="t" position={Position.Top} className="pcard__handle pcard__handle--top" title={view.handleTitles.reports} />
      <Handle type="source" id="l" position={Position.Left} className="pcard__handle pcard__handle--side" title={view.handleTitles.influence} />
      <Handle type="source" id="r" position={Position.Right} className="pcard__handle pcard__handle--side" title={view.handleTitles.influence} />
      <Handle type="source" id="b" position={Position.Bottom} className="pcard__handle pcard__handle--bottom" title={view.handleTitles.reports} />
      {compact ? (
        <div className="pcard__compact">
          <span className="pcard__name">{m.name}</span>
          {stale ? <span className="pcard__stale" style={{ background: STALE_COLOUR }} aria-hidden="true" /> : null}
        </div>
      ) : (
        <>
          <div className="pcard__row">
            <span className="pcard__name" title={m.name}>
              {m.name}
            </span>
            {stale ? (
              <span className="pcard__stale" style={{ background: STALE_COLOUR }} title={stale}>
                !<span className="visually-hidden">{stale}</span>
              </span>
            ) : null}
            <span className="pcard__spacer" />
            {m.ownerName && m.ownerId !== null ? (
              <span className="pcard__owner" style={{ background: ownerColour(m.ownerId) }} title={words.owner(m.ownerName)}>
                {initials(m.ownerName)}
                <span className="visually-hidden">{words.owner(m.ownerName)}</span>
              </span>
            ) : safe ? null : (
              <span className="pcard__owner pcard__owner--none" title={words.noOwner}>
                ?<span className="visually-hidden">{words.noOwner}</span>
              </span>
            )}
          </div>
          <div className="pcard__sub" title={[m.title, m.department].filter(Boolean).join(' · ')}>
            {[m.title, m.department].filter(Boolean).join(' · ') || '\u00a0'}
          </div>
          <div className="pcard__roles">
            {shown.map((r) => (
              <span key={r} className={cx('pcard__role', `pcard__role--${r}`)} title={words.role(r)}>
                {words.roleShort(r)}
              </span>
            ))}
            {more > 0 ? (
              <span className="pcard__role pcard__role--more" title={roles.slice(shown.length).map(words.role).join(words.list)}>
                +{more}
              </span>
            ) : null}
          </div>
          <div className="pcard__row pcard__foot">
            {safe ? (
              <span className="pcard__level">{m.level ? words.level(m.level) : ''}</span>
            ) : (
              <span className="pcard__attitude">
                <span className="pcard__dot" style={{ background: colour }} aria-hidden="true" />
                {words.attitude(m.attitude)}
              </span>
            )}
            <span className="pcard__spacer" />
            {safe ? null : (
              <span className="pcard__bars" title={words.influenceLabel(m.influence)} aria-label={words.influenceLabel(m.influence)} role="img">
                {[1, 2, 3].map((i) => (
                  <span key={i} className={cx('pcard__bar', i <= bars && 'is-on')} />
                ))}
              </span>
            )}
          </div>
        </>
      )}
      {data.reports > 0 ? (
        <button
          type="button"
          className={cx('pcard__fold', 'nodrag', 'nopan', data.collapsed && 'is-folded')}
          aria-expanded={!data.collapsed}
          aria-label={data.collapsed ? words.expand(data.hiddenCount) : words.collapse(data.reports)}
          title={data.collapsed ? words.expand(data.hiddenCount) : words.collapse(data.reports)}
          onClick={(e) => {
            e.stopPropagation();
            view.toggleFold(personId);
          }}
          onKeyDown={(e) => e.stopPropagation()}
        >
          {data.collapsed ? `+${data.hiddenCount}` : '−'}
        </button>
      ) : null}
    </div>
  );
}

export const PersonCardNode = memo(PersonCard);
