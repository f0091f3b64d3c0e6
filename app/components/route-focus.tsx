/**
 * Focus after a client-side navigation (WCAG 2.4.3): React Router swaps the page without a load, and the
 * focus would stay on `body` (or on a link that has left the document), so that a screen reader announces
 * nothing and the next Tab starts at the top of the page again. On every navigation after the first load,
 * the focus moves to `main#inhalt` (tabIndex -1; app.css shows no outline on it) — unless it is already in
 * `main`: there the page put it itself (an error summary, a status message, a field) or it stayed on the
 * control that sent a form to the same page. A focus on `body`, on an element that has left the document or
 * in the header (its navigation, its search) is moved.
 */
import { useLocation } from "@remix-run/react";
import { useEffect, useRef } from "react";

export const MAIN_ID = "inhalt";

export function RouteFocus() {
  const { key } = useLocation();
  const firstKey = useRef(key);
  useEffect(() => {
    if (key === firstKey.current) return;
    const main = document.getElementById(MAIN_ID);
    const active = document.activeElement;
    if (!main || (active && active.isConnected && main.contains(active))) return;
    main.focus({ preventScroll: true });
  }, [key]);
  return null;
}
