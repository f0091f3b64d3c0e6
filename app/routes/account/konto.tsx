import { FieldError } from "~/components/field-error";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { mergeLoaderAndActionHeaders } from "~/utils/headers";
import { formatSessionTime } from "~/domain/device";
import { accountsText as t } from "~/domain/texts/accounts";
import { notificationText } from "~/domain/texts/notifications";
import {
  changePassword,
  listOwnSessions,
  revokeOwnSession,
  signOutEverywhere,
} from "~/server/accounts/accounts.server";
import { assertSameOrigin, requireUser } from "~/server/accounts/auth.server";

export const meta: MetaFunction = () => [{ title: `${t.account.title} – Quaestio` }];

/** Document responses take their headers from here: the loader's and the action's (Retry-After, no-store). */
export const headers = mergeLoaderAndActionHeaders;

const NO_STORE = { "Cache-Control": "no-store" };

const DONE_MESSAGES = { passwort: t.account.passwordChanged, sitzung: t.account.revokedOne } as const;

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const sessions = await listOwnSessions(user);
  const done = new URL(request.url).searchParams.get("erledigt");
  return data(
    {
      displayName: user.displayName,
      email: user.email,
      notice: done === "passwort" || done === "sitzung" ? DONE_MESSAGES[done] : null,
      sessions: sessions.map((s) => ({
        id: s.id,
        device: s.device,
        ipAddress: s.ipAddress,
        createdAt: formatSessionTime(s.createdAt),
        lastActiveAt: formatSessionTime(s.lastActiveAt),
        current: s.current,
      })),
    },
    { headers: NO_STORE },
  );
}

const Intent = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("revoke"), sessionId: z.string().min(1).max(64) }),
  z.object({ intent: z.literal("revoke-all") }),
  z.object({
    intent: z.literal("change-password"),
    currentPassword: z.string().max(1000).default(""),
    newPassword: z.string().max(2000).default(""),
    newPasswordRepeat: z.string().max(2000).default(""),
  }),
]);

type ActionResult = {
  errors: { currentPassword?: string; newPassword?: string; newPasswordRepeat?: string; form?: string };
};

export async function action({ request, context }: ActionFunctionArgs) {
  assertSameOrigin(request);
  const user = await requireUser(request);
  const parsed = Intent.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) throw new Response(null, { status: 400, headers: NO_STORE });
  const input = parsed.data;
  const clientIp = typeof context?.clientIp === "string" ? context.clientIp : "unbekannt";

  if (input.intent === "revoke") {
    const { setCookie } = await revokeOwnSession(request, user, input.sessionId);
    if (setCookie) throw redirect("/anmelden", { headers: { "Set-Cookie": setCookie } });
    throw redirect("/konto?erledigt=sitzung");
  }
  if (input.intent === "revoke-all") {
    throw redirect("/anmelden", { headers: { "Set-Cookie": await signOutEverywhere(request, user) } });
  }

  const errors: ActionResult["errors"] = {};
  if (!input.currentPassword) errors.currentPassword = t.account.currentPasswordMissing;
  if (!input.newPassword) errors.newPassword = t.account.newPasswordMissing;
  if (errors.currentPassword || errors.newPassword)
    return data<ActionResult>({ errors }, { status: 400, headers: NO_STORE });
  const result = await changePassword(request, user, { ...input, clientIp });
  if (result.ok) throw redirect("/konto?erledigt=passwort", { headers: { "Set-Cookie": result.setCookie } });
  const headers: Record<string, string> = { ...NO_STORE };
  if (result.retryAfterSeconds) headers["Retry-After"] = String(result.retryAfterSeconds);
  return data<ActionResult>({ errors: result.errors }, { status: result.status, headers });
}

