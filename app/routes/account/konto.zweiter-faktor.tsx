import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { mergeLoaderAndActionHeaders } from "~/utils/headers";
import { assertSameOrigin, requireUserForEnrolment, safeRedirectPath } from "~/server/accounts/auth.server";
import {
  beginEnrolment,
  confirmEnrolment,
  disableSecondFactor,
  resumeEnrolment,
  secondFactorStatus,
  type Enrolment,
} from "~/server/accounts/mfa.server";
import { formatDate, isoDateInTimeZone } from "~/domain/format";
import { secondFactorText as t } from "~/domain/texts/auth";

export const meta: MetaFunction = () => [{ title: `${t.setupTitle} – Quaestio` }];

const NO_STORE = { "Cache-Control": "no-store" };
/** Document responses take their headers from here: the loader's and the action's (Retry-After on 429, no-store). */
export const headers = mergeLoaderAndActionHeaders;

export async function loader({ request }: LoaderFunctionArgs) {
  const state = await requireUserForEnrolment(request);
  const next = safeRedirectPath(new URL(request.url).searchParams.get("weiter"));
  const status = await secondFactorStatus(state);
  return data(
    {
      next,
      required: status.required,
      enabled: status.enabled,
      enabledOn: status.enabledAt ? formatDate(isoDateInTimeZone(status.enabledAt)) : null,
      unusedRecoveryCodes: status.unusedRecoveryCodes,
      enrolment: status.enabled ? null : beginEnrolment(state),
    },
    { headers: NO_STORE },
  );
}

const Form_ = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("einrichten"), pending: z.string().max(300), code: z.string().max(64) }),
  z.object({ intent: z.literal("abschalten"), code: z.string().max(64) }),
]);

type ActionResult =
  | { kind: "codes"; recoveryCodes: string[] }
  | { kind: "disabled" }
  | { kind: "error"; field: "code" | "disableCode" | "form"; error: string; enrolment?: Enrolment };

export async function action({ request, context }: ActionFunctionArgs) {
  assertSameOrigin(request);
  const state = await requireUserForEnrolment(request);
  const parsed = Form_.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) {
    return data<ActionResult>(
      { kind: "error", field: "form", error: t.codeMalformed },
      { status: 400, headers: NO_STORE },
    );
  }
  const clientIp = typeof context?.clientIp === "string" ? context.clientIp : "unbekannt";
  const input = parsed.data;
  if (input.intent === "einrichten") {
    const result = await confirmEnrolment(state, { pending: input.pending, code: input.code, clientIp });
    if (result.ok)
      return data<ActionResult>({ kind: "codes", recoveryCodes: result.recoveryCodes }, { headers: NO_STORE });
    if (result.reason === "already_enabled") {
      return data<ActionResult>(
        { kind: "error", field: "form", error: t.alreadyEnabled },
        { status: 409, headers: NO_STORE },
      );
    }
    // Keep showing the key the user has already added to their app (a new one only if it expired).
    const { enrolment, expired } = resumeEnrolment(state, input.pending);
    const error = expired ? t.pendingExpired : codeError(result);
    const status = result.reason === "rate_limited" ? 429 : 400;
    const headers: Record<string, string> = { ...NO_STORE };
    if (result.reason === "rate_limited") headers["Retry-After"] = String(result.retryAfterSeconds);
    return data<ActionResult>({ kind: "error", field: "code", error, enrolment }, { status, headers });
  }
  const result = await disableSecondFactor(state, { code: input.code, clientIp });
  if (result.ok) return data<ActionResult>({ kind: "disabled" }, { headers: NO_STORE });
  if (result.reason === "not_allowed" || result.reason === "not_enabled") {
    return data<ActionResult>(
      { kind: "error", field: "form", error: t.disableNotAllowed },
      { status: 400, headers: NO_STORE },
    );
  }
  const headers: Record<string, string> = { ...NO_STORE };
  if (result.reason === "rate_limited") headers["Retry-After"] = String(result.retryAfterSeconds);
  return data<ActionResult>(
    { kind: "error", field: "disableCode", error: codeError(result) },
    { status: result.reason === "rate_limited" ? 429 : 400, headers },
  );
}

