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

startTransition(() => {
  hydrateRoot(
    document,
    <StrictMode>
      <RemixBrowser />
    </StrictMode>,
  );
});
