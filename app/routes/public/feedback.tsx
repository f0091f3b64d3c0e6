import type { MetaFunction } from "@remix-run/node";
import { PageHeader } from "~/components/page-header";

export const meta: MetaFunction = () => [{ title: "Feedback – Quaestio" }];

const feedbackAddress = "feedback@quaestio.example";

export default function Feedback() {
  return (
    <div className="prose">
      <PageHeader
        title="Feedback"
        lead="Haben Sie einen Fehler gefunden, eine Barriere bemerkt oder einen Vorschlag? Wir freuen uns über Ihre Nachricht."
      />

      <h2>So erreichen Sie uns</h2>
      <p>
        Schreiben Sie eine E-Mail an <a href={`mailto:${feedbackAddress}`}>{feedbackAddress}</a>.
      </p>

      <h2>Was uns hilft</h2>
      <ul>
        <li>die Adresse der Seite, um die es geht (aus der Adresszeile Ihres Browsers),</li>
        <li>was Sie erwartet haben und was stattdessen passiert ist,</li>
        <li>bei einer Fehlerseite die dort angezeigte Fehler-ID,</li>
        <li>bei einer Barriere: welches Hilfsmittel Sie nutzen (zum Beispiel Screenreader oder Vergrößerung).</li>
      </ul>

      <h2>Fragen zu einer Anfrage oder Antwort</h2>
      <p>
        Für den Inhalt einer Anfrage oder Antwort ist die Körperschaft verantwortlich, die sie eingereicht oder
        beantwortet hat. Wenden Sie sich mit inhaltlichen Fragen bitte direkt an diese Stelle; sie ist bei jedem
        Dokument genannt.
      </p>
    </div>
  );
}
