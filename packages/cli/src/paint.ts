const CODES = { red: 31, green: 32, yellow: 33, cyan: 36, dim: 2, bold: 1 } as const;

export type Colour = keyof typeof CODES;

/** Wraps text in an ANSI colour when colour is on. */
export function paint(text: string, colour: Colour, isOn: boolean): string {
  return isOn ? `\u001b[${CODES[colour]}m${text}\u001b[0m` : text;
}
