import { useId, type ReactNode } from "react";

/**
 * A wide table that may scroll sideways on its own (never the page): a focusable region named by the table's
 * caption, so that keyboard users can scroll it and screen readers announce what it holds (WCAG 1.4.10, 2.1.1).
 */
export function TableRegion({
  caption,
  children,
  className,
}: {
  caption: ReactNode;
  children: ReactNode;
  className?: string;
}) {
  const id = useId();
  return (
    <div className="table-wrapper" role="region" aria-labelledby={id} tabIndex={0}>
      <table className={className}>
        <caption id={id}>{caption}</caption>
        {children}
      </table>
    </div>
  );
}
