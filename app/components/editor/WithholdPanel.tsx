/**
 * The "Zurückhalten" panel of an answer part's toolbar (issue 10): withholds the selected passage with a legal
 * reason, a subject and a public justification, as the `withheld` mark (app/editor/withheld.ts); changes or
 * lifts the withholding of the passage the cursor is in. The server checks everything again on save.
 */
import type { Editor } from "@tiptap/react";
import { useState } from "react";
import { WITHHOLDING_REASONS, withholdingReasonLabels } from "~/domain/labels";
import { answerText as t } from "~/domain/texts/answer";
import { WITHHELD_MARK, type WithheldAttrs } from "~/editor/withheld";

function newPassageKey(): string {
  return `p${Date.now().toString(36)}${Math.random().toString(36).slice(2, 10)}`;
}

export function WithholdPanel({ editor, id, onClose }: { editor: Editor; id: string; onClose: () => void }) {
  const current = editor.isActive(WITHHELD_MARK) ? (editor.getAttributes(WITHHELD_MARK) as WithheldAttrs) : null;
  const [reason, setReason] = useState(current?.reason ?? "");
  const [subject, setSubject] = useState(current?.subject ?? "");
  const [justification, setJustification] = useState(current?.justification ?? "");
  const [errors, setErrors] = useState<Record<string, string>>({});

  function apply() {
    const next: Record<string, string> = {};
    if (!current && editor.state.selection.empty) next.selection = t.withholdNoSelection;
    if (!reason) next.reason = t.reasonMissing;
    if (subject.trim() === "") next.subject = t.subjectMissing;
    if (justification.trim() === "") next.justification = t.justificationMissing;
    setErrors(next);
    if (Object.keys(next).length > 0) return;
    const attrs = {
      key: current?.key ?? newPassageKey(),
      reason,
      subject: subject.trim(),
      justification: justification.trim(),
    };
    const chain = editor.chain().focus();
    (current ? chain.extendMarkRange(WITHHELD_MARK) : chain).setMark(WITHHELD_MARK, attrs).run();
    onClose();
  }

  function lift() {
    editor.chain().focus().extendMarkRange(WITHHELD_MARK).unsetMark(WITHHELD_MARK).run();
    onClose();
  }

  const field = (name: string) => `${id}-withhold-${name}`;
  const described = (name: string) => (errors[name] ? `${field(name)}-error` : undefined);
  const error = (name: string) =>
    errors[name] ? (
      <p className="field-error" id={`${field(name)}-error`}>
        {errors[name]}
      </p>
    ) : null;

  return (
    <div
      className="editor-withhold"
      role="group"
      aria-labelledby={`${field("heading")}`}
      onKeyDown={(event) => {
        if (event.key === "Escape") {
          event.preventDefault();
          onClose();
        }
      }}
    >
      <p id={field("heading")} className="editor-withhold__heading">
        <strong>{t.withholdPanel}</strong>
      </p>
      <p className="field-hint">{t.withholdHint}</p>
      <p role="alert" className={errors.selection ? "field-error" : undefined}>
        {errors.selection}
      </p>
      <div className="field">
        <label htmlFor={field("reason")}>{t.withholdingReason}</label>
        <select
          id={field("reason")}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          aria-invalid={errors.reason ? true : undefined}
          aria-describedby={described("reason")}
          autoFocus
        >
          <option value="">–</option>
          {WITHHOLDING_REASONS.map((r) => (
            <option key={r} value={r}>
              {withholdingReasonLabels[r]}
            </option>
          ))}
        </select>
        {error("reason")}
      </div>
      <div className="field">
        <label htmlFor={field("subject")}>{t.withholdingSubject}</label>
        <input
          id={field("subject")}
          value={subject}
          maxLength={300}
          onChange={(e) => setSubject(e.target.value)}
          aria-invalid={errors.subject ? true : undefined}
          aria-describedby={described("subject")}
        />
        {error("subject")}
      </div>
      <div className="field">
        <label htmlFor={field("justification")}>{t.withholdingJustification}</label>
        <textarea
          id={field("justification")}
          value={justification}
          rows={3}
          maxLength={2000}
          onChange={(e) => setJustification(e.target.value)}
          aria-invalid={errors.justification ? true : undefined}
          aria-describedby={described("justification")}
        />
        {error("justification")}
      </div>
      <div className="button-row">
        <button type="button" className="button" onClick={apply}>
          {current ? t.withholdUpdate : t.withholdApply}
        </button>
        {current ? (
          <button type="button" className="button" onClick={lift}>
            {t.withholdRemove}
          </button>
        ) : null}
        <button type="button" className="button" onClick={onClose}>
          {t.withholdCancel}
        </button>
      </div>
    </div>
  );
}
