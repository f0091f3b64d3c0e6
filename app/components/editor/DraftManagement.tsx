/** Co-authors and deletion of a draft: plain POST forms beside the editor form, for the draft's creator. */
import { Form } from "@remix-run/react";
import { draftText as t } from "~/domain/texts/draft";
import { clearBackup } from "./draft-backup";

interface Member {
  userId: string;
  displayName: string;
}

export function CoauthorsForm(props: { candidates: Member[]; coauthors: Member[]; error?: string; done?: boolean }) {
  const chosen = new Set(props.coauthors.map((c) => c.userId));
  return (
    <section aria-labelledby="coauthors-heading" className="draft-side">
      <h2 id="coauthors-heading">{t.coauthorsHeading}</h2>
      {props.done ? (
        <p className="notice" role="status">
          {t.coauthorsSaved}
        </p>
      ) : null}
      {props.candidates.length === 0 ? (
        <p>{t.coauthorsNone}</p>
      ) : (
        <Form method="post">
          <fieldset aria-describedby={props.error ? "coauthors-error" : "coauthors-hint"}>
            <legend>{t.coauthorsHeading}</legend>
            <p className="field-hint" id="coauthors-hint">
              {t.coauthorsHint}
            </p>
            {props.candidates.map((m) => (
              <div className="field field--checkbox" key={m.userId}>
                <input
                  id={`coauthor-${m.userId}`}
                  type="checkbox"
                  name="coauthor"
                  value={m.userId}
                  defaultChecked={chosen.has(m.userId)}
                />
                <label htmlFor={`coauthor-${m.userId}`}>{m.displayName}</label>
              </div>
            ))}
          </fieldset>
          {props.error ? (
            <p className="field-error" id="coauthors-error">
              {props.error}
            </p>
          ) : null}
          <button type="submit" name="intent" value="coauthors" className="button">
            {t.coauthorsSave}
          </button>
        </Form>
      )}
    </section>
  );
}

export function CoauthorsList({ coauthors }: { coauthors: Member[] }) {
  return <p>{t.coauthorsList(coauthors.map((c) => c.displayName).join(", "))}</p>;
}

export function DeleteDraftForm({ draftId, error }: { draftId: string; error?: string }) {
  return (
    <section aria-labelledby="delete-heading" className="draft-side">
      <h2 id="delete-heading">{t.deleteHeading}</h2>
      <Form
        method="post"
        onSubmit={(event) => {
          // A deleted draft leaves no copy of its text in this browser.
          if (new FormData(event.currentTarget).get("confirmDelete") === "on") clearBackup(draftId);
        }}
      >
        <div className="field field--checkbox">
          <input
            id="confirmDelete"
            name="confirmDelete"
            type="checkbox"
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? "confirmDelete-error" : undefined}
          />
          <label htmlFor="confirmDelete">{t.deleteConfirm}</label>
          {error ? (
            <p className="field-error" id="confirmDelete-error">
              {error}
            </p>
          ) : null}
        </div>
        <button type="submit" name="intent" value="delete" className="button button--danger">
          {t.delete}
        </button>
      </Form>
    </section>
  );
}
