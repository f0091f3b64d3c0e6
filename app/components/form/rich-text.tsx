/**
 * The shared rich text field (Tiptap, a textarea without JavaScript) inside a Conform form: Conform's field
 * `<name>` gives the id and the message (aria-describedby), its `<name>-json` / `<name>-text` the posted content
 * after a refusal, so nothing typed is lost. Must sit inside a <ConformForm>.
 */
import { useField } from "@conform-to/react";
import { RichTextField } from "../editor/RichTextField";
import { firstError } from "./fields";

function parseJson(raw: unknown): unknown {
  if (typeof raw !== "string" || raw === "") return null;
  try {
    return JSON.parse(raw);
  } catch {
    return null;
  }
}

/**
 * A rich text field of a Conform form (posts `<name>-json` / `<name>-text`): its id, message and, after a
 * refusal, the posted content come from Conform; `initial` is the page's content before anything was posted.
 */
export function ConformRichText({
  name,
  label,
  hydrated,
  initial = { json: null, text: "" },
}: {
  name: string;
  label: string;
  hydrated: boolean;
  initial?: { json: unknown; text: string };
}) {
  const [field] = useField<string>(name);
  const [json] = useField<string>(`${name}-json`);
  const [text] = useField<string>(`${name}-text`);
  const posted = parseJson(json.initialValue);
  return (
    <RichTextField
      id={field.id}
      name={name}
      label={label}
      initialJson={posted ?? initial.json}
      initialText={typeof text.initialValue === "string" ? text.initialValue : initial.text}
      hydrated={hydrated}
      error={firstError(field)}
    />
  );
}
