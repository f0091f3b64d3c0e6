/**
 * The dashboard's statements are built once per shape key and then serve every user of that key with their own
 * values (reusableShapes, ADR 0028). That is only safe when the key names the SQL text exactly: two scopes
 * with the same key must give the same text, and scopes whose text differs must have different keys.
 */
import { PgDialect } from "drizzle-orm/pg-core";
import { describe, expect, it } from "vitest";
import type { InquiryScope } from "../../app/domain/policy";
import { scopeShape } from "../../app/server/inquiries/scope.server";

const dialect = new PgDialect();
const lists = [[], ["a1"], ["b1", "b2"], ["c1"], ["d1", "d2", "d3"]];

function everyScope(): InquiryScope[] {
  const scopes: InquiryScope[] = [{ kind: "none" }];
  for (const factionIds of lists) {
    scopes.push({ kind: "body", bodyId: "body-1", factionIds });
    for (const departmentIds of lists)
      for (const dpoOfficeIds of lists)
        if (factionIds.length + departmentIds.length + dpoOfficeIds.length > 0)
          scopes.push({ kind: "scoped", bodyId: "body-2", factionIds, departmentIds, dpoOfficeIds });
  }
  return scopes;
}

describe("scopeShape", () => {
  it("names the SQL text exactly: one text per key, one key per text", () => {
    const textOfKey = new Map<string, string>();
    const keyOfText = new Map<string, string>();
    for (const scope of everyScope()) {
      const shape = scopeShape(scope, "p_");
      const text = shape.condition ? dialect.sqlToQuery(shape.condition).sql : "";
      expect(textOfKey.get(shape.key) ?? text, JSON.stringify(scope)).toBe(text);
      expect(keyOfText.get(text) ?? shape.key, JSON.stringify(scope)).toBe(shape.key);
      textOfKey.set(shape.key, text);
      keyOfText.set(text, shape.key);
    }
    // Not vacuous: many shapes (kinds × empty / one / several per list).
    expect(textOfKey.size).toBeGreaterThan(20);
  });

  it("puts every value in a placeholder, none in the text", () => {
    const shape = scopeShape(
      { kind: "scoped", bodyId: "body-2", factionIds: ["a1"], departmentIds: ["b1", "b2"], dpoOfficeIds: ["c1"] },
      "p_",
    );
    const query = dialect.sqlToQuery(shape.condition!);
    expect(query.sql).not.toMatch(/body-2|a1|b1|b2|c1/);
    // The only fixed parameter is the constant status "draft"; the body and the organisations are placeholders.
    expect(query.params.filter((p) => typeof p === "string")).toEqual(["draft", "draft"]);
    expect(shape.values).toMatchObject({
      p_bodyId: "body-2",
      p_factionIds: "a1",
      p_responsibleIds: ["b1", "b2", "c1"],
      p_consultedIds: "c1",
    });
  });
});
