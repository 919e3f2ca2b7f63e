// General rules of reporting English found on unseen articles, each with invented sentences: split
// quotes, questions before an attribution, role nouns, names, institutions, dates, listeners of
// "told", faceless "they", relative clauses, quoted questions and existential "there".
import { describe, expect, it } from 'vitest';
import { createExtractor } from '../../src/extract/index.js';
import { article, lines, registry, run } from './helpers.js';

/** The test registry with a federal body whose name provinces reuse. */
const withApex = createExtractor({
  themes: [],
  speakers: [
    ...registry.speakers,
    { id: 'federal-apex-committee', name: 'Federal Apex Committee', group: 'federal-government', country: 'PK', aliases: ['Apex Committee', 'National Apex Committee'], roles: [] },
  ],
});
const apexLines = (text: string) => withApex(article(text)).map((s) => `${s.speakerName} | ${s.kind} | ${s.text}`);

const dated = (text: string, published = '2024-11-20') => run(text, published).map((s) => `${s.speakerName} | ${s.text} | ${s.date} ${s.dateBasis}`);

describe('existential "there" opens the content', () => {
  it('keeps "there" before a verb of being, still skips "there" as a place', () => {
    expect(lines('Kazmi said there was no plan to close the road.')).toEqual(['Farid Kazmi | indirect | there was no plan to close the road']);
    expect(lines('Rehman said there were enough doctors.')).toEqual(['Sadia Rehman | indirect | there were enough doctors']);
    expect(lines('Kazmi visited the depot. He said there the stocks were low.')).toEqual(['Farid Kazmi | indirect | the stocks were low']);
  });
});

describe('a quoted question attributed with "asked"', () => {
  it('is a direct statement without its question mark', () => {
    expect(lines('“Who will answer for these deaths?” Kazmi asked.')).toEqual(['Farid Kazmi | direct | Who will answer for these deaths']);
    expect(lines('“Where were the guards?” asked Rehman.')).toEqual(['Sadia Rehman | direct | Where were the guards']);
    expect(lines('Rehman asked: “Where were the guards that night?”')).toEqual(['Sadia Rehman | direct | Where were the guards that night']);
  });

  it('does not make "asked" a reporting verb outside quotes', () => {
    expect(lines('Kazmi asked the court to adjourn.')).toEqual([]);
  });
});

describe('a quoted question before a new sentence', () => {
  it('still ends the sentence when a full clause follows', () => {
    expect(lines('Kazmi visited the site. “Who did this?” The crowd wept as the minister said the killers would be caught.').at(-1)).toContain('the killers would be caught');
  });
});

describe('the listener and the place after "told" are not content', () => {
  it.each([
    ['“We will rebuild the bridge,” Rehman told journalists at the river crossing.', 'Sadia Rehman | direct | We will rebuild the bridge'],
    ['“We will rebuild the bridge,” Kazmi told a radio station.', 'Farid Kazmi | direct | We will rebuild the bridge'],
    ['“We will rebuild the bridge,” Kazmi told the cabinet.', 'Farid Kazmi | direct | We will rebuild the bridge'],
    ['“We will rebuild the bridge,” Rehman told villagers near the old mill in Hilltown.', 'Sadia Rehman | direct | We will rebuild the bridge'],
  ])('%s', (text, expected) => {
    expect(lines(text)).toEqual([expected]);
  });

  it('still takes a clause after the listener', () => {
    expect(lines('Kazmi told the cabinet the bridge would be rebuilt.')).toEqual(['Farid Kazmi | indirect | the bridge would be rebuilt']);
    expect(lines('Rehman told villagers at the mill that the bridge would be rebuilt.')).toEqual(['Sadia Rehman | indirect | the bridge would be rebuilt']);
  });
});

describe('a quote interrupted by its attribution', () => {
  it('gives both parts to the speaker between them, and the day to both and to what follows', () => {
    const text = 'Kazmi visited the bridge on Monday. “Violence never wins,” the mayor said yesterday, “and it never will.” He added that the town would recover.';
    expect(dated(text)).toEqual([
      'Mayor | Violence never wins | 2024-11-19 relative',
      'Mayor | and it never will | 2024-11-19 relative',
      'Mayor | the town would recover | 2024-11-19 relative',
    ]);
    expect(lines('“Hunger kills more than bullets,” Rehman said, “and the camps are full.”')).toEqual([
      'Sadia Rehman | direct | Hunger kills more than bullets',
      'Sadia Rehman | direct | and the camps are full',
    ]);
  });

  it('takes the nearest dated mention of the speaker for the follow-on, and a quote after ", adding:" as the second part', () => {
    const text =
      'Rehman visited Hilltown on Sunday. “We will not be cowed,” she told mourners at the hospital yesterday, “and the killers will pay.” She added that compensation would be paid.';
    expect(dated(text)).toEqual([
      'Sadia Rehman | We will not be cowed | 2024-11-19 relative',
      'Sadia Rehman | and the killers will pay | 2024-11-19 relative',
      'Sadia Rehman | compensation would be paid | 2024-11-19 relative',
    ]);
    expect(lines('“We will not be cowed,” Rehman said, adding: “The killers will pay.”')).toEqual([
      'Sadia Rehman | direct | We will not be cowed',
      'Sadia Rehman | direct | The killers will pay',
    ]);
  });

  it('never takes a word of the first part as the speaker of the second', () => {
    expect(lines('“Violence never wins,” a shopkeeper said, “and it never will.”')).toEqual([]);
  });
});

