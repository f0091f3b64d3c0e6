import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { mergeLoaderAndActionHeaders } from "~/utils/headers";
import { assertSameOrigin, requirePendingSecondFactor, safeRedirectPath } from "~/server/accounts/auth.server";
import { verifySecondFactor } from "~/server/accounts/mfa.server";
import { secondFactorText as t } from "~/domain/texts/auth";

export const meta: MetaFunction = () => [{ title: `${t.verifyTitle} – Quaestio` }];

const NO_STORE = { "Cache-Control": "no-store" };
/** Document responses take their headers from here: the loader's and the action's (Retry-After on 429, no-store). */
export const headers = mergeLoaderAndActionHeaders;

export async function loader({ request }: LoaderFunctionArgs) {
  const next = safeRedirectPath(new URL(request.url).searchParams.get("weiter"));
  await requirePendingSecondFactor(request, next);
  return data({ next }, { headers: NO_STORE });
}

const CodeForm = z.object({
  code: z.string().trim().min(1, t.codeMissing).max(64, t.codeMalformed),
  weiter: z.string().optional(),
});

type ActionResult = { error: string };

export async function action({ request, context }: ActionFunctionArgs) {
  assertSameOrigin(request);
  const form = Object.fromEntries(await request.formData());
  const next = safeRedirectPath(form.weiter);
  const state = await requirePendingSecondFactor(request, next);
  const parsed = CodeForm.safeParse(form);
  if (!parsed.success) {
    return data<ActionResult>(
      { error: parsed.error.flatten().fieldErrors.code?.[0] ?? t.codeMalformed },
      { status: 400, headers: NO_STORE },
    );
  }
  const clientIp = typeof context?.clientIp === "string" ? context.clientIp : "unbekannt";
  const result = await verifySecondFactor(request, state, { code: parsed.data.code, clientIp });
  if (result.ok) throw redirect(next, { headers: { ...NO_STORE, "Set-Cookie": result.setCookie } });
  switch (result.reason) {
    case "rate_limited":
      return data<ActionResult>(
        { error: t.rateLimited(result.retryAfterSeconds) },
        { status: 429, headers: { ...NO_STORE, "Retry-After": String(result.retryAfterSeconds) } },
      );
    case "malformed":
      return data<ActionResult>({ error: t.codeMalformed }, { status: 400, headers: NO_STORE });
    case "replayed":
      return data<ActionResult>({ error: t.codeReplayed }, { status: 400, headers: NO_STORE });
    default:
      return data<ActionResult>({ error: t.codeWrong }, { status: 400, headers: NO_STORE });
  }
}

export default function SecondFactorSignIn() {
  const { next } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const error = result?.error;
  return (
    <div className="narrow">
      <h1>{t.verifyTitle}</h1>
      <p>{t.verifyIntro}</p>
      {/* The code is a credential: after an error the field starts empty again. */}
      <Form method="post" noValidate>
        <input type="hidden" name="weiter" value={next} />
        <div className="field">
          <label htmlFor="code">{t.codeLabel}</label>
          <p className="field-hint" id="code-hint">
            {t.codeHint}
          </p>
          <input
            id="code"
            name="code"
            type="text"
            inputMode="text"
            autoComplete="one-time-code"
            autoCapitalize="characters"
            spellCheck={false}
            required
            maxLength={64}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? "code-hint code-error" : "code-hint"}
          />
          {error ? (
            <p className="field-error" id="code-error" role="alert">
              {error}
            </p>
          ) : null}
        </div>
        <button type="submit">{t.verifySubmit}</button>
      </Form>
      <form method="post" action="/abmelden" className="inline-form">
        <button type="submit" className="link-button">
          {t.cancel}
        </button>
      </form>
    </div>
  );
}
