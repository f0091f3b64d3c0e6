import { publicEventLabel } from "~/domain/labels";
import { DateText } from "./DateText";

/** The public events of an inquiry in the order they happened. */
export function Timeline({
  events,
}: {
  events: { id: number; type: string; occurredOn: string; note?: string | null }[];
}) {
  if (events.length === 0) return <p className="muted">Es sind keine öffentlichen Bearbeitungsschritte erfasst.</p>;
  return (
    <ol className="timeline">
      {events.map((event) => (
        <li key={event.id}>
          <DateText iso={event.occurredOn} /> <span className="timeline__label">{publicEventLabel(event.type)}</span>
          {event.note ? <span className="timeline__note">: {event.note}</span> : null}
        </li>
      ))}
    </ol>
  );
}
