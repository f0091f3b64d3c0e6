/**
 * Beratungsfolge of the publication form: one or several steps (which committee takes note of the answer, when —
 * e.g. Hauptausschuss, then Stadtvertretung), each a recorded meeting or a future one with its organ and date, and
 * the meeting's role. "Add a step" adds a row in the page with JavaScript; without it the button posts the form,
 * which comes back with one more row (nothing is published). Rows post as `beratungsfolge-<i>-meeting|organ|date|role`.
 */
import { useState } from "react";
import { answerText as t } from "~/domain/texts/answer";
import type { MeetingChoices } from "~/server/meetings/meetings.server";
import { useHydrated } from "../consultation/useHydrated";
import { beratungsfolgeRowCount } from "./workflow-input";

let keyCounter = 0;
const newKey = () => `step-${(keyCounter += 1)}`;

function FieldError({ id, message }: { id: string; message: string | undefined }) {
  return message ? (
    <p className="field-error" id={id}>
      {message}
    </p>
  ) : null;
}

export function BeratungsfolgeFields({
  choices,
  errors,
  values,
  idPrefix = "",
}: {
  choices: MeetingChoices;
  errors: Record<string, string>;
  values: Record<string, string>;
  /** Prefix of the posted rows' ids, so that an error summary's link `#<prefix>beratungsfolge-<i>-meeting` finds them. */
  idPrefix?: string;
}) {
  const hydrated = useHydrated();
  // Each row keeps the values it was posted with under its first index; new rows start empty.
  const [rows, setRows] = useState(() =>
    Array.from({ length: beratungsfolgeRowCount(values) }, (_, i) => ({
      key: `${idPrefix}beratungsfolge-${i}`,
      postedIndex: i as number | null,
    })),
  );
  const [announcement, setAnnouncement] = useState("");
  const focusRow = (key: string) => requestAnimationFrame(() => document.getElementById(`${key}-meeting`)?.focus());
  return (
    <fieldset className="fieldset beratungsfolge">
      <legend>{t.beratungsfolge}</legend>
      <p className="hint">{t.beratungsfolgeHint}</p>
      <p className="visually-hidden" aria-live="polite">
        {announcement}
      </p>
      {rows.map((row, i) => {
        const posted = (field: string) =>
          row.postedIndex === null ? undefined : values[`beratungsfolge-${row.postedIndex}-${field}`];
        // Messages are keyed by the index the row was posted under, which is its place now (the page stays as posted).
        const error = (field: string) => errors[`beratungsfolge-${i}-${field}`];
        const invalid = (field: string) =>
          error(field) ? { "aria-invalid": true, "aria-describedby": `${row.key}-${field}-error` } : {};
        return (
          <fieldset key={row.key} className="fieldset beratungsfolge__step">
            <legend>{t.beratungsfolgeStep(i)}</legend>
            <div className="field">
              <label htmlFor={`${row.key}-meeting`}>{t.beratungsfolgeMeeting}</label>
              <select
                id={`${row.key}-meeting`}
                name={`beratungsfolge-${i}-meeting`}
                defaultValue={posted("meeting") ?? ""}
                {...invalid("meeting")}
              >
                <option value="">{t.beratungsfolgeNoMeeting}</option>
                {choices.meetings.map((m) => (
                  <option key={m.id} value={m.id}>
                    {m.label}
                  </option>
                ))}
                <option value="new">{t.beratungsfolgeNewMeeting}</option>
              </select>
              <FieldError id={`${row.key}-meeting-error`} message={error("meeting")} />
            </div>
            <div className="field">
              <label htmlFor={`${row.key}-organ`}>{t.beratungsfolgeOrgan}</label>
              <select
                id={`${row.key}-organ`}
                name={`beratungsfolge-${i}-organ`}
                defaultValue={posted("organ") ?? ""}
                {...invalid("organ")}
              >
                <option value="">{t.beratungsfolgeChooseOrgan}</option>
                {choices.organs.map((o) => (
                  <option key={o.id} value={o.id}>
                    {o.name}
                  </option>
                ))}
              </select>
              <FieldError id={`${row.key}-organ-error`} message={error("organ")} />
            </div>
            <div className="field">
              <label htmlFor={`${row.key}-date`}>{t.beratungsfolgeDate}</label>
              <input
                id={`${row.key}-date`}
                name={`beratungsfolge-${i}-date`}
                type="date"
                defaultValue={posted("date") ?? ""}
                {...invalid("date")}
              />
              <FieldError id={`${row.key}-date-error`} message={error("date")} />
            </div>
            <div className="field">
              <label htmlFor={`${row.key}-role`}>{t.beratungsfolgeRole}</label>
              <select
                id={`${row.key}-role`}
                name={`beratungsfolge-${i}-role`}
                defaultValue={posted("role") ?? t.beratungsfolgeRoles[0]}
                {...invalid("role")}
              >
                {t.beratungsfolgeRoles.map((role) => (
                  <option key={role} value={role}>
                    {role}
                  </option>
                ))}
              </select>
              <FieldError id={`${row.key}-role-error`} message={error("role")} />
            </div>
            {rows.length > 1 && hydrated ? (
              <button
                type="button"
                className="button button--secondary"
                onClick={() => {
                  const next = rows.filter((r) => r.key !== row.key);
                  setRows(next);
                  setAnnouncement("");
                  const focus = next[Math.max(0, i - 1)];
                  if (focus) focusRow(focus.key);
                }}
              >
                {t.beratungsfolgeRemove(i)}
              </button>
            ) : null}
          </fieldset>
        );
      })}
      {/* A plain button once the page runs: Enter in a field then still publishes (the form's default button). */}
      <button
        type={hydrated ? "button" : "submit"}
        name="addBeratungsfolge"
        value="1"
        className="button button--secondary"
        onClick={(event) => {
          if (!hydrated) return;
          event.preventDefault();
          const key = newKey();
          setRows((list) => [...list, { key, postedIndex: null }]);
          setAnnouncement(t.beratungsfolgeAdded(rows.length));
          focusRow(key);
        }}
      >
        {t.beratungsfolgeAdd}
      </button>
    </fieldset>
  );
}
