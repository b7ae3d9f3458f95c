/**
 * One section's text: a TipTap editor (headings, bold / italic, lists, tables, links) with a small
 * toolbar, and autosave. Saving waits ~800 ms after the last keystroke, and happens at once when the
 * editor loses focus, when the page goes away and when the component unmounts. Every save carries
 * the `updatedAt` the text was based on; a section changed elsewhere is refused (plan-conflict) and
 * the user's text stays in the editor with a choice: reload what is saved, or overwrite it.
 *
 * Every change is also written at once to a local journal (see journal.ts), cleared when the server
 * confirms the save of that text; a section that opens with a journal entry left by a crash or quit
 * restores it and saves it (the server text is still the one it was based on) or offers it as a
 * conflict (the server text changed since).
 *
 * Pasted Word or web content is kept as the editor's schema reads it and cleaned by the backend's
 * sanitiser on save.
 */
import { EditorContent, useEditor, useEditorState, type Editor } from '@tiptap/react';
import { Link } from '@tiptap/extension-link';
import { Placeholder } from '@tiptap/extension-placeholder';
import { Table } from '@tiptap/extension-table';
import { TableCell } from '@tiptap/extension-table-cell';
import { TableHeader } from '@tiptap/extension-table-header';
import { TableRow } from '@tiptap/extension-table-row';
import { StarterKit } from '@tiptap/starter-kit';
import { useCallback, useEffect, useMemo, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlanSection } from '../../../../shared/api/plans';
import type { PlanSectionKey } from '../../../../shared/domain/plan';
import { api, ApiFailure } from '../../api/client';
import { cx } from '../../lib/cx';
import { errorText } from '../../lib/errors';
import { Button } from '../../ui/Button';
import { useNotice } from '../../ui/Notice';
import { clearJournal, readJournal, recovery, writeJournal, type JournalStorage } from './journal';

export const AUTOSAVE_DELAY_MS = 800;

/** The browser's localStorage for the journal, or null where it cannot be used. */
function browserStorage(): JournalStorage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

export type SaveState = { kind: 'saved' } | { kind: 'unsaved' } | { kind: 'saving' } | { kind: 'error'; message: string } | { kind: 'conflict'; serverUpdatedAt: string; recovered?: boolean };

function extensions(placeholder: string) {
  return [
    StarterKit.configure({ heading: { levels: [2, 3, 4] }, code: false, codeBlock: false, horizontalRule: false, link: false }),
    Link.configure({ openOnClick: false, autolink: true, protocols: ['mailto'], HTMLAttributes: { rel: 'noopener noreferrer', target: null } }),
    // cellMinWidth small: the table is fitted to the text column by CSS (plans.css), never wider
    Table.configure({ resizable: false, cellMinWidth: 24 }),
    TableRow,
    TableHeader,
    TableCell,
    Placeholder.configure({ placeholder }),
  ];
}

function ToolButton({ label, active, disabled, onClick, children }: { label: string; active?: boolean; disabled?: boolean; onClick: () => void; children: ReactNode }) {
  return (
    <button
      type="button"
      className={cx('rt-tool', active && 'is-active')}
      aria-label={label}
      title={label}
      aria-pressed={active === undefined ? undefined : active}
      disabled={disabled}
      onMouseDown={(e) => e.preventDefault()}
      onClick={onClick}
    >
      {children}
    </button>
  );
}

/** A chain link (struck through: remove the link). */
function LinkGlyph({ off = false }: { off?: boolean }) {
  return (
    <svg width="16" height="16" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" aria-hidden="true">
      <path d="M10 13a5 5 0 0 0 7.07 0l3-3a5 5 0 0 0-7.07-7.07l-1.5 1.5" />
      <path d="M14 11a5 5 0 0 0-7.07 0l-3 3a5 5 0 0 0 7.07 7.07l1.5-1.5" />
      {off ? <path d="M3 3l18 18" /> : null}
    </svg>
  );
}

/** A numbered list drawn, not typed: a glyph of text ("1.") would be read as the button's label. */
function OrderedListGlyph() {
  return (
    <svg width="16" height="16" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" aria-hidden="true">
      <path d="M10 6h11M10 12h11M10 18h11" />
      <path d="M4 4.5l1.5-1v5" strokeWidth="1.6" />
      <path d="M3.5 14.5a1.5 1.5 0 0 1 3 .3c0 1-3 2.2-3 3.7h3" strokeWidth="1.6" />
    </svg>
  );
}

