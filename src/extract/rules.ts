// The rules that find statements in one sentence, textacy style: find quote spans and the cue verbs
// near them and take the verb's subject as the speaker (direct speech); find reporting verbs, their
// subjects and their content (reported speech); "according to X"; impersonal meeting reports.
// Offsets are into the article text; `masked` is the sentence with direct quotes blanked out.
import type { StatementKind } from '../types.js';
import {
  DECISION_VERBS,
  IMPERSONAL_VERBS,
  INTRO_OPENERS,
  LIGHT_VERBS,
  PHRASAL_PARTICLES,
  PRE_VERB_FILLER,
  QUOTE_ONLY_VERBS,
  REPORTING_PARTICIPLES,
  REPORTING_VERBS,
  SPEECH_NOUNS,
  TELL_VERBS,
} from './lexicon.js';
import { levenshtein } from './registry.js';
import type { QuoteSpan, Sentence } from './segment.js';
import { collapseSpaces } from './text.js';
import { leadingSubject, resolvePhrase, type Discourse, type Voice } from './speakers.js';

export interface Found {
  voices: Voice[];
  kind: StatementKind;
  start: number;
  end: number;
  /** Where the day of speaking may be written: subject, verb and attribution, never the content. */
  frames: Array<[number, number]>;
  /** The reporting verb's offset, to pick the nearest date phrase. */
  anchor: number;
  /** Where the speaker's phrase begins (for cutting a previous statement at a new clause). */
  subjectStart: number;
  /** Reported speech: the reporting verb or phrase, as "<verb> <content>" reads ("denied", "paid tribute to"); null for quotes. */
  verb: string | null;
  /** A direct quote running on into later paragraphs: its last part, where an attribution may follow. */
  continuedTo?: QuoteSpan;
}

export const MASK = '\u0001';

