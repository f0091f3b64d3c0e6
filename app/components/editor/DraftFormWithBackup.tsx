/**
 * The draft form plus the offer to restore a local backup (draft-backup.ts). When the editor loads and this
 * browser holds unsaved values of the draft that differ from the saved ones — a save failed, the page went to
 * the error page, the tab was reloaded — it offers "wiederherstellen" or "Verwerfen". Restoring mounts the form
 * afresh with the backup's values (the editors take their content only when they are created) and saves them
 * against the version they were based on, so a co-author's newer save shows the conflict message.
 */
import { BackupOffer } from "./BackupOffer";
import { useEffect, useRef, useState } from "react";
import { draftText as t } from "~/domain/texts/draft";
import { DraftForm, type DraftActionResult, type DraftFormValues } from "./DraftForm";
import type { TypeKind } from "~/domain/texts/type-words";
import { backupDiffers, clearBackup, readBackup, valuesOfBackup, type DraftBackup } from "./draft-backup";

interface DraftFormWithBackupProps {
  draftId: string;
  version: number;
  values: DraftFormValues;
  readOnly: boolean;
  submissionKey: string;
  actionResult: DraftActionResult | undefined;
  kind?: TypeKind;
}

type Shown = { generation: number; version: number; values: DraftFormValues; restored: boolean };

export function DraftFormWithBackup(props: DraftFormWithBackupProps) {
  const { draftId, readOnly } = props;
  const [offer, setOffer] = useState<DraftBackup | null>(null);
  const [shown, setShown] = useState<Shown>({
    generation: 0,
    version: props.version,
    values: props.values,
    restored: false,
  });
  const offerHeading = useRef<HTMLHeadingElement>(null);
  const [announcement, setAnnouncement] = useState("");

  // Only in the browser, once: the server knows nothing of the backup.
  useEffect(() => {
    if (readOnly) return;
    const backup = readBackup(draftId);
    if (!backup) return;
    if (backupDiffers(backup, props.values)) setOffer(backup);
    else clearBackup(draftId);
    // The saved values at load time are what the backup is compared with.
    // eslint-disable-next-line react-hooks/exhaustive-deps -- see the line above
  }, [draftId, readOnly]);

  // The offer appears after the page has loaded: move the focus to it so that keyboard and screen reader users
  // meet it before they start typing into the older saved version.
  useEffect(() => {
    if (offer) offerHeading.current?.focus();
  }, [offer]);

  const focusTitle = () => requestAnimationFrame(() => document.getElementById("title")?.focus());

  function restore() {
    if (!offer) return;
    setShown((s) => ({
      generation: s.generation + 1,
      version: offer.baseVersion,
      values: valuesOfBackup(offer),
      restored: true,
    }));
    setOffer(null);
    focusTitle();
  }

  function discard() {
    clearBackup(draftId);
    setOffer(null);
    setAnnouncement(t.backupDiscarded);
    focusTitle();
  }

  return (
    <>
      <BackupOffer
        shown={offer !== null}
        announcement={announcement}
        headingRef={offerHeading}
        texts={t}
        onRestore={restore}
        onDiscard={discard}
      />
      <DraftForm
        key={shown.generation}
        draftId={draftId}
        version={shown.version}
        values={shown.values}
        readOnly={readOnly}
        submissionKey={props.submissionKey}
        actionResult={shown.restored ? undefined : props.actionResult}
        startDirty={shown.restored}
        initialStatus={shown.restored ? t.backupRestored : undefined}
        kind={props.kind}
      />
    </>
  );
}
