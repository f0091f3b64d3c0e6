import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import {
  isRouteErrorResponse,
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useRouteError,
  useRouteLoaderData,
} from "@remix-run/react";
import type { ReactNode } from "react";
import { ClientErrorPage, NotFoundPage, ServerErrorPage } from "~/components/error-page";
import { useNonce } from "~/components/nonce";
import { REQUEST_ID_META, useRequestId } from "~/components/request-id";
import { RouteFocus } from "~/components/route-focus";
import { SiteFooter } from "~/components/site-footer";
import { SiteHeader } from "~/components/site-header";
import { getSessionState } from "~/server/accounts/auth.server";
import { unreadNotificationCount } from "~/server/notifications/inbox.server";
import appStylesHref from "~/styles/app.css?url";
import faviconHref from "~/styles/favicon.svg?url";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: appStylesHref },
  { rel: "icon", href: faviconHref, type: "image/svg+xml" },
  { rel: "icon", href: "/favicon.ico", sizes: "48x48" },
  { rel: "apple-touch-icon", href: "/apple-touch-icon.png" },
  { rel: "search", type: "application/opensearchdescription+xml", href: "/opensearch.xml", title: "Quaestio" },
];

export const meta: MetaFunction = ({ error }) => {
  if (error) {
    const notFound = isRouteErrorResponse(error) && error.status === 404;
    return [{ title: notFound ? "Seite nicht gefunden – Quaestio" : "Fehler – Quaestio" }];
  }
  return [
    { title: "Quaestio" },
    {
      name: "description",
      content:
        "Anfragen aus Räten und Parlamenten mit den Antworten der Verwaltung – öffentlich, durchsuchbar, zitierbar.",
    },
  ];
};

export async function loader({ request }: LoaderFunctionArgs) {
  const state = await getSessionState(request);
  // Only what the shell shows goes to the browser. A user who still has to pass or set up the second factor
  // sees their name and "Abmelden", but no links into the staff area.
  const signInComplete = state ? !state.secondFactorPending && !state.enrolmentRequired : false;
  // One count query, and only for a completed sign-in (the header shows the link only then).
  const unreadNotifications = state && signInComplete ? await unreadNotificationCount(state.user) : 0;
  return { user: state ? { displayName: state.user.displayName, signInComplete, unreadNotifications } : null };
}

export function Layout({ children }: { children: ReactNode }) {
  const nonce = useNonce();
  const requestId = useRequestId();
  // Undefined while an error page renders because the root loader failed.
  const data = useRouteLoaderData<typeof loader>("root");

  return (
    <html lang="de">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name={REQUEST_ID_META} content={requestId} />
        <Meta />
        <Links />
      </head>
      <body>
        <a href="#inhalt" className="skip-link">
          Zum Inhalt springen
        </a>
        <SiteHeader user={data?.user ?? null} />
        <main id="inhalt" tabIndex={-1} className="site-main">
          {children}
        </main>
        <SiteFooter />
        <RouteFocus />
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

/**
 * 404 keeps its status (Remix takes it from the thrown response) and gets the German "not found"
 * page; other deliberate 4xx get a short German explanation; everything else gets the friendly
 * error page with the correlation id that entry.server.tsx's handleError logged the error under
 * (see app/components/request-id.tsx for how the id travels).
 */
export function ErrorBoundary() {
  const error = useRouteError();
  const requestId = useRequestId();

  if (isRouteErrorResponse(error)) {
    if (error.status === 404) return <NotFoundPage />;
    if (error.status < 500) return <ClientErrorPage status={error.status} />;
  }
  return <ServerErrorPage requestId={requestId} />;
}