describe('role nouns', () => {
  it('resolve "the minister" to the minister the narration is about, not one named inside a quote', () => {
    expect(lines('Rehman toured the camps. “Kazmi has failed us,” a trader said. The minister said the camps would be closed.')).toEqual([
      'Sadia Rehman | indirect | the camps would be closed',
    ]);
  });

  it('resolve "the spokesperson" to the spokesperson who was speaking, not a country named since', () => {
    expect(lines('Freedonian foreign ministry spokesperson Ana Ruiz said the attack was cowardly. Sylvania has closed its border. The spokesperson said the border must reopen.')).toEqual([
      'Freedonia (Ana Ruiz) | indirect | the attack was cowardly',
      'Freedonia (Ana Ruiz) | indirect | the border must reopen',
    ]);
  });

  it('resolve "the embassy" to the government that spoke through its embassy, not the country named last', () => {
    expect(lines('The Freedonian embassy condemned the attack. Sylvania also condemned the bombing. The embassy said it stood with the victims.')).toEqual([
      'Freedonia | indirect | the attack',
      'Sylvania | indirect | the bombing',
      'Freedonia | indirect | it stood with the victims',
    ]);
  });

  it('use the fullest name the article gave for the role, else the role itself', () => {
    expect(lines('Regional Security Minister Zia Lango visited Lakeside. “We will not retreat,” the regional security minister said.')).toEqual([
      'Zia Lango | direct | We will not retreat',
    ]);
    expect(lines('“We will not retreat,” the regional security minister said.')).toEqual(['Regional security minister | direct | We will not retreat']);
    expect(lines('“Who will answer for this?” the senator asked.')).toEqual(['Senator | direct | Who will answer for this']);
  });

  it('prefer the holder whose title the article gave most recently, and the narrower title first', () => {
    expect(lines('Kazmi visited Lakeside. Provincial Minister for Fisheries Sara Khan said the boats would return. The minister said the port would reopen.')).toEqual([
      'Sara Khan | indirect | the boats would return',
      'Sara Khan | indirect | the port would reopen',
    ]);
    expect(lines('Provincial Minister for Fisheries Sara Khan said the boats would return. Kazmi praised the police. The provincial minister said the port would reopen.')).toEqual([
      'Sara Khan | indirect | the boats would return',
      'Farid Kazmi | indirect | the police',
      'Sara Khan | indirect | the port would reopen',
    ]);
  });

  it('give an unnamed spokesperson’s words to the institution named before the noun, else to no one', () => {
    expect(lines('The interior ministry spokesperson said the roads were open.')).toEqual(['Interior Ministry | indirect | the roads were open']);
    expect(lines('The spokesperson said the roads were open.')).toEqual([]);
  });

  it('take a that-clause after a verb and its indirect object', () => {
    expect(lines('The garrison commander assured the participants that supplies would continue.')).toEqual([
      'Garrison commander | indirect | supplies would continue',
    ]);
  });

  it('leave indefinite and faceless ones alone', () => {
    expect(lines('A senior minister said the camps would be closed.')).toEqual([]);
    expect(lines('The official said the camps would be closed.')).toEqual([]);
  });
});

describe('a question put to the speaker before the answer', () => {
  it('is not content and names no speaker', () => {
    expect(lines('Rehman visited the port. Asked about the Harbour Authority’s expansion plan, she said it was premature.')).toEqual([
      'Sadia Rehman | indirect | it was premature',
    ]);
    expect(lines('Kazmi spoke in Lakeside. Asked whether the talks that collapsed last month in the capital, after a walkout, would resume, he said the door remained open.')).toEqual([
      'Farid Kazmi | indirect | the door remained open',
    ]);
  });

  it('gives no date to the answer, unless the answer has its own', () => {
    expect(dated('Kazmi spoke. Asked whether the strike called on Monday would end, he said the talks would continue.')).toEqual([
      'Farid Kazmi | the talks would continue | 2024-11-20 published',
    ]);
    expect(dated('Kazmi spoke. Asked whether the strike would end, he said on Tuesday the talks would continue.')).toEqual([
      'Farid Kazmi | the talks would continue | 2024-11-19 relative',
    ]);
  });
});

