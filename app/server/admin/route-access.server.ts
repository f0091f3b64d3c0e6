/**
 * The first check of every body-administration page: the body slug from the URL, if the signed-in user
 * administers that body — a 404 otherwise, so that nobody learns which bodies exist. The server commands
 * check again (access.server).
 */
import { z } from "zod";
import { mayAdministerBodySlug } from "../../domain/policy";
import { notFoundResponse } from "../core/errors.server";

const BodySlug = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/)
  .max(80);

export function administeredBodySlug(
  slug: string | undefined,
  user: { memberships: Parameters<typeof mayAdministerBodySlug>[0] },
): string {
  const parsed = BodySlug.safeParse(slug);
  if (!parsed.success || !mayAdministerBodySlug(user.memberships, parsed.data)) throw notFoundResponse();
  return parsed.data;
}
