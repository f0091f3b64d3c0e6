import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { parseWithZod } from "@conform-to/zod";
import type { SubmissionResult } from "@conform-to/react";
import { useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { ConformForm } from "~/components/form/conform-form";
import { TextInput } from "~/components/form/fields";
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

// Conform turns an empty field into undefined: `message` covers the missing field as well.
const CodeForm = z.object({
  code: z.string({ message: t.codeMissing }).trim().min(1, t.codeMissing).max(64, t.codeMalformed),
  weiter: z.string().optional(),
});

/** Conform's reply; the code is a credential and never sent back (after an error the field starts empty). */
type ActionResult = { result: SubmissionResult<string[]> };
const HIDDEN = { hideFields: ["code"] };

export async function action({ request, context }: ActionFunctionArgs) {
  assertSameOrigin(request);
  const form = await request.formData();
  const weiter = form.get("weiter");
  const next = safeRedirectPath(typeof weiter === "string" ? weiter : null);
  const state = await requirePendingSecondFactor(request, next);
  const submission = parseWithZod(form, { schema: CodeForm });
  if (submission.status !== "success") {
    return data<ActionResult>({ result: submission.reply(HIDDEN) }, { status: 400, headers: NO_STORE });
  }
  const refuse = (message: string, status = 400, extra: Record<string, string> = {}) =>
    data<ActionResult>(
      { result: submission.reply({ ...HIDDEN, fieldErrors: { code: [message] } }) },
      { status, headers: { ...NO_STORE, ...extra } },
    );
  const clientIp = typeof context?.clientIp === "string" ? context.clientIp : "unbekannt";
  const result = await verifySecondFactor(request, state, { code: submission.value.code, clientIp });
  if (result.ok) throw redirect(next, { headers: { ...NO_STORE, "Set-Cookie": result.setCookie } });
  switch (result.reason) {
    case "rate_limited":
      return refuse(t.rateLimited(result.retryAfterSeconds), 429, { "Retry-After": String(result.retryAfterSeconds) });
    case "malformed":
      return refuse(t.codeMalformed);
    case "replayed":
      return refuse(t.codeReplayed);
    default:
      return refuse(t.codeWrong);
  }
}

export default function SecondFactorSignIn() {
  const { next } = useLoaderData<typeof loader>();
  const last = useActionData<typeof action>();
  return (
    <div className="narrow">
      <h1 id="second-factor-heading">{t.verifyTitle}</h1>
      <p>{t.verifyIntro}</p>
      <ConformForm id="zweiter-faktor" lastResult={last?.result} labelledBy="second-factor-heading">
        <input type="hidden" name="weiter" value={next} />
        <TextInput
          name="code"
          label={t.codeLabel}
          hint={t.codeHint}
          type="text"
          inputMode="text"
          autoComplete="one-time-code"
          autoCapitalize="characters"
          spellCheck={false}
          required
          maxLength={64}
        />
        <button type="submit">{t.verifySubmit}</button>
      </ConformForm>
      <form method="post" action="/abmelden" className="inline-form">
        <button type="submit" className="link-button">
          {t.cancel}
        </button>
      </form>
    </div>
  );
}
