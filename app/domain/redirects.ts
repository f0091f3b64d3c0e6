/** Only same-origin paths are accepted as a target after sign-in: no open redirects. */
export function safeRedirectPath(target: unknown, fallback = "/arbeitsbereich"): string {
  if (typeof target !== "string" || target.length > 2000) return fallback;
  if (!target.startsWith("/") || target.startsWith("//") || /[\\\u0000-\u001f]/.test(target)) return fallback;
  try {
    const url = new URL(target, "http://quaestio.invalid");
    if (url.origin !== "http://quaestio.invalid") return fallback;
    const path = url.pathname + url.search;
    // Normalising can produce a protocol-relative path again ("/.//evil.example" → "//evil.example").
    if (path.startsWith("//") || path.startsWith("/\\")) return fallback;
    return path;
  } catch {
    return fallback;
  }
}
