/**
 * The lead department records its reply letter to a supervisory authority (text and date). A Conform form: the
 * route validates with zod (parseWithZod) and the command's German messages come back through Conform's reply, at
 * the field and in the error summary, which takes the focus; the posted text and date are shown again.
 */
import { useField, type SubmissionResult } from "@conform-to/react";
import { consultationText as t } from "~/domain/texts/consultation";
import { RichTextField } from "../editor/RichTextField";
import { ConformForm } from "../form/conform-form";
import { firstError, TextInput } from "../form/fields";
import { useHydrated } from "./useHydrated";

export const REPLY_FORM_ID = "antwortschreiben";

function parseJson(raw: unknown): unknown {
  if (typeof raw !== "string" || raw === "") return undefined;
  try {
    return JSON.parse(raw);
  } catch {
    return undefined;
  }
}

/** The letter's text: the shared rich-text field, wired to Conform's field "reply" (posts reply-json / reply-text). */
function ReplyBody({ initial }: { initial: { replyJson: unknown; replyText: string } }) {
  const hydrated = useHydrated();
  const [field] = useField<string>("reply");
  const [json] = useField<string>("reply-json");
  const [text] = useField<string>("reply-text");
  const postedJson = parseJson(json.initialValue);
  return (
    <RichTextField
      id={field.id}
      name="reply"
      label={t.reply.body}
      initialJson={postedJson ?? initial.replyJson}
      initialText={typeof text.initialValue === "string" ? text.initialValue : initial.replyText}
      hydrated={hydrated}
      error={firstError(field)}
    />
  );
}

export function ReplyForm({
  version,
  initial,
  lastResult,
}: {
  version: number;
  initial: { replyJson: unknown; replyText: string };
  lastResult: SubmissionResult<string[]> | null | undefined;
}) {
  const hydrated = useHydrated();
  return (
    <section aria-labelledby="reply-form-heading">
      <h2 id="reply-form-heading">{t.reply.heading}</h2>
      <ConformForm id={REPLY_FORM_ID} lastResult={lastResult} labelledBy="reply-form-heading">
        <input type="hidden" name="intent" value="reply" />
        <input type="hidden" name="version" value={version} />
        {hydrated ? <input type="hidden" name="rich" value="1" /> : null}
        <TextInput name="repliedOn" type="date" label={t.reply.repliedOn} />
        <ReplyBody initial={initial} />
        <button type="submit">{t.reply.submit}</button>
      </ConformForm>
    </section>
  );
}
