/** User-facing German wording of the body administration and of accepting an invitation. */
import { answerStatusLabels, inquiryStatusLabels } from "../labels";
export const adminText = {
  overviewTitle: (body: string) => `Verwaltung: ${body}`,
  usersHeading: "Benutzerinnen und Benutzer",
  usersCaption: "Konten mit einer Rolle in dieser Körperschaft",
  name: "Name",
  email: "E-Mail-Adresse",
  roles: "Rollen",
  status: "Status",
  active: "aktiv",
  inactive: "deaktiviert",
  mfaOn: "zweiter Faktor eingerichtet",
  mfaOff: "kein zweiter Faktor",
  organizationsHeading: "Organisationen",
  organizationsCaption: "Organisationen dieser Körperschaft",
  organization: "Organisation",
  kind: "Art",
  role: "Rolle",
  external: "extern",
  invitationsHeading: "Offene Einladungen",
  invitationsCaption: "Einladungen, die noch nicht angenommen wurden",
  invitedAt: "eingeladen am",
  expiresAt: "gültig bis",
  noInvitations: "Keine offenen Einladungen.",
  inviteHeading: "Person einladen",
  inviteIntro:
    "Die eingeladene Person erhält eine E-Mail mit einem Link, der sieben Tage gültig ist und nur einmal verwendet werden kann.",
  inviteSubmit: "Einladung senden",
  invited: (email: string) => `Die Einladung an ${email} wurde in den Postausgang gelegt.`,
  auditLink: "Protokoll dieser Körperschaft",
  chooseOrganization: "Bitte wählen Sie eine Organisation dieser Körperschaft.",
  chooseRole: "Bitte wählen Sie eine Rolle.",
  roleNotInOrganization: "Diese Rolle kann in dieser Organisation nicht vergeben werden.",
  emailInvalid: "Bitte geben Sie eine gültige E-Mail-Adresse ein.",
  alreadyMember: "Diese Person hat diese Rolle in dieser Organisation bereits.",
  rateLimited: (seconds: number) => `Zu viele Einladungen in kurzer Zeit. Bitte warten Sie ${seconds} Sekunden.`,

  userTitle: (name: string) => `Konto: ${name}`,
  backToOverview: "Zurück zur Verwaltung",
  membershipsHeading: "Rollen in dieser Körperschaft",
  membershipsCaption: "Rollen dieses Kontos in dieser Körperschaft",
  noMemberships: "Dieses Konto hat keine Rolle mehr in dieser Körperschaft.",
  removeRole: "Rolle entziehen",
  addRoleHeading: "Rolle zuweisen",
  addRoleSubmit: "Rolle zuweisen",
  accountHeading: "Konto",
  deactivate: "Konto deaktivieren",
  deactivateHint: "Alle Sitzungen dieses Kontos enden sofort; eine Anmeldung ist danach nicht mehr möglich.",
  reactivate: "Konto wieder aktivieren",
  resetMfa: "Zweiten Faktor zurücksetzen",
  resetMfaHint:
    "Entfernt den TOTP-Schlüssel und alle Wiederherstellungscodes und beendet alle Sitzungen; bei der nächsten Anmeldung wird der zweite Faktor neu eingerichtet.",
  done: {
    role_granted: "Die Rolle wurde zugewiesen. Die Sitzungen des Kontos wurden beendet.",
    role_revoked: "Die Rolle wurde entzogen. Die Sitzungen des Kontos wurden beendet.",
    user_deactivated: "Das Konto wurde deaktiviert; alle Sitzungen sind beendet.",
    user_reactivated: "Das Konto wurde wieder aktiviert.",
    mfa_reset: "Der zweite Faktor wurde zurückgesetzt; alle Sitzungen sind beendet.",
  } as Record<string, string>,
  notOnSelf: "Diese Änderung können Sie nicht an Ihrem eigenen Konto vornehmen.",
  lastAdmin: "Die Körperschaft braucht mindestens eine weitere Administration; diese Rolle kann nicht entzogen werden.",
  otherBodies:
    "Dieses Konto hat auch Rollen in Körperschaften, die Sie nicht verwalten; Kontoänderungen kann nur eine Administration aller dieser Körperschaften vornehmen.",
  alreadyInactive: "Das Konto ist bereits deaktiviert.",
  alreadyActive: "Das Konto ist bereits aktiv.",
  mfaNotSet: "Für dieses Konto ist kein zweiter Faktor eingerichtet.",

  auditTitle: (body: string) => `Protokoll: ${body}`,
  auditIntro:
    "Anmeldungen, Änderungen an Rollen und am zweiten Faktor, Einladungen und das Lesen nicht öffentlicher Inhalte, neueste zuerst.",
  auditCaption: "Protokolleinträge",
  when: "Zeitpunkt",
  event: "Ereignis",
  actor: "ausgeführt von",
  subject: "betrifft",
  details: "Details",
  noEvents: "Keine Einträge.",
  previous: "Neuere Einträge",
  next: "Ältere Einträge",
  pageOf: (page: number) => `Seite ${page}`,
  system: "System",
} as const;

