import type { MetaFunction } from "@remix-run/node";
import { Link } from "@remix-run/react";
import { PageHeader } from "~/components/page-header";

export const meta: MetaFunction = () => [{ title: "Impressum – Quaestio" }];

export default function Imprint() {
  return (
    <div className="prose">
      <PageHeader title="Impressum" />

      <p className="notice notice--warning">
        Dies ist eine Demo-Installation. Die folgenden Angaben sind Platzhalter, die der Betreiber einer Installation
        durch seine eigenen ersetzt.
      </p>

      <h2>Anbieter</h2>
      <address>
        Quaestio-Demo
        <br />
        Musterstraße 1
        <br />
        12345 Musterstadt
      </address>

      <h2>Kontakt</h2>
      <p>
        E-Mail: <a href="mailto:kontakt@quaestio.example">kontakt@quaestio.example</a>
      </p>

      <h2>Verantwortlich für den Inhalt</h2>
      <p>
        Die Anfragen und Antworten stammen von den jeweiligen Körperschaften (Räten, Parlamenten und ihren
        Verwaltungen). Verantwortlich für den Inhalt eines Dokuments ist die Stelle, die es eingereicht oder beantwortet
        hat; sie ist bei jedem Dokument genannt.
      </p>

      <h2>Weitere Informationen</h2>
      <ul>
        <li>
          <Link to="/datenschutz">Datenschutzerklärung</Link>
        </li>
        <li>
          <Link to="/barrierefreiheit">Erklärung zur Barrierefreiheit</Link>
        </li>
      </ul>
    </div>
  );
}
