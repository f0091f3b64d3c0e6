import { Link } from "@remix-run/react";
import { notificationText } from "~/domain/texts/notifications";
import { searchTexts } from "~/domain/texts/search";

export interface SiteHeaderUser {
  displayName: string;
  /** False while the second factor is still to be entered or set up. */
  signInComplete: boolean;
  /** Unread notifications (only counted once sign-in is complete). */
  unreadNotifications?: number;
}

/**
 * Site banner with the main navigation. Signing out is a plain POST form so that it works without
 * JavaScript and cannot be triggered by a link prefetch or a cross-site GET.
 */
export function SiteHeader({ user }: { user: SiteHeaderUser | null }) {
  return (
    <header className="site-header">
      <div className="site-header__inner">
        <Link to="/" className="site-name">
          Quaestio
        </Link>
        {/* A plain GET form: searching works without JavaScript from every page. */}
        <form
          method="get"
          action="/suche"
          role="search"
          aria-label={searchTexts.headerFormLabel}
          className="site-search"
        >
          <label htmlFor="kopf-suche" className="visually-hidden">
            {searchTexts.headerLabel}
          </label>
          <input id="kopf-suche" name="q" type="search" maxLength={1000} placeholder="Suche" />
          <button type="submit">{searchTexts.headerSubmit}</button>
        </form>
        <nav aria-label="Hauptnavigation" className="site-nav">
          <ul>
            {user ? (
              <>
                <li className="site-nav__user">
                  <span className="visually-hidden">Angemeldet als </span>
                  {user.displayName}
                </li>
                {user.signInComplete ? (
                  <>
                    <li>
                      <Link to="/arbeitsbereich">Arbeitsbereich</Link>
                    </li>
                    <li>
                      <NotificationsLink unread={user.unreadNotifications ?? 0} />
                    </li>
                    <li>
                      <Link to="/konto">Mein Konto</Link>
                    </li>
                  </>
                ) : null}
                <li>
                  <form method="post" action="/abmelden" className="inline-form">
                    <button type="submit" className="link-button">
                      Abmelden
                    </button>
                  </form>
                </li>
              </>
            ) : (
              <li>
                <Link to="/anmelden">Anmelden</Link>
              </li>
            )}
          </ul>
        </nav>
      </div>
    </header>
  );
}

/**
 * "Benachrichtigungen (3)" on screen; read as "Benachrichtigungen (3) ungelesen". The accessible name begins
 * with what is on screen (WCAG 2.5.3, label in name), so a voice user can say what they see.
 */
function NotificationsLink({ unread }: { unread: number }) {
  const t = notificationText.header;
  if (unread === 0) return <Link to="/benachrichtigungen">{t.link}</Link>;
  return (
    <Link to="/benachrichtigungen">
      {t.link} ({unread})<span className="visually-hidden"> {t.unreadSuffix}</span>
    </Link>
  );
}
