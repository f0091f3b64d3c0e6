/**
 * The tool-inventory editor of an inquiry's answer (the current, unpublished version): headings, rows,
 * paste/CSV import with preview, catalogue additions, tool facts with sources, the organisation × tool
 * matrix and the criteria assessment. Loader, action and the server commands each check the user; another
 * body's id is a 404. After a successful change the page is loaded again (POST/redirect/GET).
 */
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData, type ShouldRevalidateFunction } from "@remix-run/react";
import type { SubmissionResult } from "@conform-to/react";
import { z } from "zod";
import { replyWithErrors } from "~/utils/form-reply";
import { AssessmentForm } from "~/components/tool-inventory/AssessmentForm";
import { ImportForm } from "~/components/tool-inventory/ImportForm";
import { MatrixForm } from "~/components/tool-inventory/MatrixForm";
import { CatalogueForm, FactsSection, SettingsForm } from "~/components/tool-inventory/OtherForms";
import { RowsForm } from "~/components/tool-inventory/RowsForm";
import type { ImportPreview } from "~/domain/tool-inventory-import";
import { toolInventoryText as t } from "~/domain/texts/tool-inventory";
import { assertSameOrigin, requireUser } from "~/server/accounts/auth.server";
import { NotFound, StaleVersionError, ToolInputError } from "~/server/tools/inventory-access.server";
import {
  addCatalogueTool,
  addToolFact,
  importRows,
  previewImport,
  saveInventorySettings,
  saveRows,
  ToolImportRefused,
  type RowInput,
} from "~/server/tools/inventory-commands.server";
import { parseEditorForm } from "~/server/tools/inventory-form.server";
import { saveAssessment, saveMatrix } from "~/server/tools/inventory-matrix.server";
import { loadInventoryEditor } from "~/server/tools/inventory-read.server";

const NO_STORE = { "Cache-Control": "no-store" };
const paramsSchema = z.object({ id: z.string().uuid() });
const notFound = () => new Response(null, { status: 404, headers: NO_STORE });

/** After a conflict (409) load the current state, so the form carries the new version; the input stays in the action's data. */
export const shouldRevalidate: ShouldRevalidateFunction = ({ actionStatus, defaultShouldRevalidate }) =>
  actionStatus === 409 ? true : defaultShouldRevalidate;

export const meta: MetaFunction<typeof loader> = ({ data: loaded }) => [
  { title: loaded ? t.pageTitle(loaded.view.inquiry.title) : t.pageTitle("Nicht gefunden") },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const parsed = paramsSchema.safeParse(params);
  if (!parsed.success) throw notFound();
  try {
    const view = await loadInventoryEditor(user, parsed.data.id);
    const url = new URL(request.url);
    return data(
      { view, done: url.searchParams.get("gespeichert"), setId: url.searchParams.get("katalog") },
      { headers: NO_STORE },
    );
  } catch (error) {
    if (error instanceof NotFound) throw notFound();
    throw error;
  }
}

type ActionResult = {
  intent: string;
  /** Conform's reply: the posted input and the German messages, shown again by the form of `intent`. */
  result: SubmissionResult<string[]>;
  preview?: ImportPreview;
  text?: string;
  mode?: string;
  rows?: RowInput[];
};

