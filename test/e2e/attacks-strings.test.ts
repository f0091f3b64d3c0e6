/**
 * Every attack string of test/support/attack-strings.ts against the running, built app (scripts/start.mjs), as a
 * script would send them: as `?seite=`, as the `{body}` and `{ref}` path segments, as the `:id` of the staff view,
 * and as e-mail/password/weiter of the sign-in form: no 5xx, no payload inserted unescaped, no data altered; and
 * raw path traversal against the static file handler. The other attacks (headers, CSRF, the browser, the account
 * pages) are in attacks.test.ts, with an app of its own, so that the two files run side by side (ADR 0036).
 *
 * The database is prepared before the app serves (useAttackApp in test/support/attack-app.ts): the staff session
 * the requests carry is planted in the app's copy of the run's seeded database, and the app is started on it.
 */
import http from "node:http";
import { describe, expect, it } from "vitest";
import { ATTACK_STRINGS, sample } from "../support/attack-strings";
import {
  HEAVY_TIMEOUT,
  STAFF_NRW,
  attackApp,
  cookies,
  fetchText,
  fuzzFailures,
  segment,
  signInForm,
  useAttackApp,
  wellFormed,
  type FuzzRequest,
} from "../support/attack-app";

useAttackApp();

describe("attack strings against the running app", () => {
  it(
    "no 5xx, no unescaped payload, no altered data",
    async () => {
      const listBefore = await fetchText("/landtag-nrw/anfragen");
      const staffBefore = await fetchText("/arbeitsbereich", { headers: { Cookie: cookies[STAFF_NRW]! } });
      const requests: FuzzRequest[] = [];
      for (const { value } of ATTACK_STRINGS) {
        requests.push({
          path: `/norderstedt/anfragen?${new URLSearchParams({ seite: wellFormed(value) })}`,
        });
        requests.push({ path: `/landtag-nrw/anfragen/${segment(value)}` });
        requests.push({ path: `/${segment(value)}/anfragen` });
        requests.push({ path: `/${segment(value)}/anfragen/17-9511` });
        requests.push({
          path: `/arbeitsbereich/vorgaenge/${segment(value)}`,
          init: { headers: { Cookie: cookies[STAFF_NRW]! } },
        });
      }
      // The sign-in form is rate-limited per address and per account; past the limit it answers 429 with the form
      // again, which still has to escape what it shows.
      for (const { value } of sample(ATTACK_STRINGS, 120)) {
        const v = wellFormed(value);
        requests.push({ path: "/anmelden", init: signInForm({ email: v, password: v, weiter: v }) });
        requests.push({ path: `/anmelden?${new URLSearchParams({ weiter: v })}` });
      }
      const failures = await fuzzFailures(requests);
      expect(requests.length).toBeGreaterThan(1500);
      expect(failures).toEqual([]);
      // Nothing changed: the public list and the staff view show the same.
      const strip = (html: string) =>
        html.replace(/nonce="[^"]*"/g, "").replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, "");
      const mainOf = (html: string) => strip(/<main[\s\S]*<\/main>/.exec(html)?.[0] ?? html);
      expect(mainOf((await fetchText("/landtag-nrw/anfragen")).body)).toBe(mainOf(listBefore.body));
      expect(mainOf((await fetchText("/arbeitsbereich", { headers: { Cookie: cookies[STAFF_NRW]! } })).body)).toBe(
        mainOf(staffBefore.body),
      );
    },
    HEAVY_TIMEOUT,
  );

  it("serves no file outside the public directory for raw traversal paths", async () => {
    const raw = [
      "/../../etc/passwd",
      "/assets/../../package.json",
      "/assets/..%2f..%2fpackage.json",
      "/assets/%2e%2e/%2e%2e/package.json",
      "/assets/%252e%252e%252fpackage.json",
      "/..%5c..%5cpackage.json",
      "/assets/..%00/package.json",
      "/%2e%2e/%2e%2e/etc/passwd",
      "/build/server/index.js",
      "/.env",
      "/package.json",
      "/data/pglite/PG_VERSION",
    ];
    for (const path of raw) {
      const response = await new Promise<{ status: number; body: string }>((resolve, reject) => {
        const request = http.request({ host: "127.0.0.1", port: attackApp().port, path, method: "GET" }, (res) => {
          let body = "";
          res.setEncoding("utf8");
          res.on("data", (chunk: string) => (body += chunk));
          res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
        });
        request.on("error", reject);
        request.end();
      });
      expect(response.status, path).toBeLessThan(500);
      expect(response.body, path).not.toMatch(/root:x:0:0|"dependencies"|"name": "quaestio"|QUAESTIO_SECRET/);
    }
  });
});
