/**
 * The consultations of an inquiry's answer: the list (DPO statements, contributions, authority letters), the
 * DPO requirement, and for the lead department the forms to request them. Loader, action and the server
 * command each check the user; other bodies' ids are a 404.
 */
import type { SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData, type ShouldRevalidateFunction } from "@remix-run/react";
import { z } from "zod";
import { RequestForm } from "~/components/consultation/RequestForms";
import { formatDate } from "~/domain/format";
import { consultationText as t } from "~/domain/texts/consultation";
import { assertSameOrigin, requireUser } from "~/server/accounts/auth.server";
import {
  ConsultationInputError,
  NotFound,
  requestConsultation,
  StaleVersionError,
} from "~/server/consultations/commands.server";
import { RequestFormSchema, requestInput } from "~/server/consultations/form.server";
import { loadConsultationOverview } from "~/server/consultations/queries.server";
import { TransitionRefused } from "~/server/core/transitions.server";
import { replyWithCommandErrors, replyWithErrors } from "~/utils/form-reply";

const NO_STORE = { "Cache-Control": "no-store" };
const paramsSchema = z.object({ id: z.string().uuid() });
const notFound = () => new Response(null, { status: 404, headers: NO_STORE });

/** After a conflict (409) load the current state, so the form carries the new version; the input stays in the action's data. */
export const shouldRevalidate: ShouldRevalidateFunction = ({ actionStatus, defaultShouldRevalidate }) =>
  actionStatus === 409 ? true : defaultShouldRevalidate;

export const meta: MetaFunction<typeof loader> = ({ data: loaded }) => [
  { title: loaded ? t.pageTitle(t.listTitle(loaded.overview.inquiry.title)) : t.pageTitle("Nicht gefunden") },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const parsed = paramsSchema.safeParse(params);
  if (!parsed.success) throw notFound();
  try {
    return data({ overview: await loadConsultationOverview(user, parsed.data.id) }, { headers: NO_STORE });
  } catch (error) {
    if (error instanceof NotFound) throw notFound();
    throw error;
  }
}

/** Conform's reply for the form of `kind` (each request form shows only its own). */
type ActionResult = { kind: string; result: SubmissionResult<string[]> };

export async function action({ request, params }: ActionFunctionArgs) {
  assertSameOrigin(request);
  const user = await requireUser(request);
  const parsed = paramsSchema.safeParse(params);
  if (!parsed.success) throw notFound();
  const formData = await request.formData();
  const submission = parseWithZod(formData, { schema: RequestFormSchema });
  const kind = typeof formData.get("kind") === "string" ? String(formData.get("kind")) : "";
  const refused = (errors: Record<string, string>, status: number) =>
    data<ActionResult>({ kind, result: replyWithCommandErrors(submission, errors) }, { status, headers: NO_STORE });
  // Only the hidden fields (kind, version) can fail here: a forged or broken form, one message for the form.
  if (submission.status !== "success")
    return data<ActionResult>(
      { kind, result: replyWithErrors(formData, { form: t.errors.forbidden }) },
      { status: 400, headers: NO_STORE },
    );
  try {
    const id = await requestConsultation(user, parsed.data.id, requestInput(submission.value));
    return redirect(`/arbeitsbereich/beratungen/${id}`, { headers: NO_STORE });
  } catch (error) {
    if (error instanceof NotFound) throw notFound();
    if (error instanceof StaleVersionError) return refused({ form: t.errors.answerStale }, 409);
    if (error instanceof ConsultationInputError) return refused(error.fieldErrors, 400);
    if (error instanceof TransitionRefused) return refused({ form: error.message }, 400);
    throw error;
  }
}

export default function Consultations() {
  const { overview } = useLoaderData<typeof loader>();
  const last = useActionData<typeof action>() ?? null;
  const { inquiry, answer, requirement } = overview;
  return (
    <article>
      <p>
        <Link to={`/arbeitsbereich/vorgaenge/${inquiry.id}`}>{t.backToInquiry}</Link>
      </p>
      <h1>{t.listTitle(inquiry.title)}</h1>
      {answer === null ? <p>{t.noAnswer}</p> : null}
      {requirement?.required ? (
        <div className={requirement.satisfied ? "notice" : "notice notice--warning"} role="note">
          <p>
            <strong>{t.required.heading}</strong>
          </p>
          <ul>
            {requirement.reasons.map((r) => (
              <li key={`${r.kind}-${r.name}`}>
                {r.kind === "type" ? t.required.byType(r.name) : t.required.byTool(r.name)}
              </li>
            ))}
          </ul>
          <p>{requirement.satisfied ? t.required.satisfied : t.required.open}</p>
        </div>
      ) : null}
      {answer ? (
        <section aria-labelledby="list-heading">
          <h2 id="list-heading">{t.listHeading}</h2>
          {overview.consultations.length === 0 ? (
            <p>{t.none}</p>
          ) : (
            <div className="table-wrapper" role="region" aria-labelledby="list-heading" tabIndex={0}>
              <table>
                <caption className="visually-hidden">{t.listHeading}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t.meta.kind}</th>
                    <th scope="col">{t.meta.addressee}</th>
                    <th scope="col">{t.meta.status}</th>
                    <th scope="col">{t.meta.dueOn}</th>
                    <th scope="col">{t.meta.verdict}</th>
                  </tr>
                </thead>
                <tbody>
                  {overview.consultations.map((c) => (
                    <tr key={c.id}>
                      <td>
                        <Link to={`/arbeitsbereich/beratungen/${c.id}`}>{t.kindShort[c.kind]}</Link>
                      </td>
                      <td>{c.addresseeName}</td>
                      <td>{t.status[c.status] ?? c.status}</td>
                      <td>{c.dueOn ? formatDate(c.dueOn) : "–"}</td>
                      <td>{c.verdict ? t.verdict[c.verdict] : "–"}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
      ) : null}
      {answer && overview.isLead && answer.status !== "published" ? (
        <section aria-labelledby="request-heading">
          <h2 id="request-heading">{t.requestHeading}</h2>
          {(["dpo", "department", "supervisory_authority"] as const).map((kind) => (
            <RequestForm
              key={kind}
              kind={kind}
              answerVersion={answer.version}
              options={overview.options[kind]}
              lastResult={last?.kind === kind ? last.result : undefined}
              today={overview.today}
            />
          ))}
        </section>
      ) : null}
    </article>
  );
}
