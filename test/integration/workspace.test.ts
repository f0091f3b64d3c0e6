/**
 * The workspace lists exactly the non-public inquiries a role may see: body-wide roles everything submitted,
 * departments what is assigned to them, the DPO what their office is consulted on, factions their own
 * (drafts included) — and never anything of another body.
 */
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { bodies, inquiries, inquiryContributors, memberships, users } from "../../db/schema";
import { maySeeInquiry } from "../../app/domain/policy";
import { useDatabase } from "../../app/server/core/db.server";
import { visibilityFacts } from "../../app/server/inquiries/scope.server";
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

  it("lists an inquiry for a DPO whose office was added as contributor — the list and the access rule agree", async () => {
    const dpoEmail = "datenschutz@landtag-nrw.quaestio.example";
    const dpo = await userFor(dpoEmail);
    const [office] = dpo.memberships.filter((m) => m.role === "dpo");
    const [inquiry] = await t.db
      .select()
      .from(inquiries)
      .where(eq(inquiries.title, NRW_SUBMITTED.replace(/^submitted: /, "")));
    const before = await titlesFor(dpoEmail);
    expect(before).not.toContain(NRW_SUBMITTED);
    await t.db.insert(inquiryContributors).values({ inquiryId: inquiry!.id, organizationId: office!.organizationId });
    try {
      expect(await titlesFor(dpoEmail)).toContain(NRW_SUBMITTED);
      const facts = await visibilityFacts(t.db, inquiry!);
      expect(maySeeInquiry(dpo.memberships, { ...facts, visibility: "internal" })).toBe(true);
    } finally {
      await t.db
        .delete(inquiryContributors)
        .where(
          and(
            eq(inquiryContributors.inquiryId, inquiry!.id),
            eq(inquiryContributors.organizationId, office!.organizationId),
          ),
        );
    }
  });

  it("lists for every demo user of the Landtag exactly the inquiries the access rule opens beyond the public ones", async () => {
    const [landtag] = await t.db.select().from(bodies).where(eq(bodies.slug, "landtag-nrw"));
    const emails = await t.db
      .selectDistinct({ email: users.email })
      .from(users)
      .innerJoin(memberships, eq(memberships.userId, users.id))
      .where(eq(memberships.bodyId, landtag!.id));
    const all = await t.db.select().from(inquiries).where(eq(inquiries.bodyId, landtag!.id));
    expect(all.length).toBeLessThan(50); // the workspace list shows 50 at most
    expect(emails.length).toBeGreaterThan(3);
    for (const { email } of emails) {
      const user = await userFor(email);
      const listed = new Set((await loadWorkspace(user)).flatMap((b) => b.inquiries.map((i) => i.id)));
      for (const inquiry of all) {
        // Published inquiries are open to everyone; the list is about what the user's roles open.
        const facts = { ...(await visibilityFacts(t.db, inquiry)), visibility: "internal" as const };
        expect(listed.has(inquiry.id), `${email} / ${inquiry.title}`).toBe(maySeeInquiry(user.memberships, facts));
      }
    }
  });
});
