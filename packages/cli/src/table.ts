/** Prints rows under a header as columns padded to their widest cell. */
export function printTable(header: string[], rows: string[][], indent = ''): void {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => (row[i] ?? '').length)));
  for (const row of [header, ...rows]) console.log(indent + row.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join('  ').trimEnd());
}
