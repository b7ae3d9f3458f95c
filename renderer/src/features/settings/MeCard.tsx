/**
 * "I am" (我是): who uses Keyplan here, chosen among our people. Board moves and plan approvals are
 * recorded as this person (user-set), never as the computer's login. The select (ui/MeSelect.tsx) is
 * shared with the board, which asks once when nobody is chosen (features/board/Toolbar.tsx).
 */
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../api/hooks';
import { errorText } from '../../lib/errors';
import { Card } from '../../ui/Card';
import { MeSelect } from '../../ui/MeSelect';

export function MeCard() {
  const { t } = useTranslation();
  const me = useApiQuery('user-get', {}, ['settings', 'people']);
  return (
    <Card title={t('settings.me.title')} lead={t('settings.me.lead')} className="settings-me">
      {me.error ? (
        <p className="inline-error" role="alert">
          {errorText(t, me.error)}
        </p>
      ) : null}
      <MeSelect me={me.value} onSaved={() => me.reload()} />
    </Card>
  );
}
