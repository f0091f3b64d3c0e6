import { Link } from "@remix-run/react";
import { PageHeader } from "./page-header";

/** "Seite nicht gefunden": used by the root ErrorBoundary for every 404. */
export function NotFoundPage() {
  return (
    <>
      <PageHeader title="Seite nicht gefunden" kicker="Fehler 404" />
      <p>
        Unter dieser Adresse gibt es keine Seite. Vielleicht wurde die Adresse falsch eingegeben, oder die Seite ist
        umgezogen.
      </p>
      <ul>
        <li>
          <Link to="/">Zur Startseite</Link>
        </li>
        <li>
          <Link to="/feedback">Einen defekten Link melden</Link>
        </li>
      </ul>
    </>
  );
}

const clientErrorTexts: Record<number, { title: string; text: string }> = {
  400: {
    title: "Ungültige Anfrage",
    text: "Die Anfrage konnte nicht verarbeitet werden. Bitte prüfen Sie die Adresse oder Ihre Eingaben.",
  },
  401: {
    title: "Anmeldung erforderlich",
    text: "Diese Seite ist nur nach der Anmeldung erreichbar.",
  },
  403: {
    title: "Kein Zugriff",
    text: "Sie haben keine Berechtigung, diese Seite aufzurufen.",
  },
  405: {
    title: "Aktion nicht möglich",
    text: "Diese Aktion ist auf dieser Seite nicht vorgesehen.",
  },
  413: {
    title: "Datei zu groß",
    text: "Die gesendeten Daten sind zu groß. Bitte wählen Sie eine kleinere Datei.",
  },
  429: {
    title: "Zu viele Anfragen",
    text: "Bitte warten Sie einen Moment und versuchen Sie es dann erneut.",
  },
};

/** A 4xx other than 404 that a route threw on purpose: a German explanation, no correlation id. */
export function ClientErrorPage({ status }: { status: number }) {
  const known = clientErrorTexts[status] ?? {
    title: "Anfrage nicht möglich",
    text: "Diese Anfrage kann nicht bearbeitet werden.",
  };
  return (
    <>
      <PageHeader title={known.title} kicker={`Fehler ${status}`} />
      <p>{known.text}</p>
      <p>
        <Link to="/">Zur Startseite</Link>
      </p>
    </>
  );
}

/**
 * Unexpected errors: a friendly page with the correlation id. The error's message and stack never
 * reach the page; they are in the server log under the same id.
 */
export function ServerErrorPage({ requestId }: { requestId: string }) {
  return (
    <>
      <PageHeader title="Es ist ein Fehler aufgetreten" />
      <p>
        Die Seite konnte wegen eines technischen Fehlers nicht angezeigt werden. Bitte versuchen Sie es in einigen
        Minuten erneut.
      </p>
      {requestId ? (
        <p>
          Wenn Sie uns den Fehler melden, nennen Sie bitte diese Fehler-ID:{" "}
          <code className="correlation-id">{requestId}</code>
        </p>
      ) : null}
      <ul>
        <li>
          <Link to="/">Zur Startseite</Link>
        </li>
        <li>
          <Link to="/feedback">Fehler melden</Link>
        </li>
      </ul>
    </>
  );
}
