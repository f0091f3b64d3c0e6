/**
 * The OParl 1.1 read API (app/server/public/oparl/) crawled over the whole demo data: every object — listed,
 * fetched by its id, or embedded — validates against the OParl schemas in test/fixtures/oparl/, every URL in
 * it that points into the API answers 200, list elements equal what GET of their id returns, pagination
 * and the filters work, and nothing non-public (withheld text, e-mail addresses, internal inquiries) appears.
 */
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { Ajv, type ValidateFunction } from "ajv";
import { and, eq, isNotNull, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { resetConfig } from "../../app/server/core/config.server";
import { agendaItems, events, inquiries, inquiryAgendaItems, meetings, withholdings } from "../../db/schema/index";
import { handleOparlRequest } from "../../app/server/public/oparl/oparl.server";
import { backends, useTestDatabase } from "../support/db";
import { typeWords } from "../../app/domain/texts/type-words";

const ORIGIN = "http://oparl.quaestio.test";
const SECRET_WITHHELD = "GEHEIM-zurueckgehaltener-Text";

/** The keys of a deleted object (OParl 1.1, "Gelöschte Objekte": every other attribute must be removed). */
const DELETED_KEYS = ["created", "deleted", "id", "modified", "type"];

/**
 * The schemas by type URI; with `deleted`, each schema requiring only id and type: a deleted File has no
 * accessUrl, which the published schema's `required` (written for live objects) would demand.
 */
function validators(deleted = false): Map<string, ValidateFunction> {
  // strict off: the schemas put "items" beside "type": "string" (the list URL and its element schema).
  // unicodeRegExp off: the schemas escape ":" and "/" in their patterns, which the u flag rejects.
  const ajv = new Ajv({ strict: false, allErrors: true, unicodeRegExp: false });
  // OParl's own keywords are annotations for documentation and crawlers, not constraints.
  for (const keyword of ["references", "backreference", "cardinality", "schema"])
    ajv.addKeyword({ keyword, schemaType: "string" });
  // "url" is OParl's format: an absolute http(s) URL. date and date-time as JSON Schema defines them.
  ajv.addFormat("url", (value: string) => /^https?:\/\/[^\s]+$/.test(value) && URL.canParse(value));
  ajv.addFormat("date", /^\d{4}-\d{2}-\d{2}$/);
  ajv.addFormat(
    "date-time",
    (value: string) =>
      /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.test(value) &&
      !Number.isNaN(Date.parse(value)),
  );
  const dir = path.resolve("test/fixtures/oparl");
  const result = new Map<string, ValidateFunction>();
  for (const file of readdirSync(dir).filter((f) => f.endsWith(".json"))) {
    const schema = JSON.parse(readFileSync(path.join(dir, file), "utf8"));
    if (deleted) schema.required = ["id", "type"];
    result.set(`https://schema.oparl.org/1.1/${schema.title}`, ajv.compile(schema));
  }
  return result;
}

describe.each(backends())("OParl API on %s", (backend) => {
  const t = useTestDatabase(backend, { seeded: true });
  let schemas: Map<string, ValidateFunction>;
  let deletedSchemas: Map<string, ValidateFunction>;

  const get = async (url: string) => {
    expect(url.startsWith(`${ORIGIN}/oparl/v1`), url).toBe(true);
    const { pathname, search } = new URL(url);
    const segments = pathname
      .replace(/^\/oparl\/v1\/?/, "")
      .split("/")
      .filter(Boolean);
    return handleOparlRequest(new Request(`${ORIGIN}${pathname}${search}`), segments, t.db);
  };

  /** Validates an object and every OParl object embedded in it; returns how many were checked. */
  const validateDeep = (value: unknown, where: string): number => {
    if (Array.isArray(value)) return value.reduce((n: number, v) => n + validateDeep(v, where), 0);
    if (value === null || typeof value !== "object") return 0;
    const object = value as Record<string, unknown>;
    let checked = 0;
    if (typeof object.type === "string" && object.type.startsWith("https://schema.oparl.org/")) {
      // A deleted object: only the keys OParl leaves it, each valid by the type's schema.
      const deleted = object.deleted === true;
      if (deleted) expect(Object.keys(object).sort(), `${where}: ${String(object.id)}`).toEqual(DELETED_KEYS);
      const validate = (deleted ? deletedSchemas : schemas).get(object.type);
      expect(validate, `schema for ${object.type}`).toBeDefined();
      const valid = validate!(object);
      expect(valid ? [] : validate!.errors, `${where}: ${String(object.id)}`).toEqual([]);
      checked++;
    }
    for (const [key, child] of Object.entries(object)) if (key !== "data") checked += validateDeep(child, where);
    return checked;
  };

  const apiUrlsIn = (value: unknown, found: Set<string>) => {
    if (typeof value === "string") {
      if (value.startsWith(`${ORIGIN}/oparl/v1`)) found.add(value);
    } else if (Array.isArray(value)) value.forEach((v) => apiUrlsIn(v, found));
    else if (value && typeof value === "object") Object.values(value).forEach((v) => apiUrlsIn(v, found));
  };

  beforeAll(async () => {
    schemas = validators();
    deletedSchemas = validators(true);
    // A withheld text in the non-public record: it must never leave the server.
    const [withholding] = await t.db.select({ id: withholdings.id }).from(withholdings).limit(1);
    expect(withholding).toBeDefined();
    await t.db.update(withholdings).set({ withheldText: SECRET_WITHHELD }).where(eq(withholdings.id, withholding!.id));
  });

  it("crawls the whole demo API: every object valid, every link answering, lists equal single GETs", async () => {
    const seen = new Set<string>();
    const queue = [`${ORIGIN}/oparl/v1`];
    const objectsById = new Map<string, unknown>();
    const listElements: Record<string, unknown>[] = [];
    const typesSeen = new Set<string>();
    let validated = 0;
    while (queue.length > 0) {
      const url = queue.shift()!;
      if (seen.has(url)) continue;
      seen.add(url);
      const response = await get(url);
      expect(response.status, url).toBe(200);
      const text = JSON.stringify(response.body);
      expect(text).not.toContain(SECRET_WITHHELD);
      expect(text).not.toMatch(/[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[a-z]{2,}/);
      const body = response.body as Record<string, unknown>;
      if (Array.isArray(body.data)) {
        const pagination = body.pagination as Record<string, number>;
        const links = body.links as Record<string, string>;
        expect(links.self).toBe(url);
        expect((body.data as unknown[]).length).toBeLessThanOrEqual(pagination.elementsPerPage!);
        for (const element of body.data as Record<string, unknown>[]) {
          listElements.push(element);
          validated += validateDeep(element, url);
        }
      } else {
        objectsById.set(url, body);
        typesSeen.add(String(body.type));
        validated += validateDeep(body, url);
        expect(body.id).toBe(url);
      }
      const next = new Set<string>();
      apiUrlsIn(body, next);
      for (const link of next) if (!seen.has(link)) queue.push(link);
    }
    // Every list element was reached by its id too, and is the same object.
    for (const element of listElements) {
      expect(objectsById.get(String(element.id)), String(element.id)).toEqual(element);
    }
    for (const name of [
      "System",
      "Body",
      "Organization",
      "Person",
      "Meeting",
      "AgendaItem",
      "Paper",
      "Consultation",
      "File",
    ]) {
      expect(typesSeen, name).toContain(`https://schema.oparl.org/1.1/${name}`);
    }
    expect(validated).toBeGreaterThan(100);
    // A motion's consultations name their Anlass in motion words (issue 11), never "Anfrage gestellt".
    const motionRoles = [...objectsById.values()]
      .map((o) => o as Record<string, unknown>)
      .filter((o) => o.type === "https://schema.oparl.org/1.1/Consultation")
      .filter((o) => (objectsById.get(String(o.paper)) as Record<string, unknown> | undefined)?.paperType === "Antrag")
      .map((o) => String(o.role));
    expect(motionRoles.length).toBeGreaterThan(0);
    // (The demo's motions carry the document's own role "Entscheidung"; the inquiry words must never appear.)
    const inquiryOnly = Object.values(typeWords("inquiry").agendaPurposes).filter((w) => w !== "Entscheidung");
    for (const role of motionRoles) expect(inquiryOnly).not.toContain(role);
  });

  it("carries the NRW answer's withholding notice and tool inventory in the quaestio extension, not the withheld text", async () => {
    const list = (await get(`${ORIGIN}/oparl/v1/body/landtag-nrw/paper?limit=100`)).body as {
      data: Record<string, unknown>[];
    };
    const answer = list.data.find((paper) => paper.reference === "17/9511");
    expect(answer, "Drucksache 17/9511").toBeDefined();
    const notices = answer!["quaestio:withholdings"] as { publicJustification: string; reason: string }[];
    expect(notices.length).toBeGreaterThan(0);
    expect(notices[0]!.publicJustification).toMatch(/Die gewünschten detaillierten Angaben/);
    const inventories = answer!["quaestio:toolInventories"] as { rows: { label: string; workplaceCount?: number }[] }[];
    expect(inventories[0]!.rows.some((row) => row.label === "Cisco-ViKo (On-Premise)")).toBe(true);
    const inquiry = list.data.find((paper) => paper.reference === "3761");
    expect(inquiry?.["quaestio:status"]).toBe("answered");
    expect(inquiry?.relatedPaper).toEqual([answer!.id]);
  });

  it("pages by keyset with links that keep the filters, and filters by created and modified", async () => {
    const first = (await get(`${ORIGIN}/oparl/v1/body/norderstedt/paper?limit=2&omit_deleted=true`)).body as {
      data: { id: string; modified: string }[];
      pagination: Record<string, number>;
      links: { first: string; self: string; next?: string };
    };
    expect(first.data).toHaveLength(2);
    // OParl 1.1: the counts are optional and left out (counting 100,000 papers per page cost seconds).
    expect(first.pagination).toEqual({ elementsPerPage: 2 });
    expect(first.links.first).toBe(`${ORIGIN}/oparl/v1/body/norderstedt/paper?omit_deleted=true&limit=2`);
    const nextUrl = new URL(first.links.next!);
    expect(`${nextUrl.origin}${nextUrl.pathname}`).toBe(`${ORIGIN}/oparl/v1/body/norderstedt/paper`);
    expect(nextUrl.searchParams.get("omit_deleted")).toBe("true");
    expect(nextUrl.searchParams.get("limit")).toBe("2");
    expect(nextUrl.searchParams.get("after")).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z_[0-9a-f-]{36}$/);
    const all = (await get(`${ORIGIN}/oparl/v1/body/norderstedt/paper?limit=100`)).body as {
      data: { id: string; modified: string; created: string }[];
      links: { next?: string };
    };
    expect(all.links.next).toBeUndefined();
    // Ordered by modified (then id), so a client that pages through sees a changed object again at the end.
    const modifieds = all.data.map((p) => p.modified);
    expect(modifieds).toEqual([...modifieds].sort());
    const ids: string[] = [];
    let url: string | undefined = `${ORIGIN}/oparl/v1/body/norderstedt/paper?limit=2`;
    let pages = 0;
    while (url) {
      const page = (await get(url)).body as { data: { id: string }[]; links: { next?: string } };
      expect(page.data.length).toBeGreaterThan(0);
      ids.push(...page.data.map((p) => p.id));
      url = page.links.next;
      pages++;
    }
    expect(ids).toEqual(all.data.map((p) => p.id));
    expect(pages).toBe(Math.ceil(all.data.length / 2));
    // The list of bodies is paged in memory by the same keyset.
    const bodies = (await get(`${ORIGIN}/oparl/v1/body`)).body as { data: { id: string }[] };
    const bodyIds: string[] = [];
    let bodyUrl: string | undefined = `${ORIGIN}/oparl/v1/body?limit=1`;
    while (bodyUrl) {
      const page = (await get(bodyUrl)).body as { data: { id: string }[]; links: { next?: string } };
      expect(page.data).toHaveLength(1);
      bodyIds.push(page.data[0]!.id);
      bodyUrl = page.links.next;
    }
    expect(bodyIds).toEqual(bodies.data.map((b) => b.id));
    expect(bodyIds.length).toBeGreaterThan(1);
    expect((await get(`${ORIGIN}/oparl/v1/body/norderstedt/paper?page=2`)).status).toBe(400);
    // OParl 1.1's page-size parameter: honoured up to 100, a larger wish gets 100 (the spec lets servers cap it);
    // `page=1` is the start of the list.
    const wished = (await get(`${ORIGIN}/oparl/v1/body/norderstedt/paper?elementsPerPage=1`)).body as {
      data: unknown[];
      pagination: { elementsPerPage: number };
      links: { next?: string };
    };
    expect(wished.data).toHaveLength(1);
    expect(wished.pagination.elementsPerPage).toBe(1);
    expect(new URL(wished.links.next!).searchParams.get("limit")).toBe("1");
    const capped = (await get(`${ORIGIN}/oparl/v1/body/norderstedt/paper?elementsPerPage=500`)).body as {
      pagination: { elementsPerPage: number };
    };
    expect(capped.pagination.elementsPerPage).toBe(100);
    expect((await get(`${ORIGIN}/oparl/v1/body/norderstedt/paper?elementsPerPage=0`)).status).toBe(400);
    const pageOne = (await get(`${ORIGIN}/oparl/v1/body/norderstedt/paper?limit=100&page=1`)).body as {
      data: { id: string }[];
    };
    expect(pageOne.data.map((p) => p.id)).toEqual(all.data.map((p) => p.id));
    expect((await get(`${ORIGIN}/oparl/v1/body/norderstedt/paper?after=gestern`)).status).toBe(400);

    const future = (await get(`${ORIGIN}/oparl/v1/body/norderstedt/paper?modified_since=2999-01-01T00:00:00Z`))
      .body as { data: unknown[] };
    expect(future.data).toEqual([]);
    const latest = all.data
      .map((p) => p.modified)
      .sort()
      .at(-1)!;
    const since = (
      await get(`${ORIGIN}/oparl/v1/body/norderstedt/paper?limit=100&modified_since=${encodeURIComponent(latest)}`)
    ).body as { data: { modified: string }[] };
    expect(since.data.length).toBeGreaterThan(0);
    expect(since.data.every((p) => p.modified >= latest)).toBe(true);
    const past = (await get(`${ORIGIN}/oparl/v1/body/norderstedt/paper?created_until=1990-01-01T00:00:00Z`)).body as {
      data: unknown[];
    };
    expect(past.data).toEqual([]);

    expect((await get(`${ORIGIN}/oparl/v1/body/norderstedt/paper?modified_since=gestern`)).status).toBe(400);
    expect((await get(`${ORIGIN}/oparl/v1/body/norderstedt/paper?limit=0`)).status).toBe(400);
    expect((await get(`${ORIGIN}/oparl/v1/body/unbekannt/paper`)).status).toBe(404);
    expect((await get(`${ORIGIN}/oparl/v1/paper/not-a-uuid`)).status).toBe(404);
    expect((await get(`${ORIGIN}/oparl/v1/paper/00000000-0000-4000-8000-000000000000`)).status).toBe(404);
  });

  it("builds absolute URLs from PUBLIC_URL when it is set", async () => {
    const before = process.env.PUBLIC_URL;
    process.env.PUBLIC_URL = "https://quaestio.example.org/";
    resetConfig();
    try {
      const system = (await handleOparlRequest(new Request(`${ORIGIN}/oparl/v1`), [], t.db)).body as Record<
        string,
        string
      >;
      expect(system.id).toBe("https://quaestio.example.org/oparl/v1");
      expect(system.body).toBe("https://quaestio.example.org/oparl/v1/body");
    } finally {
      if (before === undefined) delete process.env.PUBLIC_URL;
      else process.env.PUBLIC_URL = before;
      resetConfig();
    }
  });

  it("serves an inquiry that was public and is now internal as a deleted object, which omit_deleted leaves out", async () => {
    const [inquiry] = await t.db
      .select({ id: inquiries.id, bodyId: inquiries.bodyId })
      .from(inquiries)
      .where(and(eq(inquiries.visibility, "public"), eq(inquiries.reference, "3761"), isNotNull(inquiries.publicRef)));
    expect(inquiry).toBeDefined();
    const url = `${ORIGIN}/oparl/v1/paper/${inquiry!.id}`;
    expect(((await get(url)).body as Record<string, unknown>).deleted).toBeUndefined();

    // What the council office's "set internal" (and, at the end, "set public") command writes (intake.server.ts
    // changeVisibility). The inquiry is set public again at the end, whatever happens: the other tests read it and
    // its answer (Drucksache 17/9511) as published, and the crawl expects no deleted object (issue 9).
    const setVisibility = async (from: "public" | "internal", to: "public" | "internal") => {
      await t.db.update(inquiries).set({ visibility: to, updatedAt: new Date() }).where(eq(inquiries.id, inquiry!.id));
      await t.db.insert(events).values({
        bodyId: inquiry!.bodyId,
        aggregateType: "inquiry",
        aggregateId: inquiry!.id,
        type: "visibility_changed",
        payload: { from, to, reason: "Test" },
      });
    };
    await setVisibility("public", "internal");
    try {
      const stub = (await get(url)).body as Record<string, unknown>;
      expect(Object.keys(stub).sort()).toEqual(["created", "deleted", "id", "modified", "type"]);
      expect(stub.deleted).toBe(true);
      expect(schemas.get("https://schema.oparl.org/1.1/Paper")!(stub)).toBe(true);
      const withDeleted = (await get(`${ORIGIN}/oparl/v1/body/landtag-nrw/paper?limit=100`)).body as {
        data: { id: string; deleted?: boolean }[];
      };
      expect(withDeleted.data.find((p) => p.id === url)?.deleted).toBe(true);
      // The keyset pages (index branches, ADR 0014 addendum) list exactly the papers the API knows: every exposed
      // inquiry and every answer with a published version, the deleted ones included — none lost at page borders.
      const paged: { id: string; deleted?: boolean }[] = [];
      let next: string | undefined = `${ORIGIN}/oparl/v1/body/landtag-nrw/paper?limit=3`;
      while (next) {
        const page = (await get(next)).body as { data: { id: string; deleted?: boolean }[]; links: { next?: string } };
        paged.push(...page.data);
        next = page.links.next;
      }
      const expected = await t.db.execute(sql`
      select i.id::text as id from inquiries i join bodies b on b.id = i.body_id
      where b.slug = 'landtag-nrw' and i.status <> 'draft' and i.public_ref is not null
        and (i.visibility = 'public' or i.id = ${inquiry!.id})
      union all
      select a.id::text from answers a join inquiries i on i.id = a.inquiry_id join bodies b on b.id = i.body_id
      where b.slug = 'landtag-nrw' and i.status <> 'draft' and i.public_ref is not null
        and (i.visibility = 'public' or i.id = ${inquiry!.id})
        and exists (select 1 from answer_versions v where v.answer_id = a.id and v.published_at is not null)`);
      const expectedIds = (Array.isArray(expected) ? expected : (expected as { rows: unknown[] }).rows).map(
        (row) => `${ORIGIN}/oparl/v1/paper/${(row as { id: string }).id}`,
      );
      expect(paged.map((p) => p.id).sort()).toEqual(expectedIds.sort());
      expect(paged.filter((p) => p.deleted).length).toBeGreaterThanOrEqual(1);
      const omitted = (await get(`${ORIGIN}/oparl/v1/body/landtag-nrw/paper?limit=100&omit_deleted=true`)).body as {
        data: { id: string }[];
      };
      expect(omitted.data.map((p) => p.id)).not.toContain(url);
      expect(JSON.stringify(withDeleted)).not.toContain("Kleine Anfrage 3761");
      // Its file renditions are deleted objects too: only the keys OParl leaves a deleted object (no accessUrl,
      // which the File schema requires of a live one), each valid as such — as the crawl checks them.
      const files = (await get(`${ORIGIN}/oparl/v1/body/landtag-nrw/file?limit=100`)).body as {
        data: Record<string, unknown>[];
      };
      const deletedFiles = files.data.filter((file) => file.deleted === true);
      expect(deletedFiles.length).toBeGreaterThanOrEqual(1);
      for (const file of deletedFiles) expect(validateDeep(file, "deleted file")).toBe(1);
    } finally {
      await setVisibility("internal", "public");
    }
    expect(((await get(url)).body as Record<string, unknown>).deleted).toBeUndefined();
  });

  it("lists exactly the people a visible inquiry, a published version or a published statement names, and drops one whose only inquiry became internal", async () => {
    // The list's reference: every person any visible document names, written as the set it is (the list itself asks
    // per person on partial indexes, migration 0015).
    const namedPeople = async () => {
      const result = await t.db.execute(sql`
        select distinct p.id::text as id, b.slug from people p join bodies b on b.id = p.body_id
        join (
          select io.person_id as id, io.inquiry_id from inquiry_originators io
          union all
          select v.signatory_person_id, a.inquiry_id from answer_versions v join answers a on a.id = v.answer_id
            where v.published_at is not null
          union all
          select c.author_person_id, a.inquiry_id from consultations c join answers a on a.id = c.answer_id
            where c.published_with_answer and c.status = 'answered'
              and exists (select 1 from answer_versions v where v.answer_id = a.id and v.published_at is not null)
        ) named on named.id = p.id
        join inquiries i on i.id = named.inquiry_id
        where i.visibility = 'public' and i.status <> 'draft' and i.public_ref is not null`);
      return (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as { id: string; slug: string }[];
    };
    const listed = async () => {
      const slugs = [...new Set((await namedPeople()).map((p) => p.slug)), "landtag-nrw", "norderstedt"];
      const ids: string[] = [];
      for (const slug of new Set(slugs)) {
        const page = (await get(`${ORIGIN}/oparl/v1/body/${slug}/person?limit=100`)).body as { data: { id: string }[] };
        ids.push(...page.data.map((p) => p.id));
      }
      return ids.sort();
    };
    const before = await namedPeople();
    expect(before.length).toBeGreaterThanOrEqual(1);
    expect(await listed()).toEqual(before.map((p) => `${ORIGIN}/oparl/v1/person/${p.id}`).sort());

    // An originator named by exactly one visible inquiry leaves the list when that inquiry is set internal.
    const onlyOnce = await t.db.execute(sql`
      select io.person_id::text as person_id, io.inquiry_id::text as inquiry_id from inquiry_originators io
      join inquiries i on i.id = io.inquiry_id
      where io.person_id is not null and i.visibility = 'public' and i.status <> 'draft' and i.public_ref is not null
        and (select count(*) from inquiry_originators o2 join inquiries j on j.id = o2.inquiry_id
             where o2.person_id = io.person_id and j.visibility = 'public') = 1
        and not exists (select 1 from answer_versions v where v.signatory_person_id = io.person_id)
        and not exists (select 1 from consultations c where c.author_person_id = io.person_id)
      limit 1`);
    const [target] = (Array.isArray(onlyOnce) ? onlyOnce : (onlyOnce as { rows: unknown[] }).rows) as {
      person_id: string;
      inquiry_id: string;
    }[];
    expect(target, "the demo names a person as originator of one public inquiry").toBeDefined();
    await t.db.update(inquiries).set({ visibility: "internal" }).where(eq(inquiries.id, target!.inquiry_id));
    const after = await listed();
    expect(after).not.toContain(`${ORIGIN}/oparl/v1/person/${target!.person_id}`);
    expect(after).toEqual((await namedPeople()).map((p) => `${ORIGIN}/oparl/v1/person/${p.id}`).sort());
    await t.db.update(inquiries).set({ visibility: "public" }).where(eq(inquiries.id, target!.inquiry_id));
  });

  it("names a motion's 'raised' Anlass in motion words (a fixture: the demo's motions have no such link)", async () => {
    // The demo's motion carries only the document's own roles; without a link of purpose "raised" and no role
    // label the type's words were never used, and the role test above could not fail on "Anfrage gestellt".
    const [motion] = await t.db
      .select({ id: inquiries.id, bodyId: inquiries.bodyId })
      .from(inquiries)
      .where(eq(inquiries.reference, "Antrag 1/2020"));
    expect(motion).toBeDefined();
    const [meeting] = await t.db
      .select({ id: meetings.id })
      .from(meetings)
      .where(eq(meetings.bodyId, motion!.bodyId))
      .limit(1);
    const [item] = await t.db
      .insert(agendaItems)
      .values({ meetingId: meeting!.id, number: "99.1", title: "Anträge der Fraktionen", public: true, position: 99 })
      .returning({ id: agendaItems.id });
    await t.db
      .insert(inquiryAgendaItems)
      .values({ inquiryId: motion!.id, agendaItemId: item!.id, purpose: "raised", roleLabel: null });

    const paper = (await get(`${ORIGIN}/oparl/v1/paper/${motion!.id}`)).body as {
      paperType: string;
      consultation: { id: string; role: string }[];
    };
    expect(paper.paperType).toBe("Antrag");
    const raised = paper.consultation.find((c) => c.id.endsWith(`${item!.id}~raised`));
    expect(raised?.role).toBe("Antrag eingebracht");
    // Fetched by its id, the same words; never the inquiry's "Anfrage gestellt".
    const byId = (await get(raised!.id)).body as { role: string };
    expect(byId.role).toBe("Antrag eingebracht");
    expect(JSON.stringify(paper)).not.toContain(typeWords("inquiry").agendaPurposes.raised);
    expect(schemas.get("https://schema.oparl.org/1.1/Consultation")!(byId)).toBe(true);
  });
});
