import type { SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { SubscribeForm, type SubscribeTarget } from "~/components/subscriptions/SubscribeForm";
import { subscriptionText as t } from "~/domain/texts/subscriptions";
import { assertSameOrigin } from "~/server/accounts/auth.server";
import { loadSubscriptionTarget, requestSubscription } from "~/server/subscriptions/subscriptions.server";
import type { TargetInput } from "~/server/subscriptions/targets.server";
import { emailAddressField, honeypotField } from "~/utils/form-fields";
import { mergeLoaderAndActionHeaders } from "~/utils/headers";

export const meta: MetaFunction = () => [
  { title: `${t.requestTitle} – Quaestio` },
  { name: "robots", content: "noindex" },
];

export const headers = mergeLoaderAndActionHeaders;

const slug = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/)
  .max(100);
const TargetSchema = z.discriminatedUnion("thema", [
  z.object({
    thema: z.literal("anfrage"),
    koerperschaft: slug,
    anfrage: z
      .string()
      .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/)
      .max(100),
  }),
  z.object({ thema: z.literal("koerperschaft"), koerperschaft: slug }),
  z.object({ thema: z.literal("fraktion"), koerperschaft: slug, fraktion: z.string().uuid() }),
  z.object({ thema: z.literal("werkzeug"), werkzeug: slug }),
]);
const SubscribeFormSchema = z.object({
  email: emailAddressField({ missing: t.emailMissing, invalid: t.emailInvalid }),
  website: honeypotField,
});

const TOPIC = { anfrage: "inquiry", koerperschaft: "body", fraktion: "faction", werkzeug: "tool" } as const;

function targetInput(target: z.infer<typeof TargetSchema>): TargetInput {
  return {
    topic: TOPIC[target.thema],
    bodySlug: "koerperschaft" in target ? target.koerperschaft : undefined,
    publicRef: "anfrage" in target ? target.anfrage : undefined,
    factionId: "fraktion" in target ? target.fraktion.toLowerCase() : undefined,
    toolSlug: "werkzeug" in target ? target.werkzeug : undefined,
  };
}

async function parseTarget(fields: Record<string, unknown>) {
  const parsed = TargetSchema.safeParse(fields);
  if (!parsed.success) throw new Response(null, { status: 404 });
  const described = await loadSubscriptionTarget(targetInput(parsed.data));
  if (!described) throw new Response(null, { status: 404 });
  return { target: parsed.data as SubscribeTarget, input: targetInput(parsed.data), ...described };
}

/** GET /abo?thema=…: the form on its own page (also where a failed submission is shown again). */
export async function loader({ request }: LoaderFunctionArgs) {
  const { target, what, pagePath } = await parseTarget(Object.fromEntries(new URL(request.url).searchParams));
  return { target, what, pagePath };
}

type ActionResult = { result: SubmissionResult<string[]>; sent: boolean };

export async function action({ request, context }: ActionFunctionArgs) {
  assertSameOrigin(request);
  const { input } = await parseTarget(Object.fromEntries(new URL(request.url).searchParams));
  const posted = await request.formData();
  const form = new FormData();
  for (const name of ["email", "website"]) {
    const v = posted.get(name);
    if (typeof v === "string") form.set(name, v.slice(0, name === "email" ? 254 : 2000));
  }
  const submission = parseWithZod(form, { schema: SubscribeFormSchema });
  if (submission.status !== "success") {
    return data<ActionResult>(
      { result: submission.reply(), sent: false },
      { status: 400, headers: { "Cache-Control": "no-store" } },
    );
  }
  const clientIp = typeof context?.clientIp === "string" ? context.clientIp : "unbekannt";
  const outcome = await requestSubscription({
    email: submission.value.email,
    target: input,
    clientIp,
    honeypot: submission.value.website,
  });
  if (!outcome.ok && outcome.reason === "rate_limited") {
    return data<ActionResult>(
      { result: submission.reply({ formErrors: [t.rateLimited(outcome.retryAfterSeconds)] }), sent: false },
      { status: 429, headers: { "Retry-After": String(outcome.retryAfterSeconds), "Cache-Control": "no-store" } },
    );
  }
  if (!outcome.ok) throw new Response(null, { status: 404 });
  // The same answer for every address (no account enumeration); the form is not shown again.
  return data<ActionResult>(
    { result: submission.reply({ resetForm: true }), sent: true },
    { headers: { "Cache-Control": "no-store" } },
  );
}

export default function Subscribe() {
  const { target, what, pagePath } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <div className="narrow">
      <h1 id="abo-titel">{t.requestTitle}</h1>
      {result?.sent ? (
        <p className="notice" role="status">
          {t.requested}
        </p>
      ) : (
        <SubscribeForm target={target} what={what} lastResult={result?.result} titledBy="abo-titel" />
      )}
      <p>
        <Link to={pagePath}>{t.backTo(what)}</Link>
      </p>
    </div>
  );
}
