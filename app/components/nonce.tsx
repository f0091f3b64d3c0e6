/**
 * The per-request CSP nonce (Content-Security-Policy `script-src 'nonce-…'`).
 *
 * entry.server.tsx creates the nonce and provides it here for the server render. On the client
 * the context keeps its default "": browsers hide nonce attributes from the DOM
 * (`getAttribute("nonce")` returns ""), so rendering "" during hydration matches what React
 * finds and causes no hydration warning.
 */
import { createContext, useContext } from "react";

const NonceContext = createContext<string>("");

export const NonceProvider = NonceContext.Provider;

export function useNonce(): string {
  return useContext(NonceContext);
}
