import {
  data,
  redirect,
  type ActionFunctionArgs,
  type LinksFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { TextField } from "~/components/text-field";
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
const Input = z.object({
  choice: z
    .string()
    .regex(/^[0-9a-f-]{36}:[0-9a-f-]{36}$/i)
    .optional(),
  title: z.string().max(10_000),
});

type ActionResult = { errors: { choice?: string; title?: string }; values: { choice: string; title: string } };

export async function action({ request }: ActionFunctionArgs) {
  assertSameOrigin(request);
  const user = await requireUser(request);
  await optionsOr404(user);
  const form = await request.formData();
  const raw = { choice: String(form.get("choice") ?? "") || undefined, title: String(form.get("title") ?? "") };
  const values = { choice: raw.choice ?? "", title: raw.title.slice(0, 10_000) };
  const parsed = Input.safeParse(raw);
  if (!parsed.success || !parsed.data.choice) {
    const errors: ActionResult["errors"] = { choice: t.typeMissing };
    if (parsed.success && parsed.data.title.trim() === "") errors.title = t.titleEmpty;
    return data<ActionResult>({ errors, values }, { status: 400, headers: NO_STORE });
  }
  const [factionId, typeId] = parsed.data.choice.split(":") as [string, string];
  try {
    const id = await createDraft(user, { factionId, typeId, title: parsed.data.title });
    return redirect(`/arbeitsbereich/entwurf/${id}`, { headers: NO_STORE });
  } catch (error) {
    if (!(error instanceof DraftValidationError)) throw error;
    const e = error.fieldErrors;
    return data<ActionResult>(
      { errors: { choice: e.type ?? e.faction, title: e.title }, values },
      { status: 400, headers: NO_STORE },
    );
  }
}

export default function NewDraft() {
  const { options } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = result?.errors ?? {};
  const values = result?.values ?? { choice: "", title: "" };
  const severalFactions = options.length > 1;
  const first = options[0]?.types[0];
  const defaultChoice =
    values.choice ||
    (options.length === 1 && options[0]!.types.length === 1 && first ? `${options[0]!.factionId}:${first.id}` : "");
  return (
    <>
      <p>
        <Link to="/arbeitsbereich">{t.backToWorkspace}</Link>
      </p>
      <h1>{t.newHeading}</h1>
      <p>{t.newIntro}</p>
      {errors.choice || errors.title ? (
        <div className="notice notice--error" role="alert">
          <p>{t.errorSummary}</p>
        </div>
      ) : null}
      <Form method="post" noValidate>
        {errors.choice ? (
          <p className="field-error" id="choice-error">
            {errors.choice}
          </p>
        ) : null}
        {options.map((option) => (
          <fieldset
            className="type-choice"
            key={option.factionId}
            aria-describedby={errors.choice ? "choice-error" : undefined}
          >
            <legend>
              {severalFactions
                ? `${t.type}: ${option.bodyName} – ${option.factionName}`
                : `${t.type} (${option.bodyName})`}
            </legend>
            {option.types.length === 0 ? <p>{t.noTypes}</p> : null}
            {option.types.map((type) => {
              const value = `${option.factionId}:${type.id}`;
              const inputId = `choice-${option.factionId}-${type.id}`;
              return (
                <div key={type.id}>
                  <div className="field--checkbox">
                    <input
                      type="radio"
                      id={inputId}
                      name="choice"
                      value={value}
                      defaultChecked={defaultChoice === value}
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
        <TextField
          id="title"
          label={t.title}
          hint={t.titleHint}
          defaultValue={values.title}
          error={errors.title}
          required
          maxLength={600}
        />
        <button type="submit" className="button">
          {t.create}
        </button>
      </Form>
    </>
  );
}
