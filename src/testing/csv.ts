/**
 * A small RFC 4180 reader for the tests, to check the portal's CSV from the other side: quoted cells,
 * doubled quotes, CRLF line ends. `csvRecord` reads one line (the portal's cells never hold a line
 * break), so a large file can be read line by line as a stream.
 */

/** The cells of one CSV record (a line without its CRLF). */
export function csvRecord(line: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      cells.push(cell);
      cell = '';
    } else cell += c;
  }
  cells.push(cell);
  return cells;
}

/** Every record of a CSV text whose lines end in CRLF. */
export function parseCsv(text: string): string[][] {
  return text.split('\r\n').slice(0, -1).map(csvRecord);
}
