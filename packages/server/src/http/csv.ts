/**
 * RFC 4180 CSV: CRLF line ends, every field quoted when it holds a quote, comma or line break.
 * A text cell that a spreadsheet would read as a formula (= + - @ at its start) is prefixed with
 * a quote mark, so an exported file cannot run anything when opened.
 */
export function toCsv(header: string[], rows: ReadonlyArray<ReadonlyArray<string | number | boolean | null>>): string {
  const cell = (v: string | number | boolean | null): string => {
    if (v === null) return '';
    let s = String(v);
    if (typeof v === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
    return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
  };
  return [header, ...rows].map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n';
}
