/** User-facing German wording of sign-in and the workspace, kept in one place for review. */
export const signInText = {
  title: "Anmelden",
  intro: "Anmeldung für Fraktionen, Verwaltung und Datenschutz. Öffentliche Inhalte sind ohne Anmeldung lesbar.",
  email: "E-Mail-Adresse",
  password: "Passwort",
  submit: "Anmelden",
  emailMissing: "Bitte geben Sie Ihre E-Mail-Adresse ein.",
  emailInvalid: "Bitte geben Sie eine gültige E-Mail-Adresse ein.",
  passwordMissing: "Bitte geben Sie Ihr Passwort ein.",
  invalid: "E-Mail-Adresse oder Passwort ist falsch.",
  rateLimited: (seconds: number) =>
    `Zu viele Anmeldeversuche. Bitte warten Sie ${seconds} Sekunden und versuchen Sie es dann erneut.`,
} as const;

export const roleLabels: Record<string, string> = {
  faction_member: "Fraktionsmitglied",
  council_office: "Ratsbüro / Parlamentsverwaltung",
  clerk: "Sachbearbeitung",
  department_head: "Amts- oder Fachbereichsleitung",
  co_signer: "Mitzeichnung",
  councillor: "Stadträtin / Stadtrat",
  mayor: "Verwaltungsspitze",
  dpo: "Datenschutzbeauftragte/r",
  body_admin: "Administration der Körperschaft",
};
