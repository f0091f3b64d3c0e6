import {
  data,
  redirect,
  type ActionFunctionArgs,
  type LinksFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import type { SerializeFrom } from "@remix-run/node";
import { useField, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { z } from "zod";
import { ConformForm } from "~/components/form/conform-form";
import { ErrorText, firstError, TextInput } from "~/components/form/fields";
import { fieldErrorsOf } from "~/utils/form-reply";
import editorStylesHref from "~/components/editor/editor.css?url";
import { draftText as t } from "~/domain/texts/draft";
import { assertSameOrigin, requireUser } from "~/server/accounts/auth.server";
import { DraftValidationError, NotFound, createDraft, loadDraftingOptions } from "~/server/inquiries/drafts.server";

const NO_STORE = { "Cache-Control": "no-store" };
const notFound = () => new Response(null, { status: 404, headers: NO_STORE });

export const links: LinksFunction = () => [{ rel: "stylesheet", href: editorStylesHref }];
export const meta: MetaFunction = () => [{ title: t.newPageTitle }];

/** Only faction members may start a draft; everyone else gets 404. */
async function optionsOr404(user: Awaited<ReturnType<typeof requireUser>>) {
  try {
    return await loadDraftingOptions(user);
  } catch (error) {
    if (error instanceof NotFound) throw notFound();
    throw error;
  }
}

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return data({ options: await optionsOr404(user) }, { headers: NO_STORE });
}

// One radio group chooses faction (and with it the body) and type together: "<factionId>:<typeId>".
// Conform turns an empty field into undefined: each `message` covers the missing field as well.
const NewDraftForm = z.object({
  choice: z.string({ message: t.typeMissing }).regex(/^[0-9a-f-]{36}:[0-9a-f-]{36}$/i, t.typeMissing),
  title: z
    .string({ message: t.titleEmpty })
    .refine((v) => v.trim() !== "", t.titleEmpty)
    // The exact limit (after trimming) is the command's; this bound only keeps huge posts from being echoed.
    .refine((v) => v.length <= 10_000, t.titleTooLong),
});

/** Conform's reply: the user's input and the German messages, rendered again by the page. */
type ActionResult = { result: SubmissionResult<string[]> };

export async function action({ request }: ActionFunctionArgs) {
  assertSameOrigin(request);
  const user = await requireUser(request);
  await optionsOr404(user);
  const submission = parseWithZod(await request.formData(), { schema: NewDraftForm });
  if (submission.status !== "success") {
    return data<ActionResult>({ result: submission.reply() }, { status: 400, headers: NO_STORE });
  }
  const [factionId, typeId] = submission.value.choice.split(":") as [string, string];
  try {
    const id = await createDraft(user, { factionId, typeId, title: submission.value.title });
    return redirect(`/arbeitsbereich/entwurf/${id}`, { headers: NO_STORE });
  } catch (error) {
    if (!(error instanceof DraftValidationError)) throw error;
    const e = error.fieldErrors;
    return data<ActionResult>(
      { result: submission.reply({ fieldErrors: fieldErrorsOf({ choice: e.type ?? e.faction, title: e.title }) }) },
      { status: 400, headers: NO_STORE },
    );
  }
}

export default function NewDraft() {
  const { options } = useLoaderData<typeof loader>();
  const last = useActionData<typeof action>();
  return (
    <>
      <p>
        <Link to="/arbeitsbereich">{t.backToWorkspace}</Link>
      </p>
      <h1 id="new-draft-heading">{t.newHeading}</h1>
      <p>{t.newIntro}</p>
      <ConformForm id="new-draft" lastResult={last?.result} labelledBy="new-draft-heading">
        <TypeChoice options={options} />
        <TextInput name="title" label={t.title} hint={t.titleHint} required maxLength={600} />
        <button type="submit" className="button">
          {t.create}
        </button>
      </ConformForm>
    </>
  );
}

/**
 * The radio groups of faction and type, one fieldset per faction; the first radio carries the field's id, so
 * that the error summary's link leads into the choice. After a refused submission the user's choice stays.
 */
function TypeChoice({ options }: { options: SerializeFrom<typeof loader>["options"] }) {
  const [field] = useField<string>("choice");
  const error = firstError(field);
  const severalFactions = options.length > 1;
  const first = options[0]?.types[0];
  const chosen =
    typeof field.initialValue === "string"
      ? field.initialValue
      : options.length === 1 && options[0]!.types.length === 1 && first
        ? `${options[0]!.factionId}:${first.id}`
        : "";
  let firstRadio = true;
  return (
    <>
      <ErrorText id={field.errorId} message={error} />
      {options.map((option) => (
        <fieldset className="type-choice" key={option.factionId} aria-describedby={error ? field.errorId : undefined}>
          <legend>
            {severalFactions
              ? `${t.type}: ${option.bodyName} – ${option.factionName}`
              : `${t.type} (${option.bodyName})`}
          </legend>
          {option.types.length === 0 ? <p>{t.noTypes}</p> : null}
          {option.types.map((type) => {
            const value = `${option.factionId}:${type.id}`;
            const inputId = firstRadio ? field.id : `${field.id}-${option.factionId}-${type.id}`;
            firstRadio = false;
            return (
              <div key={type.id}>
                <div className="field--checkbox">
                  <input
                    type="radio"
                    key={field.key}
                    id={inputId}
                    name={field.name}
                    value={value}
                    defaultChecked={chosen === value}
                    aria-invalid={error ? true : undefined}
                    aria-describedby={`${inputId}-rule`}
                  />
                  <label htmlFor={inputId}>{type.name}</label>
                </div>
                <p className="field-hint" id={`${inputId}-rule`}>
                  {t.typeRule(type.ruleLabel)}
                </p>
              </div>
            );
          })}
        </fieldset>
      ))}
    </>
  );
}
