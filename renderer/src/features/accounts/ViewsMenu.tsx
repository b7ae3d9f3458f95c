import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SavedView } from '../../../../shared/api/accounts-views';
import { api } from '../../api/client';
import { useApiQuery } from '../../api/hooks';
import { errorText } from '../../lib/errors';
import { cx } from '../../lib/cx';
import { Button } from '../../ui/Button';
import { Dialog } from '../../ui/Dialog';
import { Icon } from '../../ui/icons';
import { useNotice } from '../../ui/Notice';
import { Popover } from '../../ui/Popover';
import { TextField } from '../../ui/TextField';
import { fromQuery, toQuery, type ListState } from './listState';

/** Saved views: the current search, filters and sort under a name; pick one to apply it, or delete it. */
export function ViewsMenu({ state, onApply }: { state: ListState; onApply: (s: ListState) => void }) {
  const { t } = useTranslation();
  const notice = useNotice();
  const views = useApiQuery('views-list', {}, ['saved_views']);
  const list = views.value ?? [];
  const current = list.find((v) => v.id === state.viewId);
  const [saving, setSaving] = useState(false);
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const apply = (v: SavedView) => {
    onApply(fromQuery(v.query, v.id));
    notice.success(t('accounts.views.applied', { name: v.name }));
  };

  const remove = async (v: SavedView) => {
    try {
      await api('views-delete', { id: v.id });
      notice.success(t('accounts.views.deleted', { name: v.name }));
    } catch (e) {
      notice.error(errorText(t, e));
    }
  };

  const save = async (e: FormEvent) => {
    e.preventDefault();
    const n = name.trim();
    if (!n) {
      setError(t('accounts.views.nameEmpty'));
      return;
    }
    setBusy(true);
    try {
      const same = list.find((v) => v.name === n);
      const { today: _today, ...query } = toQuery(state);
      const saved = await api('views-save', { ...(same ? { id: same.id } : {}), name: n, query });
      onApply({ ...state, viewId: saved.id });
      notice.success(t('accounts.views.saved', { name: saved.name }));
      setSaving(false);
    } catch (err) {
      setError(errorText(t, err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Popover
        align="end"
        triggerClassName={cx('btn btn--secondary', current && 'is-active')}
        panelLabel={t('accounts.views.menuLabel')}
        panelClassName="views__panel"
        trigger={
          <>
            <Icon name="bookmark" size={18} />
            <span className="btn__label views__label">{current ? t('accounts.views.current', { name: current.name }) : t('accounts.views.button')}</span>
            <Icon name="chevron-down" size={16} />
          </>
        }
      >
        {(close) => (
          <>
            <p className="views__title">{t('accounts.views.menuLabel')}</p>
            {list.length === 0 ? (
              <p className="views__empty">{t('accounts.views.empty')}</p>
            ) : (
              <ul className="views__list" role="list">
                {list.map((v) => (
                  <li key={v.id} className={cx('views__item', v.id === state.viewId && 'is-current')}>
                    <button
                      type="button"
                      className="views__apply"
                      aria-current={v.id === state.viewId ? 'true' : undefined}
                      onClick={() => {
                        apply(v);
                        close();
                      }}
                    >
                      {v.id === state.viewId ? <Icon name="check" size={16} /> : <span className="views__spacer" />}
                      <span>{v.name}</span>
                    </button>
                    <button type="button" className="icon-btn" aria-label={t('accounts.views.deleteFor', { name: v.name })} title={t('accounts.views.deleteFor', { name: v.name })} onClick={() => void remove(v)}>
                      <Icon name="trash" size={16} />
                    </button>
                  </li>
                ))}
              </ul>
            )}
            <div className="views__footer">
              <Button
                size="sm"
                icon="plus"
                onClick={() => {
                  close(false);
                  setName(current?.name ?? '');
                  setError(null);
                  setSaving(true);
                }}
              >
                {t('accounts.views.save')}
              </Button>
            </div>
          </>
        )}
      </Popover>
      <Dialog open={saving} title={t('accounts.views.saveTitle')} lead={t('accounts.views.saveBody')} onClose={() => setSaving(false)} busy={busy}>
        <form onSubmit={(e) => void save(e)} noValidate className="dialog__form">
          <TextField
            label={t('accounts.views.nameLabel')}
            hint={t('accounts.views.nameHint')}
            value={name}
            error={error}
            maxLength={100}
            autoComplete="off"
            onChange={(e) => {
              setName(e.target.value);
              setError(null);
            }}
          />
          <div className="dialog__actions">
            <Button onClick={() => setSaving(false)} disabled={busy}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" variant="primary" busy={busy}>
              {t('common.save')}
            </Button>
          </div>
        </form>
      </Dialog>
    </>
  );
}
