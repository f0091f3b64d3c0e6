/** Only same-origin paths are accepted as a target after sign-in: no open redirects. */
export function safeRedirectPath(target: unknown, fallback = "/arbeitsbereich"): string {
  if (typeof target !== "string" || target.length > 2000) return fallback;
  if (!target.startsWith("/") || target.startsWith("//") || /[\\\u0000-\u001f]/.test(target)) return fallback;
  try {
    const url = new URL(target, "http://quaestio.invalid");
    if (url.origin !== "http://quaestio.invalid") return fallback;
    return url.pathname + url.search;
  } catch {
    return fallback;
  }
}
