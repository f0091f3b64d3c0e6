/**
 * Issue 13: a page whose loaders defer nothing is rendered into one buffer; a page with deferred data (a promise
 * among a loader's or action's values, which single fetch streams into `<Await>`) keeps React's streaming render.
 */
import type { EntryContext } from "@remix-run/node";
import { describe, expect, it } from "vitest";
import { hasDeferredData } from "../../app/entry.server";

const context = (loaderData: Record<string, unknown>, actionData: Record<string, unknown> | null = null) =>
  ({ staticHandlerContext: { loaderData, actionData } }) as unknown as EntryContext;

describe("hasDeferredData", () => {
  it.each([
    ["no loader data", {}, null, false],
    ["plain values", { root: { user: null }, page: { items: [1, 2], title: "T", when: new Date(0) } }, null, false],
    ["null and scalar loader results", { root: null, page: "text", other: 3 }, null, false],
    ["a promise among a loader's values", { root: { user: null }, page: { rows: Promise.resolve([]) } }, null, true],
    ["a loader that returns a promise itself", { page: Promise.resolve({}) }, null, true],
    ["a thenable that is not a Promise", { page: { later: { then: () => undefined } } }, null, true],
    ["a promise among an action's values", { page: {} }, { page: { result: Promise.resolve(1) } }, true],
    ["an action's plain values", { page: {} }, { page: { ok: true } }, false],
  ])("%s", (_label, loaderData, actionData, expected) => {
    expect(hasDeferredData(context(loaderData, actionData))).toBe(expected);
  });
});
