import { TextField } from "~/components/text-field";
import {
  data,
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
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
  email: z.string().trim().min(1, t.emailMissing).max(254, t.emailInvalid).email(t.emailInvalid),
  password: z.string().min(1, t.passwordMissing).max(1000, t.invalid),
  weiter: z.string().optional(),
});

type ActionResult = { email: string; errors: { email?: string; password?: string; form?: string } };

export async function action({ request, context }: ActionFunctionArgs) {
  assertSameOrigin(request);
  const form = Object.fromEntries(await request.formData());
  const email = typeof form.email === "string" ? form.email.slice(0, 254) : "";
  const parsed = SignInForm.safeParse(form);
  if (!parsed.success) {
    const fieldErrors = parsed.error.flatten().fieldErrors;
    return data<ActionResult>(
      { email, errors: { email: fieldErrors.email?.[0], password: fieldErrors.password?.[0] } },
      { status: 400, headers: NO_STORE },
    );
  }
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
    return data<ActionResult>(
      { email, errors: { form: t.rateLimited(result.retryAfterSeconds) } },
      { status: 429, headers: { ...NO_STORE, "Retry-After": String(result.retryAfterSeconds) } },
    );
  }
  return data<ActionResult>({ email, errors: { form: t.invalid } }, { status: 401, headers: NO_STORE });
}

export default function SignIn() {
  const { next, notice } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = result?.errors ?? {};
  return (
    <div className="narrow">
      <h1>{t.title}</h1>
      {notice && !result ? (
        <p className="notice" role="status">
          {notice}
        </p>
      ) : null}
      <p>{t.intro}</p>
      {errors.form ? (
        <p className="form-error" role="alert" id="form-error">
          {errors.form}
        </p>
      ) : null}
      <Form method="post" noValidate aria-describedby={errors.form ? "form-error" : undefined}>
        <input type="hidden" name="weiter" value={next} />
        <TextField
          id="email"
          label={t.email}
          type="email"
          autoComplete="username"
          required
          defaultValue={result?.email ?? ""}
          error={errors.email}
        />
        <TextField
          id="password"
          label={t.password}
          type="password"
          autoComplete="current-password"
          required
          error={errors.password}
        />
        <button type="submit">{t.submit}</button>
      </Form>
      <p>
        <Link to="/passwort-vergessen">Passwort vergessen?</Link>
      </p>
    </div>
  );
}