function Toolbar({ editor, sectionName }: { editor: Editor; sectionName: string }) {
  const { t } = useTranslation();
  const s = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      h2: e.isActive('heading', { level: 2 }),
      h3: e.isActive('heading', { level: 3 }),
      bold: e.isActive('bold'),
      italic: e.isActive('italic'),
      bullet: e.isActive('bulletList'),
      ordered: e.isActive('orderedList'),
      link: e.isActive('link'),
      table: e.isActive('table'),
      canUndo: e.can().undo(),
      canRedo: e.can().redo(),
    }),
  });
  const [linking, setLinking] = useState<string | null>(null);
  const chain = () => editor.chain().focus();
  const applyLink = (e: FormEvent) => {
    e.preventDefault();
    const href = (linking ?? '').trim();
    if (href && /^(https?:\/\/|mailto:)/i.test(href)) chain().extendMarkRange('link').setLink({ href }).run();
    else if (!href) chain().extendMarkRange('link').unsetLink().run();
    setLinking(null);
  };
  return (
    <div className="rt-toolbar" role="toolbar" aria-label={t('planEditor.toolbar.label', { section: sectionName })}>
      <ToolButton label={t('planEditor.toolbar.paragraph')} onClick={() => chain().setParagraph().run()}>
        ¶
      </ToolButton>
      <ToolButton label={t('planEditor.toolbar.h2')} active={s.h2} onClick={() => chain().toggleHeading({ level: 2 }).run()}>
        H2
      </ToolButton>
      <ToolButton label={t('planEditor.toolbar.h3')} active={s.h3} onClick={() => chain().toggleHeading({ level: 3 }).run()}>
        H3
      </ToolButton>
      <span className="rt-sep" aria-hidden="true" />
      <ToolButton label={t('planEditor.toolbar.bold')} active={s.bold} onClick={() => chain().toggleBold().run()}>
        B
      </ToolButton>
      <ToolButton label={t('planEditor.toolbar.italic')} active={s.italic} onClick={() => chain().toggleItalic().run()}>
        I
      </ToolButton>
      <span className="rt-sep" aria-hidden="true" />
      <ToolButton label={t('planEditor.toolbar.bulletList')} active={s.bullet} onClick={() => chain().toggleBulletList().run()}>
        •≡
      </ToolButton>
      <ToolButton label={t('planEditor.toolbar.orderedList')} active={s.ordered} onClick={() => chain().toggleOrderedList().run()}>
        <OrderedListGlyph />
      </ToolButton>
      <span className="rt-sep" aria-hidden="true" />
      <ToolButton label={t('planEditor.toolbar.table')} onClick={() => chain().insertTable({ rows: 3, cols: 3, withHeaderRow: true }).run()}>
        ⊞
      </ToolButton>
      {s.table ? (
        <>
          <ToolButton label={t('planEditor.toolbar.addRow')} onClick={() => chain().addRowAfter().run()}>
            +⎯
          </ToolButton>
          <ToolButton label={t('planEditor.toolbar.addColumn')} onClick={() => chain().addColumnAfter().run()}>
            +|
          </ToolButton>
          <ToolButton label={t('planEditor.toolbar.deleteRow')} onClick={() => chain().deleteRow().run()}>
            −⎯
          </ToolButton>
          <ToolButton label={t('planEditor.toolbar.deleteColumn')} onClick={() => chain().deleteColumn().run()}>
            −|
          </ToolButton>
          <ToolButton label={t('planEditor.toolbar.deleteTable')} onClick={() => chain().deleteTable().run()}>
            ⊠
          </ToolButton>
        </>
      ) : null}
      <ToolButton label={t('planEditor.toolbar.link')} active={s.link} onClick={() => setLinking((editor.getAttributes('link').href as string | undefined) ?? 'https://')}>
        <LinkGlyph />
      </ToolButton>
      {s.link ? (
        <ToolButton label={t('planEditor.toolbar.unlink')} onClick={() => chain().extendMarkRange('link').unsetLink().run()}>
          ⛓̸
        </ToolButton>
      ) : null}
      <span className="rt-sep" aria-hidden="true" />
      <ToolButton label={t('planEditor.toolbar.undo')} disabled={!s.canUndo} onClick={() => chain().undo().run()}>
        ↶
      </ToolButton>
      <ToolButton label={t('planEditor.toolbar.redo')} disabled={!s.canRedo} onClick={() => chain().redo().run()}>
        ↷
      </ToolButton>
      {linking !== null ? (
        <form className="rt-link" onSubmit={applyLink}>
          <input
            aria-label={t('planEditor.toolbar.linkPrompt')}
            placeholder={t('planEditor.toolbar.linkPrompt')}
            className="field__input rt-link__input"
            value={linking}
            autoFocus
            onChange={(e) => setLinking(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Escape') {
                e.preventDefault();
                setLinking(null);
              }
            }}
          />
          <Button size="sm" type="submit">
            {t('common.save')}
          </Button>
        </form>
      ) : null}
    </div>
  );
}