/** Audit event types as the admin reads them. */
export const eventTypeLabels: Record<string, string> = {
  signed_in: "Anmeldung",
  sign_in_failed: "Fehlgeschlagene Anmeldung",
  signed_out: "Abmeldung",
  signed_out_everywhere: "Überall abgemeldet",
  password_change_failed: "Passwortänderung fehlgeschlagen",
  session_revoked: "Sitzung beendet",
  mfa_enabled: "Zweiter Faktor eingerichtet",
  mfa_disabled: "Zweiter Faktor entfernt",
  mfa_failed: "Falscher Code für den zweiten Faktor",
  mfa_verified: "Zweiter Faktor bestätigt",
  recovery_code_used: "Wiederherstellungscode verwendet",
  password_changed: "Passwort geändert",
  password_reset_requested: "Passwort-Zurücksetzung angefordert",
  password_reset: "Passwort zurückgesetzt",
  user_invited: "Einladung versandt",
  invitation_accepted: "Einladung angenommen",
  role_granted: "Rolle zugewiesen",
  role_revoked: "Rolle entzogen",
  user_deactivated: "Konto deaktiviert",
  user_reactivated: "Konto wieder aktiviert",
  mfa_reset: "Zweiter Faktor zurückgesetzt",
  non_public_read: "Nicht öffentlichen Inhalt gelesen",
};

/** What an audit entry is about when it is not a user account. */
/** "Kleine Anfrage 3762: Titel" (a draft has no reference yet: "Anfrage (Entwurf): Titel"). */
export const auditInquirySubject = (type: string, reference: string | null, title: string) =>
  `${type} ${reference ?? "(Entwurf)"}: ${title}`;

/** A status in an event's facts, in German ("Status: Antwort in Arbeit"); unknown ones as recorded. */
export const auditStatus = (status: string) =>
  `Status: ${(inquiryStatusLabels as Record<string, string>)[status] ?? (answerStatusLabels as Record<string, string>)[status] ?? status}`;

export const aggregateLabels: Record<string, string> = {
  inquiry: "Vorgang",
  answer: "Antwort",
  consultation: "Beteiligung",
  invitation: "Einladung",
  session: "Sitzung",
};

export const organizationKindLabels: Record<string, string> = {
  council: "Rat / Parlament",
  committee: "Ausschuss",
  faction: "Fraktion",
  department: "Amt / Fachbereich",
  council_office: "Ratsbüro / Parlamentsverwaltung",
  dpo_office: "Datenschutz",
  executive: "Verwaltungsspitze",
  supervisory_authority: "Aufsichtsbehörde",
  other: "Sonstige",
};

export const invitationText = {
  title: "Einladung annehmen",
  intro: (body: string, organization: string, role: string) =>
    `Sie wurden eingeladen, in ${body} als ${role} (${organization}) mitzuarbeiten.`,
  invalid:
    "Dieser Einladungslink ist ungültig, abgelaufen oder wurde bereits verwendet. Bitte bitten Sie die Administration um eine neue Einladung.",
  invalidTitle: "Einladung nicht gültig",
  newAccountIntro: "Legen Sie Ihren Namen und ein Passwort fest.",
  existingAccountIntro: (email: string) =>
    `Für ${email} gibt es bereits ein Konto. Bestätigen Sie mit dessen Passwort, um die Rolle anzunehmen.`,
  displayName: "Ihr Name",
  password: "Passwort",
  passwordHint: "Mindestens 10 Zeichen; verbreitete Passwörter werden abgelehnt.",
  passwordConfirm: "Passwort wiederholen",
  currentPassword: "Passwort Ihres Kontos",
  submit: "Einladung annehmen",
  displayNameMissing: "Bitte geben Sie Ihren Namen ein.",
  displayNameTooLong: "Der Name darf höchstens 120 Zeichen lang sein.",
  passwordTooShort: "Das Passwort muss mindestens 10 Zeichen lang sein.",
  passwordTooLong: "Das Passwort darf höchstens 1000 Zeichen lang sein.",
  passwordMismatch: "Die beiden Passwörter stimmen nicht überein.",
  passwordWrong: "Das Passwort ist falsch.",
  rateLimited: (seconds: number) =>
    `Zu viele Versuche. Bitte warten Sie ${seconds} Sekunden und versuchen Sie es dann erneut.`,
  accepted: "Die Einladung ist angenommen. Bitte melden Sie sich an.",
  mail: {
    subject: (body: string) => `Einladung zu Quaestio – ${body}`,
    body: (input: {
      body: string;
      organization: string;
      role: string;
      link: string;
      inviter: string;
      expires: string;
    }) =>
      [
        "Guten Tag,",
        "",
        `${input.inviter} lädt Sie ein, in Quaestio für ${input.body} als ${input.role} (${input.organization}) mitzuarbeiten.`,
        "",
        "Mit diesem Link nehmen Sie die Einladung an:",
        input.link,
        "",
        `Der Link ist bis ${input.expires} gültig und kann nur einmal verwendet werden.`,
        "Wenn Sie diese Einladung nicht erwartet haben, ignorieren Sie diese E-Mail.",
      ].join("\n"),
  },
} as const;
