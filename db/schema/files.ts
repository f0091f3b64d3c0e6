/** Stored files (attachments, exports). Content lives in the database so that one backup covers everything. */
import { sql } from "drizzle-orm";
import { bigint, check, customType, index, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { bodies } from "./bodies";
import { createdAt, id } from "./columns";
import { users } from "./organizations";

const bytea = customType<{ data: Buffer; driverData: Buffer }>({
  dataType() {
    return "bytea";
  },
});

export const allowedMediaTypes = [
  "application/pdf",
  "application/vnd.oasis.opendocument.text",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  "text/csv",
  "image/png",
  "image/jpeg",
] as const;

export const files = pgTable(
  "files",
  {
    id: id(),
    bodyId: uuid()
      .notNull()
      .references(() => bodies.id, { onDelete: "cascade" }),
    fileName: text().notNull(),
    mediaType: text().notNull(),
    size: bigint({ mode: "number" }).notNull(),
    sha256: text().notNull(),
    content: bytea().notNull(),
    uploadedByUserId: uuid().references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [
    check("files_media_type", sql`${t.mediaType} in (${sql.raw(allowedMediaTypes.map((m) => `'${m}'`).join(", "))})`),
    check("files_size", sql`${t.size} >= 0 and ${t.size} <= 26214400`),
    index().on(t.bodyId),
  ],
);
