// extract: one cleaned Article → the statements in it, attributed, dated and tagged.
//
// Pipeline per article (each stage a small module): segment (paragraphs, quotes, sentences, which
// paragraphs are headers) → rules per sentence (direct quotes and their attribution, reported speech,
// "according to", impersonal meeting reports) with a running discourse (who "he", "it", "the minister"
// are) → dates (the day of speaking from the words around the verb, then the speaker's other dated
// statements or meeting, then the publication day) → themes.
import type { Article, DateBasis, ExtractedStatement, IsoDate, Registry } from '../types.js';
import { bestMention, findDateMentions, findDayAfter, findDaysLater, resolveWeekday, shiftDays, type DateMention } from './dates.js';
import { DECISION_VERBS } from './lexicon.js';
import { compileRegistry, type CompiledRegistry } from './registry.js';
import {
  findAccordingTo,
  findDirectQuotes,
  findImpersonal,
  findReportedSpeech,
  introLength,
  maskQuotes,
  attributionAfter,
  contentStart,
  finiteOf,
  trimSpan,
  SPEECH_FRAME_WORDS,
  type Found,
  type SentenceContext,
} from './rules.js';
import { classifyParagraphs, findQuoteSpans, splitParagraphs, splitSentences, type QuoteSpan, type Sentence } from './segment.js';
import { Discourse, hitEntity, leadingSubject, type Voice } from './speakers.js';
import { themeIdsFor } from './themes.js';
import { collapseSpaces } from './text.js';

export type Extractor = (article: Article) => ExtractedStatement[];

const extractors = new WeakMap<Registry, Extractor>();

/** An extractor with the registry compiled once (alias regexes, role dates, name tokens). */
export function createExtractor(registry: Registry): Extractor {
  const compiled = compileRegistry(registry);
  return (article) => extractWith(article, compiled);
}

/** Every statement of one article: direct quotes and reported speech, attributed, dated, with offsets. */
export function extractStatements(article: Article, registry: Registry): ExtractedStatement[] {
  let extractor = extractors.get(registry);
  if (!extractor) {
    extractor = createExtractor(registry);
    extractors.set(registry, extractor);
  }
  return extractor(article);
}

interface Record {
  found: Found;
  sentence: Sentence;
}

interface SentenceNote {
  sentence: Sentence;
  /** Speakers this sentence is about (its subject, its statements, the people at its meeting). */
  keys: string[];
  meeting: boolean;
  statements: number;
}

const MEETING_WORDS = /\b(?:meeting|conference|presser|briefing|session|summit|moot|huddle|sitting)\b/i;
/** A sentence that says who took part in a meeting ("chaired by", "attended by", "alongside"). */
const PARTICIPATION = /\b(?:chair(?:ed|ing)|head(?:ed|ing)|attend(?:ed|ing)|presid(?:ed|ing)|participat(?:ed|ing)|alongside|along\s+with|held)\b/i;
/** A sentence reporting a meeting ("The cabinet met in Quetta on Wednesday", "a session held on …"). */
const MEETING_EVENT = /\b(?:met|meeting|session|huddle|moot|summit|conference|briefing|sitting|convened|chaired|presided)\b/i;
/** An occasion for speaking: a meeting, a visit, an address, a call, a release. */
const SPEECH_OCCASION =
  /\b(?:met|meets|meeting|session|huddle|moot|summit|conference|briefing|presser|sitting|convened|chaired|chairing|presided|presiding|attended|received|hosted|called\s+on|visit(?:ed|ing|s)?|address(?:ed|ing)?|spoke|speaking|speech|remarks|interview|talks|call(?:ed)?|telephoned|phoned|statement|release|message|tweet|post(?:ed)?|wrote|letter|ceremony|rally|gathering|jirga|arrived|reached|inaugurated|held)\b/i;
/** A statement told as coming before the occasion the article reports ("Earlier, …", "had stressed"). */
const PRIOR_OCCASION = /^\s*(?:earlier|previously|before\s+that|prior\s+to\s+(?:this|that))\b|\bhad\s+(?:\p{Ll}+ed|said|told|spoken|written|met)\b/iu;
/** Words of an attribution that place the statement at that meeting ("told the meeting", "after the session"). */
const MEETING_REFERENCE = /\b(?:the|this|that)\s+(?:same\s+)?(?:meeting|session|huddle|moot|sitting|summit|participants|forum|moot)\b/i;
/** Words that introduce or refer to an occasion for speech: a sitting, a debate, a briefing, a meeting. */
const OCCASION_WORDS =
  /\b(?:met|meets|meeting|session|sitting|debate[ds]?|debating|hearing|briefing|presser|conference|summit|moot|huddle|jirga|ceremony|convened|chaired|presided|addressed|addressing)\b/i;
