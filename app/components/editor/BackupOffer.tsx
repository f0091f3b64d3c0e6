/**
 * The offer to restore a local backup of unsaved editor values (drafts and answers), and the live region that
 * announces what became of it. The heading takes the focus when the offer appears (the caller's ref).
 */
import type { RefObject } from "react";

export interface BackupOfferTexts {
  backupHeading: string;
  backupIntro: string;
  backupRestore: string;
  backupDiscard: string;
}

export function BackupOffer(props: {
  shown: boolean;
  announcement: string;
  headingRef: RefObject<HTMLHeadingElement>;
  texts: BackupOfferTexts;
  onRestore: () => void;
  onDiscard: () => void;
}) {
  const { texts: t } = props;
  return (
    <>
      <p className="visually-hidden" aria-live="polite">
        {props.announcement}
      </p>
      {props.shown ? (
        <section className="notice notice--warning" aria-labelledby="backup-heading">
          <h2 id="backup-heading" ref={props.headingRef} tabIndex={-1}>
            {t.backupHeading}
          </h2>
          <p>{t.backupIntro}</p>
          <p>
            <button type="button" className="button button--primary" onClick={props.onRestore}>
              {t.backupRestore}
            </button>{" "}
            <button type="button" className="button" onClick={props.onDiscard}>
              {t.backupDiscard}
            </button>
          </p>
        </section>
      ) : null}
    </>
  );
}
