/**
 * German texts of the notifications feature: what each kind is called and says, the e-mail, the list page
 * and the preferences page.
 *
 * Defaults (app/domain/notifications.ts): every kind appears in the workspace ("im Arbeitsbereich").
 * By e-mail by default only what asks the reader to act or settles their matter — assigned to you, due soon,
 * overdue, an extension requested (the council office decides) or granted, one's own inquiry's number and
 * due date, its answer, an inadmissibility or a motion's decision. Received, accepted, withdrawn, on the
 * agenda and a refused extension are workspace-only by default, to keep mail for what matters.
 */
import { formatDate } from "../format";
import type { NotificationKind } from "../notifications";

export interface NotificationFacts {
  /** "Kleine Anfrage 18/3" or, before numbering, the inquiry type. */
  reference: string;
  title: string;
  dueOn: string | null;
  dueRuleLabel: string | null;
  decision?: string | null;
}

const motionDecisionWords: Record<string, string> = {
  adopted: "angenommen",
  rejected: "abgelehnt",
  referred: "in einen Ausschuss überwiesen",
};

const due = (f: NotificationFacts) => (f.dueOn ? formatDate(f.dueOn) : "ohne Frist");

export const notificationText = {
  kinds: {
    received: {
      label: "Neue Anfrage eingegangen",
      hint: "Für das Ratsbüro: eine Fraktion hat eine Anfrage eingereicht.",
    },
    number_assigned: {
      label: "Nummer und Frist vergeben",
      hint: "Für die Fraktion: Ihre eingereichte Anfrage hat ihre Nummer und ihre Frist.",
    },
    accepted: { label: "Anfrage angenommen", hint: "Für die Fraktion: das Ratsbüro hat die Anfrage angenommen." },
    inadmissible: {
      label: "Anfrage unzulässig",
      hint: "Für die Fraktion: das Ratsbüro hat die Anfrage für unzulässig erklärt.",
    },
    assigned: {
      label: "Ihnen zugewiesen",
      hint: "Für Fachämter: eine Anfrage wurde Ihrem Amt federführend oder zur Beteiligung zugewiesen.",
    },
    extension_requested: {
      label: "Fristverlängerung beantragt",
      hint: "Für das Ratsbüro: ein Fachamt bittet um mehr Zeit.",
    },
    extended: {
      label: "Frist verlängert",
      hint: "Für Fraktion und Fachämter: die Frist einer Anfrage wurde verlängert.",
    },
    extension_refused: { label: "Fristverlängerung abgelehnt", hint: "Für das beantragende Fachamt." },
    withdrawn: {
      label: "Anfrage zurückgezogen",
      hint: "Für Ratsbüro und Fachämter: die Fraktion hat die Anfrage zurückgezogen.",
    },
    answered: { label: "Anfrage beantwortet", hint: "Für die Fraktion: die Antwort auf Ihre Anfrage liegt vor." },
    on_agenda: {
      label: "Antrag auf der Tagesordnung",
      hint: "Für die Fraktion: Ihr Antrag steht auf einer Tagesordnung.",
    },
    decided: { label: "Über Antrag entschieden", hint: "Für die Fraktion: über Ihren Antrag wurde entschieden." },
    due_soon: { label: "Frist läuft bald ab", hint: "Für Fachämter und Ratsbüro: einige Tage vor Ablauf der Frist." },
    overdue: {
      label: "Frist überschritten",
      hint: "Für das federführende Fachamt und das Ratsbüro: die Frist ist abgelaufen.",
    },
    consultation_requested: {
      label: "Stellungnahme erbeten",
      hint: "Für die/den Datenschutzbeauftragte/n: ein Fachamt bittet um eine Stellungnahme.",
    },
    consultation_answered: {
      label: "Stellungnahme eingegangen",
      hint: "Für das federführende Fachamt: die Stellungnahme oder das Schreiben liegt vor.",
    },
    contribution_requested: {
      label: "Zulieferung erbeten",
      hint: "Für beteiligte Ämter: das federführende Amt bittet um einen Beitrag zur Antwort.",
    },
    contribution_delivered: {
      label: "Zulieferung eingegangen",
      hint: "Für das federführende Fachamt: ein beteiligtes Amt hat seinen Beitrag abgegeben.",
    },
  } satisfies Record<NotificationKind, { label: string; hint: string }>,

  /** The one-line title of a notification (in the list and as the e-mail's subject). */
  title(kind: NotificationKind, f: NotificationFacts): string {
    const subject = `${f.reference} „${f.title}“`;
    switch (kind) {
      case "received":
        return `Neu eingegangen: ${subject}`;
      case "number_assigned":
        return `Ihre Anfrage „${f.title}“ hat die Nummer ${f.reference}, Frist: ${due(f)}${f.dueRuleLabel ? ` (${f.dueRuleLabel})` : ""}`;
      case "accepted":
        return `Angenommen: ${subject}`;
      case "inadmissible":
        return `Für unzulässig erklärt: ${subject}`;
      case "assigned":
        return `Ihnen zugewiesen: ${subject}, Frist: ${due(f)}`;
      case "extension_requested":
        return `Fristverlängerung beantragt: ${subject}`;
      case "extended":
        return `Frist verlängert bis ${due(f)}: ${subject}`;
      case "extension_refused":
        return `Fristverlängerung abgelehnt: ${subject}`;
      case "withdrawn":
        return `Zurückgezogen: ${subject}`;
      case "answered":
        return `Beantwortet: ${subject}`;
      case "on_agenda":
        return `Auf der Tagesordnung: ${subject}`;
      case "decided": {
        const word = f.decision ? motionDecisionWords[f.decision] : undefined;
        return word ? `Antrag ${word}: ${subject}` : `Entschieden: ${subject}`;
      }
      case "due_soon":
        return `Frist läuft bald ab (${due(f)}): ${subject}`;
      case "overdue":
        return `Frist überschritten (fällig am ${due(f)}): ${subject}`;
      case "consultation_requested":
        return `Stellungnahme erbeten: ${subject}`;
      case "consultation_answered":
        return `Stellungnahme eingegangen: ${subject}`;
      case "contribution_requested":
        return `Zulieferung erbeten: ${subject}`;
      case "contribution_delivered":
        return `Zulieferung eingegangen: ${subject}`;
    }
  },

  mail: {
    subject: (title: string) => `Quaestio: ${title}`,
    /** Only title, reference, dates and links: the mail may travel over systems outside the administration. */
    body(input: {
      displayName: string;
      bodyName: string;
      title: string;
      facts: NotificationFacts;
      link: string;
      preferencesLink: string;
    }): string {
      const lines = [
        `Guten Tag ${input.displayName},`,
        "",
        input.title,
        "",
        `Vorgang: ${input.facts.reference}`,
        `Titel: ${input.facts.title}`,
      ];
      if (input.facts.dueOn) {
        lines.push(
          `Frist: ${formatDate(input.facts.dueOn)}${input.facts.dueRuleLabel ? ` (${input.facts.dueRuleLabel})` : ""}`,
        );
      }
      lines.push(
        "",
        `Zum Vorgang (nach Anmeldung): ${input.link}`,
        "",
        `Welche Benachrichtigungen Sie erhalten, stellen Sie hier ein: ${input.preferencesLink}`,
        "",
        "-- ",
        `Quaestio – ${input.bodyName}`,
      );
      return lines.join("\n");
    },
  },

  list: {
    title: "Benachrichtigungen",
    lead: "Was sich an den Vorgängen getan hat, die Sie betreffen. Neueste zuerst.",
    empty: "Sie haben keine Benachrichtigungen.",
    unread: "ungelesen",
    unreadCount: (n: number) => (n === 1 ? "1 ungelesene Benachrichtigung" : `${n} ungelesene Benachrichtigungen`),
    markRead: "Als gelesen markieren",
    markReadLabel: (title: string) => `Als gelesen markieren: ${title}`,
    markAllRead: "Alle als gelesen markieren",
    markedOne: "Die Benachrichtigung ist als gelesen markiert.",
    markedAll: "Alle Benachrichtigungen sind als gelesen markiert.",
    receivedAt: "Eingegangen",
    preferencesLink: "Benachrichtigungen einstellen",
    pagination: "Seiten",
    previous: "Neuere",
    next: "Ältere",
    pageOf: (page: number, pages: number) => `Seite ${page} von ${pages}`,
  },

  header: {
    link: "Benachrichtigungen",
    /** Read after the count ("Benachrichtigungen (3) ungelesen"); on screen it reads "Benachrichtigungen (3)". */
    unreadSuffix: "ungelesen",
  },

  preferences: {
    title: "Benachrichtigungen einstellen",
    lead: "Wählen Sie, worüber Quaestio Sie im Arbeitsbereich und per E-Mail benachrichtigt. Sie erhalten nur Benachrichtigungen zu Vorgängen, die Sie sehen dürfen.",
    caption: "Benachrichtigungen nach Anlass",
    columnKind: "Anlass",
    columnHint: "Für wen und wann",
    columnInApp: "im Arbeitsbereich",
    columnEmail: "per E-Mail",
    inAppLabel: (label: string) => `${label}: im Arbeitsbereich`,
    emailLabel: (label: string) => `${label}: per E-Mail`,
    dueSoonDays: "Erinnerung vor Fristablauf (Tage vorher)",
    dueSoonDaysHint: "Eine ganze Zahl von 1 bis 60. Voreingestellt sind 3 Tage.",
    dueSoonDaysInvalid: "Bitte geben Sie eine ganze Zahl von 1 bis 60 ein.",
    save: "Einstellungen speichern",
    saved: "Ihre Einstellungen sind gespeichert.",
    formError: "Die Einstellungen wurden nicht gespeichert. Bitte prüfen Sie die markierten Felder.",
    backToList: "Zu den Benachrichtigungen",
    accountLink: "Benachrichtigungen einstellen",
  },
} as const;
