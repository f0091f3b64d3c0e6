/**
 * One rich text field of the draft form. Without JavaScript (and during server rendering) a labelled textarea
 * with the field's plain text; once hydrated, a Tiptap editor with the shared content extensions and a
 * toolbar. Either way the form posts `<name>-json` (the formatted content as the editor holds it, or as it was
 * loaded) and, without the editor, `<name>-text`; the server decides which one counts.
 *
 * The editor does not inject its default <style> (the CSP forbids inline styles): editor.css has what it needs.
 * Pasted HTML goes through cleanPastedHtml first (Word, LibreOffice).
 */
import { TextSelection } from "@tiptap/pm/state";
import type { EditorView } from "@tiptap/pm/view";
import { EditorContent, useEditor, type JSONContent } from "@tiptap/react";
import { useEffect, useRef, useState } from "react";
import { contentExtensions } from "~/editor/extensions";
import { cleanPastedHtml } from "~/editor/paste";
import { answerPartExtensions } from "~/editor/withheld";
import { draftText as t } from "~/domain/texts/draft";
import { Toolbar } from "./Toolbar";

export interface RichTextFieldProps {
  /** Id of the textarea or editable element; the label points at it. */
  id: string;
  /** Prefix of the posted fields: `<name>-json`, `<name>-text`. */
  name: string;
  label: string;
  /** Visually hidden label (when a heading already names the field). */
  hideLabel?: boolean;
  initialJson: unknown;
  initialText: string;
  hydrated: boolean;
  error?: string;
  readOnly?: boolean;
  /** An answer part's text: the editor knows the `withheld` mark and offers "Zurückhalten". */
  withholding?: boolean;
  /** Called with the editor's JSON on every change (not for the textarea: the form reads it on submit). */
  onChange?: (json: JSONContent) => void;
}

export function RichTextField(props: RichTextFieldProps) {
  const { id, name, label, hideLabel, initialJson, initialText, hydrated, error, readOnly } = props;
  const errorId = `${id}-error`;
  return (
    <div className={`field rich-field${error ? " rich-field--invalid" : ""}`}>
      {hydrated ? (
        // The editable element is no form control: it is named through aria-labelledby.
        <div id={`${id}-label`} className={hideLabel ? "visually-hidden" : "rich-field__label"}>
          {label}
        </div>
      ) : (
        <label id={`${id}-label`} htmlFor={id} className={hideLabel ? "visually-hidden" : undefined}>
          {label}
        </label>
      )}
      {hydrated ? (
        <TiptapField {...props} />
      ) : (
        <>
          <textarea
            id={id}
            name={`${name}-text`}
            defaultValue={initialText}
            rows={Math.min(16, Math.max(4, initialText.split("\n").length + 1))}
            readOnly={readOnly}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? errorId : undefined}
          />
          <input type="hidden" name={`${name}-json`} value={initialJson ? JSON.stringify(initialJson) : ""} />
        </>
      )}
      {error ? (
        <p className="field-error" id={errorId}>
          {error}
        </p>
      ) : null}
    </div>
  );
}

function TiptapField({ id, name, label, initialJson, error, readOnly, onChange, withholding }: RichTextFieldProps) {
  const [json, setJson] = useState(() => (initialJson ? JSON.stringify(initialJson) : ""));
  const onChangeRef = useRef(onChange);
  onChangeRef.current = onChange;
  const editor = useEditor({
    extensions: withholding ? answerPartExtensions : contentExtensions,
    content: (initialJson as JSONContent | null) ?? "",
    editable: !readOnly,
    immediatelyRender: false,
    injectCSS: false,
    editorProps: {
      attributes: {
        id,
        role: "textbox",
        "aria-multiline": "true",
        "aria-labelledby": `${id}-label`,
        ...(error ? { "aria-invalid": "true" } : {}),
        "aria-describedby": describedBy(id, error, readOnly),
        ...(readOnly ? { "aria-readonly": "true" } : {}),
        class: "rich-editor",
      },
      transformPastedHTML: cleanPastedHtml,
      handleKeyDown: leaveEditorKeys(id),
    },
    onCreate: ({ editor: e }) => setJson(JSON.stringify(e.getJSON())),
    onUpdate: ({ editor: e }) => {
      const next = e.getJSON();
      setJson(JSON.stringify(next));
      onChangeRef.current?.(next);
    },
  });

  // The error state changes after a save; keep the editable element's ARIA attributes current.
  useEffect(() => {
    if (!editor) return;
    editor.setOptions({
      editorProps: {
        ...editor.options.editorProps,
        attributes: {
          id,
          role: "textbox",
          "aria-multiline": "true",
          "aria-labelledby": `${id}-label`,
          ...(error ? { "aria-invalid": "true" } : {}),
          "aria-describedby": describedBy(id, error, readOnly),
          ...(readOnly ? { "aria-readonly": "true" } : {}),
          class: "rich-editor",
        },
      },
    });
  }, [editor, error, id, readOnly]);

  return (
    <>
      {editor && !readOnly ? <Toolbar editor={editor} id={id} fieldLabel={label} withholding={withholding} /> : null}
      {editor ? (
        <EditorContent editor={editor} />
      ) : (
        <div className="rich-editor rich-editor--loading" aria-hidden="true" />
      )}
      {readOnly ? null : (
        <p className="field-hint" id={`${id}-keys`}>
          {t.editorKeys}
        </p>
      )}
      <input type="hidden" name={`${name}-json`} value={json} />
    </>
  );
}

