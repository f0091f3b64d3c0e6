import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { subscriptionText as t } from "~/domain/texts/subscriptions";
import { loadTokenPage, unsubscribe } from "~/server/subscriptions/subscriptions.server";
import { mergeLoaderAndActionHeaders } from "~/utils/headers";

export const meta: MetaFunction = () => [
  { title: `${t.unsubscribe.title} – Quaestio` },
  { name: "robots", content: "noindex" },
  { name: "referrer", content: "no-referrer" },
];

export const headers = mergeLoaderAndActionHeaders;

export async function loader({ params }: LoaderFunctionArgs) {
  const page = await loadTokenPage(params.token ?? "", "unsubscribe");
  return data({ page }, { headers: { "Cache-Control": "no-store" } });
}

/**
 * RFC 8058 one-click: the mail client POSTs `List-Unsubscribe=One-Click` without a page and without cookies
 * or an Origin of ours, so there is no same-origin check here — the unguessable token is the authorisation,
 * and all it can do is end that one subscription. The page's own button posts here too. Always 200: a second
 * POST (or one for a subscription already gone) ends in the same state.
 */
export async function action({ params }: ActionFunctionArgs) {
  const removed = await unsubscribe(params.token ?? "");
  return data({ removed }, { headers: { "Cache-Control": "no-store" } });
}

export default function Unsubscribe() {
  const { page } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <div className="narrow">
      <h1>{t.unsubscribe.title}</h1>
      {result ? (
        <p className="notice" role="status">
          {result.removed ? t.unsubscribe.done : t.unsubscribe.unknown}
        </p>
      ) : !page ? (
        <p className="notice" role="status">
          {t.unsubscribe.unknown}
        </p>
      ) : (
        <>
          <p>{t.unsubscribe.intro(page.what)}</p>
          <Form method="post">
            <button type="submit">{t.unsubscribe.submit}</button>
          </Form>
        </>
      )}
    </div>
  );
}
