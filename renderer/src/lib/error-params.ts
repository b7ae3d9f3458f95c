/**
 * The params of an error reply as a message shows them: those that are keys of a vocabulary (a
 * plan's status) in the reader's words. Pure (no DOM), so it is unit-tested.
 */
import type { TFunction } from 'i18next';
/** Params that are keys of a vocabulary, by error code: said in the reader's words, not as keys. */
const PARAM_VOCABULARY: Partial<Record<string, Record<string, string>>> = {
  'plan-transition': { from: 'planEditor.status', to: 'planEditor.status' },
  'out-path-invalid': { reason: 'pathReason' },
  'db-in-use': { kind: 'processKind' },
  'db-busy': { kind: 'processKind' },
};

export function errorParams(t: TFunction, code: string, params: Record<string, string | number> | undefined): Record<string, string | number> {
  const vocab = PARAM_VOCABULARY[code];
  if (!params || !vocab) return params ?? {};
  const out = { ...params };
  for (const [k, prefix] of Object.entries(vocab)) {
    const v = out[k];
    if (typeof v === 'string') out[k] = t(`${prefix}.${v}`, { defaultValue: v });
  }
  return out;
}
