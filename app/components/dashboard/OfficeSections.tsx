import { sectionListHref } from "~/domain/dashboard";
import { Link } from "@remix-run/react";
import { formatDate } from "~/domain/format";
import { dashboardText } from "~/domain/texts/dashboard";
import { useSectionTexts } from "./section-texts";
import type { BodyDashboard } from "~/server/workspace/dashboards.server";
import { DashboardSection, DashboardTable } from "./DashboardSection";
import { DeadlineText, InquiryRows, ReferenceText, TitleLink, workspaceHref } from "./InquiryCells";

type Office = NonNullable<BodyDashboard["office"]>;
const c = dashboardText.columns;

/** Council office: intake, overdue by lead department, due this week, pending extension requests. */
export function OfficeSections({ idPrefix, bodySlug, office }: { idPrefix: string; bodySlug: string; office: Office }) {
  const sectionText = useSectionTexts();
  const { intake, overdue, dueThisWeek, extensionRequests } = office;
  return (
    <>
      <DashboardSection
        idPrefix={idPrefix}
        section="office_intake"
        capped={intake.capped}
        listHref={sectionListHref(bodySlug, "office_intake")}
        total={intake.total}
        shown={intake.items.length}
      >
        <DashboardTable caption={sectionText.office_intake.caption} head={[c.received, c.reference, c.title, c.due]}>
          <InquiryRows items={intake.items} columns={["received", "reference", "title", "due"]} />
        </DashboardTable>
      </DashboardSection>
      <DashboardSection
        idPrefix={idPrefix}
        section="office_overdue_by_department"
        listHref={sectionListHref(bodySlug, "office_overdue")}
        total={overdue.total}
        shown={overdue.shown}
      >
        <DashboardTable
          caption={sectionText.office_overdue_by_department.caption}
          head={[c.department, c.overdueCount, c.items]}
        >
          {overdue.groups.map((g) => (
            <tr key={g.organizationId ?? "none"}>
              <th scope="row">{g.organizationName ?? dashboardText.noLeadDepartment}</th>
              <td className="num">{g.overdueCount}</td>
              <td>
                <ul className="plain-list">
                  {g.items.map((i) => (
                    <li key={i.id}>
                      <Link to={workspaceHref(i)}>
                        <ReferenceText inquiry={i} />: {i.title}
                      </Link>{" "}
                      – <DeadlineText deadline={i.deadline} />
                    </li>
                  ))}
                </ul>
              </td>
            </tr>
          ))}
        </DashboardTable>
      </DashboardSection>
      <DashboardSection
        idPrefix={idPrefix}
        section="office_due_this_week"
        capped={dueThisWeek.capped}
        listHref={sectionListHref(bodySlug, "office_due_this_week")}
        total={dueThisWeek.total}
        shown={dueThisWeek.items.length}
      >
        <DashboardTable
          caption={sectionText.office_due_this_week.caption}
          head={[c.due, c.reference, c.title, c.status]}
        >
          <InquiryRows items={dueThisWeek.items} columns={["due", "reference", "title", "status"]} />
        </DashboardTable>
      </DashboardSection>
      <DashboardSection
        idPrefix={idPrefix}
        section="office_extension_requests"
        capped={extensionRequests.capped}
        total={extensionRequests.total}
        shown={extensionRequests.items.length}
      >
        <DashboardTable
          caption={sectionText.office_extension_requests.caption}
          head={[c.title, c.requestingDepartment, c.currentDue, c.requestedDate, c.reason]}
        >
          {extensionRequests.items.map((r) => (
            <tr key={r.id}>
              <td>
                <TitleLink inquiry={r.inquiry} /> (<ReferenceText inquiry={r.inquiry} />)
              </td>
              <td>{r.requestingDepartment}</td>
              <td>
                <DeadlineText deadline={r.inquiry.deadline} />
              </td>
              <td>{formatDate(r.requestedDueOn)}</td>
              <td>{r.reason}</td>
            </tr>
          ))}
        </DashboardTable>
      </DashboardSection>
    </>
  );
}
