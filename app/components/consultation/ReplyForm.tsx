/**
 * The lead department records its reply letter to a supervisory authority (text and date). A Conform form: the
 * route validates with zod (parseWithZod) and the command's German messages come back through Conform's reply, at
 * the field and in the error summary, which takes the focus; the posted text and date are shown again.
 */
import type { SubmissionResult } from "@conform-to/react";
import { consultationText as t } from "~/domain/texts/consultation";
import { ConformForm } from "../form/conform-form";
import { TextInput } from "../form/fields";
import { ConformRichText } from "../form/rich-text";
import { useHydrated } from "./useHydrated";

export const REPLY_FORM_ID = "antwortschreiben";

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
        <ConformRichText
          name="reply"
          label={t.reply.body}
          hydrated={hydrated}
          initial={{ json: initial.replyJson, text: initial.replyText }}
        />
        <button type="submit">{t.reply.submit}</button>
      </ConformForm>
    </section>
  );
}
