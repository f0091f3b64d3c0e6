/**
 * Site files whose content needs the public origin, so they cannot be static files in public/: the OpenSearch
 * description (browsers require absolute template URLs) and security.txt (RFC 9116: absolute Contact and
 * Canonical URIs, and an Expires date). The origin is PUBLIC_URL when set, else the request's.
 */
import { configFor } from "../core/config.server";
import { oparlOrigin } from "./oparl/urls.server";

const xmlEscape = (value: string) =>
  value.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

export function openSearchDescription(request: Request): string {
  const origin = oparlOrigin(request);
  return `<?xml version="1.0" encoding="UTF-8"?>
<OpenSearchDescription xmlns="http://a9.com/-/spec/opensearch/1.1/">
  <ShortName>Quaestio</ShortName>
  <Description>Anfragen und Antworten in Quaestio durchsuchen</Description>
  <InputEncoding>UTF-8</InputEncoding>
  <Language>de-DE</Language>
  <Image height="16" width="16" type="image/x-icon">${xmlEscape(origin)}/favicon.ico</Image>
  <Url type="text/html" method="get" template="${xmlEscape(origin)}/suche?q={searchTerms}"/>
  <Url type="application/opensearchdescription+xml" rel="self" template="${xmlEscape(origin)}/opensearch.xml"/>
</OpenSearchDescription>
`;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * security.txt. Contact: SECURITY_CONTACT (a mailto: or https: URI) when the operator sets one, else the
 * feedback page. Expires: 180 days ahead, counted from the start of the current day (RFC 9116 asks for less
 * than a year), so that a running installation never serves an expired file.
 */
export function securityTxt(
  request: Request,
  now: Date = new Date(),
  env?: Record<string, string | undefined>,
): string {
  const origin = oparlOrigin(request, env);
  const contact = configFor(env).securityContact ?? `${origin}/feedback`;
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const expires = new Date(today + 180 * DAY_MS).toISOString().replace(".000Z", "Z");
  return [
    `Contact: ${contact}`,
    `Expires: ${expires}`,
    "Preferred-Languages: de, en",
    `Canonical: ${origin}/.well-known/security.txt`,
    "",
  ].join("\n");
}