/** Only a definite reference to an occasion already introduced ("told the meeting", "at the session"). */
const CONTINUED_OCCASION = /\b(?:the|this|that|same)\s+(?:[\p{L}-]+\s+)?(?:meeting|session|sitting|debate|hearing|briefing|presser|conference|summit|moot|huddle|jirga|ceremony|house|forum)\b/iu;
/** A new occasion: an indefinite one, or one convened, held or addressed. */
const NEW_OCCASION = /\b(?:an?\s+(?:[\p{L}-]+\s+){0,2}(?:meeting|session|sitting|debate|hearing|briefing|presser|conference|summit|moot|huddle|jirga|ceremony)|met|convened|chaired|presided)\b/iu;
/** Content that is only a pointer to something said or done elsewhere. */
const POINTER_ONLY = /^(?:it|them|this|that|these|those|him|her|so|such)$/i;
/** A deliberative body's proceedings ("The city council on Thursday passed a motion …"): an occasion for speech. */
const BODY_PROCEEDING =
  /\b(?:council|assembly|senate|parliament|house|cabinet|legislature|committee|lawmakers|legislators)\b[^.;]{0,40}?\b(?:passed|adopted|approved|debated|discussed|took\s+up|rejected|tabled|moved|sat|reconvened)\b/iu;
/** A statement made at the occasion the narration reports ("Taking the floor, …", "told the house"). */
const AT_THE_SESSION =
  /\b(?:taking\s+the\s+floor|(?:speaking|addressing|address|spoke|speech)\s+(?:in|on\s+the\s+floor\s+of|at|during|to)\s+the\s+(?:house|session|assembly|senate|meeting|sitting|debate|council|parliament|gathering|ceremony|jirga|conference|briefing)|address(?:ing|ed)\s+the\s+(?:house|session|assembly|senate|meeting|sitting|debate|council|parliament|gathering|ceremony|jirga|conference|participants|lawmakers)|in\s+(?:his|her|their|the)\s+(?:speech|address|remarks)|told\s+the\s+(?:house|session|assembly|senate|meeting|sitting|council|parliament|lawmakers|legislators|participants|gathering))\b/iu;
/** Words inside an object that make it a clause of its own (whose date is its event's, not the speaking's). */
const CLAUSE_IN_OBJECT = /\b(?:is|are|was|were|be|been|being|has|have|had|will|would|shall|could|should|can|may|might|must|did|does|do|to)\b|\b\p{Ll}{2,}ed\b/iu;
/** An event in the object ("condemned the killing of ten labourers on Sunday"): the day may be the event's. */
const EVENT_IN_OBJECT =
  /\b(?:attacks?|bombings?|blasts?|assaults?|killings?|killed|incidents?|violence|explosions?|strikes?|shootings?|massacre|ambush|raids?|operations?|riots?|protests?|clashes|arrests?|elections?|polls?|meetings?|session|sitting|talks|visit|deaths?|martyrdom)\b|\b(?:of|from|since|until|till|by|before|after)\s*$/iu;
