/**
 * What makes an inquiry visible to the public at all: visibility `public`, past `draft`, with a public reference.
 * One rule for every public read model (pages, tool catalogue, OParl), in its own module so that they need not
 * import each other for it.
 */
import { and, eq, isNotNull, ne, type SQL } from "drizzle-orm";
import { inquiries } from "../../../db/schema/index";

export function publiclyVisible(): SQL {
  return and(eq(inquiries.visibility, "public"), ne(inquiries.status, "draft"), isNotNull(inquiries.publicRef))!;
}