describe('organisations inside a question or the content are not speakers', () => {
  it('credits only the subject of the reporting verb', () => {
    expect(lines('Asked about the Harbour Authority’s plan, Rehman said it was premature.')).toEqual(['Sadia Rehman | indirect | it was premature']);
    expect(lines('Kazmi said the National Security Committee would meet again.')).toEqual(['Farid Kazmi | indirect | the National Security Committee would meet again']);
  });

  it('reads a body named inside an aside before the verb as part of the aside', () => {
    expect(lines('Kazmi, speaking after the National Security Committee meeting, said the operation would be targeted.')).toEqual([
      'Farid Kazmi | indirect | the operation would be targeted',
    ]);
    expect(lines('Rehman, in remarks after the NSC session, said the camps would close.')).toEqual(['Sadia Rehman | indirect | the camps would close']);
  });

  it('reads "the Front" as the front the article named, once', () => {
    expect(lines('The Mountain Liberation Front attacked a post. The Front said the group would widen its attacks.')).toEqual([
      'Mountain Liberation Front | indirect | the group would widen its attacks',
    ]);
    expect(lines('The Harbour Workers Union met on Monday. The Union said the strike would go on.')).toEqual(['Harbour Workers Union | indirect | the strike would go on']);
  });
});

describe('names of people', () => {
  it('reads a given name alone as the full name the article gave', () => {
    expect(lines('The rally was led by Amina Khalid, a lawyer. Amina said the case would go on.')).toEqual(['Amina Khalid | indirect | the case would go on']);
  });

  it('keeps two people who share a surname apart', () => {
    expect(lines('Amina Khalid said the case would go on. Omar Khalid condemned the arrests.')).toEqual([
      'Amina Khalid | indirect | the case would go on',
      'Omar Khalid | indirect | the arrests',
    ]);
  });

  it('keeps the article’s spelling unless only one part of the name differs', () => {
    expect(lines('Fareed Kazmy said the boats would return.')).toEqual(['Fareed Kazmy | indirect | the boats would return']);
    expect(lines('Farid Kazmy said the boats would return.')).toEqual(['Farid Kazmi | indirect | the boats would return']);
  });

  it('strips a title and its portfolio from an unknown name', () => {
    expect(lines('Minister for Fisheries Sara Khan said the boats would return.')).toEqual(['Sara Khan | indirect | the boats would return']);
    expect(lines('Minister of Fisheries and Livestock Sara Khan said the boats would return.')).toEqual(['Sara Khan | indirect | the boats would return']);
    expect(lines('Hilltown-based analyst Ali Shah said the boats would return.')).toEqual(['Ali Shah | indirect | the boats would return']);
  });
});

describe('institutions', () => {
  it('read a demonym and one capitalised office with commas in its name as the country', () => {
    expect(lines('The Freedonian Foreign, Trade and Development Office said it was appalled.')).toEqual(['Freedonia | indirect | it was appalled']);
    expect(lines('The Freedonian foreign ministry said it was appalled.')).toEqual(['Freedonia | indirect | it was appalled']);
    expect(lines('Sylvania’s embassy said it was appalled.')).toEqual(['Sylvania | indirect | it was appalled']);
  });

  it('still split a list of two countries', () => {
    expect(lines('Freedonia and the Sylvanian embassy condemned the attack.')).toEqual(['Freedonia | indirect | the attack', 'Sylvania | indirect | the attack']);
  });

  it('keep a provincial body apart from the federal one of a similar name', () => {
    expect(apexLines('The provincial apex committee decided to deploy more troops.')).toEqual(['Provincial Apex Committee | indirect | to deploy more troops']);
    expect(apexLines('The Lakeland apex committee met on Monday. The committee decided to deploy more troops.')).toEqual([
      'Lakeland Apex Committee | indirect | to deploy more troops',
    ]);
    expect(apexLines('The National Apex Committee decided to deploy more troops.')).toEqual(['Federal Apex Committee | indirect | to deploy more troops']);
  });
});

describe('faceless sources stay faceless through "they"', () => {
  it('gives no statement to "they" after officials, sources or police', () => {
    expect(lines('Agency officials said a raid was under way. They said a suspect had escaped.')).toEqual([]);
    expect(lines('Officials said a raid was under way. They added that a suspect had escaped.')).toEqual([]);
  });

  it('still resolves "they" to a named group after one speaks', () => {
    expect(lines('Officials said a raid was under way. The MLF denied any role. They said the raid was staged.')).toEqual([
      'Mountain Liberation Front | indirect | any role',
      'Mountain Liberation Front | indirect | the raid was staged',
    ]);
  });
});

