import type { MetaFunction } from "@remix-run/node";
import { Link } from "@remix-run/react";
import { PageHeader } from "~/components/page-header";

export const meta: MetaFunction = () => [{ title: "Erklärung zur Barrierefreiheit – Quaestio" }];

export default function AccessibilityStatement() {
  return (
    <div className="prose">
      <PageHeader
        title="Erklärung zur Barrierefreiheit"
        lead="Quaestio soll für alle Menschen nutzbar sein – unabhängig davon, wie sie eine Website lesen oder bedienen."
      />

      <h2>Was wir dafür tun</h2>
      <ul>
        <li>
          Die Seiten bestehen aus semantischem HTML: Überschriften, Listen, Tabellen mit Kopfzeilen, Formulare mit
          beschrifteten Feldern. Screenreader können so die Struktur jeder Seite erfassen.
        </li>
        <li>
          Alle öffentlichen Inhalte und alle Formulare funktionieren ohne JavaScript. Die Seiten werden vollständig auf
          dem Server erzeugt.
        </li>
        <li>
          Alles lässt sich mit der Tastatur bedienen. Der Fokus ist deutlich sichtbar, und der Link „Zum Inhalt
          springen“ am Seitenanfang führt direkt zum Hauptinhalt.
        </li>
        <li>
          Texte und Bedienelemente haben ausreichende Kontraste (WCAG 2.1, Stufe AA). Die Seiten lassen sich auf 200
          % vergrößern, ohne dass Inhalte verloren gehen, und passen sich kleinen Bildschirmen an.
        </li>
        <li>
          Diagramme werden von einer Tabelle mit denselben Zahlen begleitet. Alle Listen gibt es zusätzlich als CSV
          und JSON.
        </li>
        <li>
          Jede Seite lässt sich drucken; Fragen und Antworten stehen im Druck nebeneinander, Linkziele werden
          ausgeschrieben.
        </li>
        <li>Wir binden keine Inhalte von Dritten ein – keine Schriften, Videos, Karten oder Werbung.</li>
      </ul>

      <h2>Stand der Vereinbarkeit</h2>
      <p>
        Wir prüfen die Seiten bei jeder Änderung automatisch auf Barrieren. Eine vollständige Prüfung durch eine
        unabhängige Stelle steht noch aus. Die Antworten selbst stammen aus den Dokumenten der Verwaltungen; wo diese
        Barrieren enthalten (zum Beispiel eingescannte Anlagen), können wir sie nicht immer beseitigen.
      </p>

      <h2>Barriere melden</h2>
      <p>
        Wenn Sie auf eine Barriere stoßen oder einen Inhalt in einer anderen Form benötigen, schreiben Sie uns bitte.
        Wie das geht, steht auf der Seite <Link to="/feedback">Feedback</Link>. Wir antworten in der Regel innerhalb
        von zwei Wochen.
      </p>

      <h2>Schlichtungsverfahren</h2>
      <p>
        Wenn Sie mit unserer Antwort nicht zufrieden sind, können Sie sich an die Schlichtungsstelle nach dem
        Behindertengleichstellungsrecht Ihres Landes wenden. Die Anschrift nennen wir Ihnen auf Nachfrage.
      </p>
    </div>
  );
}
