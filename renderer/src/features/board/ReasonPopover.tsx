/**
 * After a move: why? A small popover at the card, skippable (Escape, "Skip", a press elsewhere or
 * the next drag). Enter saves; Shift+Enter starts a new line.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { errorText } from '../../lib/errors';
import { Button } from '../../ui/Button';
import { AnchoredPopover } from './Popover';

export interface ReasonTarget {
  moveId: number;
  accountId: number;
  name: string;
  fromName: string;
  toName: string;
}

export interface ReasonPopoverProps {
  target: ReasonTarget;
  onSaved: (reason: string) => void;
  /** `returnFocus`: the user closed it with the keyboard; focus goes back to the card. */
  onClose: (returnFocus: boolean) => void;
}

export function ReasonPopover({ target, onSaved, onClose }: ReasonPopoverProps) {
  const { t } = useTranslation();
  const titleId = useId();
  const fieldId = useId();
  const fieldRef = useRef<HTMLTextAreaElement>(null);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    // The card it asks about into view first (it may have landed low in a long quadrant), so the
    // prompt sits at the card; the prompt keeps itself inside the window either way (Popover).
    document.querySelector(`[data-account-id="${target.accountId}"]`)?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
    fieldRef.current?.focus({ preventScroll: true });
  }, [target.moveId, target.accountId]);

  const save = async () => {
    const text = reason.trim();
    if (!text) {
      onClose(true);
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await api('board-move-reason', { moveId: target.moveId, reason: text });
      onSaved(text);
    } catch (e) {
      setError(errorText(t, e));
      setBusy(false);
    }
  };

  return (
    <AnchoredPopover anchor="reason" labelledBy={titleId} className="reason" onDismiss={(how) => onClose(how === 'escape')}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <h2 id={titleId} className="reason__title">
          {t('board.reason.title', { name: target.name })}
        </h2>
        <p className="reason__move">{t('board.reason.fromTo', { from: target.fromName, to: target.toName })}</p>
        <label htmlFor={fieldId} className="reason__label">
          {t('board.reason.label')}
        </label>
        <textarea
          ref={fieldRef}
          id={fieldId}
          className="field__input reason__field"
          rows={2}
          maxLength={1000}
          value={reason}
          placeholder={t('board.reason.placeholder')}
          onChange={(e) => setReason(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && !e.shiftKey && !e.nativeEvent.isComposing) {
              e.preventDefault();
              void save();
            }
          }}
        />
        {error ? (
          <p className="field__error" role="alert">
            {error}
          </p>
        ) : null}
        <div className="reason__actions">
          <Button size="sm" variant="ghost" onClick={() => onClose(true)} disabled={busy}>
            {t('board.reason.skip')}
          </Button>
          <Button size="sm" variant="primary" type="submit" busy={busy}>
            {t('board.reason.save')}
          </Button>
        </div>
      </form>
    </AnchoredPopover>
  );
}
