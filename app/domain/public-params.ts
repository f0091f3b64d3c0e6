/** The parts of public addresses that routes and exports read the same way (zod schemas). */
import { z } from "zod";

/** A body's slug: /{body}/… */
export const bodySlugSchema = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/)
  .max(100);

/** `?seite=N`: a positive whole number (anything else is a 404 on lists). */
export const pageSchema = z
  .string()
  .regex(/^[1-9][0-9]{0,5}$/)
  .transform(Number);

/** `{ref}`: one URL-safe path segment (inquiries_public_ref_segment). */
export const publicRefSchema = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/)
  .max(100);
