/** User-facing German wording of the account page, password reset and the development mailbox. */
export const accountsText = {
  passwordProblems: {
    too_short: "Das Passwort muss mindestens 10 Zeichen lang sein.",
    too_long: "Das Passwort darf höchstens 1000 Zeichen lang sein.",
    common: "Dieses Passwort ist zu verbreitet und leicht zu erraten. Bitte wählen Sie ein anderes.",
    like_email: "Das Passwort darf nicht Ihre E-Mail-Adresse oder deren Teil vor dem @ sein.",
  },
  passwordHint: "Mindestens 10 Zeichen. Ein Satz aus mehreren Wörtern ist leicht zu merken und schwer zu erraten.",

  account: {
    title: "Mein Konto",
    signedInAs: (name: string, email: string) => `Angemeldet als ${name} (${email}).`,
    sessionsHeading: "Aktive Sitzungen",
    sessionsIntro:
      "Hier sehen Sie, wo Sie angemeldet sind. Beenden Sie Sitzungen, die Sie nicht kennen, und ändern Sie dann Ihr Passwort.",
    signOutEverywhere: "Überall abmelden",
    signOutEverywhereHint: "Beendet alle Sitzungen, auch diese. Sie müssen sich danach neu anmelden.",
    revokedOne: "Die Sitzung wurde beendet.",
    passwordHeading: "Passwort ändern",
    passwordChanged: "Ihr Passwort wurde geändert. Alle anderen Sitzungen wurden beendet.",
    currentPassword: "Aktuelles Passwort",
    newPassword: "Neues Passwort",
    newPasswordRepeat: "Neues Passwort wiederholen",
    changePassword: "Passwort ändern",
    currentPasswordMissing: "Bitte geben Sie Ihr aktuelles Passwort ein.",
    currentPasswordWrong: "Das aktuelle Passwort ist falsch.",
    newPasswordMissing: "Bitte geben Sie ein neues Passwort ein.",
    repeatMismatch: "Die beiden neuen Passwörter stimmen nicht überein.",
    sameAsCurrent: "Das neue Passwort muss sich vom aktuellen unterscheiden.",
    rateLimited: (seconds: number) =>
      `Zu viele Versuche. Bitte warten Sie ${seconds} Sekunden und versuchen Sie es dann erneut.`,
    secondFactorLink: "Zweiten Faktor verwalten",
  },

  sessions: {
    device: (browser: string, system: string) => `${browser} unter ${system}`,
    unknownDevice: "Unbekanntes Gerät",
    columnDevice: "Gerät",
    columnIp: "IP-Adresse",
    columnCreated: "Angemeldet seit",
    columnLastActive: "Zuletzt aktiv",
    columnAction: "Aktion",
    current: "diese Sitzung",
    unknownIp: "unbekannt",
    revoke: "Beenden",
    revokeLabel: (device: string, since: string) => `Sitzung ${device}, angemeldet seit ${since}, beenden`,
  },

  forgot: {
    title: "Passwort vergessen",
    intro:
      "Geben Sie die E-Mail-Adresse Ihres Kontos ein. Wenn es dazu ein Konto gibt, erhalten Sie eine E-Mail mit einem Link, über den Sie ein neues Passwort festlegen können. Der Link gilt 60 Minuten und nur einmal.",
    email: "E-Mail-Adresse",
    honeypot: "Website (bitte leer lassen)",
    submit: "Link anfordern",
    emailMissing: "Bitte geben Sie Ihre E-Mail-Adresse ein.",
    emailInvalid: "Bitte geben Sie eine gültige E-Mail-Adresse ein.",
    sent: "Wenn zu dieser E-Mail-Adresse ein aktives Konto gehört, ist eine E-Mail mit einem Link zum Zurücksetzen unterwegs. Bitte sehen Sie auch im Spam-Ordner nach.",
    rateLimited: (seconds: number) =>
      `Zu viele Anforderungen. Bitte warten Sie ${seconds} Sekunden und versuchen Sie es dann erneut.`,
    backToSignIn: "Zur Anmeldung",
  },

  reset: {
    title: "Neues Passwort festlegen",
    intro: (email: string) =>
      `Legen Sie ein neues Passwort für ${email} fest. Danach werden alle bestehenden Sitzungen beendet.`,
    invalidTitle: "Link ungültig",
    invalid: "Dieser Link ist ungültig, abgelaufen oder wurde schon benutzt. Fordern Sie bitte einen neuen Link an.",
    requestNew: "Neuen Link anfordern",
    submit: "Passwort speichern",
    done: "Ihr Passwort wurde geändert. Melden Sie sich jetzt mit dem neuen Passwort an.",
    signIn: "Zur Anmeldung",
  },

  mail: {
    resetSubject: "Quaestio: Passwort zurücksetzen",
    resetBody: (link: string) =>
      [
        "Guten Tag,",
        "",
        "für Ihr Quaestio-Konto wurde ein neues Passwort angefordert. Über diesen Link legen Sie es fest:",
        "",
        link,
        "",
        "Der Link gilt 60 Minuten und nur einmal. Wenn Sie das nicht angefordert haben, ignorieren Sie diese E-Mail;",
        "Ihr bisheriges Passwort bleibt dann gültig.",
        "",
        "– Quaestio",
      ].join("\n"),
  },

  mailbox: {
    title: "Entwicklungs-Postfach",
    intro:
      "Ohne SMTP_URL verschickt Quaestio keine E-Mails, sondern legt sie hier und als .eml-Datei im Verzeichnis MAIL_DIR ab. Diese Seite ist nur von diesem Rechner aus erreichbar.",
    empty: "Noch keine E-Mails.",
    to: "An",
    subject: "Betreff",
    date: "Datum",
    file: "Datei",
  },
} as const;
