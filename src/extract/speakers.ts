// Who a noun phrase names: registry speakers (names, spellings, role nouns by date, demonyms and
// capitals), people and organisations the registry does not know (kept under the fullest name the
// article gives), pronouns and role nouns resolved against what the article said before.
import type { IsoDate } from '../types.js';
import { FACELESS_HEADS, INSTITUTION_NOUNS, LEADING_CONNECTIVES, MONTHS, PORTFOLIO_WORDS, ROLE_NOUN_KINDS, TITLE_WORDS, VOICE_TITLES, WEEKDAYS } from './lexicon.js';
import { roleHolds, type AliasHit, type CompiledRegistry, type CompiledSpeaker, type SpeakerKind } from './registry.js';

export interface Entity {
  /** The registry id, or `name:<lower-cased name>` for a speaker the registry does not know. */
  key: string;
  speakerId: string | null;
  name: string;
  kind: SpeakerKind;
  foreign: boolean;
  /** Role nouns the article used for it ("deputy commissioner"), for "the deputy commissioner" later. */
  roleNouns: Set<string>;
}

/** A speaker as resolved at one mention: the entity, and the person who spoke for it. */
export interface Voice {
  entity: Entity;
  voice: string | null;
}

const ORG_WORDS =
  /\b(?:Committee|Party|Army|Front|Movement|Institute|Ministry|Department|News|TV|Television|Radio|Agency|Authority|Council|Commission|Association|Organisation|Organization|Forum|Assembly|Senate|Office|Bureau|Board|Centre|Center|Union|League|Group|Alliance|Federation|Foundation|Society|Network|Tehreek|Tehrik|Jamaat|Brigade|Corps|Force|Forces|Police|Levies|Railways|Bank|University|Court|Cabinet|Government|Embassy|Consulate|Mission|Secretariat|Directorate|Times|Post|Tribune|Express|Dawn|Geo)\b/;
const NAME_CONNECTORS = new Set(['ul', 'ud', 'al', 'bin', 'ibn', 'e', 'de', 'van', 'von', 'da', 'el']);
const CALENDAR = new Set([...WEEKDAYS, ...MONTHS]);
const PREPOSITIONS = new Set(['in', 'at', 'from', 'to', 'with', 'by', 'for', 'near', 'alongside', 'of', 'on', 'over', 'against', 'about', 'toward', 'towards', 'into', 'across', 'under', 'after', 'before', 'between', 'among']);
const ROLE_MODIFIERS = new Set(['deputy', 'former', 'ex', 'acting', 'vice', 'assistant', 'special', 'additional', 'caretaker', 'then', 'late', 'outgoing', 'incoming', 'parliamentary', 'state']);
/** Offices held by one person at a time, named by place when the holder is not ("Gwadar Deputy Commissioner"). */
const UNIQUE_OFFICES =
  'deputy commissioner|assistant commissioner|commissioner|inspector general of police|inspector general|chief secretary|home secretary|district police officer|senior superintendent of police|superintendent of police|deputy inspector general|governor|mayor|corps commander';
const BODY_HEADS = /^(?:cabinet|committee|council|commission|jirga)$/;
/** A group named by quantity, not by name ("several other governments", "many countries"). */
const FACELESS_QUANTIFIED = /^(?:several|many|various|numerous|other|some|a\s+number\s+of|a\s+host\s+of|dozens|scores)\b/i;
const UNIQUE_OFFICE_SET = new Set(UNIQUE_OFFICES.split('|'));
/** The offices through which a foreign government speaks. */
const FOREIGN_OFFICE_NOUN = /\b(?:embassy|consulate|mission|high\s+commission|foreign\s+ministry|foreign\s+office|spokesperson|spokesman|spokeswoman)\b/i;
/** Nouns of an office one person holds at a time: "the <modifiers> <noun>" names that holder. */
const PERSON_ROLE_HEADS =
  'minister|mayor|senator|commander|spokesperson|spokesman|spokeswoman|governor|ambassador|envoy|consul|chairman|chairperson|chairwoman|chief|director|director-general|secretary|secretary-general|president|premier|commissioner|administrator|speaker|superintendent|inspector-general|adviser|advisor|judge';
const PERSON_ROLE_HEAD = new RegExp(`^(?:${PERSON_ROLE_HEADS})$`, 'i');
/** "the mayor", "the regional security minister", "the minister for fisheries": a definite role noun and nothing else. */
const ROLE_PHRASE = new RegExp(
  `^the\\s+(?:[\\p{L}-]+\\s+){0,4}?(?:${PERSON_ROLE_HEADS})(?:\\s+(?:for|of)\\s+(?:the\\s+)?[\\p{L}-]+(?:\\s+(?:and\\s+)?[\\p{L}-]+){0,3})?$`,
  'iu',
);
/** Heads that stand for the institution last heard from when no holder was named ("the spokesperson"). */
const INSTITUTIONAL_HEADS = /\b(?:spokesperson|spokesman|spokeswoman|ambassador|envoy|consul)$/i;
const ROLE_FILLER = new Set(['the', 'of', 'for', 'and', 'a', 'an']);

function roleWords(role: string): string[] {
  return (role.toLowerCase().match(/[\p{L}-]+/gu) ?? []).filter((w) => !ROLE_FILLER.has(w));
}

