/**
 * FICTIONAL DEMO DATA — Samtgemeinde Scharnebeck: Anträge of the "Fraktion (Demo)" through the motion
 * lifecycle. Three were decided in the last meeting of the Samtgemeinderat (adopted, rejected, referred), one
 * is on the agenda of the next meeting, one is submitted and one is still a draft.
 */
import type { DemoAccounts } from "./accounts";
import type { DemoBody } from "./demo-lifecycle";
import type { BodyAnchor } from "./support";

export function scharnebeckDemo(anchor: BodyAnchor, accounts: DemoAccounts): DemoBody {
  const rat = { organization: "Samtgemeinderat", name: "Sitzung des Samtgemeinderats" };
  return {
    anchor,
    accounts,
    typeCode: "antrag",
    meetings: {
      last: { ...rat, day: -16 },
      next: { ...rat, day: 9 },
    },
    cases: [
      {
        title: "Digitale Bürgersprechstunde per Videokonferenz",
        visibility: "internal",
        createdDay: -2,
        questions: [
          "Die Samtgemeinde bietet monatlich eine Bürgersprechstunde des Samtgemeindebürgermeisters auch per Videokonferenz an.",
        ],
        steps: [],
      },
      {
        title: "Freies WLAN im Rathaus Scharnebeck",
        visibility: "public",
        createdDay: -5,
        questions: [
          "Im Foyer und in den Sitzungsräumen des Rathauses wird ein freies, datenschutzfreundliches WLAN eingerichtet.",
        ],
        steps: [{ event: "submit", day: -3 }],
      },
      {
        title: "Sichere Messenger-Kommunikation für Gremienmitglieder",
        visibility: "public",
        createdDay: -14,
        questions: [
          "Die Verwaltung stellt den Mitgliedern des Samtgemeinderats und der Ausschüsse einen datenschutzkonformen Messenger für die Gremienarbeit zur Verfügung.",
        ],
        steps: [
          { event: "submit", day: -12 },
          { event: "put_on_agenda", day: -5, meeting: "next" },
        ],
      },
      {
        title: "Übertragung der Sitzungen des Samtgemeinderats im Internet",
        visibility: "public",
        createdDay: -45,
        questions: [
          "Die öffentlichen Sitzungen des Samtgemeinderats werden künftig live im Internet übertragen und für drei Monate abrufbar gehalten.",
        ],
        steps: [
          { event: "submit", day: -43 },
          { event: "put_on_agenda", day: -28, meeting: "last" },
          {
            event: "decide",
            meeting: "last",
            decision: "adopted",
            note: "Der Samtgemeinderat hat den Antrag einstimmig beschlossen.",
          },
        ],
      },
      {
        title: "Tablets für alle Mitglieder des Samtgemeinderats",
        visibility: "public",
        createdDay: -40,
        questions: [
          "Alle Mitglieder des Samtgemeinderats erhalten ein dienstliches Tablet für die papierlose Gremienarbeit.",
        ],
        steps: [
          { event: "submit", day: -38 },
          { event: "put_on_agenda", day: -28, meeting: "last" },
          {
            event: "decide",
            meeting: "last",
            decision: "rejected",
            note: "Der Samtgemeinderat hat den Antrag mehrheitlich abgelehnt.",
          },
        ],
      },
      {
        title: "Open-Source-Software in der Verwaltung der Samtgemeinde",
        visibility: "public",
        createdDay: -36,
        questions: [
          "Die Verwaltung prüft bei jeder Neubeschaffung von Software, ob eine Open-Source-Lösung eingesetzt werden kann.",
        ],
        steps: [
          { event: "submit", day: -35 },
          { event: "put_on_agenda", day: -28, meeting: "last" },
          {
            event: "decide",
            meeting: "last",
            decision: "referred",
            note: "Zur weiteren Beratung in den Fachausschuss überwiesen.",
          },
        ],
      },
    ],
  };
}
