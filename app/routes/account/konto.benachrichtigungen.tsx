import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { parseWithZod } from "@conform-to/zod";
import type { SubmissionResult } from "@conform-to/react";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { ConformForm } from "~/components/form/conform-form";
import { TextInput } from "~/components/form/fields";
import { PageHeader } from "~/components/page-header";
import {
  MAX_DUE_SOON_DAYS,
  MIN_DUE_SOON_DAYS,
  NOTIFICATION_KINDS,
  notificationKindsForRoles,
  type NotificationKind,
} from "~/domain/notifications";
import { notificationText } from "~/domain/texts/notifications";
import { NO_STORE, assertSameOrigin, requireUser } from "~/server/accounts/auth.server";
import { loadNotificationPreferences, saveNotificationPreferences } from "~/server/notifications/inbox.server";
import { mergeLoaderAndActionHeaders } from "~/utils/headers";

const t = notificationText.preferences;

export const meta: MetaFunction = () => [{ title: `${t.title} – Quaestio` }];

export const headers = mergeLoaderAndActionHeaders;

type Channels = Record<NotificationKind, { inApp: boolean; email: boolean }>;

interface FormValues {
  channels: Channels;
  /** As typed, so that a wrong entry is shown again next to its message. */
  dueSoonDays: string;
}

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const rows = await loadNotificationPreferences(user.id);
  const channels = Object.fromEntries(rows.map((r) => [r.kind, { inApp: r.inApp, email: r.email }])) as Channels;
  const dueSoon = rows.find((r) => r.kind === "due_soon")!;
  const values: FormValues = { channels, dueSoonDays: String(dueSoon.dueSoonDays) };
  const saved = new URL(request.url).searchParams.get("gespeichert") === "1";
  // Only the kinds one of the user's roles can receive.
  const kinds = notificationKindsForRoles(user.memberships.map((m) => m.role));
  return data({ values, saved, kinds }, { headers: NO_STORE });
}

const checkbox = z.literal("on").optional();
// Conform turns an empty field into undefined: `message` covers the missing number as well.
const Input = z.object({
  dueSoonDays: z
    .string({ message: t.dueSoonDaysInvalid })
    .trim()
    .regex(/^[0-9]{1,2}$/, t.dueSoonDaysInvalid)
    .transform(Number)
    .refine((n) => n >= MIN_DUE_SOON_DAYS && n <= MAX_DUE_SOON_DAYS, t.dueSoonDaysInvalid),
  ...Object.fromEntries(
    NOTIFICATION_KINDS.flatMap((kind) => [
      [`inApp_${kind}`, checkbox],
      [`email_${kind}`, checkbox],
    ]),
  ),
});

/** Conform's reply (the typed number kept) and the boxes as the user left them. */
type ActionResult = { result: SubmissionResult<string[]>; channels: Channels };

export async function action({ request }: ActionFunctionArgs) {
  assertSameOrigin(request);
  const user = await requireUser(request);
  const form = await request.formData();
  // The kinds not offered (no role receives them) keep what is stored, so that a later role finds them as set.
  const offered = new Set(notificationKindsForRoles(user.memberships.map((m) => m.role)));
  const stored = await loadNotificationPreferences(user.id);
  const channels = Object.fromEntries(
    NOTIFICATION_KINDS.map((kind) => {
      const kept = stored.find((r) => r.kind === kind);
      return [
        kind,
        offered.has(kind) || !kept
          ? { inApp: form.get(`inApp_${kind}`) === "on", email: form.get(`email_${kind}`) === "on" }
          : { inApp: kept.inApp, email: kept.email },
      ];
    }),
  ) as Channels;
  const submission = parseWithZod(form, { schema: Input });
  if (submission.status !== "success") {
    return data<ActionResult>(
      { result: submission.reply({ formErrors: [t.formError] }), channels },
      { status: 400, headers: NO_STORE },
    );
  }
  await saveNotificationPreferences(user.id, { channels, dueSoonDays: submission.value.dueSoonDays });
  throw redirect("/konto/benachrichtigungen?gespeichert=1", { headers: NO_STORE });
}

export default function NotificationPreferences() {
  const loaded = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const channels = result?.channels ?? loaded.values.channels;
  return (
    <>
      <PageHeader title={t.title} lead={t.lead} />
      <div aria-live="polite" role="status">
        {loaded.saved && !result ? <p className="notice">{t.saved}</p> : null}
      </div>
      <ConformForm id="einstellungen" lastResult={result?.result}>
        <div className="table-wrapper">
          <table className="prefs-table">
            <caption>{t.caption}</caption>
            <thead>
              <tr>
                <th scope="col">{t.columnKind}</th>
                <th scope="col">{t.columnHint}</th>
                <th scope="col">{t.columnInApp}</th>
                <th scope="col">{t.columnEmail}</th>
              </tr>
            </thead>
            <tbody>
              {loaded.kinds.map((kind) => {
                const { label, hint } = notificationText.kinds[kind];
                return (
                  <tr key={kind}>
                    <th scope="row">{label}</th>
                    <td id={`hint-${kind}`}>{hint}</td>
                    <td data-label={t.columnInApp}>
                      <input
                        type="checkbox"
                        name={`inApp_${kind}`}
                        aria-label={t.inAppLabel(label)}
                        aria-describedby={`hint-${kind}`}
                        defaultChecked={channels[kind].inApp}
                      />
                    </td>
                    <td data-label={t.columnEmail}>
                      <input
                        type="checkbox"
                        name={`email_${kind}`}
                        aria-label={t.emailLabel(label)}
                        aria-describedby={`hint-${kind}`}
                        defaultChecked={channels[kind].email}
                      />
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
        {loaded.kinds.includes("due_soon") ? (
          <div className="narrow">
            <TextInput
              name="dueSoonDays"
              label={t.dueSoonDays}
              hint={t.dueSoonDaysHint}
              type="text"
              inputMode="numeric"
              defaultValue={loaded.values.dueSoonDays}
            />
          </div>
        ) : (
          <input type="hidden" name="dueSoonDays" value={loaded.values.dueSoonDays} />
        )}
        <button type="submit">{t.save}</button>
      </ConformForm>
      <p>
        <Link to="/benachrichtigungen">{t.backToList}</Link>
      </p>
    </>
  );
}
