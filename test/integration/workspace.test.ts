/**
 * The workspace lists exactly the non-public inquiries a role may see: body-wide roles everything submitted,
 * departments what is assigned to them, the DPO what their office is consulted on, factions their own
 * (drafts included) — and never anything of another body.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { useDatabase } from "../../app/server/core/db.server";
import { loadWorkspace } from "../../app/server/workspace/workspace.server";
import { backends, useTestDatabase } from "../support/db";
import { currentUserFor } from "../support/users";

describe.each(backends())("workspace scope on %s", (backend) => {
  const t = useTestDatabase(backend, { seeded: true });

  beforeAll(() => useDatabase(t.handle));

  const userFor = (email: string) => currentUserFor(t.db, email);

  async function titlesFor(email: string) {
    const workspace = await loadWorkspace(await userFor(email));
    return workspace.flatMap((b) => b.inquiries.map((i) => `${i.status}: ${i.title}`)).sort();
  }

  const NRW_SUBMITTED = "submitted: Barrierefreiheit der Videokonferenzsysteme in der Landesverwaltung";
  const NRW_ANSWERING = "answering: Nutzung von Messenger-Diensten in der Landesverwaltung";
  const NRW_DRAFT = "draft: Einsatz von Cloud-Diensten in den Landesbehörden";

  it("gives the council office every submitted inquiry of its body, but no faction draft", async () => {
    const titles = await titlesFor("ratsbuero@landtag-nrw.quaestio.example");
    expect(titles).toEqual(expect.arrayContaining([NRW_SUBMITTED, NRW_ANSWERING]));
    expect(titles).not.toContain(NRW_DRAFT);
    expect(titles.join("\n")).not.toMatch(/Messenger-Diensten in der Verwaltung$/m);
  });

  it("gives the clerk only what is assigned to the department", async () => {
    const titles = await titlesFor("sachbearbeitung@landtag-nrw.quaestio.example");
    expect(titles).toContain(NRW_ANSWERING);
    expect(titles).not.toContain(NRW_SUBMITTED);
    expect(titles).not.toContain(NRW_DRAFT);
  });

  it("gives the DPO only what the office is consulted on", async () => {
    const titles = await titlesFor("datenschutz@landtag-nrw.quaestio.example");
    expect(titles).toContain(NRW_ANSWERING);
    expect(titles).not.toContain(NRW_SUBMITTED);
  });

  it("gives the faction its own inquiries including the draft", async () => {
    const titles = await titlesFor("fraktion@landtag-nrw.quaestio.example");
    expect(titles).toEqual(expect.arrayContaining([NRW_DRAFT, NRW_SUBMITTED, NRW_ANSWERING]));
  });

  it("keeps a faction's drafts visible to its member who also works in the council office", async () => {
    const office = await userFor("ratsbuero@landtag-nrw.quaestio.example");
    const faction = await userFor("fraktion@landtag-nrw.quaestio.example");
    const both = { ...office, memberships: [...office.memberships, ...faction.memberships] };
    const titles = (await loadWorkspace(both)).flatMap((b) => b.inquiries.map((i) => `${i.status}: ${i.title}`));
    expect(titles).toEqual(expect.arrayContaining([NRW_DRAFT, NRW_SUBMITTED, NRW_ANSWERING]));
  });

  it("shows nothing of another body", async () => {
    const titles = await titlesFor("ratsbuero@norderstedt.quaestio.example");
    expect(titles.some((title) => title.includes("Landesverwaltung") || title.includes("Landesbehörden"))).toBe(false);
  });
});
