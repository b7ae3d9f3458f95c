/** What opens over the board: the "Move to…" menu, the reason popover, the group move, "who are you?", the matrix editor. */
import { useTranslation } from 'react-i18next';
import type { BoardCard, Matrix, Me } from '../../../../shared/api/board';
import { useNotice } from '../../ui/Notice';
import { GroupMoveDialog } from './GroupMove';
import { MatrixEditor } from './MatrixEditor';
import { MoveMenu } from './MoveMenu';
import { ReasonPopover } from './ReasonPopover';
import { DEFAULT_MATRIX, navigateBoard } from './route';
import { WhoPrompt } from './Toolbar';
import { focusCard, type useCardActions } from './useCardActions';
import type { Names } from './words';

export type EditorState = { matrix: Matrix | null };

interface Props {
  acts: ReturnType<typeof useCardActions>;
  /** The card the menu is open for (if still on the board). */
  menuCard: BoardCard | null;
  /** The matrix shown (none while it loads). */
  matrix: Matrix | undefined;
  /** The matrix in the URL. */
  current: string;
  names: Names;
  readOnly: boolean;
  me: Me | undefined;
  rememberReason: (moveId: number, reason: string) => void;
  editor: EditorState | null;
  onEditor: (e: EditorState | null) => void;
}

export function BoardOverlays({ acts, menuCard, matrix, current, names, readOnly, me, rememberReason, editor, onEditor }: Props) {
  const { t } = useTranslation();
  const notice = useNotice();
  const { menu, reason } = acts;
  return (
    <>
      {menu && menuCard && matrix && !readOnly ? (
        <MoveMenu
          card={menuCard}
          matrix={matrix}
          names={names}
          onPick={(to) => acts.doMove(menuCard, to, true)}
          onClose={(returnFocus) => {
            const m = menu;
            acts.setMenu(null);
            if (returnFocus) {
              requestAnimationFrame(() =>
                document.querySelector<HTMLElement>(m.from === 'card' ? `[data-account-id="${m.accountId}"] .bcard__menu` : '.detail__move')?.focus(),
              );
            }
          }}
        />
      ) : null}
      {reason ? (
        <ReasonPopover
          key={reason.moveId}
          target={reason}
          onSaved={(text) => {
            rememberReason(reason.moveId, text);
            notice.success(t('board.reason.saved', { name: reason.name }));
            acts.setReason(null);
            focusCard(reason.accountId);
          }}
          onClose={(returnFocus) => {
            acts.setReason(null);
            if (returnFocus) focusCard(reason.accountId);
          }}
        />
      ) : null}
      {acts.group && matrix && acts.pickedCards.length > 0 ? (
        <GroupMoveDialog
          matrix={matrix}
          names={names}
          accounts={acts.pickedCards.map((c) => c.name)}
          {...(acts.group.to !== undefined ? { initialTo: acts.group.to } : {})}
          onMove={acts.moveGroup}
          onClose={() => acts.setGroup(null)}
        />
      ) : null}
      {acts.who ? <WhoPrompt me={me} onDone={acts.whoAnswered} /> : null}
      {editor ? (
        <MatrixEditor
          matrix={editor.matrix}
          onClose={() => onEditor(null)}
          onSaved={(m) => {
            onEditor(null);
            if (m.key !== current) navigateBoard({ matrix: m.key, asOf: null, since: null });
          }}
          onDeleted={() => {
            onEditor(null);
            navigateBoard({ matrix: DEFAULT_MATRIX, asOf: null, since: null });
          }}
        />
      ) : null}
    </>
  );
}
