/**
 * The answer form plus the offer to restore a local backup (answer-backup.ts), as DraftFormWithBackup does for
 * inquiry drafts: when this tab holds unsaved values that differ from the saved ones, it offers to restore
 * them (the form is mounted afresh with them and saves against the version they were based on) or discard.
 */
import { BackupOffer } from "../editor/BackupOffer";
import { useEffect, useRef, useState } from "react";
import { answerText as t } from "~/domain/texts/answer";
import { AnswerForm } from "./AnswerForm";
import { clearAnswerBackup, entriesOf, readAnswerBackup, type AnswerBackup } from "./answer-backup";
import { valuesFromEntries, type AnswerActionResult, type AnswerFormValues } from "./answer-form-types";

interface Props {
  answerId: string;
  inquiryId: string;
  version: number;
  values: AnswerFormValues;
  questions: Array<{ id: string; number: string }>;
  readOnly: boolean;
  actionResult: AnswerActionResult | undefined;
  onVersion?: (version: number) => void;
}

type Shown = { generation: number; version: number; values: AnswerFormValues; restored: boolean };

/** Rich fields compare by their JSON; the plain-text twins are derived and left out. */
const comparable = (entries: Array<[string, string]>) =>
  JSON.stringify(entries.filter(([name]) => !name.endsWith("-text")).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));

export function AnswerFormWithBackup(props: Props) {
  const { answerId, readOnly } = props;
  const [offer, setOffer] = useState<AnswerBackup | null>(null);
  const [shown, setShown] = useState<Shown>({
    generation: 0,
    version: props.version,
    values: props.values,
    restored: false,
  });
  const offerHeading = useRef<HTMLHeadingElement>(null);
  const [announcement, setAnnouncement] = useState("");

  useEffect(() => {
    if (readOnly) return;
    const backup = readAnswerBackup(answerId);
    if (!backup) return;
    // The editors fill their hidden fields a moment after mounting; compare after that.
    const timer = setTimeout(() => {
      const form = document.querySelector<HTMLFormElement>("form.answer-form");
      if (form && comparable(entriesOf(form)) !== comparable(backup.entries)) setOffer(backup);
      else clearAnswerBackup(answerId);
    }, 500);
    return () => clearTimeout(timer);
  }, [answerId, readOnly]);

  useEffect(() => {
    if (offer) offerHeading.current?.focus();
  }, [offer]);

  function restore() {
    if (!offer) return;
    setShown((s) => ({
      generation: s.generation + 1,
      version: offer.baseVersion,
      values: valuesFromEntries(offer.entries),
      restored: true,
    }));
    setOffer(null);
  }
  function discard() {
    clearAnswerBackup(answerId);
    setOffer(null);
    setAnnouncement(t.backupDiscarded);
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
      <AnswerForm
        key={shown.generation}
        answerId={answerId}
        inquiryId={props.inquiryId}
        version={shown.version}
        values={shown.values}
        questions={props.questions}
        readOnly={readOnly}
        actionResult={shown.restored ? undefined : props.actionResult}
        onVersion={props.onVersion}
        startDirty={shown.restored}
        initialStatus={shown.restored ? t.backupRestored : undefined}
      />
    </>
  );
}
