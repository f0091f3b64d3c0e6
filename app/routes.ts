import { type RouteConfig, index, route } from "@remix-run/route-config";

// Public URL contracts (DESIGN.md §4/§7) are fixed here; keep them stable.
export default [
  index("routes/_index.tsx"),
  route("anmelden", "routes/anmelden.tsx"),
  route("abmelden", "routes/abmelden.tsx"),
  route("arbeitsbereich", "routes/arbeitsbereich.tsx"),
  route("barrierefreiheit", "routes/barrierefreiheit.tsx"),
  route("impressum", "routes/impressum.tsx"),
  route("datenschutz", "routes/datenschutz.tsx"),
  route("feedback", "routes/feedback.tsx"),
  route(":body/anfragen", "routes/body.anfragen.tsx"),
  route(":body/anfragen/:ref", "routes/body.anfragen.$ref.tsx"),
  route("*", "routes/$.tsx"),
] satisfies RouteConfig;
