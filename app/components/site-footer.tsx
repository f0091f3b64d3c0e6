import { Link } from "@remix-run/react";

const footerLinks = [
  { to: "/barrierefreiheit", label: "Barrierefreiheit" },
  { to: "/impressum", label: "Impressum" },
  { to: "/datenschutz", label: "Datenschutz" },
  { to: "/feedback", label: "Feedback" },
] as const;

export function SiteFooter() {
  return (
    <footer className="site-footer">
      <nav aria-label="Rechtliches und Kontakt" className="site-footer__inner">
        <ul>
          {footerLinks.map((link) => (
            <li key={link.to}>
              <Link to={link.to}>{link.label}</Link>
            </li>
          ))}
        </ul>
      </nav>
    </footer>
  );
}
