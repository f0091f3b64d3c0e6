/** Tiptap JSON document as validated by the content schema (content.server.ts); the database stores it as jsonb. */
export type RichTextDoc = { type: "doc"; content?: unknown[] };
