import { Link } from "@remix-run/react";
import { formatDate } from "~/domain/format";
import { dashboardSectionText, dashboardText } from "~/domain/texts/dashboard";
import type { BodyDashboard } from "~/server/dashboards.server";
import { DashboardSection, DashboardTable } from "./DashboardSection";
import { DeadlineText, ReferenceText, StatusText, TitleLink } from "./InquiryCells";

type Faction = NonNullable<BodyDashboard["faction"]>;
const c = dashboardText.columns;

/** Faction: own drafts, submitted ones in progress, due soon, answered — and the way to a new draft. */
export function FactionSections({ idPrefix, bodySlug, faction }: { idPrefix: string; bodySlug: string; faction: Faction }) {
  const { drafts, inProgress, dueSoon, answered } = faction;
  return (
    <>
      <p>
        <Link to="/arbeitsbereich/entwurf/neu" className="button">
          {dashboardText.newDraft}
        </Link>
      </p>
      <DashboardSection idPrefix={idPrefix} section="faction_drafts" total={drafts.total} shown={drafts.items.length}>
        <DashboardTable caption={dashboardSectionText.faction_drafts.caption} head={[c.title, c.reference, c.mine]}>
          {drafts.items.map((d) => (
            <tr key={d.id}>
              <td>
                <TitleLink inquiry={d} />
              </td>
              <td>
                <ReferenceText inquiry={d} />
              </td>
              <td>{d.createdByMe ? dashboardText.mineCreated : d.coauthoredByMe ? dashboardText.mineCoauthor : dashboardText.mineNone}</td>
            </tr>
          ))}
        </DashboardTable>
      </DashboardSection>
      <DashboardSection idPrefix={idPrefix} section="faction_in_progress" total={inProgress.total} shown={inProgress.items.length}>
        <DashboardTable caption={dashboardSectionText.faction_in_progress.caption} head={[c.reference, c.title, c.status, c.received, c.due]}>
          {inProgress.items.map((i) => (
            <tr key={i.id}>
              <td>
                <ReferenceText inquiry={i} />
              </td>
              <td>
                <TitleLink inquiry={i} />
              </td>
              <td>
                <StatusText inquiry={i} />
              </td>
              <td>{i.receivedOn ? formatDate(i.receivedOn) : "–"}</td>
              <td>
                <DeadlineText deadline={i.deadline} />
              </td>
            </tr>
          ))}
        </DashboardTable>
      </DashboardSection>
      <DashboardSection idPrefix={idPrefix} section="faction_due_soon" total={dueSoon.total} shown={dueSoon.items.length}>
        <DashboardTable caption={dashboardSectionText.faction_due_soon.caption} head={[c.reference, c.title, c.status, c.due]}>
          {dueSoon.items.map((i) => (
            <tr key={i.id}>
              <td>
                <ReferenceText inquiry={i} />
              </td>
              <td>
                <TitleLink inquiry={i} />
              </td>
              <td>
                <StatusText inquiry={i} />
              </td>
              <td>
                <DeadlineText deadline={i.deadline} />
              </td>
            </tr>
          ))}
        </DashboardTable>
      </DashboardSection>
      <DashboardSection idPrefix={idPrefix} section="faction_answered" total={answered.total} shown={answered.items.length}>
        <DashboardTable caption={dashboardSectionText.faction_answered.caption} head={[c.reference, c.title, c.publicPage]}>
          {answered.items.map((i) => (
            <tr key={i.id}>
              <td>
                <ReferenceText inquiry={i} />
              </td>
              <td>
                <TitleLink inquiry={i} />
              </td>
              <td>
                {i.visibility === "public" && i.publicRef ? (
                  <Link to={`/${bodySlug}/anfragen/${i.publicRef}`}>
                    {dashboardText.publicPageLink}
                    <span className="visually-hidden">: {i.title}</span>
                  </Link>
                ) : (
                  dashboardText.notPublic
                )}
              </td>
            </tr>
          ))}
        </DashboardTable>
      </DashboardSection>
    </>
  );
}
