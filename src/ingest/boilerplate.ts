// Generic web-page furniture that scrapers leave in article text. These are patterns of page layout
// (menus, ad slots, captions, agency slugs), not phrases of any particular article. Every pattern is
// anchored and tested against one short line, so none can backtrack over a long text.

/** Lines longer than this are never boilerplate: furniture is short. */
export const MAX_BOILERPLATE_LINE = 400;

/** A whole line matching any of these is dropped. */
export const BOILERPLATE_LINES: readonly RegExp[] = [
  // ad slots and widgets
  /^(advertisement|advertisment|advertisemen|advert|ad|ads|sponsored|sponsored content|promoted|story continues below( advertisement)?|continue reading below)$/i,
  // navigation, buttons and icon names
  /^(close|close menu|open menu|menu|search|explore|explore more|recommended|recommended for you|trending|trending now|most read|most popular|popular|latest|latest news|top stories|more stories|more from .{1,40}|read more|read also|also read|see also|share|share this( article| story| post)?|share on .{1,20}|print|email|e-?mail this|comments?|\d+ comments?|leave a comment|copy link|link copied|whatsapp|facebook|twitter|x|linkedin|telegram|reddit|skip to (main )?content|skip ad|loading\.{0,3}|subscribe( now)?|sign in|sign up|log in|login|register|home|back to top|go to top|listen to (this|the) (article|story)|listen|font size|text size|[a-z]+_icon|icon|bookmark|save|follow|next|previous|prev|next article|previous article|show more|view more|view comments|load more)$/i,
  /^\d+\s*(min|mins|minute|minutes)\s+read$/i,
  /^(follow|subscribe to|sign up for|join) (us|our)\b.{0,80}$/i,
  /^(download|get) (the|our) .{0,40}app\b.{0,60}$/i,
  // agency credits and source notes
  /^[—–-]?\s*\(?\s*(with )?(additional )?(input|inputs|reporting|report|contributions?) (from|by) .{1,80}$/i,
  /^(source|sources|via|courtesy|credit|credits)\s*:.{0,120}$/i,
  /^(published in|originally published (in|on|by)) .{1,100}$/i,
  /^(tags?|topics?|filed under|categories|category)\s*:.{0,200}$/i,
  /^(copyright|©|\(c\)|all rights reserved)\b.{0,150}$/i,
  // teasers for other stories
  /^(?:Related|RELATED)(\s*(articles?|stories|news|posts?|coverage|reading|content|topics))?\s*[:\-–—]?\s*(?=[A-Z"“'‘0-9]|$)/,
  /^(also read|read also|read more|see also|also see|watch|must read|don'?t miss)\s*[:\-–—|]\s*.{0,200}$/i,
  // photo captions and credits
  /^(photo|image|picture|pic|file photo|file image|representational (image|photo|picture)|screengrab|screenshot)\s*(credits?)?\s*[:\-–—|].{0,200}$/i,
  /\brepresentational (image|photo|picture|pic)\b/i,
  /(^|[\s/|(])(photo|image|picture|file photo|screengrab|courtesy)s?(\s*credits?)?\s*:\s*[^.!?]{1,60}$/i,
  /(^|\s)[—–]\s?(?:[A-Z][\w.&'’-]*|@\w+)(?:[ /]+(?:[A-Z][\w.&'’-]*|@\w+)){0,5}\)?\s*$/,
  // social-media embeds
  /^[—–-]?\s*(x|twitter|instagram|facebook|tiktok|youtube|threads)\s*\/\s*@?[\w.]+\s*$/i,
  /^[—–-]?\s*@[\w.]{1,40}\s*$/,
  /pic\.twitter\.com\/\w+/i,
  /^[—–-]\s*[^—–]{0,80}\(@\w{1,30}\)/,
  /^(a post shared by|view this post on instagram|embedded video|watch the video|click here|tap here)\b.{0,150}$/i,
  // bylines
  /^[Bb][Yy]\s*[:\-]?\s*[A-Z][\w.'’-]*(?:(?:\s+|\s*[,&|]\s*)(?:[A-Z][\w.'’-]*|and|of|the))*\s*$/,
  /^(staff|our|web|news|monitoring|special|sports|business|city|political|diplomatic|online) (reporter|correspondent|desk|report)\.?$/i,
  /^[A-Z](\.?[A-Z])*\.? [Rr]eport$/,
];

/** News-agency slugs trailing a paragraph ("… government. PTI SH SCY SCY"): stripped from the end. */
export const AGENCY_TAIL = /\s(?:PTI|IANS|ANI|UNI|APP|NNI|AFP|Reuters)(?:\s[A-Z]{2,4}){1,10}\s*$/;

/** How many trailing characters AGENCY_TAIL is tried against (bounds the work on long lines). */
export const AGENCY_TAIL_WINDOW = 80;

/**
 * BOILERPLATE_LINES joined into one alternation per set of flags: a line is tried against two patterns
 * instead of two dozen (any alternative matching is any pattern matching; none uses a back-reference).
 */
const BOILERPLATE_BY_FLAGS: readonly RegExp[] = [...new Set(BOILERPLATE_LINES.map((pattern) => pattern.flags))].map(
  (flags) =>
    new RegExp(
      BOILERPLATE_LINES.filter((pattern) => pattern.flags === flags)
        .map((pattern) => `(?:${pattern.source})`)
        .join('|'),
      flags,
    ),
);

export function isBoilerplateLine(line: string): boolean {
  if (line.length > MAX_BOILERPLATE_LINE) return false;
  return BOILERPLATE_BY_FLAGS.some((pattern) => pattern.test(line));
}

export function stripAgencyTail(paragraph: string): string {
  const cut = Math.max(0, paragraph.length - AGENCY_TAIL_WINDOW);
  const tail = paragraph.slice(cut);
  const match = AGENCY_TAIL.exec(tail);
  return match ? paragraph.slice(0, cut + match.index).trimEnd() : paragraph;
}
