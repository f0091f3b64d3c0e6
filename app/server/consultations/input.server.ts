/** Refused input of the consultation commands: German messages by field, and the rich-text field check. */
import type { RenderedContent } from "../../editor/content.server";
import { FieldInputError } from "../core/errors.server";
import { resolveRichField, type RichFieldInput } from "../inquiries/drafts-validation.server";

/** Bad input or a refused step: German messages by field ("form" for the whole form). */
export class ConsultationInputError extends FieldInputError {
  override name = "ConsultationInputError";
}

export function refuse(field: string, message: string): never {
  throw new ConsultationInputError({ [field]: message });
}

export function richOrError(
  errors: Record<string, string>,
  field: string,
  input: RichFieldInput,
  label: string,
  emptyMessage?: string,
): RenderedContent | null {
  const result = resolveRichField(input, label);
  if (!result.ok) {
    errors[field] = result.message;
    return null;
  }
  if (emptyMessage && result.content.text === "") {
    errors[field] = emptyMessage;
    return null;
  }
  return result.content;
}
