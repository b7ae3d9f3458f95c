/**
 * The matrix's help: which model it follows (the seed's KAM value x potential, importance x urgency,
 * or the team's own), what each corner means and, for value x potential, that 野猫 is a verdict on
 * profit and not a corner (domain.md, "Portfolio models"). One line, opened on demand.
 */
import { useTranslation } from 'react-i18next';
import type { Matrix } from '../../../../shared/api/board';

const VALUE_POTENTIAL_PARTS = ['axes', 'top', 'bottom', 'wildcat', 'bcg', 'migrated'] as const;

export function ModelHelp({ matrix }: { matrix: Pick<Matrix, 'key' | 'builtin'> }) {
  const { t } = useTranslation();
  let summary: string;
  let parts: string[];
  if (matrix.builtin && matrix.key === 'value-potential') {
    summary = t('board.model.value-potential.summary');
    parts = VALUE_POTENTIAL_PARTS.map((p) => t(`board.model.value-potential.${p}`));
  } else if (matrix.builtin && matrix.key === 'importance-urgency') {
    summary = t('board.model.importance-urgency.summary');
    parts = [t('board.model.importance-urgency.axes')];
  } else {
    summary = t('board.model.custom.summary');
    parts = [t('board.model.custom.axes')];
  }
  return (
    <details className="board-model" data-model={matrix.builtin ? matrix.key : 'custom'}>
      <summary className="board-model__summary">{summary}</summary>
      <div className="board-model__body">
        {parts.map((p) => (
          <p key={p}>{p}</p>
        ))}
      </div>
    </details>
  );
}
