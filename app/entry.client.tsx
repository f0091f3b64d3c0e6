import { RemixBrowser } from "@remix-run/react";
import { startTransition, StrictMode } from "react";
import { hydrateRoot } from "react-dom/client";
import { readRequestIdFromDocument, rememberRequestId, REQUEST_ID_HEADER } from "~/components/request-id";

// Correlation ids (see app/components/request-id.tsx): start with the id of this page load, then
// follow the X-Request-Id of our own responses, so that an error page shown after a failed
// client-side navigation names the data request the server logged.
rememberRequestId(readRequestIdFromDocument());
const originalFetch = window.fetch.bind(window);
window.fetch = async (input, init) => {
  const response = await originalFetch(input, init);
  const id = response.headers.get(REQUEST_ID_HEADER);
  if (id) rememberRequestId(id);
  return response;
};

/**
 * Resolves once Remix has decoded the loader data that the server streamed into the document (single fetch).
 * RemixBrowser starts that decoding on its first call and throws the decoding's promise until it is done (it
 * suspends); called once here, before React renders it, it only starts the decoding and hands us the promise.
 */
async function loaderDataDecoded(): Promise<void> {
  try {
    RemixBrowser({});
  } catch (thrown) {
    if (thrown instanceof Promise) await thrown;
    // Anything else (a decoding error) RemixBrowser throws again when React renders it, into the error page.
  }
}

// Hydrate only with the loader data decoded, so that the first render cannot suspend. A suspended hydration
// of the root is fragile in React 18: a key press or click while it waits (the test suite's Tab on a page
// just loaded, a quick reader) makes React hydrate the root synchronously, which cannot wait for the data:
// it throws "Root did not complete" (#345) and the page never becomes interactive.
void loaderDataDecoded().then(() =>
  startTransition(() => {
    hydrateRoot(
      document,
      <StrictMode>
        <RemixBrowser />
      </StrictMode>,
    );
  }),
);
