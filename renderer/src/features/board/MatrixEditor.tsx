/**
 * Creating and editing a matrix: names and axes in both languages, the four quadrants laid out as
 * on the board (name, colour, treatment), and the rule that suggests a quadrant from data (for
 * value × potential: the revenue threshold and the potential level). Built-in matrices can be
 * edited, not deleted; an existing matrix keeps its quadrant keys (placements refer to them).
 */
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Matrix } from '../../../../shared/api/board';
import { POTENTIALS, URGENCIES, type Potential, type Urgency } from '../../../../shared/domain/enums';
import { formatMoneyBoth } from '../../../../shared/domain/money';
import { QUADRANT_POSITIONS, type QuadrantPosition, type SuggestRule } from '../../../../shared/domain/quadrants';
import { api } from '../../api/client';
import { cx } from '../../lib/cx';
import { errorText } from '../../lib/errors';
import { Button } from '../../ui/Button';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { useNotice } from '../../ui/Notice';
import { matrixName } from './words';

const KEY = /^[a-z0-9][a-z0-9-]{0,39}$/;
const COLOR = /^#[0-9a-fA-F]{6}$/;
const DEFAULT_COLORS: Record<QuadrantPosition, string> = { tl: '#fde8e8', tr: '#e3ecfb', bl: '#eceff3', br: '#fdf1d6' };

interface QuadDraft {
  key: string;
  position: QuadrantPosition;
  nameZh: string;
  nameEn: string;
  color: string;
  treatmentZh: string;
  treatmentEn: string;
}

interface Draft {
  id?: number;
  key: string;
  nameZh: string;
  nameEn: string;
  xLabelZh: string;
  xLabelEn: string;
  yLabelZh: string;
  yLabelEn: string;
  quadrants: QuadDraft[];
  ruleKind: SuggestRule['kind'];
  /** Yuan, as typed. */
  revenueYuan: string;
  potentialAtLeast: Potential;
  urgentAtLeast: Urgency;
}

type TextKey = 'key' | 'nameZh' | 'nameEn' | 'xLabelZh' | 'xLabelEn' | 'yLabelZh' | 'yLabelEn';

function draftOf(m: Matrix | null): Draft {
  const rule = m?.suggest ?? { kind: 'none' };
  const byPos = new Map(m?.quadrants.map((q) => [q.position, q]));
  return {
    ...(m ? { id: m.id } : {}),
    key: m?.key ?? '',
    nameZh: m?.nameZh ?? '',
    nameEn: m?.nameEn ?? '',
    xLabelZh: m?.xLabelZh ?? '',
    xLabelEn: m?.xLabelEn ?? '',
    yLabelZh: m?.yLabelZh ?? '',
    yLabelEn: m?.yLabelEn ?? '',
    quadrants: QUADRANT_POSITIONS.map((position) => {
      const q = byPos.get(position);
      return {
        key: q?.key ?? position,
        position,
        nameZh: q?.nameZh ?? '',
        nameEn: q?.nameEn ?? '',
        color: q?.color ?? DEFAULT_COLORS[position],
        treatmentZh: q?.treatmentZh ?? '',
        treatmentEn: q?.treatmentEn ?? '',
      };
    }),
    ruleKind: rule.kind,
    revenueYuan: String(rule.kind === 'value-potential' ? Math.round(rule.revenueThreshold / 100) : 2_000_000),
    potentialAtLeast: rule.kind === 'value-potential' ? rule.potentialAtLeast : 'high',
    urgentAtLeast: rule.kind === 'importance-urgency' ? rule.urgentAtLeast : 'soon',
  };
}

/** A key from an English name: "Attractiveness x strength" -> "attractiveness-x-strength". */
function slug(s: string): string {
  return s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40);
}

export interface MatrixEditorProps {
  /** null: a new matrix. */
  matrix: Matrix | null;
  onClose: () => void;
  onSaved: (m: Matrix) => void;
  onDeleted: (m: Matrix) => void;
}

