/** Column helpers shared by the schema files. */
import { sql } from "drizzle-orm";
import { customType, jsonb, text, timestamp, uuid } from "drizzle-orm/pg-core";
import type { RichTextDoc } from "../../app/editor/rich-text-doc";

export const id = () => uuid().primaryKey().defaultRandom();
export const createdAt = () => timestamp({ withTimezone: true }).notNull().defaultNow();

/** Tiptap JSON document as validated by app/editor's content schema (the type lives in app/editor). */
export type { RichTextDoc };

const requiredJson = () => jsonb().$type<RichTextDoc>().notNull();
const requiredText = () => text().notNull();
const optionalJson = () => jsonb().$type<RichTextDoc>();
const optionalText = () => text();

/**
 * Rich text is stored three times: the validated Tiptap JSON (source of truth), the HTML rendered from it on
 * the server (what pages show), and plain text (what search indexes). HTML and text are derived on save.
 */
export function richText<P extends string>(prefix: P) {
  return {
    [`${prefix}Json`]: requiredJson(),
    [`${prefix}Html`]: requiredText(),
    [`${prefix}Text`]: requiredText(),
  } as { [K in `${P}Json`]: ReturnType<typeof requiredJson> } & {
    [K in `${P}Html` | `${P}Text`]: ReturnType<typeof requiredText>;
  };
}

export function optionalRichText<P extends string>(prefix: P) {
  return {
    [`${prefix}Json`]: optionalJson(),
    [`${prefix}Html`]: optionalText(),
    [`${prefix}Text`]: optionalText(),
  } as { [K in `${P}Json`]: ReturnType<typeof optionalJson> } & {
    [K in `${P}Html` | `${P}Text`]: ReturnType<typeof optionalText>;
  };
}

export const tsvector = customType<{ data: string }>({
  dataType() {
    return "tsvector";
  },
});

export const germanVector = (expression: string) =>
  tsvector().generatedAlwaysAs(sql.raw(`to_tsvector('german'::regconfig, ${expression})`));
