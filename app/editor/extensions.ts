/**
 * The one Tiptap extension set of Quaestio, shared by the browser editors and the server renderer, so that
 * what an author sees is what the public page shows.
 *
 * The table nodes render without `style` attributes (Tiptap writes `min-width` on tables and columns and
 * `text-align` on aligned cells): the CSP allows no inline styles, so those attributes would be blocked with a
 * console error on every page that shows a table. The node types and their attributes are unchanged — stored
 * JSON stays valid; only the derived HTML loses the styles (app.css and editor.css lay tables out).
 */
import { mergeAttributes, type AnyExtension } from "@tiptap/core";
import StarterKit from "@tiptap/starter-kit";
import { Table, TableCell, TableHeader, TableRow } from "@tiptap/extension-table";

function withoutStyle(attributes: Record<string, unknown>): Record<string, unknown> {
  const { style: _style, ...rest } = attributes;
  return rest;
}

const StyleFreeTable = Table.extend({
  renderHTML({ HTMLAttributes }) {
    return ["table", mergeAttributes(this.options.HTMLAttributes, withoutStyle(HTMLAttributes)), ["tbody", 0]];
  },
});

const StyleFreeTableCell = TableCell.extend({
  renderHTML({ HTMLAttributes }) {
    return ["td", mergeAttributes(this.options.HTMLAttributes, withoutStyle(HTMLAttributes)), 0];
  },
});

const StyleFreeTableHeader = TableHeader.extend({
  renderHTML({ HTMLAttributes }) {
    return ["th", mergeAttributes(this.options.HTMLAttributes, withoutStyle(HTMLAttributes)), 0];
  },
});

export const contentExtensions: AnyExtension[] = [
  StarterKit.configure({
    heading: { levels: [3, 4, 5] },
    codeBlock: false,
    code: false,
    horizontalRule: false,
    underline: false,
    link: {
      openOnClick: false,
      autolink: true,
      protocols: ["http", "https", "mailto"],
      defaultProtocol: "https",
      HTMLAttributes: { rel: "noopener noreferrer nofollow", target: null },
    },
  }),
  StyleFreeTable.configure({ resizable: false }),
  TableRow,
  StyleFreeTableHeader,
  StyleFreeTableCell,
];
