import type { MetaFunction } from "@remix-run/node";
import { Link } from "@remix-run/react";
import { PageHeader } from "~/components/page-header";
import { subscriptionText } from "~/domain/texts/subscriptions";

export const meta: MetaFunction = () => [{ title: "Datenschutz – Quaestio" }];

export default function PrivacyPolicy() {
  return (
    <div className="prose">
      <PageHeader
        title="Datenschutz"
        lead="Welche Daten Quaestio verarbeitet, wenn Sie die öffentlichen Seiten lesen – und welche nicht."
      />

      <h2>Kein Tracking, keine Inhalte Dritter</h2>
      <p>
        Quaestio verwendet keine Analyse- oder Tracking-Werkzeuge und keine Werbung. Alle Bestandteile der Seiten –
        Texte, Stylesheets, Skripte, Grafiken – kommen von diesem Server. Es werden keine Schriften, Videos, Karten oder
        sonstigen Inhalte von anderen Anbietern geladen; Ihr Browser nimmt beim Lesen also keinen Kontakt zu Dritten
        auf.
      </p>

      <h2>Cookies</h2>
      <p>
        Wer die öffentlichen Seiten nur liest, bekommt kein Cookie. Erst wenn sich Mitarbeiterinnen und Mitarbeiter
        einer Verwaltung, eines Ratsbüros oder einer Fraktion <Link to="/anmelden">anmelden</Link>, setzt Quaestio ein
        Sitzungs-Cookie. Es enthält nur eine zufällige Kennung der Anmeldung, ist für Skripte nicht lesbar und wird beim
        Abmelden oder nach Ablauf der Sitzung ungültig.
      </p>

      <h2>Server-Protokolle</h2>
      <p>
        Wie jeder Webserver verarbeitet Quaestio bei jedem Aufruf technisch notwendige Daten: die aufgerufene Adresse,
        Datum und Uhrzeit, die IP-Adresse und die Angaben Ihres Browsers. Sie werden nur genutzt, um den Betrieb zu
        sichern und Fehler zu finden. Tritt ein Fehler auf, wird er mit einer zufälligen Fehler-ID protokolliert, die
        Ihnen auf der Fehlerseite angezeigt wird. Protokolle werden nach kurzer Zeit gelöscht und nicht mit anderen
        Daten zusammengeführt.
      </p>

      <h2 id="abonnements">E-Mail-Abonnements</h2>
      <p>{subscriptionText.privacyParagraph}</p>

      <h2>Veröffentlichte Dokumente</h2>
      <p>
        Anfragen und Antworten werden so veröffentlicht, wie die Körperschaften sie freigegeben haben. Namen von
        Mandatsträgerinnen und Mandatsträgern erscheinen, weil sie Teil der öffentlichen parlamentarischen Arbeit sind.
        Textstellen, die etwa personenbezogene Daten enthalten, werden vor der Veröffentlichung zurückgehalten; an ihrer
        Stelle steht eine Begründung.
      </p>

      <h2>Ihre Rechte</h2>
      <p>
        Sie haben das Recht auf Auskunft, Berichtigung, Löschung und Einschränkung der Verarbeitung Ihrer Daten sowie
        ein Beschwerderecht bei einer Datenschutz-Aufsichtsbehörde. Fragen zum Datenschutz richten Sie bitte an die im{" "}
        <Link to="/impressum">Impressum</Link> genannte Stelle.
      </p>
    </div>
  );
}
