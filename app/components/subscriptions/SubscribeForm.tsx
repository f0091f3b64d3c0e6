import type { SubmissionResult } from "@conform-to/react";
import { Link } from "@remix-run/react";
import { ConformForm } from "~/components/form/conform-form";
import { TextInput } from "~/components/form/fields";
import { subscriptionText as t } from "~/domain/texts/subscriptions";

/** What the form follows, as the /abo route reads it (German field names: they show in the /abo?… URL). */
export interface SubscribeTarget {
  thema: "anfrage" | "koerperschaft" | "fraktion" | "werkzeug";
  koerperschaft?: string;
  anfrage?: string;
  fraktion?: string;
  werkzeug?: string;
}

/** The /abo URL of a target: the target travels in the query, so the page after the POST is the same page. */
export function subscribeAction(target: SubscribeTarget): string {
  const query = new URLSearchParams(
    Object.entries(target).filter((entry): entry is [string, string] => typeof entry[1] === "string"),
  );
  return `/abo?${query.toString()}`;
}

/**
 * "Per E-Mail folgen": a Conform form posted to /abo?… that works without JavaScript (a plain POST). The address
 * is asked for only here; the /abo page answers the same for every address (double opt-in follows by mail).
 * Embedded in cached public pages it has no reply (`lastResult`); a refused submission is shown on /abo: the
 * error summary with the focus, the message at the field (`<formId>-email-error`) and the address as typed.
 */
export function SubscribeForm({
  target,
  what,
  formId = "abo",
  lastResult,
  headingLevel = 2,
  titledBy,
}: {
  target: SubscribeTarget;
  what: string;
  /** Unique on the page: the field ids derive from it (`abo-email`, `abo-website`). */
  formId?: string;
  lastResult?: SubmissionResult<string[]> | null;
  headingLevel?: 2 | 3;
  /**
   * The id of a heading of the page that already names the form (the /abo page's h1, the same words): then the
   * form has no heading of its own, so that the page does not show its title twice.
   */
  titledBy?: string;
}) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  const headingId = titledBy ?? `${formId}-titel`;
  return (
    <section className="subscribe" aria-labelledby={headingId}>
      {titledBy ? null : <Heading id={headingId}>{t.formTitle}</Heading>}
      <p>{t.formIntro(what)}</p>
      <ConformForm id={formId} lastResult={lastResult} action={subscribeAction(target)} labelledBy={headingId}>
        <TextInput name="email" label={t.email} type="email" autoComplete="email" required />
        {/* Honeypot: hidden from people, filled in by form-spamming bots. */}
        <div className="visually-hidden" aria-hidden="true">
          <label htmlFor={`${formId}-website`}>{t.honeypot}</label>
          <input id={`${formId}-website`} name="website" type="text" tabIndex={-1} autoComplete="off" defaultValue="" />
        </div>
        <button type="submit">{t.submit}</button>
      </ConformForm>
      <p className="subscribe__privacy">
        <Link to="/datenschutz#abonnements">{t.privacyLink}</Link>
      </p>
    </section>
  );
}
