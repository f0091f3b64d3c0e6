import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { subscriptionText as t } from "~/domain/texts/subscriptions";
import { assertSameOrigin } from "~/server/accounts/auth.server";
import { confirmSubscription, loadTokenPage } from "~/server/subscriptions/subscriptions.server";
import { mergeLoaderAndActionHeaders } from "~/utils/headers";

export const meta: MetaFunction = () => [
  { title: `${t.confirm.title} – Quaestio` },
  { name: "robots", content: "noindex" },
  { name: "referrer", content: "no-referrer" },
];

export const headers = mergeLoaderAndActionHeaders;

// GET shows a button; only the POST confirms, so that a mail scanner opening the link confirms nothing.
export async function loader({ params }: LoaderFunctionArgs) {
  const page = await loadTokenPage(params.token ?? "", "confirm");
  return data({ page }, { headers: { "Cache-Control": "no-store" } });
}

export async function action({ request, params }: ActionFunctionArgs) {
  assertSameOrigin(request);
  const confirmed = await confirmSubscription(params.token ?? "");
  return data({ confirmed }, { status: confirmed ? 200 : 410, headers: { "Cache-Control": "no-store" } });
}

export default function ConfirmSubscription() {
  const { page } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const done = result?.confirmed ?? null;
  return (
    <div className="narrow">
      <h1>{t.confirm.title}</h1>
      {done ? (
        <>
          <p className="notice" role="status">
            {t.confirm.done(done.what)}
          </p>
          {done.pagePath ? (
            <p>
              <Link to={done.pagePath}>{t.backTo(done.what)}</Link>
            </p>
          ) : null}
        </>
      ) : result || !page ? (
        <p className="form-error" role="alert">
          {t.confirm.invalid}
        </p>
      ) : (
        <>
          <p>{t.confirm.intro(page.what)}</p>
          <Form method="post">
            <button type="submit">{t.confirm.submit}</button>
          </Form>
        </>
      )}
    </div>
  );
}
