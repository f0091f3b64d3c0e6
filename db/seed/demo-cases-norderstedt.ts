/**
 * FICTIONAL DEMO DATA — Stadt Norderstedt: Anfragen of the "Fraktion (Demo)" in every state of the inquiry
 * lifecycle. An Anfrage is due by the next meeting of the Hauptausschuss, so the demo has three meetings
 * around the seed day: the answering one is overdue since the last meeting, the extended one due in two days.
 */
import type { DemoAccounts } from "./accounts";
import type { DemoBody } from "./demo-lifecycle";
import type { BodyAnchor } from "./support";

export const NORDERSTEDT_DEMO_TITLES = {
  draft: "Nutzung von Messenger-Diensten in der Verwaltung",
  submitted: "Barrierefreiheit der Videokonferenzsysteme",
  answering: "Aufzeichnungen von Videokonferenzen",
} as const;

export function norderstedtDemo(anchor: BodyAnchor, accounts: DemoAccounts): DemoBody {
  const hauptausschuss = { organization: "Hauptausschuss", name: "Sitzung des Hauptausschusses" };
  return {
    anchor,
    accounts,
    typeCode: "anfrage",
    meetings: {
      earlier: { ...hauptausschuss, day: -32 },
      last: { ...hauptausschuss, day: -4 },
      next: { ...hauptausschuss, day: 17 },
    },
    cases: [
      {
        title: NORDERSTEDT_DEMO_TITLES.draft,
        visibility: "internal",
        createdDay: -4,
        coauthor: true,
        questions: [
          "Welche Messenger-Dienste nutzen Beschäftigte der Verwaltung dienstlich?",
          "Gibt es eine Dienstanweisung, die die dienstliche Nutzung von Messenger-Diensten regelt?",
        ],
        steps: [],
      },
      {
        title: NORDERSTEDT_DEMO_TITLES.submitted,
        visibility: "internal",
        createdDay: -10,
        questions: [
          "Welche Videokonferenzsysteme setzt die Verwaltung für Veranstaltungen mit Bürgerbeteiligung ein?",
          "Erfüllen diese Systeme die Anforderungen an barrierefreie Informationstechnik, etwa Untertitel und Bedienbarkeit per Tastatur?",
        ],
        steps: [{ event: "submit", day: -2 }],
      },
      {
        title: NORDERSTEDT_DEMO_TITLES.answering,
        visibility: "public",
        createdDay: -24,
        questions: [
          "Werden Besprechungen oder Sitzungen, die per Videokonferenz stattfinden, aufgezeichnet?",
          "Wo und wie lange werden solche Aufzeichnungen gespeichert?",
          "Wer hat Zugriff auf die Aufzeichnungen?",
        ],
        steps: [
          { event: "submit", day: -21 },
          { event: "accept", day: -20 },
          { event: "assign", day: -19, contributors: ["Amt 17"] },
          { event: "start_answering", day: -17 },
        ],
        draftAnswer: {
          parts: ["Entwurf: Die Verwaltung stellt die Angaben derzeit bei den Ämtern zusammen."],
          consultation: {
            dueDay: 6,
            questionsPut:
              "Bestehen gegen die Speicherung von Aufzeichnungen aus Videokonferenzen datenschutzrechtliche Bedenken?",
          },
        },
      },
      {
        title: "Digitale Teilnahme an Ausschusssitzungen",
        visibility: "public",
        createdDay: -6,
        questions: [
          "Unter welchen Voraussetzungen können Mitglieder der Ausschüsse an Sitzungen per Videokonferenz teilnehmen?",
          "Wie oft wurde davon im laufenden Jahr Gebrauch gemacht?",
        ],
        steps: [
          { event: "submit", day: -2 },
          { event: "accept", day: -1 },
        ],
      },
      {
        title: "Ausstattung der Schulen mit digitalen Endgeräten",
        visibility: "public",
        createdDay: -7,
        questions: [
          "Wie viele Tablets und Laptops stehen an den städtischen Schulen für Schülerinnen und Schüler zur Verfügung?",
          "Wer ist für Wartung und Datenschutz der Geräte zuständig?",
        ],
        steps: [
          { event: "submit", day: -3 },
          { event: "accept", day: -2 },
          { event: "assign", day: -1, contributors: ["Amt 17"] },
        ],
      },
      {
        title: "Ausfälle der städtischen Online-Dienste",
        visibility: "public",
        createdDay: -30,
        questions: [
          "Wie oft waren die Online-Dienste der Stadt im laufenden Jahr nicht erreichbar?",
          "Welche Maßnahmen sind geplant, um die Verfügbarkeit zu verbessern?",
        ],
        steps: [
          { event: "submit", day: -28 },
          { event: "accept", day: -27 },
          { event: "assign", day: -26 },
          { event: "start_answering", day: -24 },
          {
            event: "extend_deadline",
            requestedDay: -10,
            day: -8,
            newDueDay: 2,
            reason: "Die Auswertung der Störungsprotokolle durch den IT-Dienstleister liegt noch nicht vor.",
          },
        ],
        // In the sign-off chain: Sachbearbeiter/in and Fachbereichsleiter/in have signed, the Amtsleitung is next.
        draftAnswer: {
          parts: [
            "Die Online-Dienste der Stadt waren im laufenden Jahr an vier Tagen für insgesamt elf Stunden nicht erreichbar.",
            "Der IT-Dienstleister richtet bis zum Jahresende einen zweiten Serverstandort ein; Wartungsfenster werden künftig eine Woche vorher angekündigt.",
          ],
          signedSteps: 2,
        },
      },
      {
        title: "Kosten der Videokonferenzlizenzen",
        visibility: "public",
        createdDay: -16,
        questions: ["Welche Kosten sind der Stadt für Lizenzen von Videokonferenzsystemen seit 2020 entstanden?"],
        steps: [
          { event: "submit", day: -15 },
          { event: "accept", day: -14 },
          {
            event: "withdraw",
            day: -6,
            publicNote:
              "Die Fragen wurden in der Sitzung des Hauptausschusses mündlich beantwortet; die Anfrage hat sich erledigt.",
          },
        ],
      },
      {
        title: "Dienstliche Geräte einzelner Beschäftigter des Bürgerbüros",
        visibility: "public",
        createdDay: -13,
        questions: ["Welche Beschäftigten des Bürgerbüros nutzen dienstliche Mobiltelefone auch privat?"],
        steps: [
          { event: "submit", day: -12 },
          {
            event: "declare_inadmissible",
            day: -10,
            reason:
              "Die Anfrage betrifft Personalangelegenheiten einzelner Beschäftigter; darüber kann in einer Anfrage nicht Auskunft gegeben werden.",
          },
        ],
      },
      {
        title: "Öffnungszeiten des Bürgerbüros während der Umstellung auf ein neues Fachverfahren",
        visibility: "public",
        createdDay: -42,
        questions: [
          "An welchen Tagen bleibt das Bürgerbüro wegen der Umstellung geschlossen?",
          "Wie werden dringende Anliegen in dieser Zeit bearbeitet?",
        ],
        steps: [
          { event: "submit", day: -40 },
          { event: "accept", day: -39 },
          { event: "assign", day: -38 },
          { event: "start_answering", day: -37 },
          {
            event: "answer",
            day: -33,
            documentKind: "Mitteilungsvorlage",
            parts: [
              "Das Bürgerbüro bleibt an zwei Werktagen geschlossen; die Termine werden auf der Website der Stadt bekannt gegeben.",
              "Dringende Anliegen, etwa vorläufige Ausweisdokumente, werden an diesen Tagen nach telefonischer Vereinbarung bearbeitet.",
            ],
          },
        ],
      },
    ],
  };
}
