const cache: string[] = [];

/** A column's letters from its number: 1 → A, 27 → AA. */
export function columnLetter(column: number): string {
  const known = cache[column];
  if (known !== undefined) {
    return known;
  }
  let letters = "";
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  }
  if (column < 1024) {
    cache[column] = letters;
  }
  return letters;
}

/** A cell's path as messages show it: `申报单位!F7`. */
export function cellPath(sheet: string, column: number, row: number): string {
  return `${sheet}!${columnLetter(column)}${row}`;
}
