// Small text helpers shared by the extractor's modules.

/** Where collapsing spaces would change anything: two white-space characters in a row, or one that is not a space. */
const UNTIDY_SPACE = /\s\s|[^\S ]/;
const SPACE_RUNS = /\s+/g;

/**
 * `text.replace(/\s+/g, ' ')`: every run of white space as one space. Most texts already have single
 * spaces only; those are returned as they are, without rebuilding the string around every space.
 */
export function collapseSpaces(text: string): string {
  return UNTIDY_SPACE.test(text) ? text.replace(SPACE_RUNS, ' ') : text;
}
