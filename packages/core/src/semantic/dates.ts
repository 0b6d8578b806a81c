/** Milliseconds since the epoch of an RFC 3339 date-time (already schema-valid). */
export function instant(value: string): number {
  return Date.parse(value);
}
