import { data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireUser } from "~/server/auth.server";
import { loadWorkspace } from "~/server/workspace.server";
import { roleLabels } from "~/domain/texts/auth";
import { inquiryStatusLabel } from "~/domain/labels";
import { formatDate, formatReference } from "~/domain/format";

export const meta: MetaFunction = () => [{ title: "Arbeitsbereich – Quaestio" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const bodies = await loadWorkspace(user);
  return data({ displayName: user.displayName, bodies }, { headers: { "Cache-Control": "no-store" } });
}

export default function Workspace() {
  const { displayName, bodies } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Arbeitsbereich</h1>
      <p>
        Angemeldet als {displayName}. <Link to="/konto">Konto und Sitzungen</Link>
      </p>
      {bodies.length === 0 ? <p>Ihrem Konto ist noch keine Rolle zugewiesen.</p> : null}
      {bodies.map((b) => (
        <section key={b.bodyId} aria-labelledby={`body-${b.bodySlug}`}>
          <h2 id={`body-${b.bodySlug}`}>{b.bodyName}</h2>
          <p>
            Ihre Rollen:{" "}
            {b.roles.map((r) => `${roleLabels[r.role] ?? r.role} (${r.organizationName})`).join(", ")}
          </p>
          {b.roles.some((r) => r.role === "body_admin") ? (
            <p>
              <Link to={`/verwaltung/${b.bodySlug}`}>Verwaltung: Benutzer, Rollen und Protokoll</Link>
            </p>
          ) : null}
          {b.inquiries.length === 0 ? (
            <p>Keine Vorgänge in Ihrem Zuständigkeitsbereich.</p>
          ) : (
            <table>
              <caption>Vorgänge, die Sie sehen dürfen</caption>
              <thead>
                <tr>
                  <th scope="col">Art und Nummer</th>
                  <th scope="col">Titel</th>
                  <th scope="col">Status</th>
                  <th scope="col">Sichtbarkeit</th>
                  <th scope="col">Frist</th>
                </tr>
              </thead>
              <tbody>
                {b.inquiries.map((i) => (
                  <tr key={i.id}>
                    <td>
                      {i.reference ? formatReference(i.typeName, i.reference) : `${i.typeName} (Entwurf, noch ohne Nummer)`}
                    </td>
                    <td>
                      <Link to={`/arbeitsbereich/vorgaenge/${i.id}`}>{i.title}</Link>
                    </td>
                    <td>{inquiryStatusLabel(i.status)}</td>
                    <td>{i.visibility === "public" ? "öffentlich" : "nicht öffentlich"}</td>
                    <td>{i.dueOn ? formatDate(i.dueOn) : "–"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      ))}
    </>
  );
}
