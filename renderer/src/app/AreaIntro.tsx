import type { ReactNode } from 'react';
import { Card } from '../ui/Card';
import { Icon } from '../ui/icons';
import { PageHeader } from '../ui/PageHeader';
import { NextStep } from './NextStep';

export interface AreaIntroProps {
  title: string;
  lead: string;
  /** What the area shows or answers: an illustration, short lists. */
  children: ReactNode;
}

/**
 * The empty state of an area that builds on the account list: what the area is for, what it will
 * hold, and the next step.
 */
export function AreaIntro({ title, lead, children }: AreaIntroProps) {
  return (
    <>
      <PageHeader title={title} lead={lead} />
      <div className="area-intro">
        <div className="area-intro__main">{children}</div>
        <div className="area-intro__side">
          <NextStep />
        </div>
      </div>
    </>
  );
}

/** A titled list of what the area answers. */
export function PointList({ title, points }: { title: string; points: string[] }) {
  return (
    <Card title={title}>
      <ul className="points" role="list">
        {points.map((p) => (
          <li key={p} className="points__item">
            <Icon name="check" size={18} />
            <span>{p}</span>
          </li>
        ))}
      </ul>
    </Card>
  );
}
