/** German wording of the plain pages the HTTP server answers before a request reaches the app. */
export const httpRefusalText = {
  400: {
    title: "Ungültige Anfrage",
    text: "Ihr Browser hat eine Anfrage geschickt, die dieser Server nicht versteht.",
  },
  403: { title: "Zugriff verweigert", text: "Die Anfrage kam von einer fremden Website und wurde abgelehnt." },
  405: {
    title: "Methode nicht erlaubt",
    text: "Diese Adresse kann nur abgerufen oder mit einem Formular gesendet werden.",
  },
  413: {
    title: "Zu große Anfrage",
    text: "Die gesendeten Daten sind zu groß. Bitte kürzen Sie den Text oder senden Sie kleinere Dateien.",
  },
  415: { title: "Nicht unterstütztes Format", text: "Diese Adresse nimmt nur Formulardaten an." },
  501: { title: "Nicht unterstützt", text: "Diese Art von Anfrage unterstützt der Server nicht." },
  back: "Zur Startseite",
  limit: (megabytes: string) => `Erlaubt sind höchstens ${megabytes} MB.`,
} as const;

export type RefusalStatus = 400 | 403 | 405 | 413 | 415 | 501;
