/**
 * The numbered question list of the draft form. Each question has its rich text field and buttons to move,
 * indent, outdent, add a sub-question and delete. The buttons are submit buttons (`op`), so they work without
 * JavaScript (the server applies the edit); with JavaScript `onOp` applies it in the browser instead.
 */
import type { MouseEvent } from "react";
import { formatQuestionOp, numberQuestions, type QuestionLevel, type QuestionOp } from "~/domain/draft";
import { draftText as t } from "~/domain/texts/draft";
import { typeWords, type TypeWords } from "~/domain/texts/type-words";
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
  /** The words of the Vorgang's type: questions of an Anfrage, Beschlussvorschläge of an Antrag. */
  words?: TypeWords;
}

export function QuestionFields({
  questions,
  hydrated,
  readOnly,
  errors,
  onOp,
  onChange,
  words = typeWords("inquiry"),
}: QuestionFieldsProps) {
  const part = words.partLabel;
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
              {part(slot.number)}
            </h3>
            <input type="hidden" name={`q-${index}-level`} value={slot.level} />
            <RichTextField
              id={`q-${index}`}
              name={`q-${index}`}
              label={words.partEditorLabel(slot.number)}
              hideLabel
              initialJson={q.json}
              initialText={q.text}
              hydrated={hydrated}
              readOnly={readOnly}
              error={errors[`question-${index}`]}
              onChange={onChange}
            />
            {readOnly ? null : (
              <div className="draft-question__actions" role="group" aria-label={part(slot.number)}>
                {opButton({ kind: "up", index }, t.moveUp(part(slot.number)), "↑", isFirstOfKind)}
                {opButton({ kind: "down", index }, t.moveDown(part(slot.number)), "↓", isLastOfKind)}
                {slot.level === 0
                  ? opButton({ kind: "indent", index }, t.indent(part(slot.number), words.toSubPart), "→", index === 0)
                  : opButton({ kind: "outdent", index }, t.outdent(part(slot.number), words.toMainPart), "←")}
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
                    {t.addSubQuestion(part(slot.number), words.subPart)}
                  </button>
                ) : null}
                {opButton({ kind: "remove", index }, t.removeQuestion(part(slot.number)), "✕")}
              </div>
            )}
          </li>
        );
      })}
    </ol>
  );
}
