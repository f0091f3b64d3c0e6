import { withholdingReasonLabels, type WithholdingReason } from "~/domain/labels";

/**
 * Shown in place of withheld content: the legal reason and the public justification. The withheld text itself
 * never reaches the public pages.
 */
export function WithheldNotice({
  withholding,
}: {
  withholding: { reason: WithholdingReason; subject: string; publicJustification: string };
}) {
  return (
    <div role="note" className="withheld">
      <p className="withheld__label">Teilweise zurückgehalten – Grund: {withholdingReasonLabels[withholding.reason]}</p>
      <p className="withheld__subject">
        <span className="withheld__term">Nicht veröffentlicht:</span> {withholding.subject}
      </p>
      <p className="withheld__justification">
        <span className="withheld__term">Begründung:</span> {withholding.publicJustification}
      </p>
    </div>
  );
}
