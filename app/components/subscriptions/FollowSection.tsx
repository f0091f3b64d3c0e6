import { Link } from "@remix-run/react";
import { feedText } from "~/domain/texts/feeds";
import { SubscribeForm, subscribeAction, type SubscribeTarget } from "./SubscribeForm";

/**
 * "Folgen" on a public page: the Atom feed link (also announced as `<link rel="alternate">` in the page's
 * meta) and the e-mail subscription form. `more` adds further feeds/subscriptions, e.g. the inquiry's faction.
 */
export function FollowSection({
  feedHref,
  target,
  what,
  more = [],
}: {
  feedHref: string;
  target: SubscribeTarget;
  what: string;
  more?: { label: string; feedHref: string; target: SubscribeTarget; subscribeLabel: string }[];
}) {
  return (
    <section aria-labelledby="folgen" className="follow">
      <h2 id="folgen">Folgen</h2>
      <p>
        <a href={feedHref} type="application/atom+xml" className="feed-link">
          {feedText.subscribeLink}
        </a>{" "}
        <span className="muted">(Atom)</span>
      </p>
      <SubscribeForm target={target} what={what} headingLevel={3} />
      {more.length ? (
        <ul className="follow__more">
          {more.map((entry) => (
            <li key={entry.feedHref}>
              {entry.label}:{" "}
              <a href={entry.feedHref} type="application/atom+xml">
                {feedText.subscribeLink}
              </a>
              {" · "}
              <Link to={subscribeAction(entry.target)}>{entry.subscribeLabel}</Link>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