function codeError(result: { reason: string; retryAfterSeconds?: number }): string {
  switch (result.reason) {
    case "rate_limited":
      return t.rateLimited(result.retryAfterSeconds ?? 60);
    case "malformed":
      return t.codeMalformed;
    case "replayed":
      return t.codeReplayed;
    default:
      return t.codeWrong;
  }
}

export default function SecondFactorSettings() {
  const loaded = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const error = result?.kind === "error" ? result : null;
  const enrolment = error?.enrolment ?? loaded.enrolment;

  if (result?.kind === "codes") {
    return (
      <div className="narrow">
        <h1>{t.enabledTitle}</h1>
        <section aria-labelledby="recovery-title">
          <h2 id="recovery-title">{t.recoveryTitle}</h2>
          <p>{t.recoveryIntro}</p>
          <ul className="recovery-codes" data-testid="recovery-codes">
            {result.recoveryCodes.map((code) => (
              <li key={code}>
                <code>{code}</code>
              </li>
            ))}
          </ul>
        </section>
        <p>
          <Link to={loaded.next} className="button">
            {t.continue}
          </Link>
        </p>
      </div>
    );
  }

  return (
    <div className="narrow">
      <h1>{t.setupTitle}</h1>
      {result?.kind === "disabled" ? (
        <p className="notice" role="status">
          {t.disabled}
        </p>
      ) : null}
      {error?.field === "form" ? (
        <p className="notice notice--error" role="alert">
          {error.error}
        </p>
      ) : null}
      {loaded.enabled ? (
        <>
          <p>{loaded.enabledOn ? `${t.enabledTitle}. ${t.enabledSince(loaded.enabledOn)}` : t.enabledTitle}</p>
          <p>{t.recoveryRemaining(loaded.unusedRecoveryCodes)}</p>
          {loaded.required ? (
            <p>{t.disableNotAllowed}</p>
          ) : (
            <section aria-labelledby="disable-title">
              <h2 id="disable-title">{t.disableTitle}</h2>
              <p>{t.disableIntro}</p>
              <Form method="post" noValidate>
                <input type="hidden" name="intent" value="abschalten" />
                <CodeField
                  id="disable-code"
                  label={t.confirmLabel}
                  error={error?.field === "disableCode" ? error.error : undefined}
                />
                <button type="submit">{t.disableSubmit}</button>
              </Form>
            </section>
          )}
        </>
      ) : enrolment ? (
        <>
          <p className={loaded.required ? "notice notice--warning" : undefined}>
            {loaded.required ? t.required : t.optional}
          </p>
          <section aria-labelledby="step1">
            <h2 id="step1">{t.step1}</h2>
            <p>{t.scanHint}</p>
            <img src={enrolment.qrCodeDataUrl} alt={t.qrAlt} width="200" height="200" className="qr-code" />
            <p>
              {t.secretLabel}: <code data-testid="totp-secret">{enrolment.secretForDisplay}</code>
            </p>
          </section>
          <section aria-labelledby="step2">
            <h2 id="step2">{t.step2}</h2>
            <Form method="post" noValidate>
              <input type="hidden" name="intent" value="einrichten" />
              <input type="hidden" name="pending" value={enrolment.pending} />
              <CodeField id="code" label={t.confirmLabel} error={error?.field === "code" ? error.error : undefined} />
              <button type="submit">{t.confirmSubmit}</button>
            </Form>
          </section>
        </>
      ) : null}
    </div>
  );
}

function CodeField({ id, label, error }: { id: string; label: string; error?: string }) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        name="code"
        type="text"
        inputMode="numeric"
        autoComplete="one-time-code"
        pattern="[0-9 ]*"
        maxLength={7}
        required
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
      />
      {error ? (
        <p className="field-error" id={`${id}-error`} role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}
