// Text from a file (an agency name, a typed text, a file name) shown in the CLI's line-oriented output: control
// characters are escaped visibly so that no value can start a line of its own ("✓ …" forged by a line break in
// an agency name), move the cursor, recolour the terminal or reverse the reading order.

/**
 * C0 and C1 controls, DEL, the Unicode line and paragraph separators, and the bidirectional overrides and
 * isolates (U+202A–202E, U+2066–2069), which reorder what follows them on screen.
 */
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

const NAMED: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** One value on one line: every unsafe character as a visible escape (\n, \r, \t, \u001b …). */
export function shown(value: unknown): string {
  const text = value === null || value === undefined ? '' : String(value);
  return text.replace(UNSAFE, (ch) => NAMED[ch] ?? `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * A template tag for output lines: the literal parts (ours) are kept, every interpolated value is `shown`.
 * `io.out(line\`文件：${path}\n\`)` can print one line only, whatever `path` holds.
 */
export function line(parts: TemplateStringsArray, ...values: unknown[]): string {
  let out = parts[0];
  values.forEach((v, i) => (out += shown(v) + parts[i + 1]));
  return out;
}
