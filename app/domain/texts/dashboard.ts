/** User-facing German wording of the workspace dashboards (/arbeitsbereich), kept in one place for review. */
import type { DashboardSection, DeadlineInfo, ListSection } from "../dashboard";
import { formatNumber } from "../format";

/** "noch 3 Tage", "noch 1 Tag", "heute fällig", "seit 1 Tag überfällig", "seit 2 Tagen überfällig"; "" when closed. */
export function deadlinePhrase(deadline: Pick<DeadlineInfo, "daysLeft" | "state">): string {
  const n = Math.abs(deadline.daysLeft);
  switch (deadline.state) {
    case "closed":
      return "";
    case "due_today":
      return "heute fällig";
    case "overdue":
      return n === 1 ? "seit 1 Tag überfällig" : `seit ${n} Tagen überfällig`;
    default:
      return n === 1 ? "noch 1 Tag" : `noch ${n} Tage`;
  }
}

/**
 * Headings, empty states and captions of the sections; `n` is the plural for what the body handles
 * (type-words listNoun: "Anfragen", "Anträge", "Anfragen und Anträge"), so that a council that receives only
 * motions is not shown inquiry wording.
 */
export function dashboardSectionTexts(
  n = "Anfragen",
): Record<DashboardSection, { heading: string; empty: string; caption: string }> {
  return {
    faction_drafts: {
      heading: "Meine Entwürfe",
      empty: "Ihre Fraktion hat keine Entwürfe.",
      caption: "Entwürfe der Fraktion, zuletzt bearbeitete zuerst",
    },
    faction_in_progress: {
      heading: "Eingereicht – in Bearbeitung",
      empty: `Keine eingereichten ${n} in Bearbeitung.`,
      caption: `Eingereichte ${n} der Fraktion, die noch nicht erledigt sind, nächste Frist zuerst`,
    },
    faction_due_soon: {
      heading: "Bald fällig",
      empty: `In den nächsten 7 Tagen werden keine ${n} der Fraktion fällig.`,
      caption: `${n} der Fraktion, die heute oder in den nächsten 7 Tagen fällig sind`,
    },
    faction_answered:
      n === "Anträge"
        ? {
            heading: "Entschieden",
            empty: "Noch keine entschiedenen Anträge.",
            caption: "Zuletzt entschiedene Anträge der Fraktion",
          }
        : n === "Anfragen"
          ? {
              heading: "Beantwortet",
              empty: "Noch keine beantworteten Anfragen.",
              caption: "Zuletzt beantwortete Anfragen der Fraktion",
            }
          : {
              heading: "Beantwortet oder entschieden",
              empty: "Noch keine beantworteten Anfragen und keine entschiedenen Anträge.",
              caption: "Zuletzt beantwortete Anfragen und entschiedene Anträge der Fraktion",
            },
    office_intake: {
      heading: "Eingang",
      empty: `Keine eingegangenen ${n} zu prüfen.`,
      caption: `Eingegangene ${n}, älteste zuerst`,
    },
    office_overdue_by_department: {
      heading: "Überfällig nach Fachbereich",
      empty: `Keine überfälligen ${n}.`,
      caption: `Überfällige ${n} nach federführendem Fachbereich`,
    },
    office_due_this_week: {
      heading: "Diese Woche fällig",
      empty: `Bis Sonntag werden keine weiteren ${n} fällig.`,
      caption: `Offene ${n}, die von heute bis Sonntag fällig werden (bereits überfällige stehen unter „Überfällig nach Fachbereich“)`,
    },
    office_extension_requests: {
      heading: "Offene Fristverlängerungsanträge",
      empty: "Keine offenen Fristverlängerungsanträge.",
      caption: "Anträge auf Fristverlängerung, über die noch nicht entschieden ist",
    },
    department_assigned: {
      heading: "Uns zugewiesen",
      empty: `Ihrem Fachbereich sind keine offenen ${n} zugewiesen.`,
      caption: `Offene ${n}, an denen Ihr Fachbereich federführend oder beteiligt ist, überfällige zuerst`,
    },
    dpo_consultations: {
      heading: "Beteiligungen des Datenschutzes",
      empty: "Keine Beteiligungen an Ihre Stelle.",
      caption: "Beteiligungen, die an Ihre Stelle gerichtet sind, offene zuerst",
    },
  };
}

