/**
 * What the page's action reads from a posted workflow form: one command, or German messages for the fields
 * that are wrong — with the user's input returned so that the form shows it again.
 */
import { describe, expect, it } from "vitest";
import { readWorkflowForm } from "~/components/workflow/form-input";

const UUID = "0bb083ec-6b7f-4c79-acf9-52707f65830b";
const UUID2 = "1cc083ec-6b7f-4c79-acf9-52707f65830c";

function post(fields: Record<string, string | string[]>) {
  const form = new FormData();
  for (const [name, value] of Object.entries({ version: "3", ...fields })) {
    for (const v of Array.isArray(value) ? value : [value]) form.append(name, v);
  }
  return readWorkflowForm(form);
}

describe("readWorkflowForm", () => {
  const refused: Array<[string, Record<string, string | string[]>, Record<string, string>]> = [
    [
      "inadmissibility without reason",
      { intent: "declare_inadmissible", reason: "   " },
      { reason: "Bitte füllen Sie dieses Feld aus." },
    ],
    [
      "inadmissibility hiding the question text without the public note",
      { intent: "declare_inadmissible", reason: "Personalangelegenheit", hideQuestionText: "on" },
      {
        questionTextHiddenReason:
          "Bitte geben Sie den öffentlichen Hinweis an, warum der Fragetext nicht gezeigt wird.",
      },
    ],
    [
      "hiding the question text afterwards without the public note",
      { intent: "hide_question_text", questionTextHiddenReason: " " },
      {
        questionTextHiddenReason:
          "Bitte geben Sie den öffentlichen Hinweis an, warum der Fragetext nicht gezeigt wird.",
      },
    ],
    [
      "showing the question text again without a reason",
      { intent: "show_question_text", reason: "  " },
      { reason: "Bitte füllen Sie dieses Feld aus." },
    ],
    [
      "assignment without lead",
      { intent: "assign", leadOrganizationId: "" },
      { leadOrganizationId: "Bitte wählen Sie die federführende Organisationseinheit aus." },
    ],
    [
      "visibility without reason",
      { intent: "change_visibility", visibility: "public", reason: "" },
      { reason: "Bitte füllen Sie dieses Feld aus." },
    ],
    [
      "visibility of an unknown kind",
      { intent: "change_visibility", visibility: "geheim", reason: "x" },
      { visibility: "Bitte wählen Sie die Sichtbarkeit." },
    ],
    [
      "extension with an impossible date",
      { intent: "request_extension", newDueOn: "2027-02-30", reason: "x" },
      { newDueOn: "Bitte geben Sie ein gültiges Datum an." },
    ],
    [
      "refusal without note",
      { intent: "refuse_extension", requestId: UUID, note: "" },
      { note: "Bitte füllen Sie dieses Feld aus." },
    ],
    [
      "withdrawal without public note",
      { intent: "withdraw", publicNote: "" },
      { publicNote: "Bitte füllen Sie dieses Feld aus." },
    ],
    [
      "motion decision without outcome",
      { intent: "decide", decision: "vertagt", meetingId: UUID },
      { decision: "Bitte wählen Sie das Ergebnis." },
    ],
    [
      "motion decision without meeting",
      { intent: "decide", decision: "adopted" },
      { meetingId: "Bitte wählen Sie die Sitzung, in der beschlossen wurde." },
    ],
    [
      "new TOP without number and title",
      { intent: "link_agenda", meetingId: UUID, agendaItemId: "neu", purpose: "raised" },
      { newItemNumber: "Bitte füllen Sie dieses Feld aus.", newItemTitle: "Bitte füllen Sie dieses Feld aus." },
    ],
    [
      "agenda link without meeting",
      { intent: "link_agenda", meetingId: "", agendaItemId: UUID, purpose: "raised" },
      { meetingId: "Bitte wählen Sie eine Sitzung aus." },
    ],
    [
      "new meeting without organ and date, with an existing TOP",
      {
        intent: "put_on_agenda",
        meetingId: "neu",
        agendaItemId: UUID,
        newMeetingOrganizationId: "",
        newMeetingDate: "",
      },
      {
        agendaItemId: "Bitte wählen Sie einen Tagesordnungspunkt oder legen Sie einen neuen an.",
        newMeetingOrganizationId: "Bitte wählen Sie den Rat oder einen Ausschuss dieser Körperschaft.",
        newMeetingDate: "Bitte geben Sie ein gültiges Datum an.",
      },
    ],
    ["unknown intent", { intent: "delete_everything" }, { form: "Unbekannter Arbeitsschritt." }],
    [
      "form without version",
      { intent: "accept", version: "" },
      { form: "Das Formular ist unvollständig. Bitte laden Sie die Seite neu." },
    ],
    [
      "reason of a megabyte",
      { intent: "declare_inadmissible", reason: "x".repeat(1_000_000) },
      { reason: "Bitte kürzen Sie den Text auf höchstens 2000 Zeichen." },
    ],
  ];
  it.each(refused)("refuses %s with the message next to the field", (_name, fields, errors) => {
    const result = post(fields);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual(errors);
  });

  it("keeps the user's input when refusing", () => {
    const result = post({ intent: "change_visibility", visibility: "public", reason: "" });
    expect(result.ok ? null : result.values).toMatchObject({ visibility: "public", reason: "" });
    const withText = post({ intent: "request_extension", newDueOn: "morgen", reason: "Zulieferung fehlt" });
    expect(withText.ok ? null : withText.values).toMatchObject({ newDueOn: "morgen", reason: "Zulieferung fehlt" });
  });

  it("reads an assignment with several contributing departments", () => {
    expect(post({ intent: "assign", leadOrganizationId: UUID, contributorIds: [UUID2, UUID] })).toMatchObject({
      ok: true,
      version: 3,
      command: { intent: "assign", leadOrganizationId: UUID, contributorIds: [UUID2, UUID] },
    });
  });

  it("reads a new TOP as no agenda item id, and trims the texts", () => {
    expect(
      post({
        intent: "put_on_agenda",
        meetingId: UUID,
        agendaItemId: "neu",
        newItemNumber: " 7 ",
        newItemTitle: " Antrag ",
        roleLabel: "",
      }),
    ).toMatchObject({
      ok: true,
      command: {
        intent: "put_on_agenda",
        meetingId: UUID,
        newMeeting: null,
        agendaItemId: null,
        newItemNumber: "7",
        newItemTitle: "Antrag",
        roleLabel: null,
      },
    });
  });

  it("reads a new meeting with its organ and date", () => {
    const result = post({
      intent: "put_on_agenda",
      meetingId: "neu",
      newMeetingOrganizationId: UUID2,
      newMeetingDate: "2027-02-04",
      agendaItemId: "neu",
      newItemNumber: "7",
      newItemTitle: "Antrag",
    });
    expect(result).toMatchObject({
      ok: true,
      command: { meetingId: null, newMeeting: { organizationId: UUID2, date: "2027-02-04" }, agendaItemId: null },
    });
    expect(result.ok && "newMeetingDate" in result.command).toBe(false);
  });
});