export default function Account() {
  const { displayName, email, notice, sessions } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = result?.errors ?? {};
  const described = (name: keyof ActionResult["errors"], hint?: string) =>
    [errors[name] ? `${name}-error` : null, hint].filter(Boolean).join(" ") || undefined;

  return (
    <>
      <h1>{t.account.title}</h1>
      <p>{t.account.signedInAs(displayName, email)}</p>
      {notice ? (
        <p className="notice" role="status">
          {notice}
        </p>
      ) : null}
      <p>
        <Link to="/konto/zweiter-faktor">{t.account.secondFactorLink}</Link>
      </p>
      <p>
        <Link to="/konto/benachrichtigungen">{notificationText.preferences.accountLink}</Link>
      </p>

      <section aria-labelledby="sitzungen">
        <h2 id="sitzungen">{t.account.sessionsHeading}</h2>
        <p>{t.account.sessionsIntro}</p>
        <div className="table-wrapper">
          <table>
            <caption className="visually-hidden">{t.account.sessionsHeading}</caption>
            <thead>
              <tr>
                <th scope="col">{t.sessions.columnDevice}</th>
                <th scope="col">{t.sessions.columnIp}</th>
                <th scope="col">{t.sessions.columnCreated}</th>
                <th scope="col">{t.sessions.columnLastActive}</th>
                <th scope="col">{t.sessions.columnAction}</th>
              </tr>
            </thead>
            <tbody>
              {sessions.map((s) => (
                <tr key={s.id} data-session={s.current ? "current" : "other"}>
                  <th scope="row">
                    {s.device}
                    {s.current ? <strong> ({t.sessions.current})</strong> : null}
                  </th>
                  <td>{s.ipAddress ?? t.sessions.unknownIp}</td>
                  <td>{s.createdAt}</td>
                  <td>{s.lastActiveAt}</td>
                  <td>
                    <Form method="post">
                      <input type="hidden" name="intent" value="revoke" />
                      <input type="hidden" name="sessionId" value={s.id} />
                      <button type="submit" aria-label={t.sessions.revokeLabel(s.device, s.createdAt)}>
                        {t.sessions.revoke}
                      </button>
                    </Form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <Form method="post">
          <input type="hidden" name="intent" value="revoke-all" />
          <p id="revoke-all-hint">{t.account.signOutEverywhereHint}</p>
          <button type="submit" aria-describedby="revoke-all-hint">
            {t.account.signOutEverywhere}
          </button>
        </Form>
      </section>

      <section aria-labelledby="passwort">
        <h2 id="passwort">{t.account.passwordHeading}</h2>
        {errors.form ? (
          <p className="form-error" role="alert" id="form-error">
            {errors.form}
          </p>
        ) : null}
        <Form method="post" noValidate className="narrow">
          <input type="hidden" name="intent" value="change-password" />
          {/* Lets password managers attach the new password to the right account. */}
          <input type="hidden" name="username" autoComplete="username" value={email} />
          <div className="field">
            <label htmlFor="currentPassword">{t.account.currentPassword}</label>
            <input
              id="currentPassword"
              name="currentPassword"
              type="password"
              autoComplete="current-password"
              required
              aria-invalid={errors.currentPassword ? true : undefined}
              aria-describedby={described("currentPassword")}
            />
            <FieldError id="currentPassword-error" message={errors.currentPassword} />
          </div>
          <div className="field">
            <label htmlFor="newPassword">{t.account.newPassword}</label>
            <p className="hint" id="newPassword-hint">
              {t.passwordHint}
            </p>
            <input
              id="newPassword"
              name="newPassword"
              type="password"
              autoComplete="new-password"
              minLength={10}
              required
              aria-invalid={errors.newPassword ? true : undefined}
              aria-describedby={described("newPassword", "newPassword-hint")}
            />
            <FieldError id="newPassword-error" message={errors.newPassword} />
          </div>
          <div className="field">
            <label htmlFor="newPasswordRepeat">{t.account.newPasswordRepeat}</label>
            <input
              id="newPasswordRepeat"
              name="newPasswordRepeat"
              type="password"
              autoComplete="new-password"
              required
              aria-invalid={errors.newPasswordRepeat ? true : undefined}
              aria-describedby={described("newPasswordRepeat")}
            />
            <FieldError id="newPasswordRepeat-error" message={errors.newPasswordRepeat} />
          </div>
          <button type="submit">{t.account.changePassword}</button>
        </Form>
      </section>
    </>
  );
}
