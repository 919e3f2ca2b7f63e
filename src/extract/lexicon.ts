// The English the extractor knows: reporting verbs, the words around them, titles and faceless nouns.
// These are facts of the language, not of any article or speaker (names and roles live in
// statements/speakers.yaml).

/** Finite forms of communication verbs that report speech (past, present 3sg). */
export const REPORTING_VERBS: readonly string[] = [
  // Present forms that are also plural nouns ("states", "notes", "claims") are left out on purpose.
  'said', 'says', 'stated', 'told', 'tells', 'added', 'assured', 'reassured', 'assures',
  'emphasised', 'emphasized', 'emphasises', 'emphasizes', 'stressed', 'warned', 'warns',
  'vowed', 'pledged', 'announced', 'announces', 'clarified', 'reiterated', 'reiterates',
  'urged', 'urges', 'condemned', 'condemns', 'denounced', 'denounces', 'denied', 'denies', 'blamed',
  'claimed', 'described', 'highlighted', 'noted', 'expressed',
  'termed', 'dismissed', 'directed', 'decided', 'approved', 'insisted', 'affirmed', 'reaffirmed',
  'underscored', 'underlined', 'acknowledged', 'deplored', 'mourned', 'conveyed', 'commended', 'resolved',
  'agreed', 'asserted', 'explained', 'confirmed', 'maintained', 'declared', 'observed', 'remarked',
  'revealed', 'disclosed', 'informed', 'argued', 'demanded', 'requested', 'instructed', 'appealed',
  'welcomed', 'praised', 'lauded', 'lamented', 'bemoaned', 'decried', 'slammed', 'criticised', 'criticized',
  'rejected', 'regretted', 'hoped', 'labeled', 'labelled', 'called', 'paid', 'hit', 'lashed', 'extended',
  'offered', 'sent', 'voiced', 'wrote', 'tweeted', 'posted', 'recalled', 'alleged', 'accused', 'promised',
  'cautioned', 'hailed', 'thanked', 'congratulated', 'felicitated', 'proposed', 'recommended', 'predicted',
  'questioned', 'suggested', 'shared', 'conceded', 'admitted', 'contended',
];

/**
 * Verbs that attribute a quotation but report no content of their own ("“Who will pay?” she asked"):
 * next to a quote they are speech; elsewhere ("asked the court to …") they are left alone.
 */
export const QUOTE_ONLY_VERBS: readonly string[] = ['asked', 'asks', 'wondered', 'replied', 'answered', 'responded', 'retorted', 'exclaimed', 'quipped', 'continued'];

/** -ing forms that carry speech when they head a participial clause ("…, adding that", "Vowing to …,"). */
export const REPORTING_PARTICIPLES: readonly string[] = [
  'saying', 'stating', 'adding', 'assuring', 'emphasising', 'emphasizing', 'stressing', 'warning', 'vowing',
  'pledging', 'announcing', 'clarifying', 'reiterating', 'urging', 'condemning', 'denouncing', 'denying',
  'blaming', 'claiming', 'describing', 'highlighting', 'noting', 'expressing', 'terming', 'dismissing',
  'insisting', 'affirming', 'reaffirming', 'underscoring', 'underlining', 'acknowledging', 'deploring',
  'mourning', 'conveying', 'commending', 'asserting', 'explaining', 'confirming', 'calling', 'decrying',
  'wishing', 'requesting', 'demanding', 'lamenting', 'hoping', 'paying', 'offering', 'extending',
  'labeling', 'labelling', 'voicing', 'accusing', 'alleging', 'welcoming', 'praising', 'lauding', 'arguing',
  'maintaining', 'declaring', 'telling', 'directing', 'appealing', 'cautioning', 'promising', 'recalling',
];

/** Verbs that only report speech with a speech noun as object ("extended condolences", not "extended invitations"). */
export const LIGHT_VERBS = new Set(['extended', 'offered', 'sent', 'paid', 'shared', 'extending', 'offering', 'paying', 'voiced', 'voicing', 'posted']);

