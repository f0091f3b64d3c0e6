import { Fragment } from "react";
import { typeWords, type TypeWords } from "~/domain/texts/type-words";
import type { PublicToolInventory, QaRow } from "~/server/public/inquiries.server";
import { RichText } from "./RichText";
import { ToolInventory, ToolInventoryDetails } from "./ToolInventory";
import { WithheldNotice } from "./WithheldNotice";

/**
 * Questions next to their answers. A part that answers several questions jointly is shown once, beside all of
 * them (one row); withheld passages appear inside the part they belong to; a tool inventory's table follows the
 * row of the question it answers, across the full width, and its usage matrix and assessments follow the last row.
 */
export function QuestionAnswerGrid({
  rows,
  inventories,
  words = typeWords("inquiry"),
}: {
  rows: QaRow[];
  inventories: PublicToolInventory[];
  /** The type's words: a supervisory letter has "Punkt 1" where an inquiry has "Frage 1". */
  words?: TypeWords;
}) {
  const placed = new Set<string>();
  return (
    <div className="qa-grid">
      <div className="qa-grid__heading" aria-hidden="true">
        {words.partColumn}
      </div>
      <div className="qa-grid__heading" aria-hidden="true">
        Antwort
      </div>
      {rows.map((row, index) => {
        const numbers = row.questions.map((q) => q.number);
        const following = inventories.filter(
          (inventory) =>
            !placed.has(inventory.id) &&
            inventory.questionNumber !== null &&
            numbers.includes(inventory.questionNumber),
        );
        following.forEach((inventory) => placed.add(inventory.id));
        const key = row.questions[0]?.id ?? row.parts[0]?.id ?? String(index);
        return (
          <Fragment key={key}>
            <div className="qa-grid__question">
              {row.questions.length === 0 ? <p className="muted">Ergänzende Ausführungen der Antwort</p> : null}
              {row.questions.map((question) => (
                <div key={question.id} className="qa-question" id={`frage-${question.number}`}>
                  <h3 className="qa-question__number">{words.partLabel(question.number)}</h3>
                  {question.leadIn ? <p className="qa-question__lead-in">{question.leadIn}</p> : null}
                  <RichText html={question.bodyHtml} />
                </div>
              ))}
            </div>
            <div className={row.questions.length > 1 ? "qa-grid__answer qa-grid__answer--shared" : "qa-grid__answer"}>
              {numbers.length ? <p className="qa-grid__label">{words.answerTo(numbers)}</p> : null}
              {row.parts.length === 0 ? (
                <p className="muted">Zu dieser Frage enthält die Antwort keinen eigenen Abschnitt.</p>
              ) : null}
              {row.parts.map((part) => (
                <div key={part.id} className="qa-part">
                  {part.jointNote ? <p className="qa-part__joint-note">{part.jointNote}</p> : null}
                  <RichText html={part.bodyHtml} />
                  {part.withholdings.map((withholding) => (
                    <WithheldNotice key={withholding.id} withholding={withholding} />
                  ))}
                </div>
              ))}
            </div>
            {following.map((inventory) => (
              <div key={inventory.id} className="qa-grid__full">
                <ToolInventory inventory={inventory} withDetails={false} />
              </div>
            ))}
          </Fragment>
        );
      })}
      {inventories
        .filter((inventory) => placed.has(inventory.id))
        .map((inventory) => (
          <div key={`${inventory.id}-details`} className="qa-grid__full">
            <ToolInventoryDetails inventory={inventory} />
          </div>
        ))}
    </div>
  );
}

/** Inventories that the grid does not place (no question number, or no row with that question). */
export function unplacedInventories(rows: QaRow[], inventories: PublicToolInventory[]): PublicToolInventory[] {
  const numbers = new Set(rows.flatMap((row) => row.questions.map((q) => q.number)));
  return inventories.filter((inventory) => inventory.questionNumber === null || !numbers.has(inventory.questionNumber));
}
