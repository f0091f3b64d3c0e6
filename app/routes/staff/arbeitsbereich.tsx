import { data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { AnswerQueueSections } from "~/components/answer/AnswerQueue";
import { AllInquiries } from "~/components/dashboard/AllInquiries";
import { FactionSections } from "~/components/dashboard/FactionSections";
import { OfficeSections } from "~/components/dashboard/OfficeSections";
import { DepartmentSection, DpoSection } from "~/components/dashboard/StaffSections";
import { roleLabels } from "~/domain/texts/auth";
import { dashboardText } from "~/domain/texts/dashboard";
import { requireUser } from "~/server/accounts/auth.server";
import { loadAnswerQueue } from "~/server/answers/answer-queue.server";
import { loadDashboard } from "~/server/workspace/dashboards.server";
import { mergeLoaderAndActionHeaders } from "~/utils/headers";
import { SectionNoun } from "~/components/dashboard/section-texts";

export const meta: MetaFunction = () => [{ title: dashboardText.pageTitle }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  // The answer queues are read beside the dashboard, not after it (one body per membership's body).
  const bodyIds = [...new Set(user.memberships.map((m) => m.bodyId))];
  const [dashboards, queues] = await Promise.all([
    loadDashboard(user),
    Promise.all(bodyIds.map(async (bodyId) => [bodyId, await loadAnswerQueue(user, bodyId)] as const)),
  ]);
  const queueOf = new Map(queues);
  const bodies = dashboards.map((b) => ({ ...b, answerQueue: queueOf.get(b.bodyId)! }));
  return data({ displayName: user.displayName, bodies }, { headers: { "Cache-Control": "no-store" } });
}

/** Document responses take their headers from the loader (no-store: staff data). */
export const headers = mergeLoaderAndActionHeaders;

export default function Workspace() {
  const { displayName, bodies } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>{dashboardText.heading}</h1>
      <p>
        {dashboardText.signedInAs} {displayName}. <Link to="/konto">{dashboardText.accountLink}</Link>
      </p>
      {bodies.length === 0 ? <p>{dashboardText.noRoles}</p> : null}
      {bodies.map((b) => (
        <section key={b.bodyId} aria-labelledby={`body-${b.bodySlug}`}>
          <h2 id={`body-${b.bodySlug}`}>{b.bodyName}</h2>
          <p>
            {dashboardText.rolesLabel}{" "}
            {b.roles.map((r) => `${roleLabels[r.role] ?? r.role} (${r.organizationName})`).join(", ")}
          </p>
          {b.roles.some((r) => r.role === "body_admin") ? (
            <p>
              <Link to={`/verwaltung/${b.bodySlug}`}>{dashboardText.adminLink}</Link>
            </p>
          ) : null}
          <SectionNoun noun={b.listNoun}>
            <AnswerQueueSections idPrefix={b.bodySlug} queue={b.answerQueue} />
            {b.office ? <OfficeSections idPrefix={b.bodySlug} bodySlug={b.bodySlug} office={b.office} /> : null}
            {b.department ? (
              <DepartmentSection idPrefix={b.bodySlug} bodySlug={b.bodySlug} department={b.department} />
            ) : null}
            {b.dpo ? <DpoSection idPrefix={b.bodySlug} dpo={b.dpo} /> : null}
            {b.faction ? <FactionSections idPrefix={b.bodySlug} bodySlug={b.bodySlug} faction={b.faction} /> : null}
          </SectionNoun>
          <AllInquiries idPrefix={b.bodySlug} body={b} />
        </section>
      ))}
    </>
  );
}
