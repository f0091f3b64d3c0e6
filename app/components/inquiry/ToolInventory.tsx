import type { PublicToolInventory } from "~/server/public/inquiries.server";
import { CriteriaAssessment } from "./CriteriaAssessment";
import { answerToSuffix, ToolInventoryTable } from "./ToolInventoryTable";
import { UsageMatrix } from "./UsageMatrix";

/**
 * The inventory table with its chart, as it follows the answer to its question
 * (`withDetails` adds the usage matrix and the criteria assessments right after it).
 */
export function ToolInventory({ inventory, withDetails = true }: { inventory: PublicToolInventory; withDetails?: boolean }) {
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
 * The usage matrix and criteria assessments of an inventory as a section of their own. Answers print them
 * after the answers (the Landtag NRW's matrix is the "Anlage" following the joint answer to 3 and 4).
 */
export function ToolInventoryDetails({ inventory }: { inventory: PublicToolInventory }) {
  if (!inventory.matrix && inventory.assessments.length === 0) return null;
  const headingId = `inventar-${inventory.id}-details`;
  return (
    <section className="inventory" aria-labelledby={headingId}>
      <h3 id={headingId}>Weitere Angaben zur Übersicht „{inventory.title}“</h3>
      <ToolInventoryDetailsContent inventory={inventory} headingId={headingId} />
    </section>
  );
}

function ToolInventoryDetailsContent({ inventory, headingId }: { inventory: PublicToolInventory; headingId: string }) {
  return (
    <>
      {inventory.matrix ? <UsageMatrix matrix={inventory.matrix} /> : null}
      {inventory.assessments.map((assessment, index) => (
        <CriteriaAssessment key={assessment.title} assessment={assessment} headingId={`${headingId}-kriterien-${index + 1}`} />
      ))}
    </>
  );
}
