import { formatDate, formatDateLong } from "~/domain/format";

/** A calendar date as `<time>`: machine-readable ISO date, German display ("15.06.2020" or "7. Juli 2020"). */
export function DateText({ iso, long = false }: { iso: string; long?: boolean }) {
  return <time dateTime={iso}>{long ? formatDateLong(iso) : formatDate(iso)}</time>;
}
