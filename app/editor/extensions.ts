/**
 * The one Tiptap extension set of Quaestio, shared by the browser editors and the server renderer, so that
 * what an author sees is what the public page shows.
 */
import type { AnyExtension } from "@tiptap/core";
import StarterKit from "@tiptap/starter-kit";
import { TableKit } from "@tiptap/extension-table";

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
  TableKit.configure({ table: { resizable: false } }),
];
