import { Form, Link } from "@remix-run/react";
import { TextField } from "~/components/text-field";
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
 * "Per E-Mail folgen": a plain POST form to /abo?… that works without JavaScript. The address is asked for
 * only here; the /abo page answers the same for every address (double opt-in follows by mail).
 */
export function SubscribeForm({
  target,
  what,
  idPrefix = "abo",
  email = "",
  error,
  formError,
  headingLevel = 2,
}: {
  target: SubscribeTarget;
  what: string;
  idPrefix?: string;
  email?: string;
  error?: string;
  formError?: string;
  headingLevel?: 2 | 3;
}) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  const headingId = `${idPrefix}-titel`;
  return (
    <section className="subscribe" aria-labelledby={headingId}>
      <Heading id={headingId}>{t.formTitle}</Heading>
      <p>{t.formIntro(what)}</p>
      {formError ? (
        <p className="form-error" role="alert" id={`${idPrefix}-form-error`}>
          {formError}
        </p>
      ) : null}
      <Form method="post" action={subscribeAction(target)} noValidate aria-labelledby={headingId}>
        <TextField
          id={`${idPrefix}-email`}
          name="email"
          label={t.email}
          type="email"
          autoComplete="email"
          required
          defaultValue={email}
          error={error}
        />
        <div className="visually-hidden" aria-hidden="true">
          <label htmlFor={`${idPrefix}-website`}>{t.honeypot}</label>
          <input
            id={`${idPrefix}-website`}
            name="website"
            type="text"
            tabIndex={-1}
            autoComplete="off"
            defaultValue=""
          />
        </div>
        <button type="submit">{t.submit}</button>
      </Form>
      <p className="subscribe__privacy">
        <Link to="/datenschutz#abonnements">{t.privacyLink}</Link>
      </p>
    </section>
  );
}
