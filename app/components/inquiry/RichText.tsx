/**
 * Stored rich text. The HTML comes from the `…Html` columns, which the server renders from Tiptap JSON that
 * was validated against the content schema on save (app/editor/content.server.ts) — so it is safe to insert.
 */
export function RichText({ html, className }: { html: string | null | undefined; className?: string }) {
  if (!html) return null;
  // Safe: server-rendered from validated Tiptap JSON (see the comment above), never raw user HTML.
  return (
    <div className={className ? `rich-text ${className}` : "rich-text"} dangerouslySetInnerHTML={{ __html: html }} />
  );
}
