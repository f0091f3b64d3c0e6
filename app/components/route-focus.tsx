/**
 * Focus after a client-side navigation (WCAG 2.4.3): React Router swaps the page without a load, and the
 * focus would stay on `body` (or on a link that has left the document), so that a screen reader announces
 * nothing and the next Tab starts at the top of the page again. On every navigation after the first load,
 * the focus moves to `main#inhalt` (tabIndex -1; app.css shows no outline on it) — unless it is already in
 * `main`: there the page put it itself (an error summary, a status message, a field) or it stayed on the
 * control that sent a form to the same page. A focus on `body`, on an element that has left the document or
 * in the header (its navigation) is moved — but only if it is still where it was when the navigation began:
 * a user who went on to another control (the header search, say) while the page was loading keeps the focus
 * there and is not interrupted in typing. The header's search is a plain form, so a search sent from it is a
 * full page load that this component leaves alone (test/e2e/route-focus.test.ts).
 */
import { useLocation, useNavigation } from "@remix-run/react";
import { useEffect, useRef } from "react";

export const MAIN_ID = "inhalt";

export function RouteFocus() {
  const { key } = useLocation();
  const { state } = useNavigation();
  const firstKey = useRef(key);
  /** The focused element when the pending navigation began (null: none pending, or the focus was on body). */
  const focusAtStart = useRef<Element | null>(null);
  useEffect(() => {
    const atStart = focusAtStart.current;
    focusAtStart.current = null;
    if (key === firstKey.current) return;
    const main = document.getElementById(MAIN_ID);
    const active = document.activeElement;
    if (!main || (active && active.isConnected && main.contains(active))) return;
    // The user moved the focus elsewhere (not to body) while the navigation was loading: leave it there.
    if (atStart && active && active !== document.body && active.isConnected && active !== atStart) return;
    main.focus({ preventScroll: true });
  }, [key]);
  // After the effect above (effects run in order): a navigation that ended without a new location (an
  // action's errors on the same page) forgets its start too.
  useEffect(() => {
    if (state === "idle") {
      focusAtStart.current = null;
    } else if (focusAtStart.current === null) {
      const active = document.activeElement;
      focusAtStart.current = active && active !== document.body ? active : null;
    }
  }, [state]);
  return null;
}
