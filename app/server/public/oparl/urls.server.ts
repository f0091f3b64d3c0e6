/**
 * Absolute URLs of the OParl API (DESIGN.md §7): built from PUBLIC_URL when it is set (behind a proxy), else from
 * the origin the request came to — never a hard-coded host. Object URLs are `/oparl/v1/{kind}/{id}`; a body's
 * lists are `/oparl/v1/body/{slug}/{kind}`.
 */
import { requestOrigin } from "../../core/config.server";

export const OPARL_PREFIX = "/oparl/v1";

/** The object kinds that have their own URL, in the spelling OParl uses for list names. */
export const OPARL_OBJECT_KINDS = [
  "organization",
  "person",
  "meeting",
  "agendaItem",
  "paper",
  "consultation",
  "file",
] as const;
export type OparlObjectKind = (typeof OPARL_OBJECT_KINDS)[number];

export function isOparlObjectKind(value: string): value is OparlObjectKind {
  return (OPARL_OBJECT_KINDS as readonly string[]).includes(value);
}

export function oparlOrigin(request: Request, env?: Record<string, string | undefined>): string {
  return requestOrigin(request, env);
}

export class OparlUrls {
  constructor(readonly origin: string) {}

  system(): string {
    return `${this.origin}${OPARL_PREFIX}`;
  }
  bodies(): string {
    return `${this.origin}${OPARL_PREFIX}/body`;
  }
  body(slug: string): string {
    return `${this.origin}${OPARL_PREFIX}/body/${slug}`;
  }
  bodyList(slug: string, kind: OparlObjectKind): string {
    return `${this.body(slug)}/${kind}`;
  }
  object(kind: OparlObjectKind, id: string): string {
    return `${this.origin}${OPARL_PREFIX}/${kind}/${id}`;
  }
  /** A page of the HTML site. */
  web(path: string): string {
    return `${this.origin}${path}`;
  }
}