/** "Monday's attacks", "Sunday's blast": a weekday naming the event after it (lower-cased text). */
const POSSESSIVE_DAY = /\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday)['’]s\s+(?:[a-z-]+\s+)?[a-z]+/;
const EVENT_NOUNS = /\b(?:attacks?|bombings?|blasts?|assaults?|killings?|incidents?|violence|explosions?|strikes?|shootings?|massacre|ambush|raids?|operation)\b/gi;

function extractWith(article: Article, registry: CompiledRegistry): ExtractedStatement[] {
  const text = article.text ?? '';
  if (!text.trim()) return [];
  const paragraphs = splitParagraphs(text);
  classifyParagraphs(text, paragraphs, article.title);
  const discourse = new Discourse(registry, article.published);
  const quotes = paragraphs.map((p) => findQuoteSpans(text, p.bodyStart, p.end));
  const { links, continued } = linkContinuedQuotes(text, paragraphs, quotes);
  const body = articleBody(text, discourse);

  const records: Record[] = [];
  const notes: SentenceNote[] = [];
  let previous: Voice[] | null = null;
  let previousAt = -1;
  const pending: Array<{ found: Found; last: QuoteSpan }> = [];
  const allSentences: Sentence[] = [];

  paragraphs.forEach((paragraph, p) => {
    const sentences = splitSentences(text, paragraph, quotes[p] ?? []);
    for (const sentence of sentences) {
      allSentences.push(sentence);
      const index = allSentences.length - 1;
      const raw = text.slice(sentence.start, sentence.end);
      // Names inside quotes are what was said, not who the narration is about ("the minister" later).
      discourse.scanMentions(blankQuotes(raw));
      const ctx: SentenceContext = {
        text,
        sentence,
        masked: raw,
        discourse,
        body,
        previous: index - previousAt <= 2 ? previous : null,
        direct: new Map(),
      };
      const intro = introLength(raw, 0);
      const floor = intro.length;
      ctx.questionIntro = intro.question;
      const note: SentenceNote = { sentence, keys: [], meeting: MEETING_WORDS.test(raw) && PARTICIPATION.test(raw), statements: 0 };
      notes.push(note);
      if (paragraph.skip) {
        const subject = leadingSubject(raw.slice(floor), discourse);
        discourse.noteSubject(subject);
        note.keys.push(...subject.map((v) => v.entity.key));
        continue;
      }
      const found: Found[] = [];
      found.push(...findDirectQuotes(ctx, floor, continued, links));
      attributeContinuations(ctx, pending);
      ctx.masked = maskQuotes(text, sentence, [...ctx.direct.keys(), ...sentence.quotes.filter((q) => continued.has(q))]);
      const according = findAccordingTo(ctx, floor);
      const reported = preferSpeakerOverSource(ctx, according, floor);
      const impersonal = reported.length || found.length ? [] : findImpersonal(ctx, floor);
      // "Sylvania also condemned it": a bare pronoun points at words said elsewhere and says nothing itself.
      const indirect = [...reported, ...impersonal].filter((f) => !POINTER_ONLY.test(text.slice(f.start, f.end)));
      mergeParticipleIntro(ctx, indirect, intro, floor);
      redirectDecisions(indirect, body, text);
      found.push(...indirect);
      if (!found.length) joinFirstPersonContinuation(ctx, records, index, allSentences);
      found.sort((a, b) => a.start - b.start);
      for (const f of found) {
        if (f.continuedTo) {
          // Its speaker may be named where the quotation ends, paragraphs later.
          pending.push({ found: f, last: f.continuedTo });
          records.push({ found: f, sentence });
        }
        if (!f.voices.length) continue;
        if (!f.continuedTo) records.push({ found: f, sentence });
        discourse.noteSubject(f.voices);
        note.keys.push(...f.voices.map((v) => v.entity.key));
        note.statements++;
        previous = f.voices;
        previousAt = index;
        if (SPEECH_FRAME_WORDS.test(withoutQuotes(raw)) || !discourse.lastRelease) discourse.lastRelease = f.voices[0] ?? null;
      }
      if (!found.length) {
        const subject = leadingSubject(raw.slice(floor), discourse);
        discourse.noteSubject(subject);
        note.keys.push(...subject.map((v) => v.entity.key));
      }
      if (note.meeting) {
        for (const hit of registry.findAliases(raw)) note.keys.push(hit.speaker.speaker.id);
      }
    }
  });
  const quoteSpans = quotes.flat();
  return finalise(article, registry, records, notes, quoteSpans, body);
}

const QUOTED = /“[^”]*”|"[^"]*"/g;

/** The words less what is inside quote marks (and the marks). */
function withoutQuotes(words: string): string {
  if (!words.includes('"') && !words.includes('“')) return words;
  return words.replace(QUOTED, '');
}

/** The words with what is inside quote marks (and the marks) blanked, offsets kept. */
function blankQuotes(words: string): string {
  if (!words.includes('"') && !words.includes('“')) return words;
  return words.replace(QUOTED, (quoted) => ' '.repeat(quoted.length));
}

