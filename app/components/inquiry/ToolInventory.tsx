import type { PublicToolInventory } from "~/server/public/inquiries.server";
import { CriteriaAssessment } from "./CriteriaAssessment";
import { answerToSuffix, ToolInventoryTable } from "./ToolInventoryTable";
import { UsageMatrix } from "./UsageMatrix";

/**
 * The inventory table with its chart, as it follows the answer to its question
 * (`withDetails` adds the usage matrix and the criteria assessments right after it).
 */
export function ToolInventory({
  inventory,
  withDetails = true,
}: {
  inventory: PublicToolInventory;
  withDetails?: boolean;
}) {
  const headingId = `inventar-${inventory.id}`;
  return (
    <section className="inventory" aria-labelledby={headingId}>
      <h3 id={headingId}>
        Übersicht: {inventory.title}
        {answerToSuffix(inventory.questionNumber)}
      </h3>
      <ToolInventoryTable inventory={inventory} />
      {withDetails ? <ToolInventoryDetailsContent inventory={inventory} headingId={headingId} /> : null}
    </section>
  );
}

/**
 * The usage matrix and criteria assessments of an inventory, after the answers. A matrix that the answer names
 * as a document part of its own (the Landtag NRW's "Anlage zur Antwort auf Frage 1") is a section under that
 * name, after the assessments, as the document prints it last; otherwise both follow as further details.
 */
export function ToolInventoryDetails({ inventory }: { inventory: PublicToolInventory }) {
  const { matrix } = inventory;
  const ownMatrix = matrix?.title ? matrix : null;
  const details = { ...inventory, matrix: ownMatrix ? null : matrix };
  const headingId = `inventar-${inventory.id}-details`;
  const matrixHeadingId = `inventar-${inventory.id}-anlage`;
  return (
    <>
      {details.matrix || details.assessments.length > 0 ? (
        <section className="inventory" aria-labelledby={headingId}>
          <h3 id={headingId}>Weitere Angaben zur Übersicht „{inventory.title}“</h3>
          <ToolInventoryDetailsContent inventory={details} headingId={headingId} />
        </section>
      ) : null}
      {ownMatrix ? (
        <section className="inventory" aria-labelledby={matrixHeadingId}>
          <h3 id={matrixHeadingId}>{ownMatrix.title}</h3>
          <UsageMatrix matrix={ownMatrix} />
        </section>
      ) : null}
    </>
  );
}

function ToolInventoryDetailsContent({ inventory, headingId }: { inventory: PublicToolInventory; headingId: string }) {
  return (
    <>
      {inventory.matrix ? <UsageMatrix matrix={inventory.matrix} /> : null}
      {inventory.assessments.map((assessment, index) => (
        <CriteriaAssessment
          key={assessment.title}
          assessment={assessment}
          headingId={`${headingId}-kriterien-${index + 1}`}
        />
      ))}
    </>
  );
}