const VERB_ALTERNATION = [...REPORTING_VERBS].sort((a, b) => b.length - a.length).join('|');
const PARTICIPLE_ALTERNATION = [...REPORTING_PARTICIPLES].sort((a, b) => b.length - a.length).join('|');
const CUE_RE = new RegExp(`\\b(?:went\\s+on\\s+to\\s+say|(${VERB_ALTERNATION}))\\b`, 'g');
/** Non-global twin of CUE_RE for single look-ups (a global regex keeps state between calls). */
const QUOTE_VERB_ALTERNATION = [...REPORTING_VERBS, ...QUOTE_ONLY_VERBS].sort((a, b) => b.length - a.length).join('|');
const CUE_ONE = new RegExp(`\\b(?:went\\s+on\\s+to\\s+say|(${QUOTE_VERB_ALTERNATION}))\\b`);
const INVERTED_VERB = new RegExp(`^(?:${QUOTE_VERB_ALTERNATION})\\b`);
const VERB_BEFORE_QUOTE = new RegExp(`\\b(${QUOTE_VERB_ALTERNATION})((?:\\s+[^,:;\\u0001]{0,60}?)?)\\s*[,:]?\\s*$`);
const PARTICIPLE_RE = new RegExp(`\\b(${PARTICIPLE_ALTERNATION})\\b`, 'gi');
const PARTICIPLE_START = new RegExp(`^(?:${PARTICIPLE_ALTERNATION})\\b`, 'i');
const CLAUSAL_VERBS = new Set([
  'said', 'says', 'stated', 'told', 'tells', 'added', 'assured', 'reassured', 'assures', 'announced', 'announces',
  'clarified', 'noted', 'notes', 'stressed', 'stresses', 'emphasised', 'emphasized', 'emphasises', 'emphasizes', 'warned',
  'warns', 'insisted', 'asserted', 'explained', 'confirmed', 'maintained', 'declared', 'observed', 'remarked', 'revealed',
  'disclosed', 'informed', 'argued', 'claimed', 'claims', 'hoped', 'alleged', 'suggested', 'conceded', 'admitted',
  'contended', 'predicted', 'recalled', 'agreed', 'decided', 'reiterated', 'reiterates', 'affirmed', 'reaffirmed',
  'acknowledged', 'highlighted', 'underscored', 'underlined', 'pledged', 'vowed', 'promised', 'cautioned', 'wrote',
  'tweeted', 'went on to say', 'saying', 'stating', 'adding', 'noting', 'stressing', 'emphasising', 'emphasizing',
  'warning', 'insisting', 'asserting', 'explaining', 'confirming', 'maintaining', 'declaring', 'claiming', 'arguing',
  'telling', 'assuring', 'reiterating', 'affirming', 'reaffirming', 'acknowledging', 'highlighting', 'underscoring',
  'pledging', 'vowing', 'promising', 'hoping', 'alleging', 'recalling', 'cautioning', 'announcing', 'clarifying',
]);
const BE_BEFORE = /\b(?:is|are|was|were|been|being|be|to)\s+$/i;
const ADJUNCT_RE =
  /^\s*,?\s*(?:(?:a|one|two|three|\d+)\s+days?\s+(?:after|before)\s+(?:the|a|an|his|her|their|its|this|that)\s+(?:[\p{L}’'-]+\s+){0,2}?[\p{L}’'-]+(?=\s+that\b)|(?:on|late\s+on|early\s+on|last|this\s+past|on\s+the)\s+(?:\d{1,2}(?:st|nd|rd|th)\b|monday|tuesday|wednesday|thursday|friday|saturday|sunday|[a-z]+\s+\d{1,2}|\d{1,2}\s+[a-z]+)(?:\s+(?:night|morning|evening|afternoon))?|today|yesterday|(?:here|there)(?!\s+(?:is|was|were|are|has|have|had|will|would|could|should|may|might|must|can|seems?|seemed|appears?|appeared|remains?|remained|exists?|existed|lies|lay|comes?|came)\b)|again|also|further|strongly|categorically|firmly|publicly|once\s+again|(?:later|earlier)(?:\s+in\s+the\s+(?:day|evening|morning|night|week))?|(?:in|during|at|while\s+addressing|while\s+speaking\s+at|through)\s+(?:a|an|the|his|her|their|its)\s+(?:[\p{L}’'-]+\s+){0,4}?(?:statement|remarks|speech|address|message|letter|post|briefing|meeting|session|interview|conference|ceremony|visit|call|sitting|gathering|rally|event|huddle)(?:\s+(?:issued|released|held|posted)(?:\s+(?:here|on\s+\p{L}+|by\s+[^,]{1,40}))?)?|on\s+(?:(?:its|his|her|their)\s+(?:official\s+)?)?(?:X|Twitter|Facebook|Instagram|social\s+media)(?:\s+(?:account|handle|page))?|(?:to|with)\s+(?:reporters|journalists|newsmen|the\s+media|media(?:persons|men)?))\s*,?/iu;
const TRAILING_ADJUNCT_RE =
  /\s*,?\s+(?:(?:in|through)\s+(?:a|an|the|his|her|their|its)\s+(?:[\p{L}’'-]+\s+){0,3}?(?:statement|post|message|letter|tweet)(?:\s+on\s+(?:X|Twitter|Facebook))?(?:\s+(?:on\s+)?(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|today|yesterday))?(?:\s+(?:issued|released|sent|shared|posted|e-?mailed)\b[^,.;]{0,60})?|on\s+(?:X|Twitter|Facebook|social\s+media)|in\s+the\s+strongest\s+(?:possible\s+)?terms)[\s.!?]*$/iu;
const BOUNDARY_RE = /,\s+(?:but|while|whereas|and)\s+|;\s+|\s+but\s+|\s+(?:after|when|as|because|since|before|whereas)\s+/gi;
/** A release and its issuer as a subject ("A statement issued by the Prime Minister's Office"). */
const RELEASE_SUBJECT =
  /^\s*(?:an?|the)\s+(?:[\p{L}-]+\s+){0,2}?(?:statement|release|handout|communiqu[eé]|declaration|notification|message|letter)\s+(?:(?:issued|released|shared|sent|posted|put\s+out)\s+)?(?:by|from)\s+[^,;]+$/iu;
const STRAY_PUNCT = /^[\s,;:.\-–—]+|[\s,;:.\-–—!?]+$/gu;
const SPEECH_FRAME_WORDS = /\b(?:statement|release|declaration|communiqu[eé]|handout|letter|message|tweet|post)\b/i;

export interface SentenceContext {
  text: string;
  sentence: Sentence;
  masked: string;
  discourse: Discourse;
  /** The body whose meeting the article reports (for "it was decided"). */
  body: Voice | null;
  /** The speakers of the statement just before, for a quote that names no one. */
  previous: Voice[] | null;
  /** Quotes judged direct speech, with their speakers. */
  direct: Map<QuoteSpan, Voice[]>;
  /** The sentence opens with a question put to the speaker ("Asked whether …,"): its words never date the answer. */
  questionIntro?: boolean;
}

// ---------------------------------------------------------------------------------------------
// Small helpers

/** A subject without the auxiliaries and adverbs before its verb ("Naqvi has also strongly"). */
function stripFiller(text: string): string {
  let out = text.trimEnd();
  for (let i = 0; i < 3; i++) out = out.replace(PRE_VERB_FILLER, '').trimEnd();
  return out.trim();
}

/** How many runs of letters and digits the text has: `text.match(/[\p{L}\p{N}]+/gu).length`, counted without listing them. */
function wordsIn(text: string): number {
  let count = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    let wordChar: boolean;
    if (code < 0x80) wordChar = (code >= 0x30 && code <= 0x39) || ((code | 0x20) >= 0x61 && (code | 0x20) <= 0x7a);
    else {
      // A whole code point (a surrogate pair is one); a lone surrogate is neither letter nor digit.
      const point = text.codePointAt(i) ?? code;
      wordChar = LETTER_OR_DIGIT.test(String.fromCodePoint(point));
      if (point > 0xffff) i += 1;
    }
    if (wordChar && !inWord) count += 1;
    inWord = wordChar;
  }
  return count;
}

/** Trims whitespace and stray punctuation from [start, end) of the article text. */
export function trimSpan(text: string, start: number, end: number): [number, number] {
  let s = start;
  let e = end;
  while (s < e && /[\s,;:\-–—.]/u.test(text[s] ?? '')) s++;
  while (e > s && /[\s,;:\-–—.!?]/u.test(text[e - 1] ?? '')) e--;
  // A closing mark whose quote opened outside the span is not part of the words.
  if (e > s && /["”»]/.test(text[e - 1] ?? '')) {
    const inside = text.slice(s, e - 1);
    const opens = (inside.match(/[“«]/g) ?? []).length;
    const straight = (inside.match(/"/g) ?? []).length;
    const closes = (inside.match(/[”»]/g) ?? []).length;
    if ((text[e - 1] === '"' && straight % 2 === 0) || (text[e - 1] !== '"' && opens <= closes)) {
      e--;
      while (e > s && /[\s,;:.!?]/u.test(text[e - 1] ?? '')) e--;
    }
  }
  return [s, e];
}

/** A letter or digit in [from, to) of the masked sentence (the mask character is neither). */
function hasWords(masked: string, from: number, to: number): boolean {
  return LETTER_OR_DIGIT.test(masked.slice(from, to));
}
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/** Length of the introductory phrases at the start of a clause ("Addressing the meeting, "). */
/** "Asked whether the talks would resume, …": a question put to the speaker opens the sentence. */
const ASKED_LEAD = /^\s*(?:(?:when|after\s+being|on\s+being|upon\s+being|being)\s+)?asked\b/i;

/**
 * The question before the main clause ("Asked about the Authority's plan, she said …"): it may be long
 * and have its own verbs, commas and dates. It ends at the last comma before the first reporting verb
 * whose subject after that comma is short. Its length from `from`, or 0.
 */
function askedIntro(masked: string, from: number): number {
  const rest = masked.slice(from);
  if (!ASKED_LEAD.test(rest)) return 0;
  CUE_RE.lastIndex = 0;
  for (const cue of rest.matchAll(CUE_RE)) {
    const before = rest.slice(0, cue.index);
    const comma = before.lastIndexOf(', ');
    if (comma < 0) continue;
    if (wordsIn(before.slice(comma)) <= 8) return comma + 2;
  }
  return 0;
}

export function introLength(masked: string, from: number): { length: number; participle: string | null; participleEnd: number; question: boolean } {
  const asked = askedIntro(masked, from);
  if (asked > 0) return { length: asked, participle: null, participleEnd: -1, question: true };
  let at = from;
  let participle: string | null = null;
  let participleEnd = -1;
  for (let round = 0; round < 3; round++) {
    const rest = masked.slice(at);
    const lead = rest.match(/^\s*(?:but|and|so|yet)\s+/i)?.[0].length ?? 0;
    const clause = rest.slice(lead);
    const comma = clause.search(/,\s/);
    if (comma < 0 || comma > 220) break;
    const segment = clause.slice(0, comma);
    if (segment.includes(MASK)) break;
    const first = (segment.match(/^[\p{L}]+/u)?.[0] ?? '').toLowerCase();
    const timeLead = /^(?:a|one|two|three|several|few|\d+)\s+(?:day|days|hour|hours|week|weeks|month|months)\s+(?:after|before|later|earlier|ago)\b/i.test(segment);
    const ingLead = /^\p{Lu}\p{Ll}+ing\b/u.test(segment);
    if (/^according\s+to\b/i.test(segment)) break;
    if (!(INTRO_OPENERS.has(first) || timeLead || ingLead)) break;
    if (ingLead && PARTICIPLE_START.test(segment) && round === 0 && lead === 0) {
      participle = segment.match(/^[\p{L}]+/u)?.[0] ?? null;
      participleEnd = at + (participle?.length ?? 0);
    }
    at += lead + comma + 1;
    while (/\s/.test(masked[at] ?? '')) at++;
  }
  return { length: at - from, participle, participleEnd, question: false };
}

/** Offset just past a phrasal particle ("called for", "paid tribute to"), or `at`. */
function afterParticle(masked: string, verb: string, at: number): number {
  for (const [verbRe, particle] of PHRASAL_PARTICLES) {
    if (!verbRe.test(verb)) continue;
    const match = particle.exec(masked.slice(at));
    if (match) return at + match[0].length;
  }
  return at;
}

/** Participles the past tense of which is not the stem plus -ed. */
const IRREGULAR_PAST: Record<string, string> = { saying: 'said', paying: 'paid', telling: 'told', writing: 'wrote', sending: 'sent', hitting: 'hit', speaking: 'spoke' };

/** "saying" → "said", "noting" → "noted", "denying" → "denied", "labelling" → "labelled": a reporting participle as a finite verb. */
export function finiteOf(participle: string): string {
  const lower = participle.toLowerCase();
  const irregular = IRREGULAR_PAST[lower];
  if (irregular) return irregular;
  if (!lower.endsWith('ing')) return lower;
  const stem = lower.slice(0, -3);
  // A stem ending in consonant + y takes -ied; a silent e dropped before -ing comes back with -ed ("not" + "ed").
  return /[^aeiou]y$/.test(stem) ? `${stem.slice(0, -1)}ied` : `${stem}ed`;
}

/** Prepositions that start a place or an occasion after a listener ("told the CM on Monday in Quetta that"). */
const LISTENER_END = /\s+(?:on|in|at|during|from|after|before|while|via|over|near|outside|inside|through)\s.*$/is;

/**
 * Whom a telling verb addressed, as the article writes it ("reporters", "the City Herald", "the CM"):
 * the words from `from` to `to` after adjuncts, without the places, the dates and `that`.
 */
function listenerOf(masked: string, from: number, to: number): string {
  const pos = skipAdjuncts(masked, from);
  if (pos >= to) return '';
  const words = masked.slice(pos, to);
  const object = words.replace(/\s*\bthat\s*$/i, '').replace(LISTENER_END, '').replace(/[\s.,;:!?]+$/u, '').trim();
  if (object && !object.includes(MASK) && !/[,;]/.test(object) && wordsIn(object) <= 8) return object;
  const audience = AUDIENCE_RE.exec(` ${words}`) ?? NAMED_AUDIENCE.exec(` ${words}`);
  return audience ? audience[0].trim() : '';
}

/**
 * The reporting verb of reported speech as the article has it, read before its content: the verb, a
 * phrasal particle ("called for", "paid tribute to", "hit out at") and a telling verb's listener
 * ("told reporters"); adjuncts, places and `that` are left out. A participle is given as a finite verb
 * ("saying" → "said"), so that "<verb> <content>" reads as a sentence. The listener is looked for
 * between the verb and `listenerTo` (the content's start, or the attribution's end when the content came first).
 */
export function verbPhrase(ctx: SentenceContext, verbAt: number, verbEnd: number, listenerTo: number): string {
  const { masked, text } = ctx;
  const base = ctx.sentence.start;
  const word = masked.slice(verbAt, verbEnd);
  const lower = word.toLowerCase();
  const particleEnd = afterParticle(masked, lower, verbEnd);
  const head = PARTICIPLE_START.test(lower) && /ing$/.test(lower) ? finiteOf(lower) : word;
  let phrase = `${head}${text.slice(base + verbEnd, base + particleEnd)}`;
  if (TELL_VERBS.has(lower) || TELLING.test(lower)) {
    const listener = listenerOf(masked, particleEnd, listenerTo);
    if (listener) phrase = `${phrase} ${listener}`;
  }
  return collapseSpaces(phrase).trim().replace(/^\p{Lu}(?=\p{Ll}|\s|$)/u, (ch) => ch.toLowerCase());
}

function skipAdjuncts(masked: string, at: number): number {
  let pos = at;
  for (let i = 0; i < 4; i++) {
    const match = ADJUNCT_RE.exec(masked.slice(pos, pos + 200));
    if (!match || match[0].trim() === '' || match[0].trim() === ',') break;
    pos += match[0].length;
  }
  return pos;
}

/** Nouns for who is told something: people in the room, a forum, an outlet. Never the content. */
const AUDIENCE_NOUNS =
  'reporters|journalists|newsmen|newspersons|correspondents|media(?:persons|men)?|press|cabinet|committee|council|panel|commission|station|court|hearing|nation|students|villagers|elders|residents|workers|traders|soldiers|troops|officials|briefing|conference|meeting|session|sitting|gathering|rally|assembly|senate|parliament|house|audience|crowd|participants|ceremony|seminar|event|jirga|summit|delegation|mourners|supporters|agency|channel|newspaper|broadcaster|outlet|television|radio|lawmakers|legislators|interviewer|podcast|programme|program|show';
/** "told reporters", "told a regular press briefing", "told the Senate", "told a news agency". */
const AUDIENCE_RE = new RegExp(
  `^\\s+(?:(?:a|an|the|his|her|their|its|this)\\s+)?(?:(?!(?:a|an|the|that|this|to)\\s)[\\p{L}’'-]+\\s+){0,3}?(?:${AUDIENCE_NOUNS})(?:\\s+(?:${AUDIENCE_NOUNS}))*\\b(?:\\s+of\\s+(?:the\\s+)?(?:\\p{Lu}[\\p{L}’'-]*(?:\\s+\\p{Lu}[\\p{L}’'-]*)*|[\\p{Ll}’'-]+))?`,
  'iu',
);
/** "told Reuters", "told The Daily Star", "told Dawn.com": a named outlet or person is the audience too. */
const NAMED_AUDIENCE = /^\s+(?:[Tt]he\s+)?\p{Lu}[\p{L}.’'-]*(?:\s+\p{Lu}[\p{L}.’'-]*){0,3}(?![\p{L}])/u;
/** A place or occasion after an attribution ("in Washington", "at the Foreign Office", "at a briefing in Beijing"). */
const PLACE_PP =
  /^\s*,?\s*(?:in|at|from|outside|inside|near|on|via|over|during|through)\s+(?:(?:the|a|an|his|her|its|their)\s+)?(?:\p{Lu}[\p{L}.'’-]*(?:\s+(?:(?:of|for|and)\s+(?:the\s+)?)?\p{Lu}[\p{L}.'’-]*)*|(?:[\p{Ll}’'-]+\s+){0,3}?(?:capital|city|town|district|province|office|house|secretariat|headquarters|hall|club|chamber|briefing|conference|ceremony|session|meeting|event|call|interview|telephone|phone|sidelines|floor|premises|residence|hospital|site|venue|programme|program|show|gathering|rally)\b)/u;
/** What follows an attribution without being said: its occasion or the speaker's situation. */
const CIRCUMSTANCE_WORDS = `(?:after|before|while|whilst|when|as|following|amid|amidst|ahead\\s+of|upon|days?\\s+after|hours?\\s+after|\\p{Ll}+ed\\s+(?:by|with)|(?!(?:${PARTICIPLE_ALTERNATION}|according|\\p{Ll}*thing)\\b)\\p{Ll}+ing)\\b`;
/** Set off by a comma ("…, Naqvi said, after a string of attacks"); or right after an audience or a place. */
const CIRCUMSTANCE = new RegExp(`^\\s*,\\s*${CIRCUMSTANCE_WORDS}`, 'iu');
const CIRCUMSTANCE_AFTER_PLACE = new RegExp(`^\\s*,?\\s*${CIRCUMSTANCE_WORDS}`, 'iu');

const TELLING = /^(?:told|tells|telling)$/i;
/** Words that make what follows "told X" a clause (content), not more of the listener or the place. */
const FINITE_WORD =
  /\b(?:is|are|was|were|be|been|will|would|could|should|can|may|might|must|shall|has|have|had|did|does|do|not|that|(?<!\b(?:the|a|an|his|her|their|its|our|these|those|this|all|\p{Ll}+ly)\s+)\p{Ll}{3,}ed)\b/u;
/** A place or an occasion after an attribution, running to the end of the sentence ("at the launch in Turbat", "in Kech district"). */
const OCCASION_TAIL = /^\s*,?\s*(?:at|in|from|outside|inside|near|during|via|through)\s+(?!least\b|most\b|fact\b|all\b|turn\b|particular\b|short\b|general\b)[^,;:\u0001]{1,100}?[.!?]?\s*$/u;
/** An infinitive ("to hold talks"): what follows is a clause after all. */
const INFINITIVE = /\bto\s+(?!the\b|a\b|an\b|this\b|that\b|his\b|her\b|their\b|its\b)\p{Ll}+/u;
/** The rest of a sentence after "told" is its listener and places only: "told the cabinet.", "told journalists at the bridge." */
const LISTENER_TAIL =
  /^\s+(?:[\p{L}’'.-]+\s+){0,4}[\p{L}’'.-]+(?:\s*,?\s+(?:at|in|near|outside|inside|on|from|during|after|before|via|over)\s+(?:[\p{L}’'.-]+\s+){0,4}[\p{L}’'.-]+)*\s*[.!?]?\s*$/u;

/**
 * Where an attribution ends after its verb: past adjuncts, a telling verb's audience ("told reporters
 * in Washington on Monday") and places. `content` is false when nothing said follows, only the end of
 * the sentence or a circumstance ("…, Naqvi said, after a string of attacks").
 */
export function attributionEnd(masked: string, verb: string, verbEnd: number): { end: number; content: boolean } {
  let pos = skipAdjuncts(masked, verbEnd);
  const start = pos;
  if (TELLING.test(verb)) {
    // Nothing but a short noun phrase and its places to the end of the sentence: whom it was told to, and where.
    const rest = masked.slice(verbEnd);
    if (LISTENER_TAIL.test(rest) && !FINITE_WORD.test(rest)) return { end: masked.length - (rest.length - rest.trimEnd().replace(/[.!?]$/, '').length), content: false };
    const audience = AUDIENCE_RE.exec(masked.slice(pos)) ?? NAMED_AUDIENCE.exec(masked.slice(pos));
    if (audience) pos += audience[0].length;
  }
  for (let round = 0; round < 6; round++) {
    const adjunct = skipAdjuncts(masked, pos);
    const place = PLACE_PP.exec(masked.slice(adjunct));
    const next = place ? adjunct + place[0].length : adjunct;
    if (next === pos) break;
    pos = next;
  }
  const rest = masked.slice(pos);
  // Only a place or an occasion to the end ("said at the launch in Turbat"): nothing said follows.
  const occasionOnly = (from: number) => {
    const tail = masked.slice(from);
    return OCCASION_TAIL.test(tail) && !FINITE_WORD.test(tail) && !INFINITIVE.test(tail);
  };
  if (occasionOnly(verbEnd) || occasionOnly(start) || occasionOnly(pos)) return { end: masked.length - (rest.length - rest.trimEnd().replace(/[.!?]$/, '').length), content: false };
  const setOff = pos > start || /,\s*$/.test(masked.slice(verbEnd, pos));
  const circumstance = setOff ? CIRCUMSTANCE_AFTER_PLACE : CIRCUMSTANCE;
  // A direct quote (masked) after the attribution is its content, already taken.
  if (/^[\s.!?"”’,;:\u0001]*$/.test(rest) || circumstance.test(rest)) return { end: pos, content: false };
  return { end: pos, content: true };
}

/** What "called" convenes rather than says: an indefinite object, or an event noun ending its phrase. */
const CALLED_EVENT =
  /^\s+(?:an?\s|(?:the|its|his|her|their|this|that)\s+(?:[\p{L}-]+\s+){0,2}?(?:strikes?|shutdowns?|meetings?|sessions?|conferences?|rallies|rally|protests?|halt|ceasefire|truce|elections?|jirga|sit-ins?|march|vote|referendum|boycott|wheel-jam)\b(?=\s*(?:$|[,.;!?]|\s(?:in|at|on|across|for|from|over|against|after|before|during|to|by)\b)))/iu;

/**
 * Where the content of a reporting verb starts: past a phrasal particle, past adjuncts ("on Tuesday",
 * "during the meeting"), past the object of a telling verb and past `that`. -1 when the verb is not
 * speech here (a light verb without a speech noun, "called off").
 */
export function contentStart(masked: string, verb: string, verbEnd: number): number {
  const lower = verb.toLowerCase();
  let pos = afterParticle(masked, lower, verbEnd);
  if ((lower === 'hit' || lower === 'lashed' || lower === 'paid' || lower === 'paying') && pos === verbEnd) return -1;
  if ((lower === 'called' || lower === 'calling') && /^\s+(?:off|in|up|out)\b/i.test(masked.slice(pos))) return -1;
  // "called a strike", "called the meeting": an event convened, not words ("called it a crime", "called for" are).
  if ((lower === 'called' || lower === 'calling') && pos === verbEnd && CALLED_EVENT.test(masked.slice(pos))) return -1;
  // "called on the minister" is a visit; "called on the parties to show restraint" is speech.
  if ((lower === 'called' || lower === 'calling') && /^\s+(?:on|upon)\s/i.test(masked.slice(verbEnd)) && !/^[^,.;]{0,60}?\bto\s+\p{L}/u.test(masked.slice(pos))) return -1;
  if (LIGHT_VERBS.has(lower) && pos === verbEnd) {
    const rest = masked.slice(pos).trimStart();
    if (!SPEECH_NOUNS.test(rest)) return -1;
  }
  if (CLAUSAL_VERBS.has(lower)) {
    const window = masked.slice(pos, pos + 160);
    const that = /\bthat\b/i.exec(window);
    if (that && !/[,;"“”\u0001]/.test(window.slice(0, that.index)) && wordsIn(window.slice(0, that.index)) <= 12) {
      const between = window.slice(0, that.index);
      // Only adjuncts or a telling verb's object may stand between the verb and its `that`.
      if (TELL_VERBS.has(lower) || /^\s*(?:(?:on|in|during|at|to|later|earlier|today|yesterday|last|here|again|also|further|while|after|before|with|before)\b.*)?$/i.test(between)) {
        return pos + that.index + that[0].length;
      }
    }
  }
  if (CLAUSAL_VERBS.has(lower)) {
    // "told reporters in Quetta the roads were open": past the audience; nothing said when only a place or an occasion follows.
    const tail = attributionEnd(masked, lower, pos);
    if (!tail.content) return masked.length;
    if (TELLING.test(lower)) pos = tail.end;
  }
  pos = skipAdjuncts(masked, pos);
  const that = /^\s*that\b/i.exec(masked.slice(pos));
  if (that) pos += that[0].length;
  return pos;
}

/** The end of content starting at `from`: the sentence end, less trailing adjuncts such as "in a statement". */
function contentEnd(masked: string, from: number, limit: number): number {
  let end = limit;
  const mask = masked.indexOf(MASK, from);
  if (mask >= 0 && mask < end) end = mask;
  const tail = masked.slice(from, end);
  const trailing = TRAILING_ADJUNCT_RE.exec(tail);
  if (trailing) end = from + trailing.index;
  return end;
}

const ADDING = /^\s*,?\s*(?:and\s+)?(adding|noting|stressing|saying|emphasi[sz]ing|insisting|warning|asserting)\b/i;

/** ", adding that …" right after an attribution: the offset where the added content starts, else -1. */
function addingContent(masked: string, at: number): number {
  const match = ADDING.exec(masked.slice(at, at + 40));
  if (!match) return -1;
  return contentStart(masked, match[1] ?? '', at + match[0].length);
}

/** The participle of ", adding that …" as a finite verb ("added"). */
function addingVerb(masked: string, at: number): string {
  return finiteOf(ADDING.exec(masked.slice(at, at + 40))?.[1] ?? 'adding');
}

// ---------------------------------------------------------------------------------------------
// Direct speech

interface Attribution {
  voices: Voice[];
  frame: [number, number];
  /** Where the attribution's verb ends, to look for ", adding that …". */
  verbEnd: number;
}

/** `…,” Naqvi said`, `…,” said Langove`, `…,” Lin Jian, a spokesperson, said`, `…,” the German Consul General.` */
export function attributionAfter(ctx: SentenceContext, from: number): Attribution | null {
  const { masked, discourse } = ctx;
  const rest = masked.slice(from);
  const lead = rest.match(/^[\s,;:—–-]*/)?.[0].length ?? 0;
  const tail = rest.slice(lead);
  if (!tail.trim() || tail.startsWith(MASK)) return null;
  const inverted = INVERTED_VERB.exec(tail);
  if (inverted) {
    const afterVerb = tail.slice(inverted[0].length);
    const np = afterVerb.match(/^\s+([^,;.\u0001]{1,120}?)(?=\s+(?:in|on|at|during|while|to|after|before)\s|[,;.]|$)/u);
    const voices = np?.[1] ? resolvePhrase(np[1], discourse, { loose: true }) : [];
    if (!voices.length) return null;
    const verbEnd = from + lead + inverted[0].length;
    return { voices, frame: [ctx.sentence.start + from, ctx.sentence.start + masked.length], verbEnd: verbEnd + (np?.[0].length ?? 0) };
  }
  const cue = CUE_ONE.exec(tail);
  if (cue && wordsIn(tail.slice(0, cue.index)) <= 16) {
    const subject = stripFiller(tail.slice(0, cue.index));
    const voices = resolvePhrase(subject, discourse, { loose: true });
    if (!voices.length) return null;
    const verbEnd = from + lead + cue.index + cue[0].length;
    // The day may close a long attribution ("…,” X told reporters in Washington on Monday).
    const frameEnd = Math.max(skipAdjuncts(masked, verbEnd), attributionEnd(masked, cue[0], verbEnd).end);
    return { voices, frame: [ctx.sentence.start + from, ctx.sentence.start + frameEnd], verbEnd };
  }
  // No verb: a bare noun phrase closing the sentence names the speaker.
  const bare = tail.replace(/[.!?\s]+$/u, '');
  if (bare && wordsIn(bare) <= 12 && !/[,;]/.test(bare.replace(/^[^,]*,\s*[^,]*,?/, ''))) {
    const voices = resolvePhrase(bare, discourse);
    if (voices.length) return { voices, frame: [ctx.sentence.start + from, ctx.sentence.start + masked.length], verbEnd: masked.length };
  }
  return null;
}

/** `Naqvi said: “…”`, `He said, “…”`: a reporting verb and its subject right before the quote. */
export function attributionBefore(ctx: SentenceContext, to: number, clauseFrom: number): Attribution | null {
  const { masked, discourse } = ctx;
  const from = Math.max(clauseFrom, to - 240);
  const before = masked.slice(from, to);
  const match = VERB_BEFORE_QUOTE.exec(before);
  if (!match) return null;
  const adjunct = match[2] ?? '';
  // "told the cabinet that the attacks were a “conspiracy”": a quote inside the that-clause is part of it.
  if (/\bthat\s+[^\s,:]/.test(adjunct)) return null;
  // Only adjuncts and places may stand between the verb and the quote ("said at a briefing on the corridor, “…”").
  const covered = Math.max(skipAdjuncts(adjunct, 0), attributionEnd(adjunct, match[1] ?? '', 0).end);
  if (adjunct.trim() && covered < adjunct.replace(/[\s,:]+$/, '').length) return null;
  // The subject never reaches back into an earlier quote ("“Violence never wins,” a resident said, “…”").
  const head = before.slice(0, match.index);
  const quoteEnd = Math.max(head.lastIndexOf('”'), head.lastIndexOf('"'), head.lastIndexOf(MASK));
  const subjectText = stripFiller(head.slice(quoteEnd + 1));
  const lastComma = subjectText.lastIndexOf(', ');
  const voices = resolvePhrase(subjectText, discourse, { loose: true });
  const fallback = !voices.length && lastComma >= 0 ? resolvePhrase(subjectText.slice(lastComma + 2), discourse, { loose: true }) : [];
  const found = voices.length ? voices : fallback;
  if (!found.length) return null;
  return { voices: found, frame: [ctx.sentence.start + from, ctx.sentence.start + to], verbEnd: to };
}

/**
 * Direct speech in a sentence: quotes at a clause start or introduced by a reporting verb, attributed
 * after, before or (for a quote standing alone) to the speaker of the statement before.
 */
export function findDirectQuotes(ctx: SentenceContext, clauseFrom: number, continued: Set<QuoteSpan>, links: Map<QuoteSpan, QuoteSpan>): Found[] {
  const found: Found[] = [];
  const { text, sentence } = ctx;
  // The attribution after the last quote, for a quote it interrupts ("“A,” the mayor said, “and B.”").
  let interrupted = null as { closeRel: number; attribution: Attribution } | null;
  for (const quote of sentence.quotes) {
    if (continued.has(quote)) continue;
    const last = lastLinked(quote, links);
    const innerWords = wordsIn(text.slice(quote.innerStart, last.innerEnd));
    const relOpen = quote.open - sentence.start;
    const previousPart: { closeRel: number; attribution: Attribution } | null = interrupted;
    // Only the attribution (with its day or place) stands between the two parts.
    const attributionTo = previousPart ? attributionEnd(ctx.masked, 'said', previousPart.attribution.verbEnd).end : -1;
    const split: boolean =
      previousPart !== null && previousPart.attribution.verbEnd <= relOpen && attributionTo <= relOpen && /^[\s,:—–-]*(?:(?:and\s+)?(?:adding|saying|continuing|noting|stressing|warning|insisting)\b[\s,:—–-]*)?$/.test(ctx.masked.slice(attributionTo, relOpen));
    const resumed: Attribution | null = split && previousPart ? previousPart.attribution : null;
    interrupted = null;
    if (innerWords < 3 && !resumed) continue;
    const before = ctx.masked.slice(0, relOpen);
    const atStart = before.trim() === '' || /[:]\s*$/.test(before) || /^[\s\p{Lu}/,.-]{0,40}[:—–-]\s*$/u.test(before);
    const afterClause = /[,;—–(]\s*$/.test(before);
    const closeRel = last === quote ? (quote.closed ? quote.close + 1 - sentence.start : sentence.end - sentence.start) : -1;
    // A quote continued in the next paragraph is attributed there by the caller when nothing here names its speaker.
    let attribution: Attribution | null = resumed ?? (last === quote && closeRel >= 0 ? attributionAfter(ctx, closeRel) : null);
    if (attribution && !resumed && attribution.verbEnd >= 0) interrupted = { closeRel, attribution };
    const introduced = resumed ? null : attributionBefore(ctx, relOpen, clauseFrom);
    if (!attribution && introduced) attribution = introduced;
    const direct = atStart || afterClause || introduced !== null || resumed !== null;
    if (!direct) continue;
    if (!attribution) {
      const alone = closeRel < 0 || !hasWords(ctx.masked, closeRel, ctx.masked.length);
      if (!(atStart && alone && (ctx.previous || last !== quote))) continue;
      attribution = { voices: ctx.previous ?? [], frame: [sentence.start, sentence.start], verbEnd: -1 };
    }
    const [start, end] = trimSpan(text, quote.innerStart, last.innerEnd);
    if (end <= start) continue;
    ctx.direct.set(quote, attribution.voices);
    found.push({
      voices: attribution.voices,
      kind: 'direct',
      start,
      end,
      frames: [[sentence.start + (ctx.questionIntro ? clauseFrom : 0), quote.open], attribution.frame],
      anchor: attribution.frame[0],
      subjectStart: attribution.frame[0],
      verb: null,
      ...(last !== quote ? { continuedTo: last } : {}),
    });
  }
  return found;
}

function lastLinked(quote: QuoteSpan, links: Map<QuoteSpan, QuoteSpan>): QuoteSpan {
  let current = quote;
  for (let guard = 0; guard < 50; guard++) {
    const next = links.get(current);
    if (!next) break;
    current = next;
  }
  return current;
}

/** The sentence with its direct quotes blanked out, so reported-speech rules never look inside them. */
export function maskQuotes(text: string, sentence: Sentence, direct: Iterable<QuoteSpan>): string {
  let masked = text.slice(sentence.start, sentence.end);
  for (const quote of direct) {
    const from = Math.max(0, quote.open - sentence.start);
    const to = Math.min(masked.length, (quote.closed ? quote.close + 1 : sentence.end) - sentence.start);
    if (to > from) masked = masked.slice(0, from) + MASK.repeat(to - from) + masked.slice(to);
  }
  return masked;
}

// ---------------------------------------------------------------------------------------------
// Reported speech

interface Head {
  voices: Voice[];
  verb: string;
  /** The reporting verb or phrase to show (see Found.verb). */
  shown: string;
  verbAt: number;
  subjectAt: number;
  contentAt: number;
  decision: boolean;
}

const VERB_SET = new Set(REPORTING_VERBS);

/** "…, with Defence Minister Khawaja Asif stating that …". */
const WITH_PARTICIPLE = new RegExp(`\\bwith\\s+((?:[^\\s,;\\u0001]+\\s+){0,8}?[^\\s,;\\u0001]+)\\s+(${PARTICIPLE_ALTERNATION})\\b`, 'giu');
/** "X described Y as saying that …". */
const AS_SAYING = /\b(?:described|quoted|cited)\s+([^,;\u0001]{2,100}?)\s+as\s+saying\s+(?:that\s+)?/giu;
// What those patterns cannot match without: tried first, as most sentences have neither.
const HAS_WITH = /with/iu;
const HAS_AS_SAYING = /saying/iu;
const HAS_THAT = /that/u;
const MISSPELT_CUE = /\b(\p{Ll}{4,14}ed)\s+that\b/gu;

const misspelt = new Map<string, string | null>();

/** The reporting verb one letter off `word`, or null; each word is compared with the verbs once. */
function misspeltVerb(word: string): string | null {
  let verb = misspelt.get(word);
  if (verb === undefined) {
    verb = REPORTING_VERBS.find((candidate) => Math.abs(candidate.length - word.length) <= 1 && levenshtein(candidate, word, 1) <= 1) ?? null;
    if (misspelt.size > 20_000) misspelt.clear();
    misspelt.set(word, verb);
  }
  return verb;
}

/** "He pleged that …": a past-tense word one letter off a reporting verb, before `that`, is that verb. */
function misspeltCues(masked: string): Array<{ index: number; 0: string; 1: string }> {
  const out: Array<{ index: number; 0: string; 1: string }> = [];
  if (!HAS_THAT.test(masked)) return out;
  for (const match of masked.matchAll(MISSPELT_CUE)) {
    const word = match[1] ?? '';
    if (VERB_SET.has(word)) continue;
    const verb = misspeltVerb(word);
    if (verb) out.push({ index: match.index ?? 0, 0: word, 1: verb });
  }
  return out;
}

type Cue = { index: number; 0: string; 1: string | undefined };

/** The reporting verbs of a sentence (and misspelt ones), in text order, less those after "is", "was", "to"…. */
function reportingCues(masked: string): Cue[] {
  const cues: Cue[] = [];
  const keep = (index: number, words: string, verb: string | undefined) => {
    if (!BE_BEFORE.test(masked.slice(Math.max(0, index - 12), index))) cues.push({ index, 0: words, 1: verb });
  };
  CUE_RE.lastIndex = 0;
  for (let match = CUE_RE.exec(masked); match; match = CUE_RE.exec(masked)) keep(match.index, match[0], match[1]);
  for (const match of misspeltCues(masked)) keep(match.index, match[0], match[1]);
  // A stable sort: at the same offset (never seen), the verb would stay before the misspelt cue.
  return cues.sort((a, b) => a.index - b.index);
}

/** True when the words before `at` since ", but" / "; " / ", while" are only a short subject. */
function startsNewClause(masked: string, at: number): boolean {
  const before = masked.slice(Math.max(0, at - 80), at);
  const boundary = /(?:,\s+(?:but|while|whereas)|;|\s+but)\s+([^,;\u0001]{1,60})$/i.exec(before);
  return boundary !== null && wordsIn(boundary[1] ?? '') <= 6;
}

function insideAside(masked: string, boundaryAt: number, verbAt: number): boolean {
  const tail = masked.slice(boundaryAt, verbAt);
  if (!/,\s*$/.test(tail) || tail.replace(/,\s*$/, '').includes(',')) return false;
  const open = masked.lastIndexOf(',', boundaryAt - 1);
  if (open < 0) return false;
  const aside = masked.slice(open + 1, boundaryAt).trim();
  return /^(?:\p{Ll}+ing|\p{Ll}+ed|in|at|on|during|while|for|with|speaking|talking)\b/u.test(aside) && !aside.includes(MASK);
}

/** The start of the clause a verb at `at` belongs to: after the intro and the last clause boundary. */
function clauseStartFor(masked: string, at: number, floor: number): number {
  let start = floor;
  BOUNDARY_RE.lastIndex = 0;
  for (let match = BOUNDARY_RE.exec(masked); match && match.index < at; match = BOUNDARY_RE.exec(masked)) {
    const end = match.index + match[0].length;
    // "A statement issued by X after the meeting said": a time phrase inside the subject, not a clause.
    if (/^\s+\p{L}/u.test(match[0]) && RELEASE_SUBJECT.test(masked.slice(start, match.index))) continue;
    // "Naqvi, speaking after the committee meeting, said": a conjunction inside an aside set off by
    // commas before the verb does not start the verb's clause.
    if (insideAside(masked, match.index, at)) continue;
    if (end <= at && end > start) start = end;
  }
  const mask = masked.lastIndexOf(MASK, at);
  if (mask >= start) start = mask + 1;
  while (start < at && /[\s,;:—–-]/.test(masked[start] ?? '')) start++;
  return start;
}

function subjectVoices(ctx: SentenceContext, subjectText: string, clauseText: string): Voice[] {
  const cleaned = stripFiller(subjectText).trim();
  if (!cleaned) return [];
  if (/(?:^|[\s,])and$/i.test(cleaned)) return leadingSubject(clauseText, ctx.discourse);
  if (wordsIn(cleaned) > 30) return [];
  // A list cut at its last ", and": the whole clause names every speaker ("A, B, and C condemned").
  const full = stripFiller(clauseText).trim();
  if (full !== cleaned && wordsIn(full) <= 30 && /,\s+and\s+[^,]*$/.test(full) && !full.includes(MASK)) {
    const all = resolvePhrase(full, ctx.discourse);
    if (all.length > 1) return all;
  }
  return resolvePhrase(cleaned, ctx.discourse);
}

const RELATIVE_PRONOUN = /which|whom|that/iu;

/** Words before "that" that make it a conjunction ("said that", "so that"), not a relative pronoun. */
const THAT_CONJUNCTION_BEFORE = /^(?:so|such|now|given|provided|except|but|and|is|was|are|were|be|been|means|meant|\p{Ll}+ing)$/u;
/** An auxiliary or finite verb inside the stretch after a relative pronoun: then it is a clause of its own. */
const FINITE_IN_NP = /\b(?:is|are|was|were|has|have|had|will|would|could|should|can|may|might|must|did|does)\b/i;

/**
 * True when the words before a verb end in an object relative clause's pronoun and subject
 * ("…, which the group", "…, for which the MLF", "the attacks that the MLF"): the verb has no content
 * of its own. "…, who said …" (the pronoun is the subject) is not one.
 */
function insideObjectRelative(before: string): boolean {
  // The pattern is anchored at the end and tried from every offset: first make sure a pronoun is there.
  if (!RELATIVE_PRONOUN.test(before)) return false;
  const rel = /(?:^|[\s,])(?<!\b(?:in|to|by|with|on|at|from|under|through|during|after|before|since)\s)(?:(?:for|of|about)\s+)?(which|whom|that)\s+([^,;\u0001]{1,60}?)\s*$/iu.exec(before);
  if (!rel) return false;
  const subject = stripFiller(rel[2] ?? '');
  if (!subject || wordsIn(subject) > 6 || FINITE_IN_NP.test(subject)) return false;
  if (!/^(?:the|a|an|its|his|her|their|this|these|those|\p{Lu})/u.test(subject)) return false;
  if ((rel[1] ?? '').toLowerCase() === 'that') {
    const word = before.slice(0, rel.index + rel[0].indexOf(rel[1] ?? '')).trim().split(/\s+/).at(-1) ?? '';
    if (!word || VERB_SET.has(word.toLowerCase()) || CLAUSAL_VERBS.has(word.toLowerCase()) || THAT_CONJUNCTION_BEFORE.test(word.toLowerCase())) return false;
    if (!/^\p{L}+$/u.test(word)) return false;
  }
  return true;
}

/** Reporting verbs with a subject that names a speaker and content after them (or before them). */
export function findReportedSpeech(ctx: SentenceContext, floor: number): Found[] {
  const { masked, sentence, discourse } = ctx;
  const base = sentence.start;
  const found: Found[] = [];
  const claimed: Array<[number, number]> = [];
  const isClaimed = (at: number) => claimed.some(([s, e]) => at >= s && at < e);
  const limit = masked.length;
  const heads: Head[] = [];

  // "X described Y as saying that …": Y is the speaker.
  for (const match of HAS_AS_SAYING.test(masked) ? masked.matchAll(AS_SAYING) : []) {
    const voices = resolvePhrase(match[1] ?? '', discourse);
    if (!voices.length) continue;
    const at = (match.index ?? 0) + match[0].length;
    heads.push({ voices, verb: 'saying', shown: 'said', verbAt: match.index ?? 0, subjectAt: match.index ?? 0, contentAt: at, decision: false });
    claimed.push([match.index ?? 0, limit]);
  }

  const cues = reportingCues(masked);
  // "The US condemned the attacks, the US embassy said in a statement.": the closing attribution decides.
  const closing = cues.at(-1);
  if (closing && closing.index >= floor && !heads.length) {
    const verbEnd = closing.index + closing[0].length;
    const before = masked.slice(floor, closing.index);
    if (!attributionEnd(masked, closing[0], verbEnd).content && /,[^,]*$/.test(before) && !before.includes(MASK)) {
      const trailing = trailingAttribution(ctx, floor, clauseStartFor(masked, closing.index, floor), closing.index, verbEnd);
      if (trailing?.length) return trailing;
    }
  }
  for (const match of cues) {
    const at = match.index;
    const verb = match[1] ?? 'said';
    if (at < floor) continue;
    // "The raids, which the group claimed, killed nine": the verb's object is the noun the clause
    // modifies, so nothing is said; the narration goes on about that noun.
    if (insideObjectRelative(masked.slice(floor, at))) continue;
    // Inside earlier content, only a new clause with its own speaker counts ("…, but Delhi denied …").
    if (isClaimed(at) && !startsNewClause(masked, at)) continue;
    if (BE_BEFORE.test(masked.slice(Math.max(0, at - 12), at))) continue;
    const verbEnd = at + match[0].length;
    const start = contentStart(masked, verb, verbEnd);
    if (start < 0) continue;
    const clauseAt = clauseStartFor(masked, at, floor);
    const subjectText = masked.slice(clauseAt, at);
    const end = contentEnd(masked, start, limit);
    if (hasWords(masked, start, end) && !masked.slice(start, end).trimStart().startsWith(MASK)) {
      const afterAdding = /^\s*,?\s*adding\b/i.test(masked.slice(verbEnd, verbEnd + 12));
      if (!afterAdding) {
        const voices = subjectVoices(ctx, subjectText, masked.slice(floor, at));
        if (voices.length) {
          // A misspelt verb is shown as the verb it stands for.
          const shown = match[0] === verb || !match[1] ? verbPhrase(ctx, at, verbEnd, start) : verb;
          heads.push({ voices, verb, shown, verbAt: at, subjectAt: clauseAt, contentAt: start, decision: DECISION_VERBS.has(verb) });
          claimed.push([start, limit]);
          continue;
        }
      }
    }
    // No content after the verb: an attribution at the end or in the middle of the sentence.
    const trailing = trailingAttribution(ctx, floor, clauseAt, at, verbEnd);
    if (trailing) {
      found.push(...trailing);
      claimed.push([floor, limit]);
    }
  }

  // "…, with Defence Minister Khawaja Asif stating that …".
  for (const match of HAS_WITH.test(masked) ? masked.matchAll(WITH_PARTICIPLE) : []) {
    const at = (match.index ?? 0) + match[0].length - (match[2]?.length ?? 0);
    if (isClaimed(at)) continue;
    const voices = resolvePhrase(match[1] ?? '', discourse);
    const start = contentStart(masked, match[2] ?? '', at + (match[2]?.length ?? 0));
    if (!voices.length || start < 0) continue;
    const shown = verbPhrase(ctx, at, at + (match[2]?.length ?? 0), start);
    heads.push({ voices, verb: match[2] ?? '', shown, verbAt: at, subjectAt: match.index ?? 0, contentAt: start, decision: false });
    claimed.push([start, limit]);
  }

  // "The military issued a statement later in the day, saying that …": the clause's subject speaks.
  PARTICIPLE_RE.lastIndex = 0;
  for (let match = PARTICIPLE_RE.exec(masked); match; match = PARTICIPLE_RE.exec(masked)) {
    const at = match.index;
    if (at < floor || isClaimed(at) || !/,\s*$/.test(masked.slice(Math.max(0, at - 3), at))) continue;
    const start = contentStart(masked, match[1] ?? '', at + match[0].length);
    if (start < 0 || !hasWords(masked, start, contentEnd(masked, start, limit))) continue;
    const voices = leadingSubject(masked.slice(floor, at), discourse);
    if (!voices.length) continue;
    const shown = verbPhrase(ctx, at, at + match[0].length, start);
    heads.push({ voices, verb: match[1] ?? '', shown, verbAt: at, subjectAt: floor, contentAt: start, decision: false });
    claimed.push([start, limit]);
  }

  heads.sort((a, b) => a.verbAt - b.verbAt);
  heads.forEach((head, i) => {
    const next = heads[i + 1];
    let end = contentEnd(masked, head.contentAt, limit);
    // "… in a statement issued by his office on Saturday": not said, but it may date the saying.
    const releaseTail: Array<[number, number]> = end < limit && TRAILING_ADJUNCT_RE.test(masked.slice(head.contentAt, limit)) ? [[base + end, base + limit]] : [];
    // A claim of responsibility is the noun phrase "responsibility for …", not the clauses after it.
    if (/^\s*(?:the\s+)?responsibility\b/i.test(masked.slice(head.contentAt, head.contentAt + 20))) {
      // …unless a participle of speech carries the claim on: one statement to its end ("…, saying it had targeted …").
      const span = masked.slice(head.contentAt, end);
      const comma = span.search(/[,;]/);
      const carriedOn = [...span.matchAll(/[,;]\s*/g)].some((m) => PARTICIPLE_START.test(span.slice((m.index ?? 0) + m[0].length)));
      if (comma > 0 && !carriedOn) end = head.contentAt + comma;
    }
    // A later clause with its own speaker ends this one ("…, but Delhi denied the allegations").
    if (next && next.subjectAt > head.contentAt && next.subjectAt < end) {
      const cut = masked.slice(head.contentAt, next.subjectAt).search(/(?:,\s+(?:but|while|whereas|and)\s+|;\s+|\s+but\s+|\s+(?:after|when|as|because|since|before|whereas)\s+)[^,;]*$/i);
      if (cut >= 0) end = head.contentAt + cut;
    }
    const [s, e] = trimSpan(ctx.text, base + head.contentAt, base + end);
    if (e <= s) return;
    found.push({
      voices: head.voices,
      kind: 'indirect',
      start: s,
      end: e,
      // The intro before a main clause may date it ("Speaking on the floor of the Senate today, …").
      frames: [[base + (head.subjectAt <= floor ? (ctx.questionIntro ? floor : 0) : head.subjectAt), base + head.contentAt], ...(e >= base + end ? releaseTail : [])],
      anchor: base + head.verbAt,
      subjectStart: base + head.subjectAt,
      verb: head.shown,
    });
  });
  return found;
}

/**
 * An attribution with nothing after its verb: `CONTENT, SPEAKER said.` (content before), `A, he
 * affirmed, B` (the whole sentence), `“…,” he said, adding that …` (the added clause only).
 */
function trailingAttribution(ctx: SentenceContext, floor: number, clauseAt: number, verbAt: number, verbEnd: number): Found[] | null {
  const { masked, sentence, discourse } = ctx;
  const base = sentence.start;
  // Nothing said after the verb: only its audience, a place, the sentence end or a circumstance.
  const tail = attributionEnd(masked, masked.slice(verbAt, verbEnd), verbEnd);
  // A quote after the verb is its content ("Paying tribute …, Naqvi said, “…”"): the words before are not.
  const quoteAfter = masked.slice(tail.end).includes(MASK);
  const afterVerb = tail.content || quoteAfter ? skipAdjuncts(masked, verbEnd) : masked.length;
  const frameEnd = tail.content ? masked.length : tail.end;
  const rest = masked.slice(afterVerb);
  const out: Found[] = [];
  // The verb, with a telling verb's listener ("told reporters"), shown before content that came first.
  const shown = verbPhrase(ctx, verbAt, verbEnd, tail.end);
  // The subject: the last comma segment before the verb, or two for an appositive ("Dr. X, the spokesperson,").
  const before = masked.slice(floor, verbAt);
  let subjectFrom = Math.max(before.lastIndexOf(','), before.lastIndexOf(MASK));
  let subjectText = before.slice(subjectFrom + 1);
  // "…, said Farid Kazmi": a name right after the verb is an inverted subject, not an appositive before it.
  const npAfter = masked.slice(verbEnd).match(/^\s+([^,;.\u0001]{1,80}?)(?=\s+(?:in|on|at|during|while)\s|[,;.]|$)/u);
  const invertible = !TELLING.test(masked.slice(verbAt, verbEnd).trim());
  const invertedSubject = invertible && !subjectText.trim() && npAfter?.[1] ? resolvePhrase(npAfter[1], discourse, { loose: true }) : [];
  if (!subjectText.trim() && subjectFrom > 0 && !invertedSubject.length) {
    const prev = before.lastIndexOf(',', subjectFrom - 1);
    const prev2 = prev > 0 ? before.lastIndexOf(',', prev - 1) : -1;
    subjectText = before.slice(prev2 + 1, subjectFrom);
    subjectFrom = prev2;
  }
  const inverted = subjectText.includes(MASK) || !subjectText.trim();
  let voices: Voice[] = [];
  let contentEndAt = floor + Math.max(0, subjectFrom);
  if (inverted) {
    // "“…,” said Langove, adding that …": the subject follows the verb.
    const np = npAfter;
    voices = np?.[1] ? resolvePhrase(np[1], discourse, { loose: true }) : [];
    const addingAt = verbEnd + (np?.[0].length ?? 0);
    const adding = addingContent(masked, addingAt);
    if (!voices.length) return null;
    if (adding >= 0) return [indirectFound(ctx, voices, adding, masked.length, verbEnd, verbAt, addingVerb(masked, addingAt))];
    // "The road will reopen, said Farid Kazmi, who …": the clause before the inverted attribution.
    const contentFrom = sentenceFloor(masked);
    const contentTo = floor + Math.max(0, subjectFrom);
    if (subjectText.includes(MASK) || !hasWords(masked, contentFrom, contentTo) || masked.slice(contentFrom, contentTo).includes(MASK)) return null;
    const [s, e] = trimSpan(ctx.text, base + contentFrom, base + contentTo);
    if (e <= s) return null;
    return [{ voices, kind: 'indirect', start: s, end: e, frames: [[base + verbAt, base + masked.length]], anchor: base + verbAt, subjectStart: base + verbAt, verb: shown }];
  }
  if (wordsIn(subjectText) > 14) return null;
  voices = resolvePhrase(stripFiller(subjectText), discourse, { loose: true });
  if (!voices.length) return null;
  const adding = addingContent(masked, afterVerb);
  if (adding >= 0) {
    out.push(indirectFound(ctx, voices, adding, masked.length, floor + subjectFrom + 1, verbAt, addingVerb(masked, afterVerb)));
    // The part before belongs to a direct quote (blanked out) when it is all mask.
  }
  const contentFrom = sentenceFloor(masked);
  if (/^\s*,\s*\S/.test(rest) && adding < 0 && hasWords(masked, afterVerb, masked.length)) {
    // "Such actions, he affirmed, would not deter …": the whole sentence is the content.
    if (hasWords(masked, contentFrom, floor + subjectFrom)) {
      out.push(indirectFound(ctx, voices, contentFrom, masked.length, floor + subjectFrom + 1, verbAt, shown));
    }
    return out.length ? out : null;
  }
  if (/^[\s.!?"”]*$/.test(rest) || adding >= 0) {
    contentEndAt = floor + Math.max(0, subjectFrom);
    if (hasWords(masked, contentFrom, contentEndAt) && !masked.slice(contentFrom, contentEndAt).includes(MASK)) {
      const [s, e] = trimSpan(ctx.text, base + contentFrom, base + contentEndAt);
      if (e > s) {
        out.push({
          voices,
          kind: 'indirect',
          start: s,
          end: e,
          frames: [[base + floor + subjectFrom + 1, base + frameEnd]],
          anchor: base + verbAt,
          subjectStart: base + floor + subjectFrom + 1,
          verb: shown,
        });
      }
    }
  }
  return out.length ? out : null;
}

/** Where a sentence's own words start (its dateline is already outside the sentence). */
function sentenceFloor(masked: string): number {
  return masked.length - masked.trimStart().length;
}

function indirectFound(ctx: SentenceContext, voices: Voice[], from: number, to: number, frameFrom: number, verbAt: number, verb: string): Found {
  const base = ctx.sentence.start;
  const end = contentEnd(ctx.masked, from, to);
  const [s, e] = trimSpan(ctx.text, base + from, base + end);
  return {
    voices,
    kind: 'indirect',
    start: s,
    end: Math.max(s, e),
    frames: [[base + frameFrom, base + from]],
    anchor: base + verbAt,
    subjectStart: base + frameFrom,
    verb,
  };
}

/** "According to X, …" at the start of a sentence, or "…, according to X." at its end. */
export function findAccordingTo(ctx: SentenceContext, floor: number): Found[] {
  const { masked, sentence, discourse } = ctx;
  const base = sentence.start;
  const lead = /^\s*(?:but\s+|and\s+)?according\s+to\s+/i.exec(masked.slice(floor));
  if (lead) {
    const from = floor + lead[0].length;
    const rest = masked.slice(from);
    let comma = rest.search(/,\s/);
    if (comma < 0) return [];
    let phrase = rest.slice(0, comma);
    // An appositive name after the comma: "According to Ministry of Information, Shahid Rind, police …".
    const next = rest.slice(comma + 2);
    const appositive = /^((?:\p{Lu}[\p{L}.'’-]*\s*){1,4}),\s/u.exec(next);
    if (appositive && !/^(?:The|A|An|In|On|At)\b/.test(appositive[1] ?? '')) {
      phrase = `${phrase}, ${appositive[1]}`;
      comma += 2 + (appositive[0].length - 2);
    }
    const voices = accordingVoices(phrase, discourse, false);
    if (!voices.length) return [];
    const contentFrom = from + comma + 1;
    const [s, e] = trimSpan(ctx.text, base + contentFrom, base + contentEnd(masked, contentFrom, masked.length));
    if (e <= s) return [];
    return [{ voices, kind: 'indirect', start: s, end: e, frames: [[base + floor, base + contentFrom]], anchor: base + floor, subjectStart: base + floor, verb: 'according to' }];
  }
  const tail = /,\s+according\s+to\s+([^,;\u0001]{2,120}?)\s*[.!?]?\s*$/i.exec(masked);
  if (tail && tail.index > floor) {
    const voices = accordingVoices(tail[1] ?? '', discourse, true);
    if (!voices.length) return [];
    const [s, e] = trimSpan(ctx.text, base + sentenceFloor(masked), base + tail.index);
    if (e <= s) return [];
    return [{ voices, kind: 'indirect', start: s, end: e, frames: [[base + tail.index, base + masked.length]], anchor: base + tail.index, subjectStart: base + tail.index, verb: 'according to' }];
  }
  return [];
}

/** The speaker of an "according to" frame: "a declaration issued by X" is X; data sources at the end are not. */
function accordingVoices(phrase: string, discourse: Discourse, trailing: boolean): Voice[] {
  const issued = /\b(?:statement|declaration|release|notification|handout|communiqu[eé]|report|letter|message)\s+(?:issued|released|shared|sent)\s+by\s+(.+)$/i.exec(phrase);
  const target = issued?.[1] ?? phrase;
  if (!issued && /^(?:an?\s+|the\s+)?(?:official\s+|press\s+|joint\s+)?(?:statement|declaration|release|report|reports|notification|handout|data|figures|sources?)\b/i.test(target)) return [];
  const voices = resolvePhrase(target, discourse);
  if (trailing) return voices.filter((v) => v.entity.speakerId !== null || v.entity.kind === 'person');
  return voices;
}

/** "it was decided", "it has been agreed": a passive report of what a meeting did. */
const IMPERSONAL_PASSIVE = new RegExp(`^\\s*it\\s+(?:was|has\\s+been|had\\s+been|is)\\s+(?:also\\s+|further\\s+|unanimously\\s+|strongly\\s+|categorically\\s+)?(${IMPERSONAL_VERBS})\\b`, 'i');

/** Impersonal reports of a meeting: "it was decided to …", "emphasis was placed on …", "an approach was adopted". */
export function findImpersonal(ctx: SentenceContext, floor: number): Found[] {
  const { masked, sentence } = ctx;
  const body = ctx.body ?? ctx.discourse.lastBody;
  if (!body) return [];
  const base = sentence.start;
  const clause = masked.slice(floor);
  const frames: Array<[number, number]> = [[base + floor, base + masked.length]];
  const make = (from: number, verb: string | null): Found[] => {
    const [s, e] = trimSpan(ctx.text, base + from, base + contentEnd(masked, from, masked.length));
    return e > s ? [{ voices: [body], kind: 'indirect', start: s, end: e, frames, anchor: base + floor, subjectStart: base + floor, verb }] : [];
  };
  const passive = IMPERSONAL_PASSIVE.exec(clause);
  if (passive) {
    const verbEnd = floor + passive[0].length;
    const pos = skipAdjuncts(masked, verbEnd);
    const next = /^\s*(that\s+|to\s+|upon\s+)/i.exec(masked.slice(pos));
    if (!next) return [];
    // "it was decided to …": the body "decided to …", the verb as written.
    const verb = (passive[1] ?? '').toLowerCase().replace(/\s+/g, ' ');
    return make(/^\s*that/i.test(next[0]) ? pos + next[0].length : pos + (next[0].length - next[0].trimStart().length), verb);
  }
  const emphasis = /^[^,\u0001]{0,40}?\b(emphasis|stress|focus)\s+was\s+(placed|laid|put|given)\s+on\s+/i.exec(clause);
  // "Emphasis was placed on …": the body "placed emphasis on …", in the article's words.
  if (emphasis) return make(floor + emphasis[0].length, `${emphasis[2] === 'given' ? 'gave' : (emphasis[2] ?? '').toLowerCase()} ${(emphasis[1] ?? '').toLowerCase()} on`);
  if (/^[^,\u0001]{0,80}?\b(?:approach|strategy|plan|policy|framework|mechanism|roadmap|resolution)\s+was\s+(?:adopted|approved|endorsed|finalised|finalized|agreed\s+upon)\b/i.test(clause)) {
    // "An approach was adopted, …": the sentence says it all; there is no verb to put before it.
    return make(floor, null);
  }
  return [];
}

export { SPEECH_FRAME_WORDS };
