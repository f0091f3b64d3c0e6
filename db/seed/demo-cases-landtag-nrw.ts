/**
 * FICTIONAL DEMO DATA — Landtag NRW: Kleine Anfragen of the "Fraktion (Demo)" in the 18th term, due four
 * weeks after receipt. Receipt days are chosen so that one answer is overdue by a few days (its extension
 * refused), one is due within three days (an extension pending) and one later.
 */
import type { DemoAccounts } from "./accounts";
import type { DemoBody } from "./demo-lifecycle";
import type { BodyAnchor } from "./support";

export const NRW_DEMO_TITLES = {
  draft: "Einsatz von Cloud-Diensten in den Landesbehörden",
  submitted: "Barrierefreiheit der Videokonferenzsysteme in der Landesverwaltung",
  answering: "Nutzung von Messenger-Diensten in der Landesverwaltung",
} as const;

const CONTRIBUTOR = "Ministerium der Justiz";

export function landtagNrwDemo(anchor: BodyAnchor, accounts: DemoAccounts): DemoBody {
  return {
    anchor,
    accounts,
    typeCode: "kleine-anfrage",
    currentTerm: "18",
    cases: [
      {
        title: NRW_DEMO_TITLES.draft,
        visibility: "internal",
        createdDay: -3,
        questions: [
          "Welche Cloud-Dienste externer Anbieter werden in den Ministerien und im nachgeordneten Bereich genutzt?",
          "In welchen Fällen wurde vor der Einführung eine Datenschutz-Folgenabschätzung durchgeführt?",
          "Wo werden die in diesen Diensten verarbeiteten Daten gespeichert?",
        ],
        steps: [],
      },
      {
        title: NRW_DEMO_TITLES.submitted,
        visibility: "internal",
        createdDay: -9,
        questions: [
          "Welche der in der Landesverwaltung eingesetzten Videokonferenzsysteme sind barrierefrei nutzbar?",
          "Welche Maßnahmen plant die Landesregierung, um die Barrierefreiheit dieser Systeme zu verbessern?",
        ],
        steps: [{ event: "submit", day: -7 }],
      },
      {
        title: NRW_DEMO_TITLES.answering,
        visibility: "internal",
        createdDay: -38,
        questions: [
          "Welche Messenger-Dienste sind in der Landesverwaltung für die dienstliche Kommunikation zugelassen?",
          "Wie viele Beschäftigte nutzen diese Dienste?",
          "Welche Regelungen gelten für die Nutzung privater Endgeräte?",
        ],
        steps: [
          { event: "submit", day: -31, dueWithin: [-5, -2] },
          { event: "accept", day: -27 },
          { event: "assign", day: -26, contributors: [CONTRIBUTOR] },
          { event: "start_answering", day: -24 },
          {
            event: "extension_requested",
            day: -12,
            requestedDueDay: 10,
            reason: "Die Angaben der Ressorts zur Zahl der Nutzerinnen und Nutzer liegen noch nicht vollständig vor.",
            refused: {
              day: -10,
              note: "Eine Verlängerung ist nicht möglich; bitte die vorliegenden Angaben fristgerecht beantworten.",
            },
          },
        ],
        draftAnswer: {
          parts: ["Entwurf: Die Angaben der Ressorts liegen noch nicht vollständig vor."],
          consultation: {
            dueDay: 3,
            questionsPut: "Bestehen gegen die zugelassenen Messenger-Dienste datenschutzrechtliche Bedenken?",
          },
        },
      },
      {
        title: "Ausfallsicherheit der Videokonferenzinfrastruktur der Landesverwaltung",
        visibility: "public",
        createdDay: -30,
        questions: [
          "Wie oft war die zentrale Videokonferenzinfrastruktur des Landes im laufenden Jahr gestört?",
          "Welche Ausweichlösungen stehen den Ressorts bei einer Störung zur Verfügung?",
        ],
        steps: [
          { event: "submit", day: -26, dueWithin: [1, 3] },
          { event: "accept", day: -21 },
          { event: "assign", day: -20 },
          { event: "start_answering", day: -18 },
          {
            event: "extension_requested",
            day: -1,
            requestedDueDay: 16,
            reason: "Die Störungsstatistik des IT-Dienstleisters wird erst zum Monatsende ausgewertet.",
          },
        ],
        // The DPO has given her statement; the Sachbearbeitung has signed, the Verwaltungsspitze is next.
        draftAnswer: {
          parts: [
            "Die zentrale Videokonferenzinfrastruktur war im laufenden Jahr dreimal gestört, zusammen weniger als einen Arbeitstag.",
            "Bei einer Störung können die Ressorts auf die Telefonkonferenzdienste des Landes ausweichen.",
          ],
          consultation: {
            dueDay: 5,
            questionsPut:
              "Bestehen gegen die Ausweichlösung über Telefonkonferenzdienste datenschutzrechtliche Bedenken?",
            answered: {
              statement:
                "Gegen die Ausweichlösung bestehen keine grundsätzlichen Bedenken, wenn die Einwahldaten nur dienstlich weitergegeben werden.",
              verdict: "conditions",
              restrictions: ["Einwahldaten nur an die Teilnehmenden der jeweiligen Besprechung weitergeben."],
            },
          },
          signedSteps: 1,
        },
      },
      {
        title: "Datenschutzschulungen für Beschäftigte der Landesverwaltung",
        visibility: "public",
        createdDay: -8,
        questions: [
          "Wie viele Beschäftigte haben seit 2024 an Datenschutzschulungen teilgenommen?",
          "Sind diese Schulungen für neue Beschäftigte verpflichtend?",
        ],
        steps: [
          { event: "submit", day: -6 },
          { event: "accept", day: -5 },
          { event: "assign", day: -4 },
          { event: "start_answering", day: -2 },
        ],
        draftAnswer: { parts: ["Entwurf: Die Zahlen der Fortbildungsakademie werden angefordert."] },
      },
      {
        title: "Open-Source-Software in den Ministerien",
        visibility: "public",
        createdDay: -6,
        questions: [
          "Welche Open-Source-Anwendungen setzen die Ministerien ein?",
          "Welchen Anteil haben Open-Source-Lizenzen an den Softwareausgaben des Landes?",
        ],
        steps: [
          { event: "submit", day: -4 },
          { event: "accept", day: -3 },
          { event: "assign", day: -1, contributors: [CONTRIBUTOR] },
        ],
      },
      {
        title: "Stand der Einführung der elektronischen Akte",
        visibility: "public",
        createdDay: -3,
        questions: ["In welchen Ministerien ist die elektronische Akte bereits vollständig eingeführt?"],
        steps: [
          { event: "submit", day: -2 },
          { event: "accept", day: 0 },
        ],
      },
      {
        title: "Landeslizenzen für Videokonferenzen an Schulen",
        visibility: "public",
        createdDay: -47,
        questions: [
          "Wie viele Schulen nutzen die vom Land lizenzierte Videokonferenzlösung?",
          "Bis wann ist die Finanzierung der Lizenzen gesichert?",
        ],
        steps: [
          { event: "submit", day: -45 },
          { event: "accept", day: -44 },
          { event: "assign", day: -43 },
          { event: "start_answering", day: -41 },
          {
            event: "answer",
            day: -20,
            documentKind: "Drucksache",
            parts: [
              "Die vom Land lizenzierte Videokonferenzlösung wird derzeit von rund zwei Dritteln der öffentlichen Schulen genutzt.",
              "Die Finanzierung der Lizenzen ist bis zum Ende des laufenden Haushaltsjahres gesichert; über eine Fortführung wird im Haushaltsverfahren entschieden.",
            ],
          },
        ],
      },
    ],
  };
}
