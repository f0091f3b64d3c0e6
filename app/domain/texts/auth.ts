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
  /** Shown after a completed reset or an accepted invitation, which redirect here (`?hinweis=…`). */
  notices: {
    "passwort-geaendert": "Ihr Passwort wurde geändert. Melden Sie sich jetzt mit dem neuen Passwort an.",
    "einladung-angenommen": "Die Einladung ist angenommen. Bitte melden Sie sich an.",
  },
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

/** Second factor: entering a code after the password, and setting it up or switching it off in the account. */
export const secondFactorText = {
  verifyTitle: "Zweiter Faktor",
  verifyIntro:
    "Geben Sie den sechsstelligen Code aus Ihrer Authenticator-App ein. Haben Sie keinen Zugriff auf die App, können Sie einen Ihrer Wiederherstellungscodes verwenden.",
  codeLabel: "Code aus der Authenticator-App oder Wiederherstellungscode",
  codeHint: "6 Ziffern, z. B. 123456, oder ein Wiederherstellungscode wie ABCD-EFGH-IJKL-MNOP",
  verifySubmit: "Bestätigen",
  codeMissing: "Bitte geben Sie den Code ein.",
  codeMalformed: "Bitte geben Sie sechs Ziffern oder einen Wiederherstellungscode ein.",
  codeWrong: "Dieser Code ist nicht gültig. Bitte prüfen Sie die Uhrzeit Ihres Geräts und versuchen Sie es erneut.",
  codeReplayed: "Dieser Code wurde bereits verwendet. Bitte warten Sie auf den nächsten Code Ihrer App.",
  rateLimited: (seconds: number) =>
    `Zu viele Versuche. Bitte warten Sie ${seconds} Sekunden und versuchen Sie es dann erneut.`,
  cancel: "Abbrechen und abmelden",

  setupTitle: "Zweiter Faktor für Ihr Konto",
  required:
    "Für Ihre Rolle ist ein zweiter Faktor vorgeschrieben: Richten Sie ihn jetzt ein, bevor Sie weiterarbeiten. Sie brauchen dafür eine Authenticator-App (zum Beispiel FreeOTP, Aegis oder die App Ihres Hauses).",
  optional:
    "Ein zweiter Faktor schützt Ihr Konto auch dann, wenn Ihr Passwort in fremde Hände gerät. Für Fraktionsmitglieder ist er freiwillig.",
  step1: "1. Code in der Authenticator-App hinzufügen",
  scanHint: "Scannen Sie den QR-Code mit Ihrer Authenticator-App oder geben Sie den Schlüssel von Hand ein.",
  qrAlt: "QR-Code zum Einrichten des zweiten Faktors in einer Authenticator-App",
  secretLabel: "Schlüssel zur Eingabe von Hand",
  step2: "2. Mit einem Code bestätigen",
  confirmLabel: "Sechsstelliger Code aus der App",
  confirmSubmit: "Zweiten Faktor einrichten",
  pendingExpired:
    "Die Einrichtung hat zu lange gedauert. Bitte fügen Sie den neuen Schlüssel unten in Ihrer App hinzu.",
  enabledTitle: "Zweiter Faktor ist eingerichtet",
  enabledSince: (date: string) => `Eingerichtet am ${date}.`,
  recoveryRemaining: (n: number) => `Unbenutzte Wiederherstellungscodes: ${n}.`,
  recoveryTitle: "Ihre Wiederherstellungscodes",
  recoveryIntro:
    "Jeder Code gilt genau einmal, falls Sie keinen Zugriff auf Ihre Authenticator-App haben. Bewahren Sie die Codes sicher auf (ausgedruckt oder im Passwortmanager) — sie werden nur jetzt angezeigt.",
  continue: "Weiter",
  disableTitle: "Zweiten Faktor abschalten",
  disableIntro: "Zum Abschalten bestätigen Sie mit einem aktuellen Code aus Ihrer App.",
  disableSubmit: "Zweiten Faktor abschalten",
  disabled: "Der zweite Faktor ist abgeschaltet.",
  disableNotAllowed: "Für Ihre Rolle ist der zweite Faktor vorgeschrieben; er kann nicht abgeschaltet werden.",
  alreadyEnabled: "Der zweite Faktor ist bereits eingerichtet.",
  signOut: "Abmelden",
} as const;