export interface SectionTextProps {
  planId: number;
  section: PlanSectionKey;
  sectionName: string;
  /** The section as the server has it now. */
  server: PlanSection;
  editable: boolean;
  /** Reads the section again from the server (for "reload" after a conflict). */
  fetchServer: () => Promise<PlanSection | undefined>;
  onState?: (section: PlanSectionKey, state: SaveState) => void;
  /** Gives the editor screen a way to save what is pending before a workflow step; returns the unregister. */
  register?: (section: PlanSectionKey, flush: () => Promise<void>) => () => void;
  /** The template's guiding question, shown while the section is empty. */
  guide?: string;
}

export function SectionText({ planId, section, sectionName, server, editable, fetchServer, onState, register, guide }: SectionTextProps) {
  const { t } = useTranslation();
  const notify = useNotice();
  const storage = useMemo(() => browserStorage(), []);
  const base = useRef({ html: server.html, updatedAt: server.updatedAt });
  const dirty = useRef(false);
  const saving = useRef(false);
  const inflight = useRef<Promise<void> | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const editorRef = useRef<Editor | null>(null);
  const [state, setStateRaw] = useState<SaveState>({ kind: 'saved' });
  const stateRef = useRef(state);
  /** Text recovered from the journal and saved: said in the section until the next edit. */
  const [restored, setRestored] = useState(false);
  const setState = useCallback(
    (s: SaveState) => {
      stateRef.current = s;
      setStateRaw(s);
      onState?.(section, s);
    },
    [onState, section],
  );

  const save = useCallback(
    async (baseUpdatedAt?: string): Promise<void> => {
      if (inflight.current) await inflight.current;
      if (timer.current) clearTimeout(timer.current);
      timer.current = null;
      const editor = editorRef.current;
      if (!editor || saving.current || !dirty.current) return;
      if (stateRef.current.kind === 'conflict' && baseUpdatedAt === undefined) return;
      let html: string;
      try {
        html = editor.getHTML();
      } catch {
        return; // destroyed
      }
      dirty.current = false;
      saving.current = true;
      setState({ kind: 'saving' });
      let done = () => {};
      inflight.current = new Promise<void>((resolve) => (done = resolve));
      try {
        const saved = await api('plan-section-save', { planId, section, html, baseUpdatedAt: baseUpdatedAt ?? base.current.updatedAt });
        base.current = { html: saved.html, updatedAt: saved.updatedAt };
        clearJournal(storage, planId, section, html);
        setState(dirty.current ? { kind: 'unsaved' } : { kind: 'saved' });
      } catch (e) {
        dirty.current = true;
        if (e instanceof ApiFailure && e.code === 'plan-conflict') setState({ kind: 'conflict', serverUpdatedAt: String(e.params.updatedAt ?? '') });
        else setState({ kind: 'error', message: errorText(t, e) });
      } finally {
        saving.current = false;
        inflight.current = null;
        done();
      }
      if (dirty.current && stateRef.current.kind === 'unsaved') schedule();
    },
    [planId, section, setState, storage, t],
  );
  const saveRef = useRef(save);
  saveRef.current = save;

  function schedule() {
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => void saveRef.current(), AUTOSAVE_DELAY_MS);
  }

  const placeholder = guide || t('planEditor.placeholder', { section: sectionName });
  const exts = useMemo(() => extensions(placeholder), [placeholder]);
  const editor = useEditor({
    extensions: exts,
    content: server.html,
    editable,
    injectCSS: false,
    editorProps: {
      attributes: { 'aria-label': t('planEditor.textLabel', { section: sectionName }), 'aria-multiline': 'true', role: 'textbox', class: 'rt-content' },
    },
    onUpdate: ({ editor: e }) => {
      dirty.current = true;
      setRestored(false);
      writeJournal(storage, planId, section, { html: e.getHTML(), baseUpdatedAt: base.current.updatedAt, at: new Date().toISOString() });
      if (stateRef.current.kind !== 'conflict') {
        if (stateRef.current.kind !== 'unsaved') setState({ kind: 'unsaved' });
        schedule();
      }
    },
    onBlur: () => void saveRef.current(),
  });
  editorRef.current = editor;

  useEffect(() => {
    editor.setEditable(editable, false);
  }, [editor, editable]);

  // The server's copy changed (another window, a reload, a new version): take it when nothing is pending.
  useEffect(() => {
    if (server.updatedAt === base.current.updatedAt) return;
    if (dirty.current || saving.current) return;
    base.current = { html: server.html, updatedAt: server.updatedAt };
    editor.commands.setContent(server.html, { emitUpdate: false });
  }, [editor, server.html, server.updatedAt]);

  // A journal entry left by a crash or quit: restore it and save it, or offer it as a conflict.
  const recovered = useRef(false);
  useEffect(() => {
    if (recovered.current || !editable) return;
    recovered.current = true;
    const found = recovery(readJournal(storage, planId, section), { html: editor.getHTML(), updatedAt: base.current.updatedAt });
    if (found.kind === 'none') {
      clearJournal(storage, planId, section);
      return;
    }
    editor.commands.setContent(found.html, { emitUpdate: false });
    dirty.current = true;
    if (found.kind === 'restore') {
      setRestored(true);
      notify.success(t('planEditor.save.restored', { section: sectionName }), { duration: 8000 });
      void saveRef.current();
    } else {
      setState({ kind: 'conflict', serverUpdatedAt: base.current.updatedAt, recovered: true });
    }
  }, [editor, editable, notify, planId, section, sectionName, setState, storage, t]);

  useEffect(() => register?.(section, () => saveRef.current()), [register, section]);

  // Leaving the page or the screen: save what is pending.
  useEffect(() => {
    const flush = () => void saveRef.current();
    window.addEventListener('beforeunload', flush);
    window.addEventListener('pagehide', flush);
    return () => {
      window.removeEventListener('beforeunload', flush);
      window.removeEventListener('pagehide', flush);
      flush();
    };
  }, []);

  const reload = async () => {
    const fresh = await fetchServer();
    if (!fresh) return;
    base.current = { html: fresh.html, updatedAt: fresh.updatedAt };
    dirty.current = false;
    clearJournal(storage, planId, section);
    editor.commands.setContent(fresh.html, { emitUpdate: false });
    setState({ kind: 'saved' });
  };
  const overwrite = () => {
    if (state.kind !== 'conflict') return;
    dirty.current = true;
    void save(state.serverUpdatedAt);
  };

  return (
    <div className={cx('rt', !editable && 'rt--readonly')} data-section={section}>
      {editable ? <Toolbar editor={editor} sectionName={sectionName} /> : null}
      <EditorContent editor={editor} className="rt-editor" />
      {!editable && !server.html ? <p className="muted rt-empty">{t('planEditor.empty')}</p> : null}
      {editable ? (
        <p className={cx('rt-status', `rt-status--${state.kind}`)} role="status" data-testid={`save-${section}`}>
          {state.kind === 'saved'
            ? t('planEditor.save.saved')
            : state.kind === 'saving'
              ? t('planEditor.save.saving')
              : state.kind === 'unsaved'
                ? t('planEditor.save.unsaved')
                : state.kind === 'error'
                  ? t('planEditor.save.failed', { error: state.message })
                  : ''}
          {state.kind === 'error' ? (
            <Button size="sm" variant="ghost" onClick={() => void save()}>
              {t('planEditor.save.retry')}
            </Button>
          ) : null}
        </p>
      ) : null}
      {restored ? (
        <p className="rt-restored" data-testid={`restored-${section}`}>
          {t('planEditor.save.restoredNote')}
        </p>
      ) : null}
      {state.kind === 'conflict' ? (
        <div className="rt-conflict" role="alert">
          <p className="rt-conflict__title">{t('planEditor.save.conflictTitle')}</p>
          <p>{state.recovered ? t('planEditor.save.conflictRecovered') : t('planEditor.save.conflictBody')}</p>
          <div className="rt-conflict__actions">
            <Button size="sm" onClick={() => void reload()}>
              {t('planEditor.save.reload')}
            </Button>
            <Button size="sm" variant="primary" onClick={overwrite}>
              {t('planEditor.save.overwrite')}
            </Button>
          </div>
        </div>
      ) : null}
    </div>
  );
}
