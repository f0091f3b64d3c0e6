import type { SubmissionResult } from "@conform-to/react";
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
