import { consultationKindLabels, consultationVerdictLabels, recommendationKindLabels } from "~/domain/labels";
import type { PublicConsultation } from "~/server/public/inquiries.server";
import { DateText } from "./DateText";
import { RichText } from "./RichText";

/**
 * A statement published together with the answer (Norderstedt published its DPO's statement verbatim):
 * the question put, the statement, the verdict, and the restrictions and recommendations as lists.
 */
export function ConsultationStatement({ consultation }: { consultation: PublicConsultation }) {
  const headingId = `stellungnahme-${consultation.id}`;
  const restrictions = consultation.recommendations.filter((r) => r.kind === "restriction");
  const recommendations = consultation.recommendations.filter((r) => r.kind === "recommendation");
  return (
    <section className="statement" aria-labelledby={headingId}>
      <h2 id={headingId}>{consultationKindLabels[consultation.kind]}</h2>
      <p className="statement__meta">
        {consultation.addresseeName}
        {consultation.author ? <>, {consultation.author}</> : null}
        {consultation.answeredOn ? (
          <>
            {" "}
            – Stellungnahme vom <DateText iso={consultation.answeredOn} />
          </>
        ) : null}
      </p>
      {consultation.questionsPut ? (
        <p className="statement__question">
          {/* Some sources write the label into the text ("Frage: …"); show it once. */}
          <strong>Frage:</strong> {consultation.questionsPut.replace(/^\s*Frage:\s*/, "")}
        </p>
      ) : null}
      {consultation.statementTitle ? <h3>{consultation.statementTitle}</h3> : null}
      <RichText html={consultation.statementHtml} />
      {restrictions.length || recommendations.length ? (
        <div className="statement__summary">
          <p className="statement__summary-lead">Einschränkungen und Empfehlungen der Stellungnahme im Überblick:</p>
          {restrictions.length ? (
            <>
              <h3>{recommendationKindLabels.restriction}</h3>
              <ul>
                {restrictions.map((item) => (
                  <li key={item.id}>{item.text}</li>
                ))}
              </ul>
            </>
          ) : null}
          {recommendations.length ? (
            <>
              <h3>{recommendationKindLabels.recommendation}</h3>
              <ul>
                {recommendations.map((item) => (
                  <li key={item.id}>{item.text}</li>
                ))}
              </ul>
            </>
          ) : null}
        </div>
      ) : null}
      {consultation.verdict ? (
        <p className="statement__verdict">
          <strong>Ergebnis der Stellungnahme:</strong> {consultationVerdictLabels[consultation.verdict]}
        </p>
      ) : null}
    </section>
  );
}