export async function action({ request, params }: ActionFunctionArgs) {
  assertSameOrigin(request);
  const user = await requireUser(request);
  const parsed = paramsSchema.safeParse(params);
  if (!parsed.success) throw notFound();
  const posted = await request.formData();
  const form = await parseEditorForm(posted);
  if (!form)
    return data<ActionResult>(
      { intent: "", result: replyWithErrors(posted, { form: t.errors.forbidden }, ["file"]) },
      { status: 400, headers: NO_STORE },
    );
  const id = parsed.data.id;
  const { intent } = form;
  // An uploaded file's text takes the place of the pasted table (it is what the next step posts).
  const imported = form.intent === "preview" || form.intent === "import" ? { text: form.text, mode: form.mode } : {};
  if (imported.text !== undefined) posted.set("text", imported.text);
  const refused = (errors: Record<string, string>, status: number, extra: Partial<ActionResult> = {}) =>
    data<ActionResult>(
      { intent, result: replyWithErrors(posted, errors, ["file"]), ...imported, ...extra },
      { status, headers: NO_STORE },
    );
  const done = (what: string) =>
    redirect(`/arbeitsbereich/vorgaenge/${id}/werkzeuge?gespeichert=${what}`, { headers: NO_STORE });
  try {
    switch (form.intent) {
      case "settings":
        if (form.version === -1) return refused({ form: t.errors.stale }, 409);
        await saveInventorySettings(user, id, form);
        return done("settings");
      case "preview":
      case "import": {
        if (form.fileError) return refused({ file: form.fileError }, 400);
        if (form.intent === "preview") {
          const preview = await previewImport(user, id, form.text);
          return data<ActionResult>(
            { intent, result: replyWithErrors(posted, {}, ["file"]), preview, ...imported },
            { headers: NO_STORE },
          );
        }
        await importRows(user, id, form);
        return done("import");
      }
      case "rows":
        await saveRows(user, id, form);
        return done("rows");
      case "tool":
        await addCatalogueTool(user, id, form);
        return done("tool");
      case "fact":
        await addToolFact(user, id, form);
        return done("fact");
      case "matrix":
        await saveMatrix(user, id, form);
        return done("matrix");
      case "assessment":
        await saveAssessment(user, id, form);
        return done("assessment");
    }
  } catch (error) {
    if (error instanceof NotFound) throw notFound();
    const keep = form.intent === "rows" ? { rows: form.rows } : {};
    if (error instanceof StaleVersionError) return refused({ form: t.errors.stale }, 409, keep);
    if (error instanceof ToolImportRefused) return refused({}, 400, { ...keep, preview: error.preview });
    if (error instanceof ToolInputError) return refused(error.fieldErrors, 400, keep);
    throw error;
  }
}

export default function ToolInventoryEditor() {
  const { view, done, setId } = useLoaderData<typeof loader>();
  const last = useActionData<typeof action>() ?? null;
  const resultFor = (...intents: string[]) => (last && intents.includes(last.intent) ? last.result : null);
  const importing = last && (last.intent === "preview" || last.intent === "import") ? last : null;
  return (
    <article>
      <p>
        <Link to={`/arbeitsbereich/vorgaenge/${view.inquiry.id}`}>{t.backToInquiry}</Link>
      </p>
      <h1>{t.heading(view.inquiry.title)}</h1>
      {done && !last ? (
        <p className="notice" role="status">
          {t.saved}
        </p>
      ) : null}
      {!view.hasVersion ? <p>{t.noAnswer}</p> : null}
      {view.published ? <p>{t.published}</p> : null}
      {view.hasVersion && !view.editable && !view.published ? <p>{t.readOnly}</p> : null}
      {view.editable ? <SettingsForm view={view} result={resultFor("settings")} /> : null}
      {view.inventory ? (
        view.editable ? (
          <>
            <RowsForm
              view={view}
              posted={last?.intent === "rows" && last.rows ? last.rows : null}
              result={resultFor("rows")}
            />
            <ImportForm
              version={view.inventory.version}
              text={importing?.text ?? ""}
              mode={importing?.mode ?? "append"}
              preview={importing?.preview ?? null}
              result={resultFor("preview", "import")}
            />
            <CatalogueForm result={resultFor("tool")} />
            <FactsSection view={view} result={resultFor("fact")} />
            {view.rows.length > 0 ? <MatrixForm view={view} result={resultFor("matrix")} /> : null}
            {view.rows.length > 0 ? (
              <AssessmentForm view={view} result={resultFor("assessment")} setId={setId} />
            ) : null}
          </>
        ) : (
          <FactsSection view={view} result={null} />
        )
      ) : null}
    </article>
  );
}
