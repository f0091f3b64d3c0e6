import { mergeLoaderAndActionHeaders } from "~/utils/headers";
import { data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { formatSessionTime } from "~/domain/device";
import { accountsText } from "~/domain/texts/accounts";
import { devMailboxVisible, listMailbox } from "~/server/core/mail.server";

const t = accountsText.mailbox;

export const meta: MetaFunction = () => [{ title: `${t.title} – Quaestio` }, { name: "robots", content: "noindex" }];

/** Document responses take their headers from here: the loader's and the action's (Retry-After, no-store). */
export const headers = mergeLoaderAndActionHeaders;

export async function loader({ request, context }: LoaderFunctionArgs) {
  const peerAddress = typeof context?.peerAddress === "string" ? context.peerAddress : undefined;
  // Reset links are in these mails: unless enabled and asked from this machine, the page does not exist.
  if (!devMailboxVisible(request, peerAddress)) throw new Response(null, { status: 404 });
  const mails = await listMailbox();
  return data(
    { mails: mails.map((m) => ({ ...m, date: m.date ? formatSessionTime(new Date(m.date)) : "" })) },
    { headers: { "Cache-Control": "no-store" } },
  );
}

/** The mail's text with its web links clickable (React escapes everything else). */
function MailText({ text }: { text: string }) {
  const parts = text.split(/(https?:\/\/[^\s<>"]+)/g);
  return (
    <>
      {parts.map((part, i) =>
        i % 2 === 1 ? (
          <a key={i} href={part}>
            {part}
          </a>
        ) : (
          part
        ),
      )}
    </>
  );
}

export default function DevelopmentMailbox() {
  const { mails } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>{t.title}</h1>
      <p>{t.intro}</p>
      {mails.length === 0 ? <p>{t.empty}</p> : null}
      {mails.map((mail, index) => (
        <article key={mail.file || index} className="mail" aria-labelledby={`mail-${index}`}>
          <h2 id={`mail-${index}`}>{mail.subject}</h2>
          <dl>
            <dt>{t.to}</dt>
            <dd>{mail.recipient}</dd>
            <dt>{t.date}</dt>
            <dd>{mail.date}</dd>
            <dt>{t.file}</dt>
            <dd>{mail.file}</dd>
            {mail.listUnsubscribe ? (
              <>
                <dt>List-Unsubscribe</dt>
                <dd className="mail-header">
                  <a href={mail.listUnsubscribe}>{mail.listUnsubscribe}</a>
                </dd>
              </>
            ) : null}
          </dl>
          <pre className="mail-body">
            <MailText text={mail.bodyText} />
          </pre>
        </article>
      ))}
    </>
  );
}
