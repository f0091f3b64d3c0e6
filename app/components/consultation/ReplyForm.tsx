/** The lead department records its reply letter to a supervisory authority (text and date). */
import { Form } from "@remix-run/react";
import { consultationText as t } from "~/domain/texts/consultation";
import { RichTextField } from "../editor/RichTextField";
import { TextField } from "../text-field";
import { useHydrated } from "./useHydrated";

export function ReplyForm({
  version,
  values,
  errors,
}: {
  version: number;
  values: { replyJson: unknown; replyText: string; repliedOn: string };
  errors: Record<string, string>;
}) {
  const hydrated = useHydrated();
  return (
    <section aria-labelledby="reply-form-heading">
      <h2 id="reply-form-heading">{t.reply.heading}</h2>
      {errors.form ? (
        <p className="notice notice--error" role="alert">
          {errors.form}
        </p>
      ) : null}
      <Form method="post" noValidate aria-labelledby="reply-form-heading">
        <input type="hidden" name="intent" value="reply" />
        <input type="hidden" name="version" value={version} />
        {hydrated ? <input type="hidden" name="rich" value="1" /> : null}
        <TextField
          id="repliedOn"
          name="repliedOn"
          type="date"
          label={t.reply.repliedOn}
          defaultValue={values.repliedOn}
          error={errors.repliedOn}
        />
        <RichTextField
          id="reply"
          name="reply"
          label={t.reply.body}
          initialJson={values.replyJson}
          initialText={values.replyText}
          hydrated={hydrated}
          error={errors.reply}
        />
        <button type="submit">{t.reply.submit}</button>
      </Form>
    </section>
  );
}