/** The inquiry wording, for callers outside a body's dashboard. */
export const dashboardSectionText = dashboardSectionTexts();

export const dashboardText = {
  pageTitle: "Arbeitsbereich – Quaestio",
  heading: "Arbeitsbereich",
  signedInAs: "Angemeldet als",
  accountLink: "Konto und Sitzungen",
  noRoles: "Ihrem Konto ist noch keine Rolle zugewiesen.",
  rolesLabel: "Ihre Rollen:",
  adminLink: "Verwaltung: Benutzer, Rollen und Protokoll",
  /** The faction's way to a new draft, in the words of what the body handles (type-words listNoun). */
  newDraft: (n = "Anfragen") =>
    n === "Anträge"
      ? "Neuen Antrag entwerfen"
      : n === "Anfragen"
        ? "Neue Anfrage entwerfen"
        : "Neue Anfrage oder neuen Antrag entwerfen",
  /** Count shown after a section heading. */
  count: (n: number, capped = false) =>
    capped ? `${formatNumber(n)} oder mehr Einträge` : n === 1 ? "1 Eintrag" : `${formatNumber(n)} Einträge`,
  truncated: (shown: number, total: number, capped = false) =>
    `Angezeigt werden die ersten ${shown} von ${formatNumber(total)}${capped ? " oder mehr" : ""}.`,
  /** Link from a cut section to its full list. */
  fullList: (heading: string) => `Vollständige Liste „${heading}“`,
  listPageTitle: (heading: string, body: string) => `${heading} – ${body} – Quaestio`,
  listPageOf: (page: number) => `Seite ${page}`,
  listPrevious: "Vorherige Seite",
  listNext: "Nächste Seite",
  listPagination: "Seiten der Liste",
  backToWorkspace: "Zurück zum Arbeitsbereich",
  allInquiries: "Alle Vorgänge",
  allInquiriesCaption: "Vorgänge, die Sie sehen dürfen, zuletzt geänderte zuerst",
  allInquiriesEmpty: "Keine Vorgänge in Ihrem Zuständigkeitsbereich.",
  columns: {
    reference: "Art und Nummer",
    title: "Titel",
    status: "Status",
    visibility: "Sichtbarkeit",
    due: "Frist",
    received: "Eingegangen am",
    updated: "Zuletzt geändert",
    department: "Federführender Fachbereich",
    overdueCount: "Anzahl überfällig",
    items: "Anfragen",
    requestingDepartment: "Beantragt von",
    requestedDate: "Beantragte neue Frist",
    currentDue: "Bisherige Frist",
    reason: "Begründung",
    ourRole: "Unsere Rolle",
    mine: "Ihre Beteiligung",
    publicPage: "Öffentliche Seite",
    consultationStatus: "Stand",
    requestedOn: "Angefragt am",
  },
  draftReference: (typeName: string) => `${typeName} (Entwurf, noch ohne Nummer)`,
  visibilityPublic: "öffentlich",
  visibilityInternal: "nicht öffentlich",
  noDueDate: "keine Frist",
  overdueBadge: "überfällig",
  dueSoonBadge: "bald fällig",
  roleLead: "federführend",
  roleContributor: "beteiligt",
  mineCreated: "von Ihnen angelegt",
  mineCoauthor: "Sie sind Mitautor/in",
  mineNone: "–",
  publicPageLink: "öffentlich ansehen",
  notPublic: "nicht veröffentlicht",
  noLeadDepartment: "noch kein Fachbereich zugewiesen",
  consultationStatusLabels: { requested: "angefragt", answered: "beantwortet", withdrawn: "zurückgezogen" } as Record<
    string,
    string
  >,
};

/** Headings of the full lists behind the dashboard's sections (/arbeitsbereich/{body}/liste/{abschnitt}). */
export const listSectionHeading: Record<ListSection, string> = {
  all: "Alle Vorgänge",
  faction_drafts: dashboardSectionText.faction_drafts.heading,
  faction_in_progress: dashboardSectionText.faction_in_progress.heading,
  faction_due_soon: dashboardSectionText.faction_due_soon.heading,
  faction_answered: dashboardSectionText.faction_answered.heading,
  office_intake: dashboardSectionText.office_intake.heading,
  office_overdue: "Überfällig",
  office_due_this_week: dashboardSectionText.office_due_this_week.heading,
  department_assigned: dashboardSectionText.department_assigned.heading,
};
