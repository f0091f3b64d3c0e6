import { type RouteConfig, index, route } from "@remix-run/route-config";

// Public URL contracts (DESIGN.md §4/§7) are fixed here; keep them stable. Route files are grouped by who uses
// them: public/ (anonymous readers), account/ (sign-in and one's own account), staff/ (workspace, drafts,
// inquiries), admin/ (body administration), dev/ (development mailbox). Folders do not change URLs.
export default [
  index("routes/public/_index.tsx"),
  route("anmelden", "routes/account/anmelden.tsx"),
  route("abmelden", "routes/account/abmelden.tsx"),
  route("anmelden/zweiter-faktor", "routes/account/anmelden.zweiter-faktor.tsx"),
  route("arbeitsbereich", "routes/staff/arbeitsbereich.tsx"),
  route("arbeitsbereich/vorgaenge/:id", "routes/staff/arbeitsbereich.vorgaenge.$id.tsx"),
  route("arbeitsbereich/entwurf/neu", "routes/staff/arbeitsbereich.entwurf.neu.tsx"),
  route("arbeitsbereich/entwurf/:id", "routes/staff/arbeitsbereich.entwurf.$id.tsx"),
  route("benachrichtigungen", "routes/account/benachrichtigungen.tsx"),
  route("konto", "routes/account/konto.tsx"),
  route("konto/zweiter-faktor", "routes/account/konto.zweiter-faktor.tsx"),
  route("konto/benachrichtigungen", "routes/account/konto.benachrichtigungen.tsx"),
  route("passwort-vergessen", "routes/account/passwort-vergessen.tsx"),
  route("passwort-neu/:token", "routes/account/passwort-neu.$token.tsx"),
  route("einladung/:token", "routes/account/einladung.$token.tsx"),
  route("entwicklung/postfach", "routes/dev/entwicklung.postfach.tsx"),
  route("verwaltung/:body", "routes/admin/verwaltung.$body.tsx"),
  route("verwaltung/:body/benutzer/:userId", "routes/admin/verwaltung.$body.benutzer.$userId.tsx"),
  route("verwaltung/:body/protokoll", "routes/admin/verwaltung.$body.protokoll.tsx"),
  route("barrierefreiheit", "routes/public/barrierefreiheit.tsx"),
  route("impressum", "routes/public/impressum.tsx"),
  route("datenschutz", "routes/public/datenschutz.tsx"),
  route("feedback", "routes/public/feedback.tsx"),
  route(":body/anfragen", "routes/public/body.anfragen.tsx"),
  route(":body/anfragen/:ref", "routes/public/body.anfragen.$ref.tsx"),
  route("*", "routes/public/$.tsx"),
] satisfies RouteConfig;
