import { data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { DashboardTable } from "~/components/dashboard/DashboardSection";
import { InquiryRows } from "~/components/dashboard/InquiryCells";
import { listSectionFromSlug, sectionListHref } from "~/domain/dashboard";
import { dashboardText, listSectionHeading } from "~/domain/texts/dashboard";
import { requireUser } from "~/server/accounts/auth.server";
import { loadSectionPage } from "~/server/workspace/section-lists.server";
import { mergeLoaderAndActionHeaders } from "~/utils/headers";

const paramsSchema = z.object({
  body: z
    .string()
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/)
    .max(100),
  abschnitt: z.string().max(40),
});

// `?seite` is optional; anything else than a positive whole number (or a page past the end) is a 404.
const pageSchema = z
  .string()
  .regex(/^[1-9][0-9]{0,5}$/)
  .transform(Number);

export async function loader({ params, request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const parsedParams = paramsSchema.safeParse(params);
  const seite = new URL(request.url).searchParams.get("seite");
  const parsedPage = seite === null ? { success: true as const, data: 1 } : pageSchema.safeParse(seite);
  const section = parsedParams.success ? listSectionFromSlug(parsedParams.data.abschnitt) : null;
  if (!parsedParams.success || !parsedPage.success || !section) throw new Response(null, { status: 404 });
  // The server command checks the user's roles in the body (404 for a body or section they have no part in).
  const list = await loadSectionPage(user, { bodySlug: parsedParams.data.body, section, page: parsedPage.data });
  if (!list) throw new Response(null, { status: 404 });
  return data(list, { headers: { "Cache-Control": "no-store" } });
}

/** Document responses take their headers from the loader (no-store: staff data). */
export const headers = mergeLoaderAndActionHeaders;

export const meta: MetaFunction<typeof loader> = ({ data: list }) =>
  list
    ? [{ title: dashboardText.listPageTitle(listSectionHeading[list.section], list.bodyName) }]
    : [{ title: "Seite nicht gefunden – Quaestio" }];

const c = dashboardText.columns;

export default function SectionList() {
  const list = useLoaderData<typeof loader>();
  const heading = listSectionHeading[list.section];
  const hrefFor = (page: number) => sectionListHref(list.bodySlug, list.section, page);
  return (
    <>
      <p>
        <Link to="/arbeitsbereich">{dashboardText.backToWorkspace}</Link>
      </p>
      <h1>
        {heading} <span className="muted">({dashboardText.count(list.total, list.capped)})</span>
      </h1>
      <p>{list.bodyName}</p>
      {list.items.length === 0 ? (
        <p>{dashboardText.allInquiriesEmpty}</p>
      ) : (
        <DashboardTable
          caption={`${heading} – ${dashboardText.listPageOf(list.page)}`}
          head={[c.reference, c.title, c.status, c.due]}
        >
          <InquiryRows items={list.items} columns={["reference", "title", "status", "due"]} />
        </DashboardTable>
      )}
      {list.page > 1 || list.hasNext ? (
        <nav aria-label={dashboardText.listPagination}>
          <ul className="plain-list">
            {list.page > 1 ? (
              <li>
                <Link to={hrefFor(list.page - 1)} rel="prev">
                  {dashboardText.listPrevious}
                </Link>
              </li>
            ) : null}
            <li aria-current="page">{dashboardText.listPageOf(list.page)}</li>
            {list.hasNext ? (
              <li>
                <Link to={hrefFor(list.page + 1)} rel="next">
                  {dashboardText.listNext}
                </Link>
              </li>
            ) : null}
          </ul>
        </nav>
      ) : null}
    </>
  );
}
