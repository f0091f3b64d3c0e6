import { sectionListHref } from "~/domain/dashboard";
import { Link } from "@remix-run/react";
import { dashboardText } from "~/domain/texts/dashboard";
import { useSectionNoun, useSectionTexts } from "./section-texts";
import type { BodyDashboard } from "~/server/workspace/dashboards.server";
import { DashboardSection, DashboardTable } from "./DashboardSection";
import { InquiryRows } from "./InquiryCells";

type Faction = NonNullable<BodyDashboard["faction"]>;
const c = dashboardText.columns;

/** Faction: own drafts, submitted ones in progress, due soon, answered — and the way to a new draft. */
export function FactionSections({
  idPrefix,
  bodySlug,
  faction,
}: {
  idPrefix: string;
  bodySlug: string;
  faction: Faction;
}) {
  const sectionText = useSectionTexts();
  const noun = useSectionNoun();
  const { drafts, inProgress, dueSoon, answered } = faction;
  return (
    <>
      <p>
        <Link to="/arbeitsbereich/entwurf/neu" className="button">
          {dashboardText.newDraft(noun)}
        </Link>
      </p>
      <DashboardSection
        idPrefix={idPrefix}
        section="faction_drafts"
        capped={drafts.capped}
        listHref={sectionListHref(bodySlug, "faction_drafts")}
        total={drafts.total}
        shown={drafts.items.length}
      >
        <DashboardTable caption={sectionText.faction_drafts.caption} head={[c.title, c.reference, c.mine]}>
          <InquiryRows
            items={drafts.items}
            columns={[
              "title",
              "reference",
              (d) =>
                d.createdByMe
                  ? dashboardText.mineCreated
                  : d.coauthoredByMe
                    ? dashboardText.mineCoauthor
                    : dashboardText.mineNone,
            ]}
          />
        </DashboardTable>
      </DashboardSection>
      <DashboardSection
        idPrefix={idPrefix}
        section="faction_in_progress"
        capped={inProgress.capped}
        listHref={sectionListHref(bodySlug, "faction_in_progress")}
        total={inProgress.total}
        shown={inProgress.items.length}
      >
        <DashboardTable
          caption={sectionText.faction_in_progress.caption}
          head={[c.reference, c.title, c.status, c.received, c.due]}
        >
          <InquiryRows items={inProgress.items} columns={["reference", "title", "status", "received", "due"]} />
        </DashboardTable>
      </DashboardSection>
      <DashboardSection
        idPrefix={idPrefix}
        section="faction_due_soon"
        capped={dueSoon.capped}
        listHref={sectionListHref(bodySlug, "faction_due_soon")}
        total={dueSoon.total}
        shown={dueSoon.items.length}
      >
        <DashboardTable caption={sectionText.faction_due_soon.caption} head={[c.reference, c.title, c.status, c.due]}>
          <InquiryRows items={dueSoon.items} columns={["reference", "title", "status", "due"]} />
        </DashboardTable>
      </DashboardSection>
      <DashboardSection
        idPrefix={idPrefix}
        section="faction_answered"
        capped={answered.capped}
        listHref={sectionListHref(bodySlug, "faction_answered")}
        total={answered.total}
        shown={answered.items.length}
      >
        <DashboardTable caption={sectionText.faction_answered.caption} head={[c.reference, c.title, c.publicPage]}>
          <InquiryRows
            items={answered.items}
            columns={[
              "reference",
              "title",
              (i) =>
                i.publicRef ? (
                  <Link to={`/${bodySlug}/anfragen/${i.publicRef}`}>
                    {dashboardText.publicPageLink}
                    <span className="visually-hidden">: {i.title}</span>
                  </Link>
                ) : (
                  dashboardText.notPublic
                ),
            ]}
          />
        </DashboardTable>
      </DashboardSection>
    </>
  );
}
