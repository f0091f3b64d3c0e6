import { parseWithZod } from "@conform-to/zod";
import type { SubmissionResult } from "@conform-to/react";
import { ConformForm } from "~/components/form/conform-form";
import { TextInput } from "~/components/form/fields";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { emailAddressField } from "~/utils/form-fields";
import { mergeLoaderAndActionHeaders } from "~/utils/headers";
import { assertSameOrigin, getCurrentUser, safeRedirectPath, signIn } from "~/server/accounts/auth.server";
import { signInText as t } from "~/domain/texts/auth";

export const meta: MetaFunction = () => [{ title: `${t.title} – Quaestio` }];

const NO_STORE = { "Cache-Control": "no-store" };
export const headers = mergeLoaderAndActionHeaders;

export async function loader({ request }: LoaderFunctionArgs) {
  const next = safeRedirectPath(new URL(request.url).searchParams.get("weiter"));
  if (await getCurrentUser(request)) throw redirect(next, { headers: NO_STORE });
  const hint = new URL(request.url).searchParams.get("hinweis");
  const notice = hint && Object.hasOwn(t.notices, hint) ? t.notices[hint as keyof typeof t.notices] : null;
  return data({ next, notice }, { headers: NO_STORE });
}

const SignInForm = z.object({
  email: emailAddressField({ missing: t.emailMissing, invalid: t.emailInvalid }),
  password: z.string({ message: t.passwordMissing }).min(1, t.passwordMissing).max(1000, t.invalid),
  weiter: z.string().optional(),
});

/** Conform's reply: the e-mail address kept, the password never sent back. */
type ActionResult = { result: SubmissionResult<string[]> };

export async function action({ request, context }: ActionFunctionArgs) {
  assertSameOrigin(request);
  const posted = await request.formData();
  const form = new FormData();
  for (const name of ["email", "password", "weiter"]) {
    const v = posted.get(name);
    if (typeof v === "string") form.set(name, v.slice(0, name === "email" ? 254 : 1001));
  }
  const submission = parseWithZod(form, { schema: SignInForm });
  if (submission.status !== "success") {
    return data<ActionResult>(
      { result: submission.reply({ hideFields: ["password"] }) },
      { status: 400, headers: NO_STORE },
    );
  }
  const parsed = { data: submission.value };
  const refuse = (message: string) => ({
    result: submission.reply({ formErrors: [message], hideFields: ["password"] }),
  });
  const clientIp = typeof context?.clientIp === "string" ? context.clientIp : "unbekannt";
  const result = await signIn(request, { email: parsed.data.email, password: parsed.data.password, clientIp });
  if (result.ok) {
    const next = safeRedirectPath(parsed.data.weiter);
    const target =
      result.next === "second_factor"
        ? `/anmelden/zweiter-faktor?weiter=${encodeURIComponent(next)}`
        : result.next === "enrol"
          ? `/konto/zweiter-faktor?weiter=${encodeURIComponent(next)}`
          : next;
    throw redirect(target, { headers: { ...NO_STORE, "Set-Cookie": result.setCookie } });
  }
  if (result.reason === "rate_limited") {
    return data<ActionResult>(refuse(t.rateLimited(result.retryAfterSeconds)), {
      status: 429,
      headers: { ...NO_STORE, "Retry-After": String(result.retryAfterSeconds) },
    });
  }
  return data<ActionResult>(refuse(t.invalid), { status: 401, headers: NO_STORE });
}

export default function SignIn() {
  const { next, notice } = useLoaderData<typeof loader>();
  const last = useActionData<typeof action>();
  return (
    <div className="narrow">
      <h1 id="sign-in-heading">{t.title}</h1>
      {notice && !last ? (
        <p className="notice" role="status">
          {notice}
        </p>
      ) : null}
      <p>{t.intro}</p>
      <ConformForm id="anmelden" lastResult={last?.result} labelledBy="sign-in-heading">
        <input type="hidden" name="weiter" value={next} />
        <TextInput name="email" label={t.email} type="email" autoComplete="username" required />
        <TextInput name="password" label={t.password} type="password" autoComplete="current-password" required />
        <button type="submit">{t.submit}</button>
      </ConformForm>
      <p>
        <Link to="/passwort-vergessen">Passwort vergessen?</Link>
      </p>
    </div>
  );
}
