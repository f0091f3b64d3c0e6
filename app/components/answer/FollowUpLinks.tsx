/** "Nachfrage zu …" and "Nachfragen" links of an inquiry, staff or public. */
import { Form, Link } from "@remix-run/react";
import type { FollowUpLink, FollowUpLinks as Links } from "~/server/answers/answer-follow-up.server";

const label = (link: FollowUpLink) => (link.reference ? `${link.reference}: ${link.title}` : link.title);

export function FollowUpLinks({ links, staff }: { links: Links; staff: boolean }) {
  const href = (link: FollowUpLink) => (staff ? `/arbeitsbereich/vorgaenge/${link.inquiryId}` : link.publicPath);
  if (!links.followsUp && links.followUps.length === 0) return null;
  return (
    <section aria-labelledby="follow-up-heading" className="follow-ups">
      <h2 id="follow-up-heading">Nachfragen</h2>
      {links.followsUp && href(links.followsUp) ? (
        <p>
          Nachfrage zu: <Link to={href(links.followsUp)!}>{label(links.followsUp)}</Link>
        </p>
      ) : null}
      {links.followUps.length > 0 ? (
        <ul>
          {links.followUps.map((link) =>
            href(link) ? (
              <li key={link.inquiryId}>
                <Link to={href(link)!}>{label(link)}</Link>
              </li>
            ) : null,
          )}
        </ul>
      ) : null}
    </section>
  );
}

export function StartFollowUpForm({ inquiryId }: { inquiryId: string }) {
  return (
    <Form method="post" action={`/arbeitsbereich/vorgaenge/${inquiryId}/nachfrage`} className="workflow-action">
      <p>
        Die Antwort lässt Fragen offen? Eine Nachfrage wird ein neuer Entwurf, der mit dieser Antwort verknüpft ist.
      </p>
      <button type="submit" className="button">
        Nachfrage stellen
      </button>
    </Form>
  );
}