function describedBy(id: string, error: string | undefined, readOnly: boolean | undefined): string {
  return [readOnly ? null : `${id}-keys`, error ? `${id}-error` : null].filter(Boolean).join(" ");
}

/**
 * Makes the editor's selection what the browser shows selected. A selection made with keys the browser handles
 * itself (Shift+Home, Shift+arrows) reaches ProseMirror only with the next `selectionchange` event, which the
 * browser queues; when Escape comes first (a quick typist, a busy machine) the focus has left the editor by then
 * and ProseMirror ignores the event — a link set from the toolbar would then go to an empty selection.
 */
function takeDomSelection(view: EditorView) {
  const dom = view.dom.ownerDocument.getSelection();
  if (!dom?.anchorNode || !dom.focusNode) return;
  if (!view.dom.contains(dom.anchorNode) || !view.dom.contains(dom.focusNode)) return;
  const anchor = view.posAtDOM(dom.anchorNode, dom.anchorOffset);
  const head = view.posAtDOM(dom.focusNode, dom.focusOffset);
  const { selection } = view.state;
  if (anchor === selection.anchor && head === selection.head) return;
  view.dispatch(view.state.tr.setSelection(TextSelection.create(view.state.doc, anchor, head)));
}

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([type="hidden"]):not([disabled]), select:not([disabled]), textarea:not([disabled]), [contenteditable="true"], [tabindex]';

/** The next (or previous) element in the tab order outside `from`. */
function focusBeyond(from: HTMLElement, backward: boolean): boolean {
  const all = [...document.querySelectorAll<HTMLElement>(FOCUSABLE)].filter(
    (el) => el.tabIndex >= 0 && !from.contains(el) && el.getClientRects().length > 0,
  );
  const after = all.filter((el) => from.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING);
  const before = all.filter((el) => from.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_PRECEDING);
  const target = backward ? before[before.length - 1] : after[0];
  if (!target) return false;
  target.focus();
  return true;
}

/**
 * Keys that leave the editor (WCAG 2.1.2, no keyboard trap). Inside a table Tab moves from cell to cell; from
 * the last cell it leaves the editor (Shift+Tab from the first cell leaves backwards) instead of adding rows.
 * Escape moves to the field's toolbar. The field's hint says so (draftText.editorKeys).
 */
function leaveEditorKeys(id: string) {
  return (view: EditorView, event: KeyboardEvent): boolean => {
    if (event.key === "Escape") {
      const toolbar = document.querySelector<HTMLElement>(
        `[role="toolbar"][aria-controls="${id}"] button[tabindex="0"]`,
      );
      if (!toolbar) return false;
      takeDomSelection(view);
      toolbar.focus();
      return true;
    }
    if (event.key !== "Tab" || event.ctrlKey || event.altKey || event.metaKey) return false;
    const $head = view.state.selection.$head;
    for (let depth = $head.depth; depth > 0; depth -= 1) {
      if ($head.node(depth).type.name !== "table") continue;
      const table = $head.node(depth);
      const row = $head.index(depth);
      const cell = $head.index(depth + 1);
      const last = row === table.childCount - 1 && cell === table.child(row).childCount - 1;
      const first = row === 0 && cell === 0;
      if (event.shiftKey ? !first : !last) return false;
      return focusBeyond(view.dom as HTMLElement, event.shiftKey);
    }
    return false;
  };
}
