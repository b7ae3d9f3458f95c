import { useTranslation } from 'react-i18next';
import type { PlanStatus } from '../../../../shared/domain/plan';
import { Badge, type BadgeTone } from '../../ui/Badge';

const TONE: Record<PlanStatus, BadgeTone> = { draft: 'neutral', review: 'warning', approved: 'success' };

/** A plan's workflow status in words (the colour repeats it). */
export function StatusBadge({ status }: { status: PlanStatus }) {
  const { t } = useTranslation();
  return (
    <Badge tone={TONE[status]} className="plan-status">
      {t(`planEditor.status.${status}`)}
    </Badge>
  );
}
