/**
 * Everything no other route matches. The loader throws a 404 so that the root ErrorBoundary renders
 * "Seite nicht gefunden" with status 404 (and the usual security headers). The default export must
 * exist: without one this would be a resource route and answer with a bare text response.
 */
export function loader(): never {
  throw new Response("Nicht gefunden", { status: 404, statusText: "Not Found" });
}

export const action = loader;

export default function NotFound() {
  return null;
}
