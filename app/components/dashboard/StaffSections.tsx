import { sectionListHref } from "~/domain/dashboard";
import { formatDate } from "~/domain/format";
import { consultationText } from "~/domain/texts/consultation";
import { dashboardText } from "~/domain/texts/dashboard";
import { useSectionTexts } from "./section-texts";
import type { BodyDashboard } from "~/server/workspace/dashboards.server";
import { DashboardSection, DashboardTable } from "./DashboardSection";
import { DeadlineText, InquiryRows, ReferenceText, StatusText, TitleLink } from "./InquiryCells";

const c = dashboardText.columns;

/** Department: open inquiries it leads or contributes to, overdue first. */
export function DepartmentSection({
  idPrefix,
  bodySlug,
  department,
}: {
  idPrefix: string;
  bodySlug: string;
  department: NonNullable<BodyDashboard["department"]>;
}) {
  const sectionText = useSectionTexts();
  const { assigned } = department;
  return (
    <DashboardSection
      idPrefix={idPrefix}
      section="department_assigned"
      capped={assigned.capped}
      listHref={sectionListHref(bodySlug, "department_assigned")}
      total={assigned.total}
      shown={assigned.items.length}
    >
      <DashboardTable
        caption={sectionText.department_assigned.caption}
        head={[c.due, c.reference, c.title, c.ourRole, c.status]}
      >
        <InquiryRows
          items={assigned.items}
          columns={[
            "due",
            "reference",
            "title",
            (i) => (i.ourRole === "lead" ? dashboardText.roleLead : dashboardText.roleContributor),
            "status",
          ]}
        />
      </DashboardTable>
    </DashboardSection>
  );
}

/** DPO: consultations addressed to the office, open ones first. */
export function DpoSection({ idPrefix, dpo }: { idPrefix: string; dpo: NonNullable<BodyDashboard["dpo"]> }) {
  const sectionText = useSectionTexts();
  const { consultations } = dpo;
  return (
    <DashboardSection
      idPrefix={idPrefix}
      section="dpo_consultations"
      capped={consultations.capped}
      total={consultations.total}
      shown={consultations.items.length}
    >
      <DashboardTable
        caption={sectionText.dpo_consultations.caption}
        head={[c.title, c.reference, c.consultationStatus, c.requestedOn, c.due]}
      >
        {consultations.items.map((k) => (
          <tr key={k.id}>
            <td>
              <TitleLink inquiry={k.inquiry} />
            </td>
            <td>
              <ReferenceText inquiry={k.inquiry} />
            </td>
            <td>
              <a href={`/arbeitsbereich/beratungen/${k.id}`}>
                {dashboardText.consultationStatusLabels[k.status] ?? k.status}
                <span className="visually-hidden"> – {consultationText.linkFromDashboard(k.inquiry.title)}</span>
              </a>
            </td>
            <td>{k.requestedOn ? formatDate(k.requestedOn) : "–"}</td>
            <td>
              <StatusText inquiry={k.inquiry} />: <DeadlineText deadline={k.inquiry.deadline} />
            </td>
          </tr>
        ))}
      </DashboardTable>
    </DashboardSection>
  );
}
