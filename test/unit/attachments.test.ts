/** Attachment types are decided by the bytes (ADR 0017): real file headers, faked extensions, file names. */
import { describe, expect, it } from "vitest";
import { checkFileName, contentDisposition, sniffMediaType, zipEntryNames } from "../../app/domain/attachments";
import { files, zip } from "../support/attachment-files";

describe("sniffMediaType", () => {
  it.each([
    ["bericht.pdf", files.pdf(), "application/pdf"],
    ["bild.png", files.png(), "image/png"],
    ["foto.jpg", files.jpeg(), "image/jpeg"],
    ["brief.odt", files.odt(), "application/vnd.oasis.opendocument.text"],
    ["brief.docx", files.docx(), "application/vnd.openxmlformats-officedocument.wordprocessingml.document"],
    ["tabelle.xlsx", files.xlsx(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"],
    ["tabelle.csv", files.csv(), "text/csv"],
  ])("recognises %s by its content", (name, bytes, type) => {
    expect(sniffMediaType(bytes, name)).toBe(type);
  });

  it("does not trust the extension: the content decides, whatever the name says", () => {
    expect(sniffMediaType(files.htmlAsPdf(), "bericht.pdf")).toBeNull();
    expect(sniffMediaType(files.exe(), "bild.png")).toBeNull();
    expect(sniffMediaType(files.plainZip(), "brief.docx")).toBeNull();
    // A PNG named .pdf is stored as what it is.
    expect(sniffMediaType(files.png(), "bericht.pdf")).toBe("image/png");
  });

  it("refuses empty files, CSV with NUL or invalid UTF-8, and text that is not named .csv", () => {
    expect(sniffMediaType(new Uint8Array(), "leer.pdf")).toBeNull();
    expect(sniffMediaType(new Uint8Array([0x61, 0x00, 0x62]), "a.csv")).toBeNull();
    expect(sniffMediaType(new Uint8Array([0x61, 0xc3, 0x28]), "a.csv")).toBeNull();
    expect(sniffMediaType(files.csv(), "a.txt")).toBeNull();
  });

  it("refuses an ODT whose mimetype entry is not first or names another type", () => {
    expect(
      sniffMediaType(
        zip([
          ["content.xml", "<x/>"],
          ["mimetype", "application/vnd.oasis.opendocument.text"],
        ]),
        "a.odt",
      ),
    ).toBeNull();
    expect(sniffMediaType(zip([["mimetype", "application/vnd.oasis.opendocument.spreadsheet"]]), "a.odt")).toBeNull();
  });

  it("reads the central directory and refuses a truncated ZIP", () => {
    expect(zipEntryNames(files.docx())).toEqual(["[Content_Types].xml", "_rels/.rels", "word/document.xml"]);
    const docx = files.docx();
    expect(zipEntryNames(docx.subarray(0, docx.length - 30))).toBeNull();
  });
});

describe("checkFileName", () => {
  it.each([
    ["../../etc/passwd", "path"],
    ["C:\\Users\\x\\bericht.pdf", "path"],
    ["ordner/bericht.pdf", "path"],
    ["  ", "empty"],
    ["..", "empty"],
    ["a".repeat(201), "too_long"],
  ])("refuses %j (%s)", (name, reason) => {
    expect(checkFileName(name)).toEqual({ ok: false, reason });
  });
  it("keeps umlauts and strips control characters", () => {
    expect(checkFileName("Übersicht\u0007 Werkzeuge.pdf")).toEqual({ ok: true, name: "Übersicht Werkzeuge.pdf" });
  });
});

describe("contentDisposition", () => {
  it("is an attachment with an ASCII fallback and the UTF-8 name", () => {
    expect(contentDisposition('Übersicht "Zoom".pdf')).toBe(
      `attachment; filename="_bersicht _Zoom_.pdf"; filename*=UTF-8''%C3%9Cbersicht%20%22Zoom%22.pdf`,
    );
  });
});
