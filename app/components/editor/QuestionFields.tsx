/**
 * The numbered question list of the draft form. Each question has its rich text field and buttons to move,
 * indent, outdent, add a sub-question and delete. The buttons are submit buttons (`op`), so they work without
 * JavaScript (the server applies the edit); with JavaScript `onOp` applies it in the browser instead.
 */
import type { MouseEvent } from "react";
import { formatQuestionOp, numberQuestions, type QuestionLevel, type QuestionOp } from "~/domain/draft";
import { draftText as t } from "~/domain/texts/draft";
import { RichTextField } from "./RichTextField";

export interface QuestionState {
  /** Stable React key, so that an editor keeps its content while the question moves. */
  key: string;
  level: QuestionLevel;
  json: unknown;
  text: string;
}

interface QuestionFieldsProps {
  questions: QuestionState[];
  hydrated: boolean;
  readOnly: boolean;
  errors: Record<string, string>;
  onOp: (op: QuestionOp) => void;
  onChange: () => void;
}

export function QuestionFields({ questions, hydrated, readOnly, errors, onOp, onChange }: QuestionFieldsProps) {
  const slots = numberQuestions(questions.map((q) => q.level));
  const opButton = (op: QuestionOp, label: string, text: string, disabled = false) => (
    <button
      type="submit"
      name="op"
      value={formatQuestionOp(op)}
      className="button button--small"
      title={label}
      disabled={disabled}
      onClick={(event: MouseEvent<HTMLButtonElement>) => {
        if (!hydrated) return;
        event.preventDefault();
        onOp(op);
      }}
    >
      <span aria-hidden="true">{text}</span>
      <span className="visually-hidden">{label}</span>
    </button>
  );

  return (
    <ol className="draft-questions plain-list">
      {questions.map((q, index) => {
        const slot = slots[index]!;
        const prevLevel = questions[index - 1]?.level;
        const nextLevel = questions[index + 1]?.level;
        const isFirstOfKind =
          slot.level === 1 ? prevLevel === 0 : !questions.slice(0, index).some((x) => x.level === 0);
        const isLastOfKind =
          slot.level === 1 ? nextLevel !== 1 : !questions.slice(index + 1).some((x) => x.level === 0);
        return (
          <li
            key={q.key}
            data-question-key={q.key}
            className={`draft-question${slot.level === 1 ? " draft-question--sub" : ""}`}
          >
            <h3 id={`q-${index}-heading`} tabIndex={-1}>
              {t.question(slot.number)}
            </h3>
            <input type="hidden" name={`q-${index}-level`} value={slot.level} />
            <RichTextField
              id={`q-${index}`}
              name={`q-${index}`}
              label={t.questionEditorLabel(slot.number)}
              hideLabel
              initialJson={q.json}
              initialText={q.text}
              hydrated={hydrated}
              readOnly={readOnly}
              error={errors[`question-${index}`]}
              onChange={onChange}
            />
            {readOnly ? null : (
              <div className="draft-question__actions" role="group" aria-label={t.question(slot.number)}>
                {opButton({ kind: "up", index }, t.moveUp(slot.number), "↑", isFirstOfKind)}
                {opButton({ kind: "down", index }, t.moveDown(slot.number), "↓", isLastOfKind)}
                {slot.level === 0
                  ? opButton({ kind: "indent", index }, t.indent(slot.number), "→", index === 0)
                  : opButton({ kind: "outdent", index }, t.outdent(slot.number), "←")}
                {slot.level === 0 ? (
                  <button
                    type="submit"
                    name="op"
                    value={formatQuestionOp({ kind: "add_sub", index })}
                    className="button button--small"
                    onClick={(event) => {
                      if (!hydrated) return;
                      event.preventDefault();
                      onOp({ kind: "add_sub", index });
                    }}
                  >
                    {t.addSubQuestion(slot.number)}
                  </button>
                ) : null}
                {opButton({ kind: "remove", index }, t.removeQuestion(slot.number), "✕")}
              </div>
            )}
          </li>
        );
      })}
    </ol>
  );
}
