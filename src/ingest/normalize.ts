// Character-level normalisation shared by every format: line endings, invisible characters, spaces.

/**
 * Invisible characters that break matching but carry no meaning in news prose: zero-width space,
 * joiners (U+200B–U+200D), word joiner, BOM, bidi marks/embeddings/isolates, Arabic letter mark and
 * soft hyphen. Urdu/Arabic letters themselves are untouched.
 */
const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF\u200E\u200F\u202A-\u202E\u2066-\u2069\u061C\u00AD]/g;

/** C0/C1 control characters other than tab and newline. */
const CONTROL = /[\u0000-\u0008\u000B\u000E-\u001F\u007F-\u009F]/g;

/** Unicode spaces that should read as a plain space (NBSP, thin spaces, ideographic space…). */
const ODD_SPACES = /[\t\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]/g;

/** Normalises a decoded text: `\n` line endings, no invisible or control characters, no odd spaces. */
export function normalizeText(text: string): string {
  return text
    .replace(/\r\n?|\u2028|\u2029|\f|\v/g, '\n')
    .replace(INVISIBLE, '')
    .replace(CONTROL, '')
    .replace(ODD_SPACES, ' ');
}

/** Collapses runs of spaces inside one line and trims it (a linear pass; no regex backtracking). */
export function tidyLine(line: string): string {
  return line.replace(/ {2,}/g, ' ').trim();
}
