/**
 * The formatting toolbar of one rich text field: real buttons with German names, aria-pressed for marks and
 * blocks that are on, arrow keys move between buttons (roving tabindex, WAI-ARIA toolbar pattern). Links are
 * entered in a small labelled field instead of a browser prompt.
 */
import type { Editor } from "@tiptap/react";
import { useEditorState } from "@tiptap/react";
import { useRef, useState, type KeyboardEvent } from "react";
import { answerText } from "~/domain/texts/answer";
import { draftText as t } from "~/domain/texts/draft";
import { WITHHELD_MARK } from "~/editor/withheld";
import { WithholdPanel } from "./WithholdPanel";

const SAFE_LINK = /^(https?:\/\/|mailto:)\S+$/i;

interface ButtonSpec {
  key: string;
  label: string;
  short: string;
  /** The short sign is written text (a letter, "Ü3"), not a pictogram. */
  textual?: boolean;
  onClick: () => void;
  pressed?: boolean;
  disabled?: boolean;
}

interface ToolbarProps {
  editor: Editor;
  /** Id of the field, for ids of the link field. */
  id: string;
  fieldLabel: string;
  /** An answer part's text: offer "Zurückhalten" (the withheld mark is in its extension set). */
  withholding?: boolean;
}

export function Toolbar({ editor, id, fieldLabel, withholding }: ToolbarProps) {
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
      withheld: withholding ? e.isActive(WITHHELD_MARK) : false,
      canUndo: e.can().undo(),
      canRedo: e.can().redo(),
    }),
  });
  const [linkOpen, setLinkOpen] = useState(false);
  const [withholdOpen, setWithholdOpen] = useState(false);
  const withholdButtonRef = useRef<HTMLButtonElement>(null);
  const [href, setHref] = useState("");
  const [linkError, setLinkError] = useState<string | null>(null);
  // The roving tab stop: the key of the button that Tab reaches. It always lands on an enabled button (a
  // disabled one cannot take the focus, and the whole toolbar would drop out of the tab order).
  const [stop, setStop] = useState("bold");
  const toolbarRef = useRef<HTMLDivElement>(null);
  const linkButtonRef = useRef<HTMLButtonElement>(null);

  const run = (command: (chain: ReturnType<Editor["chain"]>) => ReturnType<Editor["chain"]>) => () => {
    command(editor.chain().focus()).run();
  };

  function closeLink() {
    setLinkOpen(false);
    setLinkError(null);
    // Back to where the user opened the field, never to <body>.
    requestAnimationFrame(() => linkButtonRef.current?.focus());
  }

  const specs: ButtonSpec[] = [
    { key: "bold", label: t.bold, short: "F", textual: true, onClick: run((c) => c.toggleBold()), pressed: state.bold },
    {
      key: "italic",
      label: t.italic,
      short: "K",
      textual: true,
      onClick: run((c) => c.toggleItalic()),
      pressed: state.italic,
    },
    {
      key: "h3",
      label: t.heading3,
      short: "Ü3",
      textual: true,
      onClick: run((c) => c.toggleHeading({ level: 3 })),
      pressed: state.h3,
    },
    {
      key: "h4",
      label: t.heading4,
      short: "Ü4",
      textual: true,
      onClick: run((c) => c.toggleHeading({ level: 4 })),
      pressed: state.h4,
    },
    {
      key: "bullet",
      label: t.bulletList,
      short: "•≡",
      onClick: run((c) => c.toggleBulletList()),
      pressed: state.bullet,
    },
    {
      key: "ordered",
      label: t.orderedList,
      short: "1≡",
      onClick: run((c) => c.toggleOrderedList()),
      pressed: state.ordered,
    },
    {
      key: "link",
      label: t.link,
      short: "Link",
      textual: true,
      onClick: () => {
        setHref(String(editor.getAttributes("link").href ?? ""));
        setLinkError(null);
        setLinkOpen((open) => !open);
      },
      pressed: state.link,
    },
    ...(withholding
      ? [
          {
            key: "withhold",
            label: answerText.withholdButton,
            short: answerText.withholdButton,
            textual: true,
            onClick: () => {
              setLinkOpen(false);
              setWithholdOpen((open) => !open);
            },
            pressed: state.withheld,
          },
        ]
      : []),
    {
      key: "table",
      label: t.insertTable,
      short: "▦",
      onClick: run((c) => c.insertTable({ rows: 2, cols: 2, withHeaderRow: true })),
      disabled: state.table,
    },
    {
      key: "row",
      label: t.addRow,
      short: "+Z",
      textual: true,
      onClick: run((c) => c.addRowAfter()),
      disabled: !state.table,
    },
    {
      key: "column",
      label: t.addColumn,
      short: "+S",
      textual: true,
      onClick: run((c) => c.addColumnAfter()),
      disabled: !state.table,
    },
    {
      key: "deleteTable",
      label: t.deleteTable,
      short: "✕▦",
      onClick: run((c) => c.deleteTable()),
      disabled: !state.table,
    },
    { key: "undo", label: t.undo, short: "↶", onClick: run((c) => c.undo()), disabled: !state.canUndo },
    { key: "redo", label: t.redo, short: "↷", onClick: run((c) => c.redo()), disabled: !state.canRedo },
  ];
  const enabledKeys = specs.filter((b) => !b.disabled).map((b) => b.key);
  const tabStop = enabledKeys.includes(stop) ? stop : (enabledKeys[0] ?? "bold");

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (!["ArrowLeft", "ArrowRight", "Home", "End"].includes(event.key)) return;
    const buttons = [...(toolbarRef.current?.querySelectorAll<HTMLButtonElement>("button:not([disabled])") ?? [])];
    const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
    if (at < 0) return;
    event.preventDefault();
    const next =
      event.key === "Home"
        ? 0
        : event.key === "End"
          ? buttons.length - 1
          : (at + (event.key === "ArrowRight" ? 1 : -1) + buttons.length) % buttons.length;
    setStop(buttons[next]!.dataset.key ?? "bold");
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

  const button = (spec: ButtonSpec) => (
    <button
      key={spec.key}
      type="button"
      data-key={spec.key}
      ref={spec.key === "link" ? linkButtonRef : spec.key === "withhold" ? withholdButtonRef : undefined}
      className="editor-toolbar__button"
      title={spec.label}
      aria-pressed={spec.pressed}
      disabled={spec.disabled}
      tabIndex={spec.key === tabStop ? 0 : -1}
      // A pointer click must not take the focus (and the selection) from the text: the format applies to what
      // is typed next without a round trip of the focus.
      onMouseDown={(event) => event.preventDefault()}
      onFocus={() => setStop(spec.key)}
      onClick={spec.onClick}
    >
      {/* The accessible name contains what is on screen (WCAG 2.5.3): a written sign ("Ü3", "+Z") is read
          before the German word; a pictogram ("▦", "↶") is decoration and only the word is read. */}
      {spec.textual && spec.label !== spec.short ? (
        <>
          <span>{spec.short}</span>
          <span className="visually-hidden"> {spec.label}</span>
        </>
      ) : spec.textual ? (
        <span>{spec.label}</span>
      ) : (
        <>
          <span aria-hidden="true">{spec.short}</span>
          <span className="visually-hidden">{spec.label}</span>
        </>
      )}
    </button>
  );

  return (
    <div className="editor-toolbar-wrap">
      <div
        className="editor-toolbar"
        role="toolbar"
        aria-label={t.toolbar(fieldLabel)}
        aria-controls={id}
        ref={toolbarRef}
        onKeyDown={onKeyDown}
      >
        {specs.map(button)}
      </div>
      {withholdOpen ? (
        <WithholdPanel
          editor={editor}
          id={id}
          onClose={() => {
            setWithholdOpen(false);
            requestAnimationFrame(() => withholdButtonRef.current?.focus());
          }}
        />
      ) : null}
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
              if (e.key === "Escape") {
                e.preventDefault();
                closeLink();
              }
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
          {/* Always in the page, so that the message is announced when it appears. */}
          <p className={linkError ? "field-error" : undefined} id={`${id}-link-error`} role="alert">
            {linkError}
          </p>
        </div>
      ) : null}
    </div>
  );
}
