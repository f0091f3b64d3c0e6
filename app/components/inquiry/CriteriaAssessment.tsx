import { TableRegion } from "~/components/table-region";
import { assessmentResultLabels } from "~/domain/labels";
import type { PublicCriteriaAssessment } from "~/server/public/inquiries.server";
import { DateText } from "./DateText";
import { MetaList } from "./MetaList";

/** How the inventory's tools fare against a criteria set (e.g. the LDI NRW "Leitplanken"). */
export function CriteriaAssessment({
  assessment,
  headingId,
}: {
  assessment: PublicCriteriaAssessment;
  headingId: string;
}) {
  const perCriterion = assessment.criteria.filter((criterion) =>
    assessment.results.some((result) => criterion.id in result.byCriterion),
  );
  const hasComments = assessment.results.some((result) => result.overallComment);
  return (
    <section className="criteria" aria-labelledby={headingId}>
      <h4 id={headingId}>Abgleich mit: {assessment.title}</h4>
      <MetaList
        items={[
          { term: "Herausgegeben von", value: assessment.issuer },
          assessment.issuedOn ? { term: "Datum", value: <DateText iso={assessment.issuedOn} /> } : null,
          assessment.url
            ? {
                term: "Fundstelle",
                value: (
                  <a href={assessment.url} rel="noopener noreferrer">
                    {assessment.url}
                  </a>
                ),
              }
            : null,
        ]}
      />
      {assessment.statusNote ? <p className="criteria__status">{assessment.statusNote}</p> : null}
      {assessment.criteria.length ? (
        <>
          <p className="criteria__list-label">Kriterien:</p>
          <ol className="criteria__list">
            {assessment.criteria.map((criterion) => (
              <li key={criterion.id}>{criterion.text}</li>
            ))}
          </ol>
        </>
      ) : null}
      {assessment.results.length ? (
        <TableRegion className="criteria-table" caption={<>Ergebnis je Werkzeug: {assessment.title}</>}>
          <thead>
            <tr>
              <th scope="col">Werkzeug</th>
              {perCriterion.map((criterion) => (
                <th key={criterion.id} scope="col">
                  Kriterium {criterion.position}
                </th>
              ))}
              <th scope="col">Gesamtergebnis</th>
              {hasComments ? <th scope="col">Anmerkung</th> : null}
            </tr>
          </thead>
          <tbody>
            {assessment.results.map((result) => (
              <tr key={result.inventoryRowId}>
                <th scope="row">{result.label}</th>
                {perCriterion.map((criterion) => {
                  const value = result.byCriterion[criterion.id];
                  return <td key={criterion.id}>{assessmentResultLabels[value ?? "not_assessed"]}</td>;
                })}
                <td className={`assessment assessment--${result.overall.replace(/_/g, "-")}`}>
                  {assessmentResultLabels[result.overall]}
                </td>
                {hasComments ? <td>{result.overallComment}</td> : null}
              </tr>
            ))}
          </tbody>
        </TableRegion>
      ) : null}
    </section>
  );
}
