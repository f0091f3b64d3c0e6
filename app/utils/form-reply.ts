import type { Submission, SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { z } from "zod";

/**
 * Server commands answer refused input as `{ field: "German message" }`; Conform's reply wants lists of
 * messages per field. One conversion, so every form shows a command's messages the same way.
 */
export function fieldErrorsOf(errors: Readonly<Record<string, string | undefined>>): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [name, message] of Object.entries(errors)) if (message) out[name] = [message];
  return out;
}

/**
 * Conform's reply to a form whose input the server command validated: the posted values (so the page shows
 * the user's input again) and the command's messages, `form` as the form-level one. `hideFields` are not sent
 * back (passwords, uploads).
 */
export function replyWithErrors(
  form: FormData,
  errors: Readonly<Record<string, string | undefined>> = {},
  hideFields: string[] = [],
): SubmissionResult<string[]> {
  const { form: formError, ...fields } = errors;
  return parseWithZod(form, { schema: z.object({}) }).reply({
    formErrors: formError ? [formError] : undefined,
    fieldErrors: fieldErrorsOf(fields),
    hideFields,
  });
}

/**
 * Conform's reply to a parsed submission that the server command refused: its messages by field (`form` as the
 * form-level one); `rename` maps a command's field name to the form's (e.g. a list row's).
 */
export function replyWithCommandErrors(
  submission: Pick<Submission<unknown, string[]>, "reply">,
  errors: Readonly<Record<string, string | undefined>>,
  rename: (field: string) => string = (field) => field,
): SubmissionResult<string[]> {
  const { form: formError, ...fields } = errors;
  const renamed = Object.fromEntries(Object.entries(fields).map(([field, message]) => [rename(field), message]));
  return submission.reply({ formErrors: formError ? [formError] : undefined, fieldErrors: fieldErrorsOf(renamed) });
}
