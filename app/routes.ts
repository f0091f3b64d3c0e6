import { type RouteConfig, index, route } from "@remix-run/route-config";

// Public URL contracts (DESIGN.md §4/§7) are fixed here; keep them stable.
export default [
  index("routes/_index.tsx"),
  route("anmelden", "routes/anmelden.tsx"),
  route("abmelden", "routes/abmelden.tsx"),
  route("anmelden/zweiter-faktor", "routes/anmelden.zweiter-faktor.tsx"),
  route("arbeitsbereich", "routes/arbeitsbereich.tsx"),
  route("arbeitsbereich/vorgaenge/:id", "routes/arbeitsbereich.vorgaenge.$id.tsx"),
  route("konto", "routes/konto.tsx"),
  route("konto/zweiter-faktor", "routes/konto.zweiter-faktor.tsx"),
  route("passwort-vergessen", "routes/passwort-vergessen.tsx"),
  route("passwort-neu/:token", "routes/passwort-neu.$token.tsx"),
  route("einladung/:token", "routes/einladung.$token.tsx"),
  route("entwicklung/postfach", "routes/entwicklung.postfach.tsx"),
  route("verwaltung/:body", "routes/verwaltung.$body.tsx"),
  route("verwaltung/:body/benutzer/:userId", "routes/verwaltung.$body.benutzer.$userId.tsx"),
  route("verwaltung/:body/protokoll", "routes/verwaltung.$body.protokoll.tsx"),
  route("barrierefreiheit", "routes/barrierefreiheit.tsx"),
  route("impressum", "routes/impressum.tsx"),
  route("datenschutz", "routes/datenschutz.tsx"),
  route("feedback", "routes/feedback.tsx"),
  route(":body/anfragen", "routes/body.anfragen.tsx"),
  route(":body/anfragen/:ref", "routes/body.anfragen.$ref.tsx"),
  route("*", "routes/$.tsx"),
] satisfies RouteConfig;