/** Records the role a phrase gave a speaker ("Regional Security Minister" for Zia Lango), for "the minister" later. */
export function noteRole(roleText: string, v: Voice): void {
  const words = roleWords(roleText.replace(/['’]s\b/gu, ''));
  if (!words.length || words.length > 6 || !words.some((w) => PERSON_ROLE_HEAD.test(w))) return;
  v.entity.roleNouns.add(words.join(' '));
}

/** The roles a speaker is known by: those the article gave and the registry's titles and role aliases. */
function rolesOf(v: Voice, discourse: Discourse): string[][] {
  const out = [...v.entity.roleNouns].map(roleWords);
  const compiled = v.entity.speakerId ? discourse.registry.byId.get(v.entity.speakerId) : undefined;
  for (const role of compiled?.speaker.roles ?? []) {
    if (discourse.date && ((role.from && discourse.date < role.from) || (role.to && discourse.date > role.to))) continue;
    out.push(roleWords(role.title));
    for (const alias of role.aliases ?? []) out.push(roleWords(alias));
  }
  return out;
}

/**
 * "the minister", "the regional security minister", "the spokesperson": the most recent speaker or
 * subject known by that role; else, for a spokesperson or envoy, the institution last heard from; else
 * the unnamed holder of the office, named by the role itself.
 */
function roleHolder(full: string, discourse: Discourse): Voice | null {
  if (!ROLE_PHRASE.test(full)) return null;
  const all = roleWords(full);
  // "the provincial minister" is first the one the article called provincial, then any minister.
  for (const wanted of [all, all.filter((w) => w !== 'federal' && w !== 'provincial')]) {
    if (!wanted.length) continue;
    for (const p of [...discourse.recentPeople].reverse()) {
      if (rolesOf(p, discourse).some((role) => wanted.every((w) => role.includes(w)))) return p;
    }
  }
  const office = unnamedOffice(full.replace(/^the\s+/i, ''), discourse);
  if (office) return office;
  if (INSTITUTIONAL_HEADS.test(full)) {
    const institution = roleNounVoice(full, discourse);
    if (institution) return institution;
    // "the interior ministry spokesperson": a spokesperson speaks for the institution named before the noun.
    const owner = full.replace(/^the\s+/i, '').replace(INSTITUTIONAL_HEADS, '').trim();
    if (!owner || !/\b(?:ministry|department|office|government|committee|authority|commission|agency|police|army|party|board|council|embassy|mission)$/i.test(owner)) return null;
    return { entity: discourse.unknownEntity(titleCase(owner.toLowerCase()), 'institution'), voice: null };
  }
  const phrase = full.replace(/^the\s+/i, '');
  const entity = discourse.unknownEntity(phrase.charAt(0).toUpperCase() + phrase.slice(1), 'person');
  entity.roleNouns.add(roleWords(phrase).join(' '));
  return { entity, voice: null };
}
const OFFICE_BY_POSSESSIVE = new RegExp(`\\b(\\p{Lu}[\\p{L}-]+)(?:\\s+(?:district|division|city|province|region))?['’]s\\s+(${UNIQUE_OFFICES})\\b`, 'giu');
/** Its non-global twin, for a single look-up (a global regex keeps state between calls). */
const OFFICE_BY_POSSESSIVE_ONE = new RegExp(OFFICE_BY_POSSESSIVE.source, 'iu');
/** A word every unique office has (any case, then as written): without one, no office is named. */
const OFFICE_WORD = /commissioner|inspector|secretary|officer|superintendent|governor|mayor|commander/iu;
const OFFICE_WORD_LOWER = /commissioner|inspector|secretary|officer|superintendent|governor|mayor|commander/u;
const ACRONYM_DEFINITION = /\b(\p{Lu}[\p{L}'’-]+(?:\s+(?:\p{Lu}[\p{L}'’-]+|of|for|the|and|e|ul)){1,7})\s+\((\p{Lu}{2,8})\)/gu;
const OFFICE_BY_OF = new RegExp(`\\b(${UNIQUE_OFFICES})\\s+(?:of\\s+)?(\\p{Lu}[\\p{L}-]+)\\b`, 'gu');

function titleCase(text: string): string {
  return text.replace(/\b\p{Ll}/gu, (ch) => ch.toUpperCase());
}

export class Discourse {
  readonly entities = new Map<string, Entity>();
  /** Person names the article gave, by lower-cased token, with the voice they resolve to. */
  private readonly people = new Map<string, Voice>();
  private readonly acronyms = new Map<string, string>();
  lastPerson: Voice | null = null;
  lastThing: Voice | null = null;
  lastPlural: Voice[] | null = null;
  lastForeign: Voice | null = null;
  lastBody: Voice | null = null;
  lastGroup: Voice | null = null;
  lastRelease: Voice | null = null;
  lastMinistry: Voice | null = null;
  lastOutlet: Voice | null = null;
  recentPeople: Voice[] = [];
  /** Foreign governments by the office they spoke through ("embassy", "foreign ministry"), for "the embassy" later. */
  readonly foreignByNoun = new Map<string, Voice>();
  /** The last plural subject was faceless ("officials said …"): "they" names no one until a speaker comes. */
  theyFaceless = false;

  constructor(
    readonly registry: CompiledRegistry,
    readonly date: IsoDate | null,
  ) {}

  entityFor(speaker: CompiledSpeaker): Entity {
    return this.intern(speaker.speaker.id, speaker.speaker.id, speaker.speaker.name, speaker.kind, speaker.foreign);
  }

  unknownEntity(name: string, kind: SpeakerKind): Entity {
    const known = this.registry.byLowerName.get(name.toLowerCase());
    if (known) return this.entityFor(known);
    return this.intern(`name:${name.toLowerCase()}`, null, name, kind, false);
  }

  private intern(key: string, speakerId: string | null, name: string, kind: SpeakerKind, foreign: boolean): Entity {
    let entity = this.entities.get(key);
    if (!entity) {
      entity = { key, speakerId, name, kind, foreign, roleNouns: new Set() };
      this.entities.set(key, entity);
    }
    return entity;
  }

  rememberPerson(name: string, voice: Voice): void {
    const tokens = name.toLowerCase().match(/[\p{L}'’-]+/gu) ?? [];
    for (const token of tokens) if (token.length > 2 && !TITLE_WORDS.has(token)) this.people.set(token, voice);
    this.people.set(name.toLowerCase(), voice);
  }

  knownPerson(name: string): Voice | null {
    const lower = name.toLowerCase();
    const whole = this.people.get(lower);
    if (whole) return whole;
    const tokens = lower.match(/[\p{L}'’-]+/gu) ?? [];
    const last = tokens.at(-1);
    if (tokens.length === 1 && last) return this.people.get(last) ?? null;
    // A fuller name whose surname the article already gave ("Naeem Bazai" then "Bazai").
    if (last && tokens.length > 1) {
      const hit = this.people.get(last);
      const known = hit ? (hit.voice && hit.voice.toLowerCase().endsWith(last) ? hit.voice : hit.entity.name.toLowerCase().endsWith(last) ? hit.entity.name : null) : null;
      // …but "Omar Khalid" after "Amina Khalid" is another person of the same family.
      if (hit && known && !givenNamesClash(known.toLowerCase().match(/[\p{L}'’-]+/gu) ?? [], tokens)) return hit;
    }
    return null;
  }

  /** Records who a sentence made salient, for later pronouns and role nouns. */
  noteSubject(voices: Voice[]): void {
    if (voices.length) this.theyFaceless = false;
    if (voices.length > 1) {
      this.lastPlural = voices;
      for (const v of voices) this.notePerson(v);
      return;
    }
    const [v] = voices;
    if (!v) return;
    if (isPersonLike(v)) {
      this.lastPerson = v;
      this.notePerson(v);
    } else {
      this.lastThing = v;
    }
    this.noteKind(v);
  }

  noteKind(v: Voice): void {
    if (v.entity.foreign) this.lastForeign = v;
    if (v.entity.kind === 'body') this.lastBody = v;
    if (v.entity.kind === 'group') this.lastGroup = v;
    if (/\b(?:ministry|department)\b/i.test(v.entity.name)) this.lastMinistry = v;
    if (/\b(?:news|tv|television|radio)\b/i.test(v.entity.name)) this.lastOutlet = v;
  }

  notePerson(v: Voice): void {
    this.recentPeople = this.recentPeople.filter((p) => p.entity.key !== v.entity.key || p.voice !== v.voice);
    this.recentPeople.push(v);
    if (this.recentPeople.length > 6) this.recentPeople.shift();
  }

  /** Mentions anywhere in a sentence: registry speakers, acronym definitions, unnamed office holders. */
  scanMentions(text: string): void {
    // Each pattern runs only where what it cannot do without is present (a bracket, an apostrophe, an office).
    if (text.includes('(')) {
      for (const match of text.matchAll(ACRONYM_DEFINITION)) {
        const [, full, acronym] = match;
        if (full && acronym) this.acronyms.set(acronym, full.replace(/^the\s+/i, ''));
      }
    }
    for (const hit of this.registry.findAliases(text)) {
      if (!roleHolds(hit, this.date)) continue;
      const v: Voice = { entity: hitEntity(text, hit, this), voice: null };
      if (hit.speaker.kind === 'person') this.notePerson(v);
      else this.noteKind(v);
    }
    // Only a run of two capitalised words can be a full name: most sentences have none.
    if (mayNameTwoWords(text)) this.notePeopleNamed(text, this.registry.findAliases(text));
    if (!OFFICE_WORD.test(text)) return;
    if (/['’]/.test(text)) for (const match of text.matchAll(OFFICE_BY_POSSESSIVE)) this.noteOffice(match[1] ?? '', match[2] ?? '');
    if (OFFICE_WORD_LOWER.test(text)) for (const match of text.matchAll(OFFICE_BY_OF)) this.noteOffice(match[2] ?? '', match[1] ?? '');
  }

  /**
   * Full names of people the narration mentions ("led by Amina Khalid, a lawyer"), so that a given name
   * or surname alone later ("Amina said") is that person. Names after a place preposition are places.
   */
  private notePeopleNamed(text: string, hits: AliasHit[]): void {
    for (const found of nameRuns(text, hits)) {
      const run = withoutPortfolio(found, text);
      if (run.org || run.tokens.length < 2 || run.tokens.length > 3) continue;
      if (run.tokens.some((t) => TITLE_WORDS.has(t.toLowerCase()) || /-/.test(t) || !/^\p{Lu}\p{Ll}+$/u.test(t))) continue;
      const before = text.slice(Math.max(0, run.start - 12), run.start);
      if (/\b(?:in|at|from|to|near|of|on|into|across|outside)\s+(?:the\s+)?$/i.test(before) || /['’]s\b/u.test(text.slice(run.start, run.start + run.text.length + 2))) continue;
      // A registry person written another way ("General Tariq Awaan") is resolved where it is a speaker.
      if (this.knownPerson(run.text) || fuzzyPerson(run, this)) continue;
      this.rememberPerson(run.text, { entity: this.unknownEntity(run.text, 'person'), voice: null });
    }
  }

  private noteOffice(place: string, office: string): void {
    if (!place || !office || TITLE_WORDS.has(place.toLowerCase()) || CALENDAR.has(place.toLowerCase())) return;
    if (this.registry.findAliases(place).length > 0) return;
    const entity = this.unknownEntity(`${place} ${titleCase(office.toLowerCase())}`, 'person');
    entity.roleNouns.add(office.toLowerCase());
  }

  expandAcronym(token: string): string | null {
    return this.acronyms.get(token) ?? null;
  }
}

/** Two names with the same surname whose given names are both written and share nothing: two people. */
function givenNamesClash(a: string[], b: string[]): boolean {
  const givenA = a.slice(0, -1).filter((t) => !TITLE_WORDS.has(t));
  const givenB = b.slice(0, -1).filter((t) => !TITLE_WORDS.has(t));
  if (!givenA.length || !givenB.length) return false;
  return !givenA.some((x) => givenB.includes(x));
}

/**
 * Two capitalised words in a row ("Amina Khalid", "Dr. Amina"): what a name that notePeopleNamed keeps
 * cannot do without (two tokens of nameRuns, each a capital and lower-case letters, the first perhaps
 * with a full stop, with no letter, digit, bracket or comma between them).
 */
const TWO_NAME_WORDS = /\p{Lu}\p{Ll}+\.?[^\p{L}\p{N}(),]+\p{Lu}\p{Ll}/u;
/** The same on a text in ASCII alone (most sentences), where Unicode's classes are these. */
const TWO_NAME_WORDS_ASCII = /[A-Z][a-z]+\.?[^A-Za-z0-9(),]+[A-Z][a-z]/;
const NON_ASCII = /[^\x00-\x7f]/;

function mayNameTwoWords(text: string): boolean {
  return NON_ASCII.test(text) ? TWO_NAME_WORDS.test(text) : TWO_NAME_WORDS_ASCII.test(text);
}

/**
 * The last whitespace-separated word of text[0, end): `text.slice(0, end).trim().split(/\s+/).at(-1) ?? ''`
 * without splitting everything before it (\s and trim() know the same spaces).
 */
function lastWordBefore(text: string, end: number): string {
  let to = end;
  while (to > 0 && isSpace(text.charCodeAt(to - 1))) to -= 1;
  let from = to;
  while (from > 0 && !isSpace(text.charCodeAt(from - 1))) from -= 1;
  return text.slice(from, to);
}

/** What \s matches: ECMAScript white space and line terminators. */
function isSpace(code: number): boolean {
  if (code <= 0x20) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  if (code < 0xa0) return false;
  return (
    code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 ||
    code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff
  );
}

/** Modifiers that make a body a province's, a district's or a city's own, not the federal one. */
const NARROWER_JURISDICTION = /^(?:provincial|district|divisional|regional|local|municipal|city|tehsil)$/i;

/**
 * "the provincial apex committee", "the Sindh apex committee": a federal body's name under a narrower
 * jurisdiction names that jurisdiction's own body. Its name (title-cased), or null when the hit stands.
 */
export function narrowerBody(text: string, hit: AliasHit, registry: CompiledRegistry): string | null {
  if (hit.speaker.kind === 'person' || hit.speaker.foreign || hit.speaker.speaker.group !== 'federal-government') return null;
  const modifier = lastWordBefore(text, hit.start).replace(/['’]s$/u, '');
  if (!modifier || hit.text.toLowerCase().startsWith(modifier.toLowerCase())) return null;
  const lower = modifier.toLowerCase();
  const place =
    /^\p{Lu}\p{Ll}+$/u.test(modifier) &&
    !/^(?:the|a|an|this|that|its|their)$/i.test(modifier) &&
    !CALENDAR.has(lower) &&
    !TITLE_WORDS.has(lower) &&
    !registry.findAliases(modifier).some((m) => m.speaker.speaker.group === 'federal-government' || m.speaker.foreign);
  if (!NARROWER_JURISDICTION.test(modifier) && !place) return null;
  return titleCase(`${modifier} ${hit.text.replace(/^the\s+/i, '')}`);
}

/** A registry hit as the entity it names in this text (a narrower body when a jurisdiction modifies it). */
export function hitEntity(text: string, hit: AliasHit, discourse: Discourse): Entity {
  const narrower = narrowerBody(text, hit, discourse.registry);
  return narrower ? discourse.unknownEntity(narrower, hit.speaker.kind) : discourse.entityFor(hit.speaker);
}

export function isPersonLike(v: Voice): boolean {
  return v.entity.kind === 'person' || v.voice !== null;
}

// ---------------------------------------------------------------------------------------------
// Phrase → speakers

const cleanedPhrases = new Map<string, string>();

/**
 * Strips what surrounds a subject: connectives, determiners, parentheticals, participial asides. The
 * same phrases ("he", "the minister", a name) are cleaned again and again, and a phrase already clean
 * is cleaned again by resolveSingle: each is worked out once.
 */
export function cleanPhrase(phrase: string): string {
  let cleaned = cleanedPhrases.get(phrase);
  if (cleaned === undefined) {
    cleaned = stripSurroundings(phrase);
    if (cleanedPhrases.size >= 20_000) cleanedPhrases.clear();
    cleanedPhrases.set(phrase, cleaned);
  }
  return cleaned;
}

function stripSurroundings(phrase: string): string {
  let text = phrase
    .replace(/[\u0001]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  text = text.replace(LEADING_CONNECTIVES, '');
  // Dash parentheticals ("China – working on CPEC projects … – condemned").
  text = text.replace(/\s[–—-]\s[^–—]*?\s[–—-](?=\s|$)/gu, ' ');
  text = text.replace(/\s[–—]\s.*$/u, '');
  // Relative clauses (", who teaches at the University of X,"): the places and bodies in them are not the subject.
  text = text.replace(/,\s+(?:who|whom|whose|which|where)\b[^,]*(?:,|$)/giu, ',');
  // Prepositional asides (", in a statement sent to the media,").
  text = text.replace(/,\s+(?:in|on|at|during|through|via|from|after|before|amid)\s+[^,]*,/giu, ',');
  // Participial asides (", echoing Gillani’s sentiments,").
  text = text.replace(/,\s+(?!including\b|according\b)(?:\p{Ll}+ing)\b[^,]*,?/gu, ',');
  text = text.replace(/[,;:\s]+$/u, '').replace(/^[,;:\s]+/u, '');
  return text.trim();
}

interface NameRun {
  text: string;
  tokens: string[];
  start: number;
  org: boolean;
}

const TOKEN = /[\p{L}\p{N}][\p{L}\p{N}.'’-]*|\(|\)|,/gu;
/** TOKEN for a text in ASCII alone: the same tokens, without Unicode's classes. */
const TOKEN_ASCII = /[A-Za-z0-9][A-Za-z0-9.'-]*|\(|\)|,/g;
const CAPITAL_START = /^\p{Lu}/u;
/** Where a run or a bracket may begin: outside both, lower-case words and commas change nothing. */
const CAPITAL_OR_BRACKET = /[\p{Lu}()]/gu;
const CAPITAL_OR_BRACKET_ASCII = /[A-Z()]/g;
const LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;

/**
 * Outside a run and outside brackets, where the next token that matters starts (a capitalised word or
 * a bracket), or the text's length: the words between cost no work of their own.
 */
function nextCapitalOrBracket(text: string, from: number, ascii: boolean): number {
  const search = ascii ? CAPITAL_OR_BRACKET_ASCII : CAPITAL_OR_BRACKET;
  search.lastIndex = from;
  for (let found = search.exec(text); found; found = search.exec(text)) {
    if (found[0] === '(' || found[0] === ')' || startsToken(text, found.index)) return found.index;
  }
  return text.length;
}

/** True when a TOKEN begins at `at` (a letter there): no word runs on into it through . ' ’ or -. */
function startsToken(text: string, at: number): boolean {
  let before = at - 1;
  while (before >= 0 && isWordJoiner(text.charCodeAt(before))) before -= 1;
  if (before < 0) return true;
  const code = text.charCodeAt(before);
  if (code < 0x80) return !((code >= 0x30 && code <= 0x39) || ((code | 0x20) >= 0x61 && (code | 0x20) <= 0x7a));
  // A letter outside the BMP is two UTF-16 units: test it whole.
  const char = code >= 0xdc00 && code <= 0xdfff && before > 0 ? String.fromCodePoint(text.codePointAt(before - 1) ?? code) : text.charAt(before);
  return !LETTER_OR_DIGIT.test(char);
}

/** . ' ’ - : characters that continue a token once it has begun. */
function isWordJoiner(code: number): boolean {
  return code === 0x2e || code === 0x27 || code === 0x2019 || code === 0x2d;
}

/** CAPITAL_START.test(word), without the regex for ASCII letters and digits. */
function startsWithCapital(word: string): boolean {
  const code = word.charCodeAt(0);
  if (code < 0x80) return code >= 0x41 && code <= 0x5a;
  return CAPITAL_START.test(word);
}

/** /['’]s$/u.test(word) */
function endsPossessive(word: string): boolean {
  const mark = word.charCodeAt(word.length - 2);
  return word.endsWith('s') && (mark === 0x27 || mark === 0x2019);
}

/** Runs of capitalised words that are neither titles, calendar words nor registry aliases. */
export function nameRuns(text: string, hits: AliasHit[]): NameRun[] {
  const runs: NameRun[] = [];
  let current: { start: number; end: number; tokens: string[] } | null = null;
  const flush = () => {
    if (current && current.tokens.length > 0) {
      while (current.tokens.length && NAME_CONNECTORS.has((current.tokens.at(-1) ?? '').toLowerCase())) current.tokens.pop();
      const runText = current.tokens.join(' ');
      if (runText) runs.push({ text: runText, tokens: [...current.tokens], start: current.start, org: ORG_WORDS.test(runText) });
    }
    current = null;
  };
  let parenDepth = 0;
  // Most sentences are ASCII alone: their tokens are found without Unicode's classes.
  const ascii = !NON_ASCII.test(text);
  const tokens = ascii ? TOKEN_ASCII : TOKEN;
  for (let next = 0; ; ) {
    if (!current && parenDepth === 0) next = nextCapitalOrBracket(text, next, ascii);
    tokens.lastIndex = next;
    const match = tokens.exec(text);
    if (!match) break;
    const token = match[0];
    const at = match.index;
    next = at + token.length;
    if (token === '(') {
      parenDepth++;
      flush();
      continue;
    }
    if (token === ')') {
      parenDepth = Math.max(0, parenDepth - 1);
      continue;
    }
    if (parenDepth > 0 || token === ',') {
      flush();
      continue;
    }
    // A lower-case word outside a run neither starts nor ends one: most words stop here.
    const capital = startsWithCapital(token);
    if (!current && !capital) continue;
    const possessive = endsPossessive(token);
    const unpossessed = possessive ? token.slice(0, -2) : token;
    const bare = unpossessed.endsWith('.') ? unpossessed.slice(0, -1) : unpossessed;
    const lower = bare.toLowerCase();
    const inHit = hits.some((hit) => at >= hit.start && at < hit.end);
    if (inHit || CALENDAR.has(lower) || (TITLE_WORDS.has(lower) && !ORG_WORDS.test(bare))) {
      flush();
      continue;
    }
    if (capital || (current && NAME_CONNECTORS.has(lower))) {
      if (!current) current = { start: at, end: at + token.length, tokens: [] };
      current.tokens.push(bare);
      current.end = at + token.length;
      if (possessive) flush();
      continue;
    }
    flush();
  }
  flush();
  return runs;
}

/** The last run of letters, apostrophes and hyphens, lower-cased: `lower.match(/[\p{L}'’-]+/gu).at(-1)`, found from the end. */
function lastWord(text: string): string {
  const lower = text.toLowerCase();
  let end = lower.length;
  while (end > 0 && !wordCharEndsAt(lower, end)) end -= unitsEndingAt(lower, end);
  let start = end;
  while (start > 0 && wordCharEndsAt(lower, start)) start -= unitsEndingAt(lower, start);
  return lower.slice(start, end);
}

const WORD_CHAR = /^[\p{L}'’-]$/u;

/** Whether the code point just before `end` is a letter, an apostrophe or a hyphen. */
function wordCharEndsAt(text: string, end: number): boolean {
  const units = unitsEndingAt(text, end);
  const code = text.charCodeAt(end - 1);
  if (units === 1 && code < 0x80) return code === 0x27 || code === 0x2d || ((code | 0x20) >= 0x61 && (code | 0x20) <= 0x7a);
  return WORD_CHAR.test(text.slice(end - units, end));
}

/** 2 when a surrogate pair ends at `end`, else 1. */
function unitsEndingAt(text: string, end: number): number {
  const low = text.charCodeAt(end - 1);
  if (end < 2 || low < 0xdc00 || low > 0xdfff) return 1;
  const high = text.charCodeAt(end - 2);
  return high >= 0xd800 && high <= 0xdbff ? 2 : 1;
}

/** Splits "A and B", "A, B and C" at the top level; empty when the phrase is not a list. */
function splitConjuncts(text: string): string[] {
  if (!/\s(?:and|&)\s|,/.test(text)) return [];
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  const re = /\(|\)|,\s*(?:and\s+)?|\s+(?:and|&)\s+/g;
  for (const match of text.matchAll(re)) {
    if (match[0] === '(') depth++;
    else if (match[0] === ')') depth = Math.max(0, depth - 1);
    else if (depth === 0) {
      parts.push(text.slice(start, match.index));
      start = (match.index ?? 0) + match[0].length;
    }
  }
  parts.push(text.slice(start));
  return parts.map((part) => part.trim()).filter(Boolean);
}

export interface ResolveOptions {
  /** Accept bare single capitalised words as names (only where a speaker is expected, e.g. "…,” Mohsin said). */
  loose?: boolean;
}

/**
 * The speakers a subject phrase names: one, several (joint subjects, "including" lists), or none
 * (faceless sources, things, unknown pronouns).
 */
export function resolvePhrase(phrase: string, discourse: Discourse, options: ResolveOptions = {}): Voice[] {
  const text = cleanPhrase(phrase);
  if (!text || text.length > 300) return [];
  const including = /^(.*?),?\s+(?:including|such as|among them)\s+(.+)$/iu.exec(text);
  if (including?.[2]) {
    const members = resolveList(including[2], discourse);
    if (members.length) return members;
    return resolveSingle(including[1] ?? '', discourse, options);
  }
  const pronoun = resolvePronoun(text, discourse);
  if (pronoun) return pronoun;
  const office = foreignOffice(text, discourse);
  if (office) return [office];
  const conjuncts = splitConjuncts(text);
  const withFaceless = conjuncts.some((part) => FACELESS_QUANTIFIED.test(part));
  // "A, B and C" names three speakers, not a name and its role.
  if (conjuncts.length > 2 && /,\s[^,]+\s(?:and|&)\s[^,]+$/.test(text)) {
    const list = resolveList(text, discourse);
    if (list.length > 1 || (withFaceless && list.length === 1)) return list;
  }
  const appositive = appositiveName(text);
  if (appositive) return resolveAppositive(appositive.role, appositive.name, discourse, options);
  if (conjuncts.length > 1) {
    const list = resolveList(text, discourse);
    if (list.length > 1 || (withFaceless && list.length === 1)) return list;
  }
  return resolveSingle(text, discourse, options);
}

const PURE_NAME = /^(?:(?:Dr|Mr|Mrs|Ms|Gen|Lt|Col|Maj|Capt|Brig|Prof)\.?\s+)?\p{Lu}[\p{L}.'’-]*(?:\s+(?:\p{Lu}[\p{L}.'’-]*|ul|ud|al|bin|e)){0,4}$/u;

/**
 * "Lin Jian, a foreign ministry spokesperson" / "The Chief Executive Officer of Pakistan Railways, Aamir
 * Ali Baloch": a name and its role in apposition.
 */
function appositiveName(text: string): { role: string; name: string } | null {
  // Two parts need a comma between them.
  if (!text.includes(',')) return null;
  if (/\s(?:and|&)\s+\p{Lu}[\p{L}.'’-]*\s+\p{Lu}/u.test(text) && !/,\s*(?:a|an|the)\s/i.test(text)) return null;
  const parts = text.split(/,\s*/).map((part) => part.trim()).filter(Boolean);
  if (parts.length !== 2) return null;
  const [first, second] = parts as [string, string];
  if (PURE_NAME.test(first) && /^(?:a|an|the)\s/i.test(second)) return { role: second, name: first };
  if (PURE_NAME.test(second) && !PURE_NAME.test(first)) {
    if (TITLE_WORDS.has(lastWord(first)) || /\b(?:of|for)\b|['’]s\b/.test(first) || ORG_WORDS.test(first)) return { role: first, name: second };
  }
  return null;
}

/** A name with its role: the institution it speaks for when the role is a voice, else the person. */
function resolveAppositive(role: string, name: string, discourse: Discourse, options: ResolveOptions): Voice[] {
  const combined = resolveSingle(`${role} ${name}`, discourse, options);
  const institutional = combined[0];
  if (institutional && institutional.voice && VOICE_TITLES.test(role)) return combined;
  const person = resolveSingle(name, discourse, { loose: true });
  if (person.length === 1 && person[0]) noteRole(role, person[0]);
  if (person.length) return person;
  return combined;
}

/**
 * "The British Foreign, Commonwealth and Development Office": a country's name or demonym, then one
 * capitalised office whose name may hold commas and "and", is that country's voice, not a list.
 */
function foreignOffice(text: string, discourse: Discourse): Voice | null {
  const hits = discourse.registry.findAliases(text);
  const [first] = hits;
  if (!first || !first.speaker.foreign || hits.some((h) => h.speaker !== first.speaker)) return null;
  if (!/^(?:the\s+)?$/i.test(text.slice(0, first.start))) return null;
  const rest = text.slice(first.end).replace(/^['’]s\b/u, '').trim();
  if (!/\b(?:office|ministry|department|embassy|mission|high\s+commission|consulate|government|secretariat)$/i.test(rest)) return null;
  const words = rest.split(/[\s,]+/).filter(Boolean);
  if (!words.every((w) => /^\p{Lu}/u.test(w) || /^(?:and|&|of|for)$/.test(w))) return null;
  return { entity: discourse.entityFor(first.speaker), voice: null };
}

/** Every member of a list must be a speaker, else the phrase is one speaker with a long name. */
function resolveList(text: string, discourse: Discourse): Voice[] {
  const parts = splitConjuncts(text);
  if (parts.length < 2) return resolveSingle(text, discourse, {});
  const merged: string[] = [];
  for (const part of parts) {
    // "Party President and Federal Minister Abdul Aleem Khan": a title alone joins the next part.
    const previous = merged.at(-1);
    // …and so does a portfolio after a title ("Minister of Fisheries and Livestock Sara Khan").
    const portfolio = previous !== undefined && PORTFOLIO_WORDS.has(lastWord(previous)) && /^\S+\s+(?:for|of)\s/i.test(previous) && TITLE_WORDS.has(previous.split(/\s+/)[0]?.toLowerCase() ?? '');
    if (previous !== undefined && (TITLE_WORDS.has(lastWord(previous)) || portfolio)) merged[merged.length - 1] = `${previous} and ${part}`;
    else merged.push(part);
  }
  if (merged.length < 2) return resolveSingle(text, discourse, {});
  const out: Voice[] = [];
  for (const part of merged) {
    const [first] = resolveSingle(part, discourse, {});
    if (!first) {
      // An appositive after a comma ("the United States and China, two of Pakistan's key allies").
      if (/^(?:two|three|both|all|some|its|their|the|a|an)\b/i.test(part) && out.length >= 2) continue;
      // A faceless group joined to named speakers ("the US, the UN and several other governments").
      if (FACELESS_QUANTIFIED.test(part) && out.length >= 1) continue;
      return [];
    }
    if (!out.some((v) => v.entity.key === first.entity.key)) out.push(first);
  }
  return out;
}

function resolvePronoun(text: string, discourse: Discourse): Voice[] | null {
  // "US", "IT" in capitals are names, not pronouns.
  if (/^\p{Lu}{2,}$/u.test(text)) return null;
  const lower = text.toLowerCase();
  if (lower === 'he' || lower === 'she') return discourse.lastPerson ? [discourse.lastPerson] : [];
  if (lower === 'it') {
    const thing = discourse.lastThing;
    return thing ? [thing] : [];
  }
  if (lower === 'they') {
    if (discourse.theyFaceless) return [];
    if (discourse.lastPlural) return discourse.lastPlural;
    const thing = discourse.lastGroup ?? discourse.lastThing;
    return thing ? [thing] : [];
  }
  if (lower === 'both' || lower === 'the two' || lower === 'both leaders' || lower === 'the two leaders') {
    if (discourse.lastPlural && discourse.lastPlural.length === 2) return discourse.lastPlural;
    if (discourse.recentPeople.length < 2) return [];
    const order = [...discourse.entities.keys()];
    return discourse.recentPeople.slice(-2).sort((a, b) => order.indexOf(a.entity.key) - order.indexOf(b.entity.key));
  }
  if (/^(?:we|i|you|us|one|this|that|these|those|which|who)$/.test(lower)) return [];
  return null;
}

function roleNounVoice(text: string, discourse: Discourse): Voice | null {
  for (const [pattern, kind] of ROLE_NOUN_KINDS) {
    if (!pattern.test(text)) continue;
    switch (kind) {
      case 'body':
        return discourse.lastBody;
      case 'release':
        return discourse.lastRelease;
      case 'foreign': {
        // "the embassy" is the last government heard from through an embassy, not the last country named.
        const noun = FOREIGN_OFFICE_NOUN.exec(text)?.[0].toLowerCase();
        return (noun ? discourse.foreignByNoun.get(noun) : undefined) ?? discourse.lastForeign;
      }
      case 'group':
        return discourse.lastGroup;
      case 'ministry':
        return discourse.lastMinistry;
      case 'outlet':
        return discourse.lastOutlet;
    }
  }
  return null;
}

/** Drops alias hits that only modify the head: after a preposition, a possessive, or a role alias not held. */
function headHits(text: string, hits: AliasHit[], discourse: Discourse): AliasHit[] {
  const usable = hits.filter((hit) => {
    if (!roleHolds(hit, discourse.date)) return false;
    if (hit.role) {
      const before = lastWordBefore(text, hit.start);
      const bare = before.replace(/['’]s$/u, '');
      if (ROLE_MODIFIERS.has(bare.toLowerCase())) return false;
      // "Malaysian prime minister", "Punjab Chief Minister": a place or people other than the holder's.
      if (/^\p{Lu}/u.test(bare) && !TITLE_WORDS.has(bare.toLowerCase())) {
        const modifier = discourse.registry.findAliases(bare)[0];
        if (!modifier || modifier.speaker.speaker.country !== hit.speaker.speaker.country || modifier.speaker.foreign) return false;
      }
    }
    return true;
  });
  const head = usable.filter((hit) => {
    // (Lower-cased alone, a word can differ from its lower-cased context only in a Greek final sigma: never a preposition.)
    const before = lastWordBefore(text, hit.start).toLowerCase();
    if (PREPOSITIONS.has(before)) return false;
    const after = text.slice(hit.end, hit.end + 3);
    if (/^['’]s\s/u.test(after) && text.slice(hit.end + 3).trim().length > 0) return false;
    return true;
  });
  return head.length > 0 ? head : usable.filter((hit) => !PREPOSITIONS.has(lastWordBefore(text, hit.start).toLowerCase()));
}

/**
 * "Minister for Fisheries and Livestock Sara Khan": the portfolio after a title is not part of the name.
 * Leading portfolio words are dropped from a run that a title precedes, keeping at least two tokens.
 */
function withoutPortfolio(run: NameRun, text: string): NameRun {
  // Nothing to drop unless a third token remains and the run opens with a portfolio word.
  if (run.tokens.length <= 2 || !PORTFOLIO_WORDS.has((run.tokens[0] ?? '').toLowerCase())) return run;
  const before = text.slice(0, run.start).toLowerCase().match(/[\p{L}-]+/gu) ?? [];
  if (!before.some((w) => TITLE_WORDS.has(w) && !['of', 'for', 'and', 'the'].includes(w))) return run;
  const tokens = [...run.tokens];
  let start = run.start;
  while (tokens.length > 2 && PORTFOLIO_WORDS.has((tokens[0] ?? '').toLowerCase())) {
    const dropped = tokens.shift() ?? '';
    start = text.indexOf(tokens[0] ?? '', start + dropped.length);
  }
  if (tokens.length === run.tokens.length) return run;
  return { text: tokens.join(' '), tokens, start, org: ORG_WORDS.test(tokens.join(' ')) };
}

function personRun(runs: NameRun[], loose: boolean, discourse: Discourse, text = ''): NameRun | null {
  // A name after "of" belongs to a place or body ("the Apex Committee of the National Action Plan"),
  // unless it only followed an office's portfolio ("Minister of Fisheries Sara Khan").
  const people = runs
    .map((run) => withoutPortfolio(run, text))
    .filter((run, i) => !run.org && (run !== runs[i] || !/\b(?:of|of\s+the|in|at|from)\s+$/i.test(text.slice(Math.max(0, run.start - 8), run.start))));
  const multi = people.filter((run) => run.tokens.length >= 2);
  if (multi.length) return multi.at(-1) ?? null;
  const single = people.at(-1);
  if (!single) return null;
  if (loose || discourse.knownPerson(single.text) || discourse.registry.peopleBySurname(single.text).length) return single;
  return null;
}

/** A registry person by spelling-tolerant name: surname (or one letter off) plus a matching given name. */
function fuzzyPerson(run: NameRun, discourse: Discourse): CompiledSpeaker | null {
  const last = run.tokens.at(-1);
  if (!last) return null;
  const candidates = discourse.registry.peopleBySurname(last);
  for (const candidate of candidates) {
    if (run.tokens.length === 1) {
      if (discourse.entities.has(candidate.speaker.id) && candidate.nameTokens.at(-1) === last.toLowerCase()) return candidate;
      continue;
    }
    const given = candidate.nameTokens.slice(0, -1);
    // One spelling difference at most: a surname written differently ("Rasheed" for "Rashid") needs the
    // given name written the same; a given name written differently needs the surname the same.
    const exactSurname = candidate.nameTokens.at(-1) === last.toLowerCase();
    const ok = run.tokens
      .slice(0, -1)
      .some((token) => given.some((g) => g === token.toLowerCase() || (exactSurname && g.length > 3 && levenshteinSmall(g, token.toLowerCase()))));
    if (ok) return candidate;
  }
  return null;
}

function levenshteinSmall(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  let j = 0;
  let edits = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      i++;
      j++;
      continue;
    }
    if (++edits > 1) return false;
    if (a.length > b.length) i++;
    else if (b.length > a.length) j++;
    else {
      i++;
      j++;
    }
  }
  return edits + (a.length - i) + (b.length - j) <= 1;
}

function resolveSingle(raw: string, discourse: Discourse, options: ResolveOptions): Voice[] {
  const full = cleanPhrase(raw);
  // Keep "the" where the registry writes it ("the military"), else drop it.
  const withArticle = discourse.registry.findAliases(full)[0];
  let text = withArticle && withArticle.start === 0 && /^the\s/i.test(withArticle.text) ? full : full.replace(/^(?:the|a|an)\s+/i, '');
  if (!text) return [];
  // "the participants of the Federal Apex Committee", "a tweet by the outlet": the body or author named.
  const of =
    /^(?:(?:other\s+)?participants|members|head|chair|chairman|another\s+\w+|(?:a|an|the)?\s*(?:(?:joint|official|press|written|separate)\s+)?(?:tweet|post|statement|message|letter|release|handout|communiqu[eé]|declaration|notification)(?:\s+(?:issued|released|shared|sent|posted|put\s+out))?)\s+(?:of|in|at|by|from)\s+(.+)$/i.exec(
      text,
    );
  if (of?.[1]) {
    // The issuer, without when it was issued ("by the Prime Minister's Office after the meeting").
    const issuer = of[1].replace(/\s+(?:after|following|before|during|at\s+the\s+end\s+of|on)\s+(?:the|a|an|its|his|her|their|this)\s+[^,]*$/i, '');
    const inner = resolveSingle(issuer, discourse, options);
    if (inner.length) return inner;
  }
  const acronym = /^\p{Lu}{2,8}$/u.test(text) ? discourse.expandAcronym(text) : null;
  if (acronym) text = acronym;
  const pronoun = resolvePronoun(text, discourse);
  if (pronoun) return pronoun.slice(0, 1);
  const hits = discourse.registry.findAliases(text);
  const [onlyHit] = hits;
  const narrower = hits.length === 1 && onlyHit && onlyHit.end >= text.length - 1 ? narrowerBody(text, onlyHit, discourse.registry) : null;
  if (narrower && onlyHit) return [{ entity: discourse.unknownEntity(narrower, onlyHit.speaker.kind), voice: null }];
  const runs = nameRuns(text, hits);
  // "Pakistan Railways", "the Human Rights Commission of Pakistan": a body named after a country.
  const namedAfter = bodyNamedAfterPlace(text, hits);
  if (namedAfter) return [{ entity: discourse.unknownEntity(namedAfter, 'institution'), voice: null }];
  const head = lastWord(text);
  const lowerHead = head.replace(/['’]s$/u, '');
  if (FACELESS_HEADS.has(lowerHead) && !/^(?:the\s+)?statement$/i.test(text)) {
    const hasName = runs.some((run) => !run.org && run.tokens.length >= 2);
    if (!hasName && !hits.some((hit) => hit.end >= text.length - 1)) return [];
  }
  if (hits.length === 0) {
    const holder = roleHolder(full, discourse);
    if (holder) return [holder];
  }
  const role = roleNounVoice(text, discourse);
  if (role && hits.length === 0 && runs.length === 0) return [role];
  const usable = headHits(text, hits, discourse);
  const person = personRun(runs, options.loose === true, discourse, text);
  const personHit = usable.find((hit) => hit.speaker.kind === 'person');
  if (personHit) {
    // A role alias never beats a different person's name in the same phrase ("Prime Minister Narendra Modi").
    const holder = discourse.entityFor(personHit.speaker);
    if (!personHit.role || !person) {
      const v: Voice = { entity: holder, voice: null };
      if (!personHit.role) noteRole(text.slice(0, personHit.start), v);
      return [v];
    }
    const named = personVoice(person, discourse);
    return [named.entity.key === holder.key ? { entity: holder, voice: null } : named];
  }
  const foreignHit = usable.find((hit) => hit.speaker.foreign);
  if (foreignHit) {
    const institutional = INSTITUTION_NOUNS.test(text) || VOICE_TITLES.test(text) || foreignHit.role;
    // The country is the head of the phrase ("Pakistan's long-time regional ally China").
    const whole = foreignHit.end >= text.length - 1;
    if (institutional || whole || person) {
      const voice = person && !foreignHit.role ? person.text : person ? person.text : null;
      const v: Voice = { entity: discourse.entityFor(foreignHit.speaker), voice: voice && voice !== foreignHit.text ? voice : null };
      const noun = FOREIGN_OFFICE_NOUN.exec(text)?.[0].toLowerCase();
      if (noun) discourse.foreignByNoun.set(noun, v);
      if (v.voice) {
      discourse.rememberPerson(v.voice, v);
      noteRole(text.replace(v.voice, ''), v);
    }
      return [v];
    }
  }
  // "a foreign ministry spokesperson" with no country: the foreign government the article is about.
  if (!usable.length && /\bforeign\s+(?:ministry|office)\b|\bembassy\b|\bconsul(?:ate)?\b/i.test(text) && discourse.lastForeign) {
    const v: Voice = { entity: discourse.lastForeign.entity, voice: person?.text ?? null };
    if (v.voice) {
      discourse.rememberPerson(v.voice, v);
      noteRole(text.replace(v.voice, ''), v);
    }
    return [v];
  }
  const institutionHit = usable.find((hit) => hit.speaker.kind !== 'person' && !hit.speaker.foreign);
  if (institutionHit && (!person || VOICE_TITLES.test(text) || /\bDG\b|director[-\s]general/i.test(text))) {
    const v: Voice = { entity: discourse.entityFor(institutionHit.speaker), voice: person?.text ?? null };
    if (v.voice) {
      discourse.rememberPerson(v.voice, v);
      noteRole(text.replace(v.voice, ''), v);
    }
    return [v];
  }
  if (person) {
    const v = personVoice(person, discourse);
    noteRole(text.slice(0, Math.max(0, text.indexOf(person.tokens[0] ?? ''))), v);
    return [v];
  }
  // "the Front", "the Authority": the organisation the article named with that head noun.
  if (/^[Tt]he\s+\p{Lu}\p{Ll}+$/u.test(full) && ORG_WORDS.test(text)) {
    const named = [...discourse.entities.values()].reverse().find((e) => e.kind !== 'person' && e.name.split(/\s+/).length > 1 && e.name.endsWith(` ${text}`));
    if (named) return [{ entity: named, voice: null }];
  }
  const org = runs.filter((run) => run.org).at(-1);
  if (org && !FACELESS_HEADS.has(lowerHead)) return [{ entity: discourse.unknownEntity(org.text.replace(/^The\s+/, ''), 'institution'), voice: null }];
  if (role) return [role];
  // A deliberative body the registry does not know, named by its modifiers ("the provincial cabinet").
  const body = /^(?:[\p{L}-]+\s+){1,3}(?:cabinet|committee|council|commission|jirga|task\s+force)$/iu.exec(text);
  if (body && !hits.length && !/^(?:this|that|these|its|his|her|their|our|a|an|one|another|some|several)\b/i.test(text)) {
    const name = text.charAt(0).toUpperCase() + text.slice(1);
    return [{ entity: discourse.unknownEntity(name, 'body'), voice: null }];
  }
  const office = unnamedOffice(text, discourse);
  if (office) return [office];
  if (/^(?:minister|chief|president|premier|official|spokesperson|spokesman)$/i.test(text)) {
    const recent = [...discourse.recentPeople].reverse().find((p) => p.entity.roleNouns.has(text.toLowerCase()) || p.entity.kind === 'person');
    if (recent) return [recent];
  }
  return [];
}

/** Organisations that are not the state itself, though named after a country or province. */
const NON_STATE_HEADS =
  'Railways|Airlines|Association|Commission|Council|Authority|Board|Corporation|Society|Federation|Union|Institute|University|Bank|Bar|Chamber|Foundation|Organisation|Organization|Company|Trust|Network|Alliance|Forum|Movement';
// The head may take a capitalised complement: "Pakistan Institute for Conflict and Security Studies".
const PLACE_THEN_BODY = new RegExp(
  `^\\s+((?:\\p{Lu}[\\p{L}&'’-]*\\s+){0,4}(?:${NON_STATE_HEADS})(?:\\s+(?:for|of|on)\\s+(?:the\\s+)?\\p{Lu}[\\p{L}&'’-]*(?:\\s+(?:and\\s+)?\\p{Lu}[\\p{L}&'’-]*)*)?)\\b`,
  'u',
);
const BODY_OF_PLACE = new RegExp(`((?:\\p{Lu}[\\p{L}&'’-]*\\s+){0,4}(?:${NON_STATE_HEADS}))\\s+of\\s+(?:the\\s+)?$`, 'u');

/**
 * The name of a body the registry does not know that is named after a place it does ("Pakistan
 * Railways", "the Human Rights Commission of Pakistan"): not the place's voice. Null when there is none.
 */
function bodyNamedAfterPlace(text: string, hits: AliasHit[]): string | null {
  for (const hit of hits) {
    if (hit.speaker.kind === 'person' || hit.role) continue;
    // A named person after the body speaks for it ("Pakistan Railways superintendent Imran Hayat"): not here.
    const namesNoOneAfter = (rest: string) => !/\p{Lu}/u.test(rest.replace(/^\s*\([^()]*\)/, ''));
    const after = PLACE_THEN_BODY.exec(text.slice(hit.end));
    if (after?.[1] && namesNoOneAfter(text.slice(hit.end + after[0].length))) return `${hit.text} ${after[1]}`;
    const before = BODY_OF_PLACE.exec(text.slice(0, hit.start));
    if (before?.[1] && namesNoOneAfter(text.slice(hit.end))) return `${before[1]} of ${hit.text}`;
  }
  return null;
}

function personVoice(run: NameRun, discourse: Discourse): Voice {
  const known = discourse.knownPerson(run.text);
  if (known) return known;
  if (run.tokens.length === 1) {
    // A given name or surname alone ("Mohsin said") names a registry person the article already mentioned.
    const token = (run.tokens[0] ?? '').toLowerCase();
    for (const entity of discourse.entities.values()) {
      const compiled = entity.speakerId ? discourse.registry.byId.get(entity.speakerId) : undefined;
      if (compiled?.kind === 'person' && compiled.nameTokens.includes(token)) return { entity, voice: null };
    }
  }
  const fuzzy = fuzzyPerson(run, discourse);
  if (fuzzy) return { entity: discourse.entityFor(fuzzy), voice: null };
  const v: Voice = { entity: discourse.unknownEntity(run.text, 'person'), voice: null };
  discourse.rememberPerson(run.text, v);
  return v;
}

/** "the deputy commissioner" after "Gwadar district's deputy commissioner"; "the minister" for the last minister. */
function unnamedOffice(text: string, discourse: Discourse): Voice | null {
  const lower = text.toLowerCase().replace(/^the\s+/, '');
  for (const entity of discourse.entities.values()) {
    if (entity.roleNouns.has(lower)) return { entity, voice: null };
  }
  // "the deputy commissioner of Quetta (district)": the office named after its holder's place.
  const of = /^(?:the\s+)?(\p{L}[\p{L} -]*?)\s+of\s+(?:the\s+)?(\p{Lu}[\p{L}-]+)(?:\s+(?:district|division|city|province|region))?$/u.exec(text);
  // …or before it: "the Quetta deputy commissioner".
  const before = /^(?:the\s+)?(\p{Lu}[\p{L}-]+)(?:\s+(?:district|division|city|province|region))?\s+(\p{L}[\p{L} -]*)$/u.exec(text);
  const byPlace: Array<[string | undefined, string | undefined]> = [
    [of?.[2], of?.[1]],
    [before?.[1], before?.[2]],
  ];
  for (const [place, officeWords] of byPlace) {
    const office = officeWords?.toLowerCase() ?? '';
    if (!place || !UNIQUE_OFFICE_SET.has(office) || CALENDAR.has(place.toLowerCase()) || TITLE_WORDS.has(place.toLowerCase())) continue;
    const entity = discourse.unknownEntity(`${place} ${titleCase(office)}`, 'person');
    entity.roleNouns.add(office);
    return { entity, voice: null };
  }
  const possessive = OFFICE_BY_POSSESSIVE_ONE.exec(text);
  if (possessive?.[1] && possessive[2]) {
    const entity = discourse.unknownEntity(`${possessive[1]} ${titleCase(possessive[2].toLowerCase())}`, 'person');
    entity.roleNouns.add(possessive[2].toLowerCase());
    return { entity, voice: null };
  }
  if (/^(?:federal\s+|provincial\s+)?minister$/.test(lower)) {
    const minister = [...discourse.recentPeople].reverse().find((p) => {
      const roles = discourse.registry.byId.get(p.entity.speakerId ?? '')?.speaker.roles ?? [];
      return roles.some((r) => /minister/i.test(r.title)) || [...p.entity.roleNouns].some((r) => r.includes('minister'));
    });
    if (minister) return minister;
  }
  return null;
}

/** The subject at the head of a clause: the words before its first verb, resolved. */
export function leadingSubject(clause: string, discourse: Discourse): Voice[] {
  const trimmed = clause.trimStart();
  const bare = trimmed.replace(/^(?:the|a|an)\s+/i, '');
  // Without an article to drop, the second reading would be the first again.
  for (const opening of bare === trimmed ? [trimmed] : [trimmed, bare]) {
    const first = discourse.registry.findAliases(opening.slice(0, 120))[0];
    const after = opening.slice(first?.end ?? 0);
    if (first && first.start === 0 && !/^['’]s\b/u.test(after) && !/^\s*(?:and|&|,)\s/.test(after) && roleHolds(first, discourse.date)) {
      return [{ entity: discourse.entityFor(first.speaker), voice: null }];
    }
  }
  // The first 14 words are all that is read: the split stops there.
  const words = clause.split(/\s+/, 14);
  const kept: string[] = [];
  for (const word of words) {
    const bare = word.replace(/[,;:]+$/u, '');
    const lower = bare.toLowerCase().replace(/['’]s$/u, '');
    const nameLike = /^\p{Lu}/u.test(bare) || TITLE_WORDS.has(lower) || /^(?:the|of|and|for|a|an)$/.test(lower) || NAME_CONNECTORS.has(lower);
    // A body's noun ends its name ("The provincial cabinet met …").
    if (BODY_HEADS.test(lower) && kept.length) {
      kept.push(bare);
      break;
    }
    // "Agency officials said …": a faceless subject, and "they" after it stays faceless.
    if (!nameLike && FACELESS_HEADS.has(lower) && /s$/.test(lower)) {
      discourse.theyFaceless = true;
      return [];
    }
    if (!nameLike) break;
    kept.push(bare);
    if (/[,;:]$/.test(word)) break;
  }
  const phrase = kept.join(' ');
  if (!phrase || /['’]s$/u.test(phrase)) return [];
  if (FACELESS_HEADS.has(lastWord(phrase)) && /s$/.test(lastWord(phrase))) {
    discourse.theyFaceless = true;
    return [];
  }
  return resolvePhrase(phrase, discourse);
}
