import { data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { loadAuditLog } from "~/server/admin/admin.server";
import { notFoundResponse, orNotFound } from "~/server/core/errors.server";
import { requireUser } from "~/server/accounts/auth.server";
import { administeredBodySlug } from "~/server/admin/route-access.server";
import { adminText as t, eventTypeLabels } from "~/domain/texts/admin";
import { inquiryEventLabels } from "~/domain/labels";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  {
    title: `${data ? t.auditTitle(data.body.name) : "Protokoll"}${data && (data.page > 1 || data.hasNext) ? ` – ${t.pageOf(data.page)}` : ""} – Quaestio`,
  },
];

const Page = z.coerce.number().int().min(1).max(100_000);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const body = administeredBodySlug(params.body, user);
  const seite = new URL(request.url).searchParams.get("seite");
  const page = seite === null ? { success: true as const, data: 1 } : Page.safeParse(seite);
  if (!page.success) throw notFoundResponse();
  const log = await orNotFound(loadAuditLog(user, body, page.data));
  return data(log, { headers: { "Cache-Control": "no-store" } });
}

export default function AuditLog() {
  const { body, page, hasNext, events } = useLoaderData<typeof loader>();
  const hrefFor = (n: number) => `/verwaltung/${body.slug}/protokoll?seite=${n}`;
  return (
    <>
      <p>
        <Link to={`/verwaltung/${body.slug}`}>{t.backToOverview}</Link>
      </p>
      <h1>{t.auditTitle(body.name)}</h1>
      <p>{t.auditIntro}</p>
      {events.length === 0 ? (
        <p>{t.noEvents}</p>
      ) : (
        <div className="table-wrapper">
          <table>
            <caption>
              {t.auditCaption}, {t.pageOf(page)}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t.when}</th>
                <th scope="col">{t.event}</th>
                <th scope="col">{t.actor}</th>
                <th scope="col">{t.subject}</th>
                <th scope="col">{t.details}</th>
              </tr>
            </thead>
            <tbody>
              {events.map((e) => (
                <tr key={e.id}>
                  <td>
                    <time dateTime={e.recordedAt}>{e.recordedAtText}</time>
                  </td>
                  <td>{eventTypeLabels[e.type] ?? inquiryEventLabels[e.type] ?? e.type}</td>
                  <td>{e.actorName ?? t.system}</td>
                  <td>{e.subjectHref ? <Link to={e.subjectHref}>{e.subject}</Link> : e.subject}</td>
                  <td>{e.details}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {page > 1 || hasNext ? (
        <nav className="pagination" aria-label="Seiten">
          <ul>
            {page > 1 ? (
              <li>
                <Link to={hrefFor(page - 1)} rel="prev">
                  {t.previous}
                </Link>
              </li>
            ) : null}
            <li>
              <span aria-current="page">{t.pageOf(page)}</span>
            </li>
            {hasNext ? (
              <li>
                <Link to={hrefFor(page + 1)} rel="next">
                  {t.next}
                </Link>
              </li>
            ) : null}
          </ul>
        </nav>
      ) : null}
    </>
  );
}
