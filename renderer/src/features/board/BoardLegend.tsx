/**
 * The board's legend: what the marks on a card mean, how many accounts are shown and placed, whether
 * a first placement asks why (a stored preference), and who moves are recorded as.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Matrix, Me } from '../../../../shared/api/board';
import { api } from '../../api/client';
import { useApiQuery } from '../../api/hooks';
import { errorText } from '../../lib/errors';
import { useNotice } from '../../ui/Notice';
import { Recorder } from './Toolbar';

export interface AskFirst {
  /** A first placement (from the tray) asks why. */
  on: boolean;
  /** The stored preference has loaded. */
  ready: boolean;
  set: (on: boolean) => void;
}

/** The "ask why on a first placement" preference: shown at once, stored (on an error, the stored one wins). */
export function useAskFirst(): AskFirst {
  const { t } = useTranslation();
  const notice = useNotice();
  const prefs = useApiQuery('board-prefs-get', {}, ['settings']);
  // The checkbox shows the choice at once; the stored preference catches up (or, on an error, wins).
  const [askChoice, setAskChoice] = useState<boolean | null>(null);
  return {
    on: askChoice ?? prefs.value?.askReasonOnFirstPlacement ?? false,
    ready: prefs.value !== undefined,
    set: (on) => {
      setAskChoice(on);
      void api('board-prefs-set', { askReasonOnFirstPlacement: on }).then(
        () => notice.success(t('board.prefs.saved', { what: t(on ? 'board.prefs.on' : 'board.prefs.off') })),
        (err: unknown) => {
          setAskChoice(null);
          notice.error(errorText(t, err));
        },
      );
    },
  };
}

interface Props {
  matrix: Matrix | undefined;
  /** Cards shown, and of them in the tray. */
  count: number;
  unplaced: number;
  filtered: boolean;
  ask: AskFirst;
  me: Me | undefined;
}

export function BoardLegend({ matrix, count, unplaced, filtered, ask, me }: Props) {
  const { t } = useTranslation();
  return (
    <footer className="board-legend">
      <span>{t('board.legend.head')}</span>
      <span>
        <span className="bcard__overdue">{t('board.card.overdue')}</span> {t('board.legend.overdue')}
      </span>
      {matrix?.suggest.kind === 'value-potential' ? (
        <span>
          <span className="bcard__verdict">{t('board.card.verdict')}</span> {t('board.legend.verdict')}
        </span>
      ) : null}
      <span>
        <span className="board-legend__bar" aria-hidden="true" /> {t('board.legend.weight')}
      </span>
      <span className="board-legend__summary tabular">
        {t('board.legend.summary', { n: count, unplaced })}
        {filtered ? ` ${t('board.legend.filtered')}` : ''}
      </span>
      <label className="board-legend__ask">
        <input
          type="checkbox"
          checked={ask.on}
          disabled={!ask.ready}
          onChange={(e) => ask.set(e.target.checked)}
        />
        {t('board.prefs.askFirst')}
      </label>
      <Recorder me={me} />
    </footer>
  );
}
