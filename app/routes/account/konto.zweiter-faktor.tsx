import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { parseWithZod } from "@conform-to/zod";
import type { SubmissionResult } from "@conform-to/react";
import { ConformForm } from "~/components/form/conform-form";
import { TextInput } from "~/components/form/fields";
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

// Conform turns an empty field into undefined: an absent code is the empty string, which the check refuses.
const Form_ = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("einrichten"), pending: z.string().max(300), code: z.string().max(64).default("") }),
  z.object({ intent: z.literal("abschalten"), code: z.string().max(64).default("") }),
]);

/** The two forms of the page; a refused submission is Conform's reply of the form it came from. */
type Which = "einrichten" | "abschalten";
type ActionResult =
  | { kind: "codes"; recoveryCodes: string[] }
  | { kind: "disabled" }
  | { kind: "error"; form: Which; reply: SubmissionResult<string[]>; enrolment?: Enrolment };
const HIDDEN = { hideFields: ["code"] };

export async function action({ request, context }: ActionFunctionArgs) {
  assertSameOrigin(request);
  const state = await requireUserForEnrolment(request);
  const submission = parseWithZod(await request.formData(), { schema: Form_ });
  const which: Which = submission.payload.intent === "abschalten" ? "abschalten" : "einrichten";
  const refuse = (
    message: string,
    {
      status = 400,
      field = true,
      enrolment,
      retryAfter,
    }: { status?: number; field?: boolean; enrolment?: Enrolment; retryAfter?: number } = {},
  ) =>
    data<ActionResult>(
      {
        kind: "error",
        form: which,
        reply: submission.reply(
          field ? { ...HIDDEN, fieldErrors: { code: [message] } } : { ...HIDDEN, formErrors: [message] },
        ),
        enrolment,
      },
      { status, headers: retryAfter ? { ...NO_STORE, "Retry-After": String(retryAfter) } : NO_STORE },
    );
  if (submission.status !== "success") return refuse(t.codeMalformed, { field: false });
  const clientIp = typeof context?.clientIp === "string" ? context.clientIp : "unbekannt";
  const input = submission.value;
  if (input.intent === "einrichten") {
    const result = await confirmEnrolment(state, { pending: input.pending, code: input.code, clientIp });
    if (result.ok)
      return data<ActionResult>({ kind: "codes", recoveryCodes: result.recoveryCodes }, { headers: NO_STORE });
    if (result.reason === "already_enabled") return refuse(t.alreadyEnabled, { status: 409, field: false });
    // Keep showing the key the user has already added to their app (a new one only if it expired).
    const { enrolment, expired } = resumeEnrolment(state, input.pending);
    return refuse(expired ? t.pendingExpired : codeError(result), {
      status: result.reason === "rate_limited" ? 429 : 400,
      enrolment,
      retryAfter: result.reason === "rate_limited" ? result.retryAfterSeconds : undefined,
    });
  }
  const result = await disableSecondFactor(state, { code: input.code, clientIp });
  if (result.ok) return data<ActionResult>({ kind: "disabled" }, { headers: NO_STORE });
  if (result.reason === "not_allowed" || result.reason === "not_enabled") {
    return refuse(t.disableNotAllowed, { field: false });
  }
  return refuse(codeError(result), {
    status: result.reason === "rate_limited" ? 429 : 400,
    retryAfter: result.reason === "rate_limited" ? result.retryAfterSeconds : undefined,
  });
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
  // A refusal for a form this page no longer shows (e.g. already enabled in another tab) is said at the top.
  const formShown =
    error?.form === "abschalten" ? loaded.enabled && !loaded.required : !loaded.enabled && Boolean(enrolment);
  const orphanMessage = error && !formShown ? Object.values(error.reply.error ?? {}).flat()[0] : undefined;

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
      {orphanMessage ? (
        <p className="notice notice--error" role="alert">
          {orphanMessage}
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
              <ConformForm
                id="abschalten"
                lastResult={error?.form === "abschalten" ? error.reply : undefined}
                labelledBy="disable-title"
              >
                <input type="hidden" name="intent" value="abschalten" />
                <CodeInput label={t.confirmLabel} />
                <button type="submit">{t.disableSubmit}</button>
              </ConformForm>
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
            <ConformForm
              id="einrichten"
              lastResult={error?.form === "einrichten" ? error.reply : undefined}
              labelledBy="step2"
            >
              <input type="hidden" name="intent" value="einrichten" />
              <input type="hidden" name="pending" value={enrolment.pending} />
              <CodeInput label={t.confirmLabel} />
              <button type="submit">{t.confirmSubmit}</button>
            </ConformForm>
          </section>
        </>
      ) : null}
    </div>
  );
}

/** The six-digit code of the app; a credential, so after an error the field starts empty again. */
function CodeInput({ label }: { label: string }) {
  return (
    <TextInput
      name="code"
      label={label}
      type="text"
      inputMode="numeric"
      autoComplete="one-time-code"
      pattern="[0-9 ]*"
      maxLength={7}
      required
    />
  );
}