/** ", according to a statement from the ministry" at the end: where the content stops, not content itself. */
const TRAILING_SOURCE =
  /,\s+according\s+to\s+(?:an?\s+|the\s+)?(?:[\p{L}'’.-]+\s+){0,6}?(?:statement|release|handout|communiqu[eé]|readout|transcript|notification|press\s+note|spokes(?:man|woman|person)|office|ministry|department|secretariat)\b[^,;]*[.!?]?\s*$/iu;

/**
 * "X said …, according to a statement issued by the President's Office": the statement is X's (the one
 * who said it), and the release is only where the words were published. A trailing "according to" frame
 * yields to a reporting verb before it; a leading one ("According to X, …") stands.
 */
function preferSpeakerOverSource(ctx: SentenceContext, according: Found[], floor: number): Found[] {
  const base = ctx.sentence.start;
  const trailing = according.filter((f) => f.verb === 'according to' && f.anchor > base + floor);
  if (according.length && trailing.length < according.length) return according;
  const reported = findReportedSpeech(ctx, floor);
  const tailAt = trailing[0]?.anchor ?? -1;
  const speakers = tailAt >= 0 ? reported.filter((f) => f.anchor < tailAt) : reported;
  if (tailAt >= 0 && !speakers.length) return according;
  for (const f of speakers) {
    const words = ctx.text.slice(f.start, f.end);
    const source = tailAt >= 0 && f.end > tailAt ? tailAt - f.start : words.search(TRAILING_SOURCE);
    if (source <= 0) continue;
    const cut = f.start + source;
    // The release may carry the day ("…, according to a statement issued on Monday"): it frames the verb.
    f.frames.push([cut, Math.max(cut, ctx.sentence.end)]);
    f.end = Math.max(f.start, trimSpan(ctx.text, f.start, cut)[1]);
  }
  return speakers.filter((f) => f.end > f.start);
}

/** A paragraph that ends inside a quote, followed by one that opens with a quote mark: one quotation. */
function linkContinuedQuotes(text: string, paragraphs: ReturnType<typeof splitParagraphs>, quotes: QuoteSpan[][]) {
  const links = new Map<QuoteSpan, QuoteSpan>();
  const continued = new Set<QuoteSpan>();
  for (let i = 0; i + 1 < paragraphs.length; i++) {
    const last = quotes[i]?.at(-1);
    const paragraph = paragraphs[i];
    const next = paragraphs[i + 1];
    const first = quotes[i + 1]?.[0];
    if (!last || !paragraph || !next || !first || last.closed || paragraph.skip || next.skip) continue;
    if (last.close !== paragraph.end || first.open !== next.bodyStart) continue;
    if (!/[“"«]/.test(text[first.open] ?? '')) continue;
    links.set(last, first);
    continued.add(first);
  }
  return { links, continued };
}

/** A multi-paragraph quote whose speaker is named after its last part (`…,” he said.`). */
function attributeContinuations(ctx: SentenceContext, pending: Array<{ found: Found; last: QuoteSpan }>) {
  for (let i = pending.length - 1; i >= 0; i--) {
    const item = pending[i];
    if (!item || !ctx.sentence.quotes.includes(item.last)) continue;
    pending.splice(i, 1);
    if (!item.last.closed) continue;
    const attribution = attributionAfter(ctx, item.last.close + 1 - ctx.sentence.start);
    if (attribution) {
      item.found.voices = attribution.voices;
      item.found.frames.push(attribution.frame);
    }
  }
}

/** The deliberative body the article reports on (for "it was decided"): the first one it names. */
function articleBody(text: string, discourse: Discourse): Voice | null {
  const { registry } = discourse;
  if (!registry.speakers.some((s) => s.kind === 'body')) return null;
  const head = text.slice(0, 200_000);
  // Line by line (a paragraph each), to stop at the first body named; a name broken across two
  // paragraphs is no name. Only lines where a body's alias appears at all are read in full.
  for (let from = registry.nextBodyAliasAt(head, 0); from >= 0 && from < head.length; ) {
    const lineStart = head.lastIndexOf('\n', from - 1) + 1;
    const newline = head.indexOf('\n', from);
    const to = newline < 0 ? head.length : newline;
    for (const hit of registry.findAliases(head.slice(lineStart, to))) {
      if (hit.speaker.kind === 'body') return { entity: hitEntity(head, { ...hit, start: hit.start + lineStart, end: hit.end + lineStart }, discourse), voice: null };
    }
    from = to + 1 < head.length ? registry.nextBodyAliasAt(head, to + 1) : -1;
  }
  return null;
}

/** "Vowing to …, Beijing denounced …": one statement from the participle's content to the end. */
function mergeParticipleIntro(ctx: SentenceContext, found: Found[], intro: ReturnType<typeof introLength>, floor: number): void {
  if (!intro.participle) return;
  const base = ctx.sentence.start;
  const main = found.find((f) => f.kind === 'indirect' && f.subjectStart <= base + floor + 2 && f.subjectStart >= base + floor - 2);
  if (!main) return;
  const from = contentStart(ctx.masked, intro.participle, intro.participleEnd);
  if (from < 0 || from >= floor) return;
  const [s] = trimSpan(ctx.text, base + from, main.end);
  if (s < main.start) {
    main.start = s;
    // The statement now opens with the participle's content: its verb is the participle's ("vowed").
    main.verb = finiteOf(intro.participle);
  }
}

/** "Pakistan decided to launch …" in an article about a body's meeting: the body decided. */
function redirectDecisions(found: Found[], body: Voice | null, text: string): void {
  if (!body) return;
  for (const f of found) {
    const verb = text.slice(f.anchor, f.anchor + 20).match(/^\w+/)?.[0] ?? '';
    const decision = DECISION_VERBS.has(verb) && f.voices.length === 1;
    const state = f.voices[0]?.entity;
    if (decision && state && state.kind === 'institution' && !state.foreign && state.speakerId && /^[\p{Lu}][\p{Ll}]+$/u.test(state.name)) {
      f.voices = [body];
    }
  }
}

/** "We condemn these attacks." after "Miller said that …": first-person words continue the reported speech. */
function joinFirstPersonContinuation(ctx: SentenceContext, records: Record[], index: number, sentences: Sentence[]): void {
  const previous = records.at(-1);
  const before = sentences[index - 1];
  if (!previous || !before || previous.sentence !== before || previous.found.kind !== 'indirect') return;
  if (before.paragraph !== ctx.sentence.paragraph) return;
  if (!/^\s*(?:We|I|Our|My)\b/.test(ctx.masked) || ctx.sentence.quotes.length) return;
  if (previous.found.end < before.end - 3) return;
  const [, e] = trimSpan(ctx.text, ctx.sentence.start, ctx.sentence.end);
  previous.found.end = e;
}

// ---------------------------------------------------------------------------------------------
// Dates and output

/** Sorted, non-overlapping spans covering the same positions. */
function disjointSpans(spans: Array<[number, number]>): Array<[number, number]> {
  const sorted = spans.filter(([s, e]) => e > s).sort((a, b) => a[0] - b[0]);
  const out: Array<[number, number]> = [];
  for (const [s, e] of sorted) {
    const last = out.at(-1);
    if (last && s <= last[1]) last[1] = Math.max(last[1], e);
    else out.push([s, e]);
  }
  return out;
}

/** The index of the last span starting at or before `at` (-1 when none does). */
function lastStartingBy(spans: Array<[number, number]>, at: number): number {
  let lo = 0;
  let hi = spans.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if ((spans[mid]?.[0] ?? Infinity) <= at) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

interface Dated {
  date: IsoDate | null;
  basis: DateBasis;
}

function finalise(
  article: Article,
  registry: CompiledRegistry,
  records: Record[],
  notes: SentenceNote[],
  quoteSpans: QuoteSpan[],
  body: Voice | null,
): ExtractedStatement[] {
  const text = article.text;
  const published = article.published;
  const insideQuote = (at: number) => quoteSpans.some((q) => at > q.open && at < q.close);
  // What the speakers said is not narration: a date in it dates what they spoke of, not when they spoke.
  const contents = disjointSpans(records.map(({ found }) => [found.start, found.end]));
  const insideContent = (at: number) => {
    const span = contents[lastStartingBy(contents, at)];
    return span !== undefined && at < span[1];
  };
  /** A sentence's narration: its words less quotes and reported content (each range worked out once). */
  const narrations = new Map<string, string>();
  const narrationOf = (from: number, to: number): string => {
    const key = `${from}:${to}`;
    let words = narrations.get(key);
    if (words === undefined) {
      words = blankedNarration(from, to);
      narrations.set(key, words);
    }
    return words;
  };
  const blankedNarration = (from: number, to: number): string => {
    let words = text.slice(from, to).replace(/“[^”]*”|"[^"]*"/g, (quoted) => ' '.repeat(quoted.length));
    for (let i = Math.max(0, lastStartingBy(contents, from)); i < contents.length; i++) {
      const [s, e] = contents[i] ?? [to, to];
      if (s >= to) break;
      if (e <= from) continue;
      const a = Math.max(s, from) - from;
      const b = Math.min(e, to) - from;
      words = words.slice(0, a) + ' '.repeat(b - a) + words.slice(b);
    }
    return words;
  };
  const narrationMentionsIn = (from: number, to: number): DateMention[] => mentionsIn(from, to).filter((m) => !insideContent(m.start));
  // The same sentences and frames are asked about again and again below: each range is read once.
  const mentionsByRange = new Map<string, DateMention[]>();
  const mentionsIn = (from: number, to: number): DateMention[] => {
    const key = `${from}:${to}`;
    let mentions = mentionsByRange.get(key);
    if (!mentions) {
      mentions = findDateMentions(text, from, to, published).filter((m) => !insideQuote(m.start));
      mentionsByRange.set(key, mentions);
    }
    return mentions;
  };
  const lowerWords = new Map<SentenceNote, string>();
  const wordsOf = (note: SentenceNote): string => {
    let words = lowerWords.get(note);
    if (words === undefined) {
      words = text.slice(note.sentence.start, note.sentence.end).toLowerCase();
      lowerWords.set(note, words);
    }
    return words;
  };

  const eventDate = (anchorAt: number): IsoDate | null => {
    const phrase = text.slice(anchorAt, anchorAt + 120).split(/[,.;]/, 1)[0] ?? '';
    const nouns = [...phrase.matchAll(EVENT_NOUNS)].map((m) => m[0].toLowerCase().replace(/s$/, ''));
    if (!nouns.length) return null;
    for (const note of notes) {
      const { start, end } = note.sentence;
      if (anchorAt >= start && anchorAt <= end) continue;
      const words = wordsOf(note);
      const at = nouns.map((noun) => words.indexOf(noun)).filter((i) => i >= 0);
      if (!at.length) continue;
      // "Monday's attacks": the day the event is named by.
      const named = published ? POSSESSIVE_DAY.exec(words) : null;
      if (named?.[1] && published && nouns.some((n) => named[0].includes(n))) return resolveWeekday(named[1], published);
      // Else the day nearest the event's noun ("… on Wednesday said that the attacks on Monday …").
      const noun = start + Math.min(...at);
      const strong = mentionsIn(start, end).filter((m) => m.strength >= 3);
      const nearest = strong.reduce<DateMention | undefined>((best, m) => (!best || Math.abs(m.start - noun) < Math.abs(best.start - noun) ? m : best), undefined);
      if (nearest) return nearest.date;
    }
    return null;
  };
  const dayAfter = (from: number, to: number): DateMention | null => {
    if (!published) return null;
    const [at] = findDayAfter(text, from, to);
    if (at === undefined) return null;
    const event = eventDate(at);
    // With the event undated, the remarks came the day before the report of them.
    const date = event ? shiftDays(event, 1) : shiftDays(published, -1);
    return { start: at, end: at, date, basis: 'relative', strength: 1 };
  };
  // "Two days later, …": counted from the last day the narration gave before the phrase.
  const daysLater = (from: number, to: number): DateMention[] => {
    const out: DateMention[] = [];
    for (const { at, days } of findDaysLater(text, from, to)) {
      if (insideQuote(at)) continue;
      const anchor = narrationMentionsIn(0, at).filter((m) => m.strength >= 2 && m.end <= at).at(-1);
      if (!anchor) continue;
      const date = shiftDays(anchor.date, days);
      if (!published || date <= published) out.push({ start: at, end: at, date, basis: 'relative', strength: 3 });
    }
    return out;
  };
  const outsideOwnContent = (found: Found) => (m: DateMention) => m.start < found.start || m.start >= found.end;
  /**
   * "announced his resignation on Monday, saying …": a day after the object (not after an event noun,
   * not inside a clause of its own) is when the speaker acted.
   */
  const adjunctDate = (found: Found): DateMention | null => {
    if (found.kind !== 'indirect') return null;
    for (const m of mentionsIn(found.start, found.end)) {
      if (m.strength < 2) continue;
      const phrase = text.slice(m.start, m.end);
      let before = text.slice(found.start, m.start);
      if (!/^(?:on\s|yesterday|today)/i.test(phrase)) {
        if (!/\bon\s*$/i.test(before)) continue;
        before = before.replace(/\s*\bon\s*$/i, '');
      }
      if (!before.trim() || CLAUSE_IN_OBJECT.test(before) || EVENT_IN_OBJECT.test(before)) continue;
      const after = text.slice(m.end, found.end);
      if (/^\s*(?:[.;]?\s*$|,\s*\p{Ll}+ing\b)/u.test(after)) return m;
    }
    return null;
  };
  const ownDate = (found: Found): DateMention | null => {
    const mentions: DateMention[] = [];
    for (const [from, to] of found.frames) {
      if (to <= from) continue;
      mentions.push(...mentionsIn(from, to).filter(outsideOwnContent(found)));
      const after = dayAfter(from, to);
      if (after && outsideOwnContent(found)(after)) mentions.push(after);
      mentions.push(...daysLater(from, to).filter(outsideOwnContent(found)));
    }
    const adjunct = adjunctDate(found);
    if (adjunct) mentions.push(adjunct);
    return bestMention(mentions, found.anchor);
  };

  // The day each speaker is dated to elsewhere in the article: by their dated statements, by dated
  // sentences about them, and by a dated meeting they attended.
  // `prior`: told as an earlier occasion ("Earlier, … had stressed"), so it dates what follows it, not
  // what the article reported before it.
  const context = new Map<string, Array<{ at: number; date: IsoDate; basis: DateBasis; prior?: boolean }>>();
  const addContext = (key: string, at: number, date: IsoDate, basis: DateBasis, prior = false) => {
    const list = context.get(key) ?? [];
    list.push({ at, date, basis, prior });
    context.set(key, list);
  };
  const owns = new Map<Found, DateMention | null>();
  /** The narration of the sentence a statement stands in, up to the statement's content. */
  const leadIn = (found: Found): string => {
    const note = notes.find(({ sentence }) => sentence.start <= found.start && found.start < sentence.end);
    return note ? text.slice(note.sentence.start, found.start) : '';
  };
  for (const record of records) {
    const own = ownDate(record.found);
    owns.set(record.found, own);
    if (own && own.strength >= 1) {
      const prior = PRIOR_OCCASION.test(leadIn(record.found));
      for (const v of record.found.voices) addContext(v.entity.key, record.found.start, own.date, own.basis, prior);
    }
  }
  let meetingDate: Dated | null = null as Dated | null;
  const meetingKeys = new Set<string>();
  for (const note of notes) {
    const { start, end } = note.sentence;
    const mentions = narrationMentionsIn(start, end).filter((m) => !/['’]s\b/.test(text.slice(m.end, m.end + 2)));
    const best = mentions.find((m) => m.strength >= 2) ?? dayAfter(start, end);
    // People at an undated meeting share the date of the body that met.
    if (note.meeting && !best && note.statements === 0) for (const key of note.keys) meetingKeys.add(key);
    if (!best) continue;
    // A dated sentence about a speaker dates their words only when it tells of an occasion for speech
    // (a meeting, a visit, a speech); "The group attacked a post yesterday" dates the attack, not what it said.
    if (note.statements === 0 && SPEECH_OCCASION.test(text.slice(start, end))) for (const key of note.keys) addContext(key, start, best.date, best.basis);
  }
  // Dated meetings, for statements that say they were made at or after "the meeting".
  const meetingDays: Array<{ at: number; date: IsoDate }> = [];
  for (const note of notes) {
    const { start, end } = note.sentence;
    const words = narrationOf(start, end);
    if (!MEETING_EVENT.test(words)) continue;
    const best = narrationMentionsIn(start, end).find((m) => m.strength >= 2);
    if (best) meetingDays.push({ at: start, date: best.date });
  }
  const meetingReferred = (found: Found): Dated | null => {
    if (!found.frames.some(([from, to]) => MEETING_REFERENCE.test(text.slice(from, to)))) return null;
    const before = meetingDays.filter((m) => m.at <= found.start).at(-1);
    return before ? { date: before.date, basis: 'relative' } : null;
  };
  if (body) {
    const bodyDates = context.get(body.entity.key);
    if (bodyDates?.[0]) meetingDate = { date: bodyDates[0].date, basis: 'relative' };
  }

  const contextDate = (voices: Voice[], at: number): Dated | null => {
    for (const v of voices) {
      const list = context.get(v.entity.key);
      if (!list?.length) continue;
      // The nearest dated mention before the statement (the list is not in text order).
      const before = list.filter((c) => c.at <= at).reduce<(typeof list)[number] | undefined>((best, c) => (!best || c.at >= best.at ? c : best), undefined);
      const chosen = before ?? list.find((c) => !c.prior);
      if (chosen) return { date: chosen.date, basis: 'relative' };
    }
    if (meetingDate && voices.some((v) => meetingKeys.has(v.entity.key) || v.entity.kind === 'body')) return meetingDate;
    return null;
  };
  /** Where the speaker was last dated before `at` (to tell whether an occasion came after it). */
  const contextAt = (voices: Voice[], at: number): number => {
    let latest = -1;
    for (const v of voices) for (const c of context.get(v.entity.key) ?? []) if (c.at <= at && c.at > latest) latest = c.at;
    return latest;
  };

  // Occasions for speech the narration introduces ("The Senate on Tuesday debated …", "at a press
  // briefing on Thursday"): their day dates the later speakers of the same occasion, until another
  // occasion is introduced (an undated one ends the run: its day is unknown).
  // Only the lead (its first two body paragraphs) sets the occasion; a later one only ends its run.
  const leadParagraphs = new Set<number>();
  for (const n of notes) {
    if (leadParagraphs.size >= 2) break;
    if (!n.sentence.paragraph.skip) leadParagraphs.add(n.sentence.paragraph.index);
  }
  // `day` is the occasion's own day; `date` only in the lead, where it dates the speakers that follow.
  const occasions: Array<{ at: number; date: IsoDate | null; day: IsoDate | null }> = [];
  for (const note of notes) {
    const { start, end } = note.sentence;
    const words = narrationOf(start, end);
    if (!OCCASION_WORDS.test(words) && !BODY_PROCEEDING.test(words)) continue;
    const best = narrationMentionsIn(start, end).filter((m) => !/['’]s\b/.test(text.slice(m.end, m.end + 2))).find((m) => m.strength >= 2);
    const inLead = leadParagraphs.has(note.sentence.paragraph.index);
    if (best) occasions.push({ at: start, date: inLead ? best.date : null, day: best.date });
    else if (!CONTINUED_OCCASION.test(words) || NEW_OCCASION.test(words)) occasions.push({ at: start, date: null, day: null });
  }
  /** "Taking the floor, …", "told the house": said at the occasion last reported, whose day it takes. */
  const atTheSession = (found: Found): boolean => found.frames.some(([from, to]) => to > from && AT_THE_SESSION.test(narrationOf(from, to)));
  // Foreign governments and armed groups speak through their own releases, never at the session.
  const occasionDate = (found: Found): { at: number; dated: Dated } | null => {
    if (found.voices.some((v) => v.entity.foreign || v.entity.kind === 'group')) return null;
    const before = occasions.filter((o) => o.at <= found.start).at(-1);
    const date = before?.date ?? (before && atTheSession(found) ? before.day : null);
    return before && date ? { at: before.at, dated: { date, basis: 'relative' } } : null;
  };
  const fallbackDate = (found: Found): Dated | null => {
    const occasion = occasionDate(found);
    const context = contextDate(found.voices, found.start);
    if (occasion && (!context || occasion.at > contextAt(found.voices, found.start))) return occasion.dated;
    return context;
  };

  const out: ExtractedStatement[] = [];
  const seen = new Set<string>();
  for (const { found } of records) {
    const own = owns.get(found) ?? null;
    const dated: Dated = own
      ? { date: own.date, basis: own.basis }
      : meetingReferred(found) ?? fallbackDate(found) ?? { date: published, basis: 'published' };
    const words = text.slice(found.start, found.end);
    if (!words.trim()) continue;
    const themes = registry.registry.themes.length ? themeIdsFor(words, registry.registry.themes, registry.registry.themeThreshold) : [];
    const sameWords = collapseSpaces(words.toLowerCase());
    for (const v of found.voices) {
      const key = `${v.entity.key}|${sameWords}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push({
        source: article.file,
        speakerId: v.entity.speakerId,
        speakerName: v.entity.name,
        voice: v.voice && v.voice !== v.entity.name ? v.voice : null,
        kind: found.kind,
        verb: found.kind === 'indirect' ? found.verb : null,
        text: words,
        date: dated.date,
        dateBasis: dated.basis,
        themes,
        start: found.start,
        end: found.end,
      });
    }
  }
  return out;
}