/** Nouns that make a light verb a speech act. */
export const SPEECH_NOUNS =
  /^(?:(?:his|her|their|its|our|the|a|an|deep|deepest|heartfelt|sincere|sincerest|profound|full|strong|unwavering|complete|warm|best|rich|glowing|"|“|”|\p{L}+ly)\s+)*(?:support|condolences?|sympath(?:y|ies)|solidarity|grief|sorrow|concern|concerns|tributes?|gratitude|thanks|appreciation|regrets?|dismay|shock|anguish|hopes?|wishes|felicitations|greetings|congratulations|views?|thoughts|message|assurances?|commitment|backing|cooperation)\b/iu;

/** Phrasal reporting verbs: the words after the verb that belong to it, not to the content. */
export const PHRASAL_PARTICLES: ReadonlyArray<[verb: RegExp, particle: RegExp]> = [
  [/^(?:called|calling)$/i, /^\s*(?:for|on|upon)\b/i],
  [/^(?:paid|paying)$/i, /^\s*(?:(?:rich|glowing|special|a|his|her|their|its)\s+)*(?:tributes?|homage|respects?)\s+to\b/i],
  [/^(?:hit|lashed)$/i, /^\s*out\s+at\b/i],
  [/^(?:appealed|appealing)$/i, /^\s*to\b/i],
];

/** Verbs that take a person object before their `that` clause ("assured the CM that …"). */
export const TELL_VERBS = new Set([
  'told', 'tells', 'assured', 'reassured', 'assures', 'informed', 'reminded', 'warned', 'warns', 'urged',
  'telling', 'assuring', 'warning', 'urging', 'cautioned', 'promised',
]);

/** Verbs that report a decision (a body's or a state's) rather than words. */
export const DECISION_VERBS = new Set(['decided', 'approved', 'resolved', 'agreed']);

/** Impersonal meeting reports: "it was decided that …". */
export const IMPERSONAL_VERBS =
  'decided|agreed|resolved|emphasi[sz]ed|stressed|noted|observed|underlined|underscored|highlighted|reiterated|recommended|directed|announced|proposed|affirmed|reaffirmed|maintained|urged|pointed out|expressed|acknowledged|determined';

/** Heads of noun phrases that are faceless sources, never a briefing's speaker. */
export const FACELESS_HEADS = new Set([
  'official', 'officials', 'police', 'policemen', 'source', 'sources', 'analyst', 'analysts', 'resident', 'residents',
  'witness', 'witnesses', 'eyewitness', 'eyewitnesses', 'expert', 'experts', 'observer', 'observers', 'report',
  'reports', 'media', 'locals', 'people', 'protesters', 'protestors', 'critics', 'authorities', 'leaders',
  'figures', 'community', 'officers', 'personnel', 'insiders', 'diplomats', 'activists', 'families', 'relatives',
  'doctors', 'rescuers', 'survivors', 'citizens', 'users', 'reporters', 'journalists', 'sides',
  'participants', 'members', 'lawmakers', 'politicians', 'commentators', 'agencies', 'forces', 'troops',
]);

/** Words that name an office, a rank or a courtesy, stripped from the front of a person's name. */
export const TITLE_WORDS = new Set([
  'minister', 'ministers', 'prime', 'president', 'vice', 'chief', 'secretary', 'secretary-general', 'deputy', 'commissioner',
  'sp', 'ssp', 'dig', 'ig', 'igp', 'dpo', 'dc', 'ac', 'sho', 'spokesperson', 'spokesman', 'spokeswoman', 'spokespersons',
  'general', 'gen', 'lt', 'lieutenant', 'col', 'colonel', 'maj', 'major', 'captain', 'capt', 'brigadier', 'brig',
  'retired', 'retd', 'dr', 'mr', 'mrs', 'ms', 'senator', 'ambassador', 'envoy', 'consul', 'governor', 'mayor',
  'chairman', 'chairperson', 'chairwoman', 'leader', 'head', 'director', 'director-general', 'officer',
  'executive', 'expert', 'analyst', 'official', 'police', 'senior', 'security', 'acting', 'caretaker',
  'federal', 'provincial', 'interior', 'defence', 'defense', 'foreign', 'home', 'information', 'bishop',
  'justice', 'judge', 'commander', 'inspector', 'superintendent', 'advocate', 'professor', 'prof', 'cm', 'pm',
  'coas', 'state', 'speaker', 'senior', 'special', 'assistant', 'adviser', 'advisor', 'member', 'mna', 'mpa',
  'former', 'ex', 'army', 'staff', 'of', 'and', 'for', 'the', 'division', 'district', 'station', 'high',
  'counsel', 'additional', 'inspector-general', 'secretary-general', 'emir', 'king', 'queen', 'chancellor',
  'premier', 'sheikh', 'field', 'marshal', 'air', 'admiral', 'naval', 'provincial', 'parliamentary',
  'opposition', 'convener', 'founder', 'co-chairman', 'patron-in-chief', 'scholar', 'cleric',
  'journalist', 'anchor', 'correspondent', 'activist', 'lawyer', 'legislator', 'lawmaker', 'mufti', 'maulana',
]);

/** Nouns of a minister's or adviser's portfolio ("Minister for Fisheries and Livestock"), never part of a name. */
export const PORTFOLIO_WORDS = new Set([
  'affairs', 'finance', 'fisheries', 'interior', 'information', 'health', 'education', 'law', 'justice', 'planning',
  'development', 'water', 'resources', 'energy', 'power', 'petroleum', 'railways', 'communications', 'defence',
  'defense', 'foreign', 'home', 'revenue', 'industries', 'industry', 'commerce', 'trade', 'agriculture', 'livestock',
  'food', 'security', 'religious', 'minorities', 'human', 'rights', 'culture', 'tourism', 'sports', 'youth', 'labour',
  'labor', 'housing', 'works', 'science', 'technology', 'climate', 'change', 'environment', 'maritime', 'ports',
  'shipping', 'parliamentary', 'narcotics', 'control', 'privatisation', 'privatization', 'coordination', 'overseas',
  'local', 'government', 'irrigation', 'mines', 'minerals', 'forests', 'forestry', 'wildlife', 'women', 'social',
  'welfare', 'transport', 'excise', 'taxation', 'prisons', 'economic', 'aviation', 'broadcasting', 'national',
  'heritage', 'investment', 'textile', 'production', 'poverty', 'alleviation', 'safety', 'telecommunication',
  'telecommunications', 'relief', 'disaster', 'management', 'public', 'statistics', 'population', 'services',
  'establishment', 'accountability', 'inter-provincial', 'interprovincial', 'and', '&', 'it', 'information-technology',
]);

/** Titles that make a named person the voice of the government or body they serve. */
export const VOICE_TITLES =
  /\b(?:spokesperson|spokesman|spokeswoman|spokespersons|ambassador|envoy|consul(?:ate)?(?:\s+general)?|high\s+commissioner|charg[eé]\s+d['’]affaires|president|prime\s+minister|premier|chancellor|king|emir|secretary[-\s]general|foreign\s+minister|foreign\s+secretary|secretary\s+of\s+state)\b/i;

/** Institutional nouns: a country's name before them makes the phrase that country's voice. */
export const INSTITUTION_NOUNS =
  /\b(?:embassy|embassies|consulate|consulates|consul|mission|missions|ministry|foreign\s+office|state\s+department|government|administration|spokesperson|spokesman|spokeswoman|ambassador|envoy|high\s+commission|high\s+commissioner|president|prime\s+minister|premier|chancellor|king|emir|secretary[-\s]general|statement|foreign\s+minister|foreign\s+secretary|secretary\s+of\s+state|white\s+house|kremlin|delegation|commission|cabinet)\b/i;

/** Nouns that stand for the last body, release, institution or group of their kind. */
export const ROLE_NOUN_KINDS: ReadonlyArray<[RegExp, 'body' | 'release' | 'foreign' | 'group' | 'ministry' | 'outlet']> = [
  [/^(?:the\s+)?(?:committee|forum|meeting|apex\s+committee|participants(?:\s+of\s+the\s+meeting)?|huddle|moot|cabinet|conference)$/i, 'body'],
  [/^(?:the\s+)?(?:statement|press\s+release|release|declaration|handout|communiqu[eé]|message|letter|notification|post|tweet)$/i, 'release'],
  [/^(?:the\s+)?(?:(?:diplomatic|foreign)\s+)?(?:embassy|mission|consulate|neighbouring\s+country|neighboring\s+country|country|foreign\s+ministry|foreign\s+office|spokesperson|spokesman|spokeswoman)$/i, 'foreign'],
  [/^(?:the\s+)?(?:(?:militant|separatist|banned|proscribed|terror|terrorist)\s+)*(?:group|outfit|organisation|organization)(?:['’]s\s+(?:leader|spokesperson|spokesman|chief|commander))?$/i, 'group'],
  [/^(?:the\s+)?(?:ministry|department)$/i, 'ministry'],
  [/^(?:the\s+)?(?:outlet|channel|broadcaster|newspaper)$/i, 'outlet'],
];

/** Words that open an introductory phrase before the subject ("Addressing the meeting, …"). */
export const INTRO_OPENERS = new Set([
  'in', 'at', 'on', 'during', 'after', 'before', 'following', 'against', 'amid', 'amidst', 'despite', 'under',
  'without', 'since', 'while', 'whilst', 'when', 'as', 'although', 'though', 'because', 'if', 'unlike', 'like',
  'besides', 'through', 'regarding', 'concerning', 'upon', 'over', 'given', 'meanwhile', 'however', 'moreover',
  'furthermore', 'separately', 'earlier', 'later', 'also', 'additionally', 'similarly', 'likewise',
  'nonetheless', 'nevertheless', 'still', 'yet', 'instead', 'finally', 'initially', 'previously', 'today',
  'yesterday', 'recently', 'notably', 'importantly', 'overall', 'therefore', 'thus', 'hence', 'accordingly',
  'first', 'firstly', 'secondly', 'lastly', 'elsewhere', 'here', 'there', 'now', 'then', 'once', 'hours',
  'days', 'minutes', 'weeks', 'shortly', 'soon', 'in response', 'responding', 'separately', 'for', 'with',
  'by', 'to', 'from', 'on', 'speaking', 'talking', 'addressing', 'commenting', 'replying', 'briefing',
]);

/** Conjunctions and adverbs that may open a sentence without being part of its subject. */
export const LEADING_CONNECTIVES = /^(?:(?:but|and|so|yet|also|meanwhile|however|moreover|furthermore|separately|earlier|later|similarly|likewise|moreover|additionally|then|now|here|still|thus|in\s+addition|on\s+the\s+other\s+hand|at\s+the\s+same\s+time|in\s+response)\b\s*,?\s*)+/i;

/** Words between a subject and its verb that belong to neither ("Naqvi has also strongly condemned"). */
export const PRE_VERB_FILLER =
  /(?:\s+(?:has|have|had|was|were|is|are|had|also|further|strongly|firmly|again|once|categorically|reportedly|allegedly|repeatedly|publicly|jointly|separately|earlier|later|today|yesterday|then|too|already|recently|previously|now|personally|explicitly|clearly|vehemently|unequivocally|squarely|specifically|in\s+\w+\s+remarks|on\s+\w+|in\s+a\s+\w+|in\s+\w+\s+this\s+year))+$/i;

export const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
export const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/** Abbreviations after which a full stop does not end a sentence. */
export const ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'gen', 'lt', 'col', 'maj', 'capt', 'brig', 'st', 'no', 'nos', 'jan', 'feb', 'mar',
  'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'rs', 'vs', 'etc', 'prof', 'sen', 'rep', 'gov',
  'inc', 'ltd', 'co', 'jr', 'sr', 'u.s', 'u.n', 'a.m', 'p.m', 'i.e', 'e.g', 'govt', 'dept', 'approx', 'fig',
  'retd', 'hon', 'adv', 'engr', 'sgt', 'cpl', 'pvt', 'insp', 'supt', 'mt', 'ft', 'vol', 'pp', 'ch', 'art',
]);
