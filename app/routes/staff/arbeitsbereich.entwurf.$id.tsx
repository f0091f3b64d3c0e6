import {
  data,
  redirect,
  type ActionFunctionArgs,
  type LinksFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import {
  Link,
  useActionData,
  useLoaderData,
  type ClientActionFunctionArgs,
  type ShouldRevalidateFunction,
} from "@remix-run/react";
import { z } from "zod";
import type { DraftActionResult, DraftFormValues } from "~/components/editor/DraftForm";
import { DraftFormWithBackup } from "~/components/editor/DraftFormWithBackup";
import { CoauthorsForm, CoauthorsList, DeleteDraftForm } from "~/components/editor/DraftManagement";
import editorStylesHref from "~/components/editor/editor.css?url";
import { draftText as t } from "~/domain/texts/draft";
import { assertSameOrigin, requireUser } from "~/server/accounts/auth.server";
import { parseDraftForm, type PostedValues } from "~/server/inquiries/drafts-form.server";
import { echoableContent } from "~/server/inquiries/drafts-validation.server";
import {
  DraftConflict,
  DraftRefused,
  DraftValidationError,
  NotFound,
  TransitionRefused,
  loadDraft,
  newSubmissionKey,
  saveDraft,
  submitDraft,
} from "~/server/inquiries/drafts.server";
import { deleteDraft, setCoauthors } from "~/server/inquiries/drafts-management.server";

const NO_STORE = { "Cache-Control": "no-store" };
const notFound = () => new Response(null, { status: 404, headers: NO_STORE });
const Params = z.object({ id: z.string().uuid() });

export const links: LinksFunction = () => [{ rel: "stylesheet", href: editorStylesHref }];

export const meta: MetaFunction<typeof loader> = ({ data: loaded }) => [
  {
    title: loaded
      ? loaded.draft.rights.edit
        ? t.editPageTitle(loaded.draft.title)
        : t.viewPageTitle(loaded.draft.title)
      : t.newPageTitle,
  },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const parsed = Params.safeParse(params);
  if (!parsed.success) throw notFound();
  const draft = await loadDraft(user, parsed.data.id);
  if (!draft) throw notFound();
  // Submitted meanwhile (by a co-author, or in another tab): its page shows the number and the due date.
  if (draft.kind === "submitted") throw redirect(`/arbeitsbereich/vorgaenge/${draft.id}`, { headers: NO_STORE });
  return data({ draft, submissionKey: newSubmissionKey() }, { headers: NO_STORE });
}

// Saves answer with the new version; the editors keep their own state, so the draft is not loaded again.
export const shouldRevalidate: ShouldRevalidateFunction = ({ formData, defaultShouldRevalidate }) => {
  const intent = formData?.get("intent");
  if (intent === "autosave" || intent === "save" || intent === "overwrite") return false;
  return defaultShouldRevalidate;
};

/**
 * In the browser every POST of this page goes through here. A save that fails on the way (the connection
 * drops, a proxy answers 502, the answer cannot be decoded) would make Remix throw and render the error
 * boundary instead of the editors — and the text typed since the last save would be gone from view. So a
 * failure of the server call becomes a `failed` result the editor shows in its status line (and retries).
 * Redirects (after submitting or deleting) are thrown Responses and pass through unchanged.
 */
export async function clientAction({ serverAction }: ClientActionFunctionArgs): Promise<ActionResult> {
  try {
    return await serverAction<typeof action>();
  } catch (error) {
    if (error instanceof Response) throw error;
    // fetch() itself rejects with a TypeError when no answer arrives at all.
    const message = error instanceof TypeError ? t.saveFailedConnection : t.saveFailedServer;
    return { kind: "failed", message };
  }
}

type OtherResult =
  | { kind: "coauthors"; done?: boolean; error?: string }
  | { kind: "delete"; error: string }
  | { kind: "form"; error: string };
type ActionResult = DraftActionResult | OtherResult;

/** Values echoed to a form without JavaScript, in the shape the form renders. */
function echo(values: PostedValues): DraftFormValues {
  const json = echoableContent;
  return {
    title: values.title,
    preamble: { json: json(values.preamble.json), text: values.preamble.text },
    questions: values.questions.map((q) => ({ level: q.level, json: json(q.json), text: q.text })),
  };
}

const Coauthors = z.array(z.string().uuid()).max(500);

export async function action({ request, params }: ActionFunctionArgs) {
  assertSameOrigin(request);
  const user = await requireUser(request);
  const parsedParams = Params.safeParse(params);
  if (!parsedParams.success) throw notFound();
  const inquiryId = parsedParams.data.id;
  const form = await request.formData();
  const intent = form.get("intent");
  const reply = (result: ActionResult, status = 200) => data<ActionResult>(result, { status, headers: NO_STORE });

  try {
    if (intent === "delete") {
      if (form.get("confirmDelete") !== "on") return reply({ kind: "delete", error: t.deleteConfirmMissing }, 400);
      await deleteDraft(user, { inquiryId });
      return redirect("/arbeitsbereich", { headers: NO_STORE });
    }
    if (intent === "coauthors") {
      const userIds = Coauthors.safeParse(form.getAll("coauthor"));
      if (!userIds.success) return reply({ kind: "coauthors", error: t.coauthorsInvalid }, 400);
      await setCoauthors(user, { inquiryId, userIds: userIds.data });
      return reply({ kind: "coauthors", done: true });
    }

    const parsed = parseDraftForm(form);
    if (!parsed) return reply({ kind: "form", error: t.malformed }, 400);
    const values = echo(parsed.values);
    try {
      if (parsed.intent === "submit") {
        if (!parsed.confirm)
          return reply({ kind: "refused", errors: { confirm: t.submitConfirmMissing }, values }, 400);
        const submitted = await submitDraft(user, {
          inquiryId,
          expectedVersion: parsed.version,
          input: parsed.input,
          submissionKey: parsed.submissionKey,
        });
        return redirect(`/arbeitsbereich/vorgaenge/${submitted.inquiryId}?eingereicht=1`, { headers: NO_STORE });
      }
      const expectedVersion =
        parsed.intent === "overwrite" && parsed.overwriteVersion ? parsed.overwriteVersion : parsed.version;
      const saved = await saveDraft(user, { inquiryId, expectedVersion, input: parsed.input });
      return reply({ kind: "saved", version: saved.version, savedAtTime: saved.savedAtTime });
    } catch (error) {
      if (error instanceof DraftValidationError)
        return reply({ kind: "refused", errors: error.fieldErrors, values }, 400);
      if (error instanceof DraftConflict) {
        return reply(
          {
            kind: "refused",
            errors: {},
            values,
            conflict: {
              currentVersion: error.currentVersion,
              savedBy: error.lastSave?.savedBy ?? null,
              savedAt: error.lastSave?.time ?? null,
            },
          },
          409,
        );
      }
      if (error instanceof TransitionRefused)
        return reply({ kind: "refused", errors: { form: error.message }, values }, 400);
      if (error instanceof Response || error instanceof NotFound || error instanceof DraftRefused) throw error;
      // Anything else (database down, a bug): returned, not thrown, so that Remix does not replace the editor
      // with the error boundary. The full error goes to the server log under an id the user can quote.
      const errorId = crypto.randomUUID().slice(0, 8);
      console.error(`draft save failed [${errorId}] intent=${parsed.intent} draft=${inquiryId}`, error);
      return reply(
        { kind: "failed", message: `${t.saveFailedServer} ${t.serverErrorReference(errorId)}`, values },
        500,
      );
    }
  } catch (error) {
    if (error instanceof NotFound) throw notFound();
    if (error instanceof DraftRefused) return reply({ kind: "form", error: error.message }, 403);
    if (error instanceof DraftValidationError)
      return reply({ kind: "coauthors", error: Object.values(error.fieldErrors)[0] }, 400);
    throw error;
  }
}

export default function DraftEditor() {
  const { draft, submissionKey } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const editorResult =
    result?.kind === "saved" || result?.kind === "refused" || result?.kind === "failed" ? result : undefined;
  const values: DraftFormValues =
    (editorResult?.kind === "refused" || editorResult?.kind === "failed") && editorResult.values
      ? editorResult.values
      : {
          title: draft.title,
          preamble: { json: draft.preamble?.json ?? null, text: draft.preamble?.text ?? "" },
          questions: draft.questions,
        };
  const readOnly = !draft.rights.edit;
  return (
    <article className="draft-editor">
      <p>
        <Link to="/arbeitsbereich">{t.backToWorkspace}</Link>
      </p>
      <h1>{readOnly ? t.viewHeading : t.editHeading}</h1>
      <dl className="meta">
        <dt>{t.metaBody}</dt>
        <dd>{draft.bodyName}</dd>
        <dt>{t.metaFaction}</dt>
        <dd>{draft.factionName}</dd>
        <dt>{t.metaType}</dt>
        <dd>{draft.typeName}</dd>
        <dt>{t.metaRule}</dt>
        <dd>{draft.ruleLabel}</dd>
      </dl>
      {readOnly ? (
        <p className="notice" role="note">
          {t.readOnlyNotice}
        </p>
      ) : null}
      {result?.kind === "form" || result?.kind === "failed" ? (
        <p className="notice notice--error" role="alert">
          {result.kind === "form" ? result.error : result.message}
        </p>
      ) : null}
      <DraftFormWithBackup
        draftId={draft.id}
        version={draft.version}
        values={values}
        readOnly={readOnly}
        submissionKey={submissionKey}
        actionResult={editorResult}
        kind={draft.typeKind}
      />
      {draft.rights.manageCoauthors ? (
        <CoauthorsForm
          candidates={draft.candidates}
          coauthors={draft.coauthors}
          done={result?.kind === "coauthors" && result.done}
          error={result?.kind === "coauthors" ? result.error : undefined}
        />
      ) : (
        <CoauthorsList coauthors={draft.coauthors} />
      )}
      {draft.rights.delete ? (
        <DeleteDraftForm draftId={draft.id} error={result?.kind === "delete" ? result.error : undefined} />
      ) : null}
    </article>
  );
}