describe("readWorkflowForm's reply (Conform)", () => {
  it("sends the user's input and the messages back, per field", () => {
    const result = post({ intent: "change_visibility", visibility: "public", reason: "" });
    expect(result.ok).toBe(false);
    const reply = result.reply({});
    expect(reply.status).toBe("error");
    expect(reply.initialValue).toMatchObject({ intent: "change_visibility", visibility: "public" });
    expect(reply.error).toMatchObject({ reason: ["Bitte füllen Sie dieses Feld aus."] });
  });

  it("reads the hiding of the question text only when ticked", () => {
    const ticked = post({
      intent: "declare_inadmissible",
      reason: "R",
      hideQuestionText: "on",
      questionTextHiddenReason: "N",
    });
    expect(ticked.ok && ticked.command).toEqual({
      intent: "declare_inadmissible",
      reason: "R",
      questionTextHiddenReason: "N",
    });
    const unticked = post({ intent: "declare_inadmissible", reason: "R", questionTextHiddenReason: "N" });
    expect(unticked.ok && unticked.command).toEqual({
      intent: "declare_inadmissible",
      reason: "R",
      questionTextHiddenReason: null,
    });
  });

  it("adds what the server refused after parsing (a guard, a conflict) to the reply", () => {
    const result = post({ intent: "declare_inadmissible", reason: "Nicht zuständig" });
    expect(result.ok).toBe(true);
    const reply = result.reply({ form: "Der Vorgang wurde inzwischen von jemand anderem geändert." });
    expect(reply.error).toMatchObject({ "": ["Der Vorgang wurde inzwischen von jemand anderem geändert."] });
    expect(reply.initialValue).toMatchObject({ reason: "Nicht zuständig" });
  });

  it("never echoes more than the bounded input", () => {
    const result = post({ intent: "declare_inadmissible", reason: "x".repeat(1_000_000) });
    const echoed = (result.reply({}).initialValue as Record<string, string>).reason ?? "";
    expect(echoed.length).toBeLessThanOrEqual(2001);
  });
});
