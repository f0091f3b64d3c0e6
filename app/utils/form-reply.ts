/**
 * Server commands answer refused input as `{ field: "German message" }`; Conform's reply wants lists of
 * messages per field. One conversion, so every form shows a command's messages the same way.
 */
export function fieldErrorsOf(errors: Readonly<Record<string, string | undefined>>): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [name, message] of Object.entries(errors)) if (message) out[name] = [message];
  return out;
}