describe('a reporting verb inside a relative clause of the narration', () => {
  it.each([
    'The raids, which the MLF claimed, killed nine people.',
    'The attack, for which the MLF claimed responsibility, killed nine people.',
    'The attack, which Kazmi condemned, killed nine people.',
    'The attacks that the MLF claimed killed nine people.',
  ])('is not a statement: %s', (text) => {
    expect(lines(text)).toEqual([]);
  });

  it('still counts a clause where the pronoun is the subject, or one with content of its own', () => {
    expect(lines('Kazmi issued a statement, in which he said the roads were open.')).toEqual(['Farid Kazmi | indirect | the roads were open']);
    expect(lines('The MLF issued a statement, in which the MLF said the raid was staged.')).toEqual(['Mountain Liberation Front | indirect | the raid was staged']);
    expect(lines('Kazmi said that the MLF claimed the attack.')).toEqual(['Farid Kazmi | indirect | the MLF claimed the attack']);
  });
});

describe('dates', () => {
  it('dates the later speakers of a session by the day the lead gives, until another occasion', () => {
    const text =
      'The Senate on Tuesday debated the security situation in the province.\n\nKazmi said the roads were open. Senator Ali Raza said the army must act.\n\nRehman later addressed a rally in Hilltown. She said the camps would close.';
    expect(dated(text)).toEqual([
      'Farid Kazmi | the roads were open | 2024-11-19 relative',
      'Ali Raza | the army must act | 2024-11-19 relative',
      'Sadia Rehman | the camps would close | 2024-11-20 published',
    ]);
    expect(dated('Kazmi told reporters at a press briefing on Monday that the roads were open. Rehman, who was also present, said the camps would close.')).toEqual([
      'Farid Kazmi | the roads were open | 2024-11-18 relative',
      'Sadia Rehman | the camps would close | 2024-11-18 relative',
    ]);
  });

  it('does not give the session’s day to a foreign government, nor carry a later meeting’s day to other speakers', () => {
    const text =
      'The Senate on Tuesday debated the security situation.\n\nKazmi said the roads were open. Freedonia said it was monitoring the situation.\n\nKazmi thanked the senators.\n\nThe NSC, which met in Lakeside on Monday, decided to deploy more troops.\n\nRehman said the camps would close.';
    expect(dated(text)).toEqual([
      'Farid Kazmi | the roads were open | 2024-11-19 relative',
      'Freedonia | it was monitoring the situation | 2024-11-20 published',
      'Farid Kazmi | the senators | 2024-11-19 relative',
      'National Security Committee | to deploy more troops | 2024-11-18 relative',
      'Sadia Rehman | the camps would close | 2024-11-20 published',
    ]);
  });

  it('reads "on the 20th" as that day of the publication month, or of the month before', () => {
    expect(dated('Kazmi said on the 18th that the roads were open.', '2024-11-20')).toEqual(['Farid Kazmi | the roads were open | 2024-11-18 relative']);
    expect(dated('Kazmi said on the 28th that the roads were open.', '2024-11-20')).toEqual(['Farid Kazmi | the roads were open | 2024-10-28 relative']);
  });

  it('counts "two days later" from the date given before it', () => {
    expect(dated('The talks were held on November 10. Two days later, Kazmi said the roads were open.')).toEqual([
      'Farid Kazmi | the roads were open | 2024-11-12 relative',
    ]);
  });

  it('reads "last Thursday" as the Thursday before the publication day', () => {
    expect(dated('Kazmi said last Thursday that the roads were open.', '2024-11-21')).toEqual(['Farid Kazmi | the roads were open | 2024-11-14 relative']);
    expect(dated('Kazmi said last Thursday that the roads were open.', '2024-11-23')).toEqual(['Farid Kazmi | the roads were open | 2024-11-21 relative']);
  });

  it('falls back to the publication day for "earlier this week"', () => {
    expect(dated('Kazmi visited Lakeside on Monday. Earlier this week, he said the roads were open.', '2024-11-22')).toEqual([
      'Farid Kazmi | the roads were open | 2024-11-22 published',
    ]);
  });
});

describe('a passive participle after an attribution is a circumstance', () => {
  it('adds no statement for ", flanked by …"', () => {
    expect(lines('“This will not stand,” Kazmi told a news conference in Fredville on Monday, flanked by senior officials.')).toEqual([
      'Farid Kazmi | direct | This will not stand',
    ]);
  });
});