export function MatrixEditor({ matrix, onClose, onSaved, onDeleted }: MatrixEditorProps) {
  const { t, i18n } = useTranslation();
  const notice = useNotice();
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const [draft, setDraft] = useState<Draft>(() => draftOf(matrix));
  const [keyTouched, setKeyTouched] = useState(matrix !== null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const isNew = matrix === null;
  const lang = i18n.language === 'en' ? 'en' : 'zh-CN';

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);

  const clearError = (id: string) =>
    setErrors((e) => {
      if (!(id in e)) return e;
      const next = { ...e };
      delete next[id];
      return next;
    });
  const set = (k: TextKey, v: string) => {
    clearError(k);
    if (k === 'nameEn' && !keyTouched) clearError('key');
    setDraft((d) => {
      const next = { ...d, [k]: v };
      if (k === 'nameEn' && !keyTouched) next.key = slug(v);
      return next;
    });
  };
  const setQ = (i: number, patch: Partial<QuadDraft>) => {
    for (const k of Object.keys(patch)) clearError(`q${i}.${k}`);
    setDraft((d) => ({ ...d, quadrants: d.quadrants.map((q, k) => (k === i ? { ...q, ...patch } : q)) }));
  };

  const validate = (): Record<string, string> => {
    const e: Record<string, string> = {};
    const required = (id: string, v: string) => {
      if (!v.trim()) e[id] = t('board.editor.required');
    };
    if (isNew && !KEY.test(draft.key.trim())) e.key = draft.key.trim() ? t('board.editor.invalidKey') : t('board.editor.required');
    (['nameZh', 'nameEn', 'xLabelZh', 'xLabelEn', 'yLabelZh', 'yLabelEn'] as const).forEach((k) => required(k, draft[k]));
    draft.quadrants.forEach((q, i) => {
      required(`q${i}.nameZh`, q.nameZh);
      required(`q${i}.nameEn`, q.nameEn);
      if (!COLOR.test(q.color)) e[`q${i}.color`] = t('board.editor.invalidColor');
    });
    if (draft.ruleKind === 'value-potential') {
      const n = Number(draft.revenueYuan.replace(/[,，\s]/g, ''));
      if (!Number.isFinite(n) || n < 0 || draft.revenueYuan.trim() === '') e.revenue = t('board.editor.invalidNumber');
    }
    return e;
  };

  const rule = (): SuggestRule => {
    switch (draft.ruleKind) {
      case 'value-potential':
        return { kind: 'value-potential', revenueThreshold: Math.round(Number(draft.revenueYuan.replace(/[,，\s]/g, '')) * 100), potentialAtLeast: draft.potentialAtLeast };
      case 'importance-urgency':
        return { kind: 'importance-urgency', urgentAtLeast: draft.urgentAtLeast };
      default:
        return { kind: 'none' };
    }
  };

  const save = async () => {
    const e = validate();
    setErrors(e);
    if (Object.keys(e).length) {
      // Focus the first field that needs attention.
      requestAnimationFrame(() => ref.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
      return;
    }
    setBusy(true);
    setFailure(null);
    try {
      const saved = await api('matrices-save', {
        ...(draft.id !== undefined ? { id: draft.id } : {}),
        key: draft.key.trim(),
        nameZh: draft.nameZh,
        nameEn: draft.nameEn,
        xLabelZh: draft.xLabelZh,
        xLabelEn: draft.xLabelEn,
        yLabelZh: draft.yLabelZh,
        yLabelEn: draft.yLabelEn,
        suggest: rule(),
        quadrants: draft.quadrants.map((q) => ({ ...q, color: q.color.toLowerCase() })),
      });
      notice.success(t('board.editor.saved', { name: matrixName(saved, lang) }));
      onSaved(saved);
    } catch (err) {
      setFailure(errorText(t, err));
      setBusy(false);
    }
  };

  const remove = async () => {
    if (!matrix) return;
    setDeleting(true);
    try {
      await api('matrices-delete', { id: matrix.id });
      notice.success(t('board.editor.deleted', { name: matrixName(matrix, lang) }));
      setConfirming(false);
      onDeleted(matrix);
    } catch (err) {
      setFailure(errorText(t, err));
      setConfirming(false);
      setDeleting(false);
    }
  };

  const text = (k: TextKey, label: string, extra: { hint?: string; disabled?: boolean; mono?: boolean } = {}) => (
    <Field id={k} label={label} error={errors[k]} hint={extra.hint}>
      {(props) => (
        <input
          {...props}
          className={cx('field__input', extra.mono && 'mono')}
          value={draft[k]}
          disabled={extra.disabled}
          maxLength={k === 'key' ? 40 : 60}
          onChange={(e) => {
            if (k === 'key') setKeyTouched(true);
            set(k, e.target.value);
          }}
        />
      )}
    </Field>
  );

  const revenueMinor = Math.round(Number(draft.revenueYuan.replace(/[,，\s]/g, '')) * 100);

  return (
    <dialog
      ref={ref}
      className="dialog meditor"
      aria-labelledby={titleId}
      onCancel={(e) => {
        e.preventDefault();
        if (!busy && !confirming) onClose();
      }}
    >
      <form
        className="meditor__form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <h2 id={titleId} className="dialog__title">
          {isNew ? t('board.editor.titleNew') : t('board.editor.titleEdit', { name: matrixName(matrix, lang) })}
        </h2>
        <div className="meditor__body">
          {matrix?.builtin ? <p className="meditor__note">{t('board.editor.builtinNote')}</p> : null}
          <fieldset className="meditor__section">
            <legend>{t('board.editor.general')}</legend>
            <div className="meditor__grid">
              {text('nameZh', t('board.editor.nameZh'))}
              {text('nameEn', t('board.editor.nameEn'))}
              {text('xLabelZh', t('board.editor.xLabelZh'))}
              {text('xLabelEn', t('board.editor.xLabelEn'))}
              {text('yLabelZh', t('board.editor.yLabelZh'))}
              {text('yLabelEn', t('board.editor.yLabelEn'))}
              {text('key', t('board.editor.key'), { hint: t('board.editor.keyHint'), disabled: !isNew, mono: true })}
            </div>
          </fieldset>
          <fieldset className="meditor__section">
            <legend>{t('board.editor.quadrants')}</legend>
            <p className="field__hint">{t('board.editor.quadrantsHint')}</p>
            <div className="meditor__quads">
              {draft.quadrants.map((q, i) => (
                <fieldset key={q.position} className="meditor__quad" style={{ backgroundColor: COLOR.test(q.color) ? q.color : undefined }}>
                  <legend>{t(`board.editor.position.${q.position}`)}</legend>
                  <div className="meditor__grid">
                    <Field id={`q${i}.nameZh`} label={t('board.editor.qNameZh')} error={errors[`q${i}.nameZh`]}>
                      {(p) => <input {...p} className="field__input" maxLength={60} value={q.nameZh} onChange={(e) => setQ(i, { nameZh: e.target.value })} />}
                    </Field>
                    <Field id={`q${i}.nameEn`} label={t('board.editor.qNameEn')} error={errors[`q${i}.nameEn`]}>
                      {(p) => <input {...p} className="field__input" maxLength={60} value={q.nameEn} onChange={(e) => setQ(i, { nameEn: e.target.value })} />}
                    </Field>
                    <Field id={`q${i}.treatmentZh`} label={t('board.editor.treatmentZh')}>
                      {(p) => <textarea {...p} className="field__input meditor__area" rows={2} maxLength={500} value={q.treatmentZh} onChange={(e) => setQ(i, { treatmentZh: e.target.value })} />}
                    </Field>
                    <Field id={`q${i}.treatmentEn`} label={t('board.editor.treatmentEn')}>
                      {(p) => <textarea {...p} className="field__input meditor__area" rows={2} maxLength={500} value={q.treatmentEn} onChange={(e) => setQ(i, { treatmentEn: e.target.value })} />}
                    </Field>
                    <Field id={`q${i}.color`} label={t('board.editor.qColor')} error={errors[`q${i}.color`]} className="meditor__color">
                      {(p) => (
                        <span className="meditor__color-row">
                          <input type="color" aria-hidden="true" tabIndex={-1} value={COLOR.test(q.color) ? q.color.toLowerCase() : '#ffffff'} onChange={(e) => setQ(i, { color: e.target.value })} />
                          <input {...p} className="field__input mono" maxLength={7} value={q.color} onChange={(e) => setQ(i, { color: e.target.value.trim() })} />
                        </span>
                      )}
                    </Field>
                  </div>
                </fieldset>
              ))}
            </div>
          </fieldset>
          <fieldset className="meditor__section">
            <legend>{t('board.editor.rule')}</legend>
            <p className="field__hint">{t('board.editor.ruleHint')}</p>
            <div className="meditor__grid">
              <Field id="ruleKind" label={t('board.editor.ruleKind')}>
                {(p) => (
                  <select {...p} className="field__input" value={draft.ruleKind} onChange={(e) => setDraft((d) => ({ ...d, ruleKind: e.target.value as SuggestRule['kind'] }))}>
                    <option value="none">{t('board.editor.ruleNone')}</option>
                    <option value="value-potential">{t('board.editor.ruleValuePotential')}</option>
                    <option value="importance-urgency">{t('board.editor.ruleImportanceUrgency')}</option>
                  </select>
                )}
              </Field>
              {draft.ruleKind === 'value-potential' ? (
                <>
                  <Field
                    id="revenue"
                    label={t('board.editor.revenueThreshold')}
                    error={errors.revenue}
                    hint={Number.isFinite(revenueMinor) && revenueMinor >= 0 ? t('board.editor.revenueHint', { amount: formatMoneyBoth(revenueMinor, 'CNY', lang) }) : undefined}
                  >
                    {(p) => (
                      <input
                        {...p}
                        className="field__input tabular"
                        inputMode="numeric"
                        value={draft.revenueYuan}
                        onChange={(e) => {
                          clearError('revenue');
                          setDraft((d) => ({ ...d, revenueYuan: e.target.value }));
                        }}
                      />
                    )}
                  </Field>
                  <Field id="potentialAtLeast" label={t('board.editor.potentialAtLeast')}>
                    {(p) => (
                      <select {...p} className="field__input" value={draft.potentialAtLeast} onChange={(e) => setDraft((d) => ({ ...d, potentialAtLeast: e.target.value as Potential }))}>
                        {POTENTIALS.map((v) => (
                          <option key={v} value={v}>
                            {t(`domain.potential.${v}`)}
                          </option>
                        ))}
                      </select>
                    )}
                  </Field>
                </>
              ) : null}
              {draft.ruleKind === 'importance-urgency' ? (
                <Field id="urgentAtLeast" label={t('board.editor.urgentAtLeast')}>
                  {(p) => (
                    <select {...p} className="field__input" value={draft.urgentAtLeast} onChange={(e) => setDraft((d) => ({ ...d, urgentAtLeast: e.target.value as Urgency }))}>
                      {URGENCIES.map((v) => (
                        <option key={v} value={v}>
                          {t(`domain.urgency.${v}`)}
                        </option>
                      ))}
                    </select>
                  )}
                </Field>
              ) : null}
            </div>
          </fieldset>
        </div>
        {failure ? (
          <p className="dialog__error" role="alert">
            {failure}
          </p>
        ) : null}
        <div className="dialog__actions meditor__actions">
          {matrix && !matrix.builtin ? (
            <Button variant="danger" className="meditor__delete" onClick={() => setConfirming(true)} disabled={busy}>
              {t('board.editor.delete')}
            </Button>
          ) : null}
          <Button onClick={onClose} disabled={busy}>
            {t('common.cancel')}
          </Button>
          <Button variant="primary" type="submit" busy={busy}>
            {t('board.editor.save')}
          </Button>
        </div>
      </form>
      {matrix ? (
        <ConfirmDialog
          open={confirming}
          title={t('board.editor.deleteTitle', { name: matrixName(matrix, lang) })}
          confirmLabel={t('board.editor.delete')}
          tone="danger"
          busy={deleting}
          onConfirm={() => void remove()}
          onCancel={() => setConfirming(false)}
        >
          <p>{t('board.editor.deleteBody')}</p>
        </ConfirmDialog>
      ) : null}
    </dialog>
  );
}

interface FieldProps {
  id: string;
  label: string;
  error?: string | undefined;
  hint?: string | undefined;
  className?: string;
  children: (input: { id: string; 'aria-invalid': true | undefined; 'aria-describedby': string | undefined }) => ReactNode;
}

/** A labelled control with its hint or error, like ui/TextField, for any kind of input. */
function Field({ id, label, error, hint, className, children }: FieldProps) {
  const base = useId();
  const inputId = `${base}-${id}`;
  const noteId = `${inputId}-note`;
  return (
    <div className={cx('field', error && 'field--invalid', className)}>
      <label htmlFor={inputId} className="field__label">
        {label}
      </label>
      {children({ id: inputId, 'aria-invalid': error ? true : undefined, 'aria-describedby': error || hint ? noteId : undefined })}
      {error ? (
        <p id={noteId} className="field__error">
          {error}
        </p>
      ) : hint ? (
        <p id={noteId} className="field__hint">
          {hint}
        </p>
      ) : null}
    </div>
  );
}
