import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { PageHeader } from "~/components/page-header";
import { Pagination } from "~/components/inquiry/Pagination";
import { notificationText as t } from "~/domain/texts/notifications";
import { NO_STORE, assertSameOrigin, requireUser } from "~/server/accounts/auth.server";
import { listNotifications, markAllNotificationsRead, markNotificationRead } from "~/server/notifications/inbox.server";
import { mergeLoaderAndActionHeaders } from "~/utils/headers";

// Every page of the list has its own title ("Seite 2 von 3" from the second page on), WCAG 2.4.2.
export const meta: MetaFunction<typeof loader> = ({ data: loaded }) => [
  {
    title: `${t.list.title}${loaded && loaded.pages > 1 ? ` – ${t.list.pageOf(loaded.page, loaded.pages)}` : ""} – Quaestio`,
  },
];

export const headers = mergeLoaderAndActionHeaders;

// `?seite` is optional; anything else than a positive whole number is a 404, a page past the end shows the last.
const pageSchema = z
  .string()
  .regex(/^[1-9][0-9]{0,5}$/)
  .transform(Number);

const DONE = { eine: t.list.markedOne, alle: t.list.markedAll } as const;

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const params = new URL(request.url).searchParams;
  const seite = params.get("seite");
  const page = seite === null ? { success: true as const, data: 1 } : pageSchema.safeParse(seite);
  if (!page.success) throw new Response(null, { status: 404, headers: NO_STORE });
  const list = await listNotifications(user, page.data);
  const done = params.get("erledigt");
  return data({ ...list, notice: done === "eine" || done === "alle" ? DONE[done] : null }, { headers: NO_STORE });
}

const Intent = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("read"),
    id: z.string().uuid(),
    seite: z
      .string()
      .regex(/^[1-9][0-9]{0,5}$/)
      .optional(),
  }),
  z.object({ intent: z.literal("read-all") }),
]);

export async function action({ request }: ActionFunctionArgs) {
  assertSameOrigin(request);
  const user = await requireUser(request);
  const parsed = Intent.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) throw new Response(null, { status: 400, headers: NO_STORE });
  if (parsed.data.intent === "read-all") {
    await markAllNotificationsRead(user);
    throw redirect("/benachrichtigungen?erledigt=alle", { headers: NO_STORE });
  }
  // Someone else's notification (or none) does not exist for this user.
  if (!(await markNotificationRead(user, parsed.data.id))) throw new Response(null, { status: 404, headers: NO_STORE });
  const seite = parsed.data.seite && parsed.data.seite !== "1" ? `&seite=${parsed.data.seite}` : "";
  throw redirect(`/benachrichtigungen?erledigt=eine${seite}`, { headers: NO_STORE });
}

export default function Notifications() {
  const { items, page, pages, unread, notice } = useLoaderData<typeof loader>();
  return (
    <>
      <PageHeader title={t.list.title} lead={t.list.lead} />
      <div aria-live="polite" role="status">
        {notice ? <p className="notice">{notice}</p> : null}
      </div>
      <p>
        <Link to="/konto/benachrichtigungen">{t.list.preferencesLink}</Link>
      </p>
      {items.length === 0 ? (
        <p>{t.list.empty}</p>
      ) : (
        <>
          <p>{t.list.unreadCount(unread)}</p>
          {unread > 0 ? (
            <Form method="post">
              <input type="hidden" name="intent" value="read-all" />
              <button type="submit">{t.list.markAllRead}</button>
            </Form>
          ) : null}
          <ul className="notification-list">
            {items.map((n) => (
              <li key={n.id} data-state={n.read ? "read" : "unread"}>
                <p>
                  {n.read ? null : <strong>{t.list.unread}: </strong>}
                  {n.link ? <Link to={n.link}>{n.title}</Link> : n.title}
                </p>
                <p className="hint">
                  {t.list.receivedAt}: <time dateTime={n.createdAtIso}>{n.createdAt}</time>
                </p>
                {n.read ? null : (
                  <Form method="post" className="inline-form">
                    <input type="hidden" name="intent" value="read" />
                    <input type="hidden" name="id" value={n.id} />
                    {page > 1 ? <input type="hidden" name="seite" value={page} /> : null}
                    <button type="submit" className="link-button" aria-label={t.list.markReadLabel(n.title)}>
                      {t.list.markRead}
                    </button>
                  </Form>
                )}
              </li>
            ))}
          </ul>
          <Pagination page={page} pageCount={pages} hrefFor={(n) => `/benachrichtigungen?seite=${n}`} />
        </>
      )}
    </>
  );
}
