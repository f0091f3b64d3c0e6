import { TableRegion } from "~/components/table-region";
import { formatDate } from "~/domain/format";
import { toolFactKeyLabels } from "~/domain/labels";
import type { CitedToolFact } from "~/server/public/tool-facts.server";

/** Facts about IT tools that this document states, with the passage they rest on. */
export function CitedToolFacts({ facts }: { facts: CitedToolFact[] }) {
  if (facts.length === 0) return null;
  const byTool = new Map<string, CitedToolFact[]>();
  for (const fact of facts) byTool.set(fact.toolName, [...(byTool.get(fact.toolName) ?? []), fact]);
  return (
    <section aria-labelledby="werkzeug-angaben">
      <h2 id="werkzeug-angaben">Angaben zu IT-Werkzeugen aus diesem Dokument</h2>
      <p className="muted">
        Was dieses Dokument über die genannten Werkzeuge aussagt, jeweils mit der Textstelle. Angaben, die kein Dokument
        macht, bleiben unbekannt.
      </p>
      {[...byTool.entries()].map(([toolName, toolFacts]) => (
        <TableRegion key={toolName} className="tool-facts" caption={toolName}>
          <thead>
            <tr>
              <th scope="col">Angabe</th>
              <th scope="col">Inhalt</th>
              <th scope="col">Textstelle und Quelle</th>
            </tr>
          </thead>
          <tbody>
            {toolFacts.map((fact) => (
              <tr key={`${fact.key}-${fact.sourceCitation}`}>
                <th scope="row">
                  {toolFactKeyLabels[fact.key]}
                  {fact.bodyName ? <span className="muted"> ({fact.bodyName})</span> : null}
                </th>
                <td>{fact.value}</td>
                <td>
                  {fact.quote ? <blockquote>{fact.quote}</blockquote> : null}
                  <cite>{fact.sourceCitation}</cite>
                  {fact.asOf ? <span className="muted"> – Stand {formatDate(fact.asOf)}</span> : null}
                </td>
              </tr>
            ))}
          </tbody>
        </TableRegion>
      ))}
    </section>
  );
}
