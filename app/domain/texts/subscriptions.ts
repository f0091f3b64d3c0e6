/** German wording of the e-mail subscriptions (issue 14): the form, the confirmation and unsubscribe pages, mails. */
import { formatDate } from "../format";

export type SubscriptionTopicName = "inquiry" | "body" | "faction" | "tool";

export const subscriptionText = {
  formTitle: "Per E-Mail folgen",
  formIntro: (what: string) =>
    `Wir schreiben Ihnen, wenn zu ${what} eine Antwort, eine Berichtigung oder eine Zwischennachricht veröffentlicht wird. Sie bestätigen das Abonnement zuerst über einen Link in einer E-Mail.`,
  email: "E-Mail-Adresse",
  honeypot: "Bitte lassen Sie dieses Feld leer",
  submit: "Per E-Mail folgen",
  privacyLink: "Wie wir Ihre E-Mail-Adresse verwenden",
  emailMissing: "Bitte geben Sie Ihre E-Mail-Adresse ein.",
  emailInvalid: "Bitte geben Sie eine gültige E-Mail-Adresse ein, z. B. name@example.org.",
  rateLimited: (seconds: number) =>
    `Zu viele Anmeldungen in kurzer Zeit. Bitte versuchen Sie es in ${Math.ceil(seconds / 60)} Minute(n) erneut.`,
  requestTitle: "Per E-Mail folgen",
  requested:
    "Danke. Wenn die Adresse ein Abonnement erhalten kann, haben wir eine E-Mail mit einem Bestätigungslink geschickt. Erst nach der Bestätigung schicken wir Nachrichten. Der Link gilt 7 Tage.",
  backTo: (what: string) => `Zurück zu ${what}`,

  topicLabel: {
    inquiry: (reference: string, title: string) => `der Anfrage ${reference} „${title}“`,
    body: (name: string) => `den Anfragen der Körperschaft ${name}`,
    faction: (faction: string, body: string) => `den Anfragen der Fraktion ${faction} (${body})`,
    tool: (name: string) => `dem Werkzeug ${name}`,
  },

  confirm: {
    title: "Abonnement bestätigen",
    intro: (what: string) => `Bitte bestätigen Sie, dass Sie ${what} per E-Mail folgen möchten.`,
    submit: "Abonnement bestätigen",
    done: (what: string) => `Ihr Abonnement ist bestätigt. Sie folgen jetzt ${what} per E-Mail.`,
    invalid:
      "Dieser Bestätigungslink ist nicht mehr gültig: Er wurde schon verwendet, ist abgelaufen (nach 7 Tagen) oder unvollständig. Sie können das Abonnement auf der Seite erneut anfordern.",
  },

  unsubscribe: {
    title: "Abonnement beenden",
    intro: (what: string) => `Möchten Sie ${what} nicht mehr per E-Mail folgen?`,
    submit: "Abonnement beenden",
    done: "Ihr Abonnement ist beendet. Wir schicken Ihnen dazu keine E-Mails mehr und haben Ihre E-Mail-Adresse für dieses Abonnement gelöscht.",
    unknown: "Dieses Abonnement besteht nicht (mehr). Sie erhalten dazu keine E-Mails.",
  },

  mail: {
    confirmSubject: (what: string) => `Bitte bestätigen: Sie möchten ${what} folgen`,
    confirmBody: (input: { what: string; confirmLink: string; unsubscribeLink: string }) =>
      [
        "Guten Tag,",
        "",
        `über Quaestio wurde ein E-Mail-Abonnement zu ${input.what} für diese Adresse angefordert.`,
        "Bitte bestätigen Sie es über diesen Link (gültig 7 Tage):",
        "",
        input.confirmLink,
        "",
        "Wenn Sie das nicht waren, ignorieren Sie diese E-Mail: Ohne Bestätigung schicken wir nichts, und die Adresse wird nach 7 Tagen gelöscht.",
        `Anfrage verwerfen: ${input.unsubscribeLink}`,
      ].join("\n"),
    noticeSubject: (event: string, reference: string) => `${event}: ${reference}`,
    noticeBody: (input: {
      event: string;
      reference: string;
      title: string;
      bodyName: string;
      date: string;
      note: string | null;
      link: string;
      what: string;
      unsubscribeLink: string;
    }) =>
      [
        "Guten Tag,",
        "",
        `zu ${input.reference} „${input.title}“ (${input.bodyName}) gibt es Neues:`,
        `${input.event} am ${formatDate(input.date)}${input.note ? `: ${input.note}` : "."}`,
        "",
        `Zur Anfrage: ${input.link}`,
        "",
        `Sie erhalten diese E-Mail, weil Sie ${input.what} per E-Mail folgen.`,
        `Abonnement beenden: ${input.unsubscribeLink}`,
      ].join("\n"),
  },
  privacyParagraph:
    "E-Mail-Abonnements: Wenn Sie einer Anfrage, einer Körperschaft, einer Fraktion oder einem Werkzeug per E-Mail folgen, speichern wir Ihre E-Mail-Adresse, was Sie abonniert haben und wann Sie es bestätigt haben – nichts weiter, und nur dafür, Ihnen die bestellten Nachrichten zu schicken (Art. 6 Abs. 1 lit. a DSGVO, Einwilligung). Die Adresse wird nirgends angezeigt und nicht weitergegeben. Ein nicht bestätigtes Abonnement löschen wir nach 7 Tagen; mit dem Abmeldelink in jeder E-Mail beenden Sie das Abonnement mit einem Klick, und wir löschen die Adresse dafür sofort. Zum Schutz vor Missbrauch zählen wir Anmeldungen kurzzeitig je Adresse und je IP-Adresse.",
} as const;
