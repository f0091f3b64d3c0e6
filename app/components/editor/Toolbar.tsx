/**
 * The formatting toolbar of one rich text field: real buttons with German names, aria-pressed for marks and
 * blocks that are on, arrow keys move between buttons (roving tabindex, WAI-ARIA toolbar pattern). Links are
 * entered in a small labelled field instead of a browser prompt.
 */
import type { Editor } from "@tiptap/react";
import { useEditorState } from "@tiptap/react";
import { useRef, useState, type KeyboardEvent, type ReactNode } from "react";
import { draftText as t } from "~/domain/texts/draft";

const SAFE_LINK = /^(https?:\/\/|mailto:)\S+$/i;

interface ToolbarProps {
  editor: Editor;
  /** Id of the field, for ids of the link field. */
  id: string;
  fieldLabel: string;
}

export function Toolbar({ editor, id, fieldLabel }: ToolbarProps) {
  const state = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      bold: e.isActive("bold"),
      italic: e.isActive("italic"),
      h3: e.isActive("heading", { level: 3 }),
      h4: e.isActive("heading", { level: 4 }),
      bullet: e.isActive("bulletList"),
      ordered: e.isActive("orderedList"),
      link: e.isActive("link"),
      table: e.isActive("table"),
      canUndo: e.can().undo(),
      canRedo: e.can().redo(),
    }),
  });
  const [linkOpen, setLinkOpen] = useState(false);
  const [href, setHref] = useState("");
  const [linkError, setLinkError] = useState<string | null>(null);
  const toolbarRef = useRef<HTMLDivElement>(null);

  const run = (command: (chain: ReturnType<Editor["chain"]>) => ReturnType<Editor["chain"]>) => () => {
    command(editor.chain().focus()).run();
  };

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (!["ArrowLeft", "ArrowRight", "Home", "End"].includes(event.key)) return;
    const buttons = [...(toolbarRef.current?.querySelectorAll<HTMLButtonElement>("button:not([disabled])") ?? [])];
    const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
    if (at < 0) return;
    event.preventDefault();
    const next =
      event.key === "Home" ? 0 : event.key === "End" ? buttons.length - 1 : (at + (event.key === "ArrowRight" ? 1 : -1) + buttons.length) % buttons.length;
    for (const b of buttons) b.tabIndex = -1;
    buttons[next]!.tabIndex = 0;
    buttons[next]!.focus();
  }

  function applyLink() {
    const value = href.trim();
    if (value === "") {
      editor.chain().focus().extendMarkRange("link").unsetLink().run();
    } else if (!SAFE_LINK.test(value)) {
      setLinkError(t.linkInvalid);
      return;
    } else {
      editor.chain().focus().extendMarkRange("link").setLink({ href: value }).run();
    }
    setLinkError(null);
    setLinkOpen(false);
  }

  const button = (label: string, onClick: () => void, options: { pressed?: boolean; disabled?: boolean; first?: boolean; text: ReactNode }) => (
    <button
      type="button"
      className="editor-toolbar__button"
      title={label}
      aria-pressed={options.pressed}
      disabled={options.disabled}
      tabIndex={options.first ? 0 : -1}
      // A pointer click must not take the focus (and the selection) from the text: the format applies to what
      // is typed next without a round trip of the focus.
      onMouseDown={(event) => event.preventDefault()}
      onClick={onClick}
    >
      {/* The short sign is decoration; the name is the German word (no aria-label that would differ from it). */}
      <span aria-hidden="true">{options.text}</span>
      <span className="visually-hidden">{label}</span>
    </button>
  );

  return (
    <div className="editor-toolbar-wrap">
      <div className="editor-toolbar" role="toolbar" aria-label={t.toolbar(fieldLabel)} aria-controls={id} ref={toolbarRef} onKeyDown={onKeyDown}>
        {button(t.bold, run((c) => c.toggleBold()), { pressed: state.bold, first: true, text: <b>F</b> })}
        {button(t.italic, run((c) => c.toggleItalic()), { pressed: state.italic, text: <i>K</i> })}
        {button(t.heading3, run((c) => c.toggleHeading({ level: 3 })), { pressed: state.h3, text: "Ü3" })}
        {button(t.heading4, run((c) => c.toggleHeading({ level: 4 })), { pressed: state.h4, text: "Ü4" })}
        {button(t.bulletList, run((c) => c.toggleBulletList()), { pressed: state.bullet, text: "•≡" })}
        {button(t.orderedList, run((c) => c.toggleOrderedList()), { pressed: state.ordered, text: "1≡" })}
        {button(t.link, () => {
          setHref(String(editor.getAttributes("link").href ?? ""));
          setLinkOpen((open) => !open);
        }, { pressed: state.link, text: "Link" })}
        {button(t.insertTable, run((c) => c.insertTable({ rows: 2, cols: 2, withHeaderRow: true })), { disabled: state.table, text: "▦" })}
        {button(t.addRow, run((c) => c.addRowAfter()), { disabled: !state.table, text: "+Z" })}
        {button(t.addColumn, run((c) => c.addColumnAfter()), { disabled: !state.table, text: "+S" })}
        {button(t.deleteTable, run((c) => c.deleteTable()), { disabled: !state.table, text: "✕▦" })}
        {button(t.undo, run((c) => c.undo()), { disabled: !state.canUndo, text: "↶" })}
        {button(t.redo, run((c) => c.redo()), { disabled: !state.canRedo, text: "↷" })}
      </div>
      {linkOpen ? (
        <div className="editor-link">
          <label htmlFor={`${id}-link`}>{t.linkAddress}</label>
          <input
            id={`${id}-link`}
            type="url"
            value={href}
            onChange={(e) => setHref(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === "Enter") {
                e.preventDefault();
                applyLink();
              }
              if (e.key === "Escape") setLinkOpen(false);
            }}
            aria-invalid={linkError ? true : undefined}
            aria-describedby={linkError ? `${id}-link-error` : undefined}
            autoFocus
          />
          <button type="button" className="button" onClick={applyLink}>
            {t.linkApply}
          </button>
          {state.link ? (
            <button
              type="button"
              className="button"
              onClick={() => {
                setHref("");
                editor.chain().focus().extendMarkRange("link").unsetLink().run();
                setLinkOpen(false);
              }}
            >
              {t.linkRemove}
            </button>
          ) : null}
          {linkError ? (
            <p className="field-error" id={`${id}-link-error`}>
              {linkError}
            </p>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
