/** Organisations, people, user accounts and their role memberships. */
import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  index,
  integer,
  pgEnum,
  pgTable,
  text,
  timestamp,
  unique,
  uuid,
  type AnyPgColumn,
} from "drizzle-orm/pg-core";
import { bodies } from "./bodies";
import { createdAt, id } from "./columns";

export const organizationKind = pgEnum("organization_kind", [
  "council", // Rat, Landtag, Samtgemeinderat
  "committee", // Ausschuss
  "faction", // Fraktion
  "department", // Amt, Fachbereich, Ministerium
  "council_office", // Ratsbüro / Landtagsverwaltung
  "dpo_office", // behördliche/r Datenschutzbeauftragte/r
  "executive", // Oberbürgermeister/in, Senat, Landesregierung
  "supervisory_authority", // Datenschutzaufsicht (external)
  "other",
]);

export const organizations = pgTable(
  "organizations",
  {
    id: id(),
    bodyId: uuid()
      .notNull()
      .references(() => bodies.id, { onDelete: "cascade" }),
    parentId: uuid().references((): AnyPgColumn => organizations.id, { onDelete: "set null" }),
    kind: organizationKind().notNull(),
    name: text().notNull(),
    shortName: text(),
    /** Outside the body's administration (e.g. a supervisory authority). */
    external: boolean().notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [unique().on(t.bodyId, t.name), index().on(t.bodyId, t.kind)],
);

/** A person named in documents (originator, signatory). Not a login: see users. */
export const people = pgTable(
  "people",
  {
    id: id(),
    bodyId: uuid()
      .notNull()
      .references(() => bodies.id, { onDelete: "cascade" }),
    name: text().notNull(),
    /** Function as written, e.g. "Chef der Senatskanzlei". */
    roleLabel: text(),
    organizationId: uuid().references(() => organizations.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [index().on(t.bodyId)],
);

export const users = pgTable(
  "users",
  {
    id: id(),
    email: text().notNull().unique(),
    displayName: text().notNull(),
    /** argon2id hash (PHC string). */
    passwordHash: text().notNull(),
    /** Base32 TOTP secret once enrolment is confirmed; null when no second factor is set up. */
    totpSecret: text(),
    totpEnabledAt: timestamp({ withTimezone: true }),
    /** Last accepted TOTP time step: a code is accepted only for a later step (replay protection). */
    totpLastUsedStep: integer(),
    active: boolean().notNull().default(true),
    createdAt: createdAt(),
    deactivatedAt: timestamp({ withTimezone: true }),
  },
  (t) => [check("users_email_lowercase", sql`${t.email} = lower(${t.email}) and ${t.email} like '%_@_%'`)],
);

export const membershipRole = pgEnum("membership_role", [
  "faction_member",
  "council_office",
  "clerk",
  "department_head",
  "co_signer",
  "councillor",
  "mayor",
  "dpo",
  "body_admin",
]);

export const memberships = pgTable(
  "memberships",
  {
    id: id(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    bodyId: uuid()
      .notNull()
      .references(() => bodies.id, { onDelete: "cascade" }),
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    role: membershipRole().notNull(),
    createdAt: createdAt(),
  },
  (t) => [unique().on(t.userId, t.organizationId, t.role), index().on(t.bodyId, t.role)],
);
