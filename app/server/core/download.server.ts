/**
 * The HTTP response for a stored file (an attachment): always a download (Content-Disposition: attachment with
 * the UTF-8 name), the content type sniffed at upload, `nosniff`, and a CSP that runs nothing should a browser
 * still render it.
 */
import { contentDisposition } from "../../domain/attachments";

export function fileDownloadResponse(
  file: { fileName: string; mediaType: string; content: Uint8Array },
  options: { cache: "public" | "private" },
): Response {
  const type = file.mediaType === "text/csv" ? "text/csv; charset=utf-8" : file.mediaType;
  // A copy typed on a plain ArrayBuffer, as the fetch types want it.
  return new Response(new Uint8Array(file.content), {
    status: 200,
    headers: {
      "Content-Type": type,
      "Content-Length": String(file.content.byteLength),
      "Content-Disposition": contentDisposition(file.fileName),
      "X-Content-Type-Options": "nosniff",
      "Content-Security-Policy": "default-src 'none'; sandbox",
      "Cache-Control": options.cache === "public" ? "public, max-age=300" : "private, no-store",
    },
  });
}
