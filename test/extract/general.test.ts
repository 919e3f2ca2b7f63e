// General rules of reporting English, each with invented sentences: audiences of "told", circumstances
// after an attribution, days closing an attribution, clause-bound dates, subjects past relative clauses.
import { describe, expect, it } from 'vitest';
import { createExtractor } from '../../src/extract/index.js';
import type { Speaker } from '../../src/types.js';
import { article, lines, registry, run } from './helpers.js';

/** The test registry with the army itself a voice of the military, and a head of government's office. */
const wider = createExtractor({
  themes: [],
  speakers: [
    ...registry.speakers.map((s): Speaker => (s.id === 'ispr' ? { ...s, aliases: [...s.aliases, 'the army', 'Freedonian Army'] } : s)),
    { id: 'chief-ministers-office', name: "Chief Minister's Office", group: 'provincial-government', country: 'PK', aliases: ['CM Office'], roles: [] },
  ],
});
const widerLines = (text: string) => wider(article(text)).map((s) => `${s.speakerName} | ${s.kind} | ${s.text}`);

const dated = (text: string, published = '2024-11-20') => run(text, published).map((s) => `${s.speakerName} ${s.date} ${s.dateBasis}`);

describe('the audience of "told" is not content', () => {
  it.each([
    'Farid Kazmi told reporters in Lakeside after meeting district officials.',
    'The Freedonian foreign ministry spokesperson told a regular press briefing in Fredville on Tuesday.',
    'Kazmi told a press conference in Lakeside.',
    'Rehman told the assembly on Monday.',
    'Kazmi told the Senate.',
    'Rehman told a gathering of elders in Hilltown.',
    'Kazmi told a news agency.',
  ])('%s', (text) => {
    expect(lines(text)).toEqual([]);
  });

  it('still takes a that-clause or a clause after the audience', () => {
    expect(lines('Kazmi told reporters in Lakeside on Monday that the road would reopen.')).toEqual(['Farid Kazmi | indirect | the road would reopen']);
    expect(lines('Kazmi told the City Herald the road would reopen.')).toEqual(['Farid Kazmi | indirect | the road would reopen']);
  });

  it('gives the content before the attribution, or the quote, to the speaker', () => {
    expect(lines('The road will reopen soon, Kazmi told reporters in Lakeside.')).toEqual(['Farid Kazmi | indirect | The road will reopen soon']);
    expect(lines('“The road will reopen soon,” Kazmi told a news conference.')).toEqual(['Farid Kazmi | direct | The road will reopen soon']);
  });
});

describe('a circumstance after an inverted attribution is not content', () => {
  it('takes the clause before the attribution, not the trailing "after …"', () => {
    expect(lines('Freedonia will send more troops to the border, Interior Minister Farid Kazmi said on Wednesday, after a string of attacks in which gunmen stopped buses.')).toEqual([
      'Farid Kazmi | indirect | Freedonia will send more troops to the border',
    ]);
    expect(lines('The market will reopen, Rehman said, as traders gathered outside.')).toEqual(['Sadia Rehman | indirect | The market will reopen']);
  });

  it('adds no statement for a participial tail', () => {
    expect(lines('Kazmi visited the depot. “Nobody came to help us,” he said, sitting beside his truck near the pass.')).toEqual([
      'Farid Kazmi | direct | Nobody came to help us',
    ]);
  });

  it('keeps "A, he affirmed, B" and ", adding that …"', () => {
    expect(lines('Farid Kazmi spoke. Such threats, he affirmed, would not deter the state.')).toEqual([
      'Farid Kazmi | indirect | Such threats, he affirmed, would not deter the state',
    ]);
  });
});

describe('a day at the end of a long attribution', () => {
  it('dates the quote and the later statements of the same briefing', () => {
    const text =
      '“We will not let this stand,” Freedonian foreign ministry spokesperson Ana Ruiz told reporters in Fredville on Monday. Ruiz said Freedonia stood with its partners. She said more aid would follow.';
    expect(dated(text)).toEqual(['Freedonia 2024-11-18 relative', 'Freedonia 2024-11-18 relative', 'Freedonia 2024-11-18 relative']);
  });

  it('reads the day after the audience and place of an indirect statement', () => {
    expect(dated('The road will reopen soon, Kazmi told reporters in Lakeside on Monday.')).toEqual(['Farid Kazmi 2024-11-18 relative']);
  });
});

describe('the subject past relative clauses and appositives', () => {
  it('skips ", who …," and ", which …," when finding the speaker', () => {
    expect(lines('Nadia Baig, who teaches politics at the University of Hilltown, said that the attacks would continue.')).toEqual([
      'Nadia Baig | indirect | the attacks would continue',
    ]);
    expect(lines('Rehman, who rushed to the Civil Hospital, said the wounded would be flown to the capital.')).toEqual([
      'Sadia Rehman | indirect | the wounded would be flown to the capital',
    ]);
    expect(lines('Nadia Baig, whose brother was killed at the Central Market, said the attacks would continue.')).toEqual([
      'Nadia Baig | indirect | the attacks would continue',
    ]);
  });

  it('reads an inverted attribution followed by a relative clause', () => {
    expect(lines('The attacks will continue, said Nadia Baig, who teaches politics at the University of Hilltown.')).toEqual([
      'Nadia Baig | indirect | The attacks will continue',
    ]);
  });
});

describe('one statement across ", saying …"', () => {
  it('runs a claim of responsibility on through a participle of speech', () => {
    expect(lines('The MLF claimed responsibility for the attack, saying it had targeted a convoy of foreign engineers.')).toEqual([
      'Mountain Liberation Front | indirect | responsibility for the attack, saying it had targeted a convoy of foreign engineers',
    ]);
    expect(lines('The MLF claimed responsibility for the attack, which killed four, saying it had targeted soldiers.')).toEqual([
      'Mountain Liberation Front | indirect | responsibility for the attack, which killed four, saying it had targeted soldiers',
    ]);
  });

  it('still ends a bare claim at its noun phrase', () => {
    expect(lines('The MLF claimed responsibility for the attack, which killed four.')).toEqual(['Mountain Liberation Front | indirect | responsibility for the attack']);
  });

  it('keeps an object and its ", saying …" together, past an aside in the subject', () => {
    expect(lines('Kazmi rejected the idea of a new operation, saying targeted strikes worked better.')).toEqual([
      'Farid Kazmi | indirect | the idea of a new operation, saying targeted strikes worked better',
    ]);
    expect(lines('The MLF, in a statement sent to the media, claimed responsibility for the attack, saying its fighters had targeted the convoy.')).toEqual([
      'Mountain Liberation Front | indirect | responsibility for the attack, saying its fighters had targeted the convoy',
    ]);
  });
});

describe('speakers of a joint lead and unnamed office holders', () => {
  it('gives each named member of a list a statement and drops the faceless rest', () => {
    expect(lines('The Freedonian government, the Sylvanian embassy and several other governments condemned the attack.')).toEqual([
      'Freedonia | indirect | the attack',
      'Sylvania | indirect | the attack',
    ]);
    expect(lines('Freedonia and many other countries condemned the attack.')).toEqual(['Freedonia | indirect | the attack']);
  });

  it('names the holder of a unique office by its place, before or after the noun', () => {
    expect(lines('The deputy commissioner of Lakeside said the toll could rise. He added that the roads were shut.')).toEqual([
      'Lakeside Deputy Commissioner | indirect | the toll could rise',
      'Lakeside Deputy Commissioner | indirect | the roads were shut',
    ]);
    expect(lines('The Lakeside deputy commissioner said the toll could rise.')).toEqual(['Lakeside Deputy Commissioner | indirect | the toll could rise']);
    expect(lines('The commissioner of Hilltown division told reporters that the toll could rise.')).toEqual([
      'Hilltown Commissioner | indirect | the toll could rise',
    ]);
  });
});

describe('the head of a noun phrase decides between overlapping registry names', () => {
  it('reads "the army chief" as the chief (a role alias, by date), not the army', () => {
    expect(widerLines('Troops were deployed across the province. The army chief said: “Terrorists will be hunted down.”')).toEqual([
      'Tariq Awan | direct | Terrorists will be hunted down',
    ]);
    expect(widerLines('Troops moved in. The army chief, in a speech at the academy, said terrorists would be hunted down.')).toEqual([
      'Tariq Awan | indirect | terrorists would be hunted down',
    ]);
    expect(widerLines('The COAS said the army would not rest.')).toEqual(['Tariq Awan | indirect | the army would not rest']);
  });

  it('keeps the military and its media wing for the military', () => {
    expect(widerLines('The military’s media wing said five militants were killed. The army said in a statement that two soldiers died.')).toEqual([
      'ISPR | indirect | five militants were killed',
      'ISPR | indirect | two soldiers died',
    ]);
  });
});

describe('the day of a meeting carries to its later sentences', () => {
  it('dates "told the meeting", "addressing the meeting" and the body’s decisions by the meeting', () => {
    const text =
      'The provincial cabinet met in Lakeside on Tuesday, chaired by the chief minister.\n\nKazmi told the meeting that the highways would be secured. The cabinet approved a new levies force.';
    expect(run(text).map((s) => `${s.speakerName} | ${s.date} ${s.dateBasis} | ${s.text}`)).toEqual([
      'Farid Kazmi | 2024-11-19 relative | the highways would be secured',
      'Provincial cabinet | 2024-11-19 relative | a new levies force',
    ]);
    const second = 'The National Security Committee met on Monday.\n\nAddressing the meeting, Kazmi said the roads were open.';
    expect(dated(second)).toEqual(['Farid Kazmi 2024-11-18 relative']);
  });
});

describe('a release of a named office', () => {
  it('credits the issuer of the statement, not the body that met, with the meeting’s day', () => {
    const text =
      'The National Security Committee met on Monday.\n\nA statement issued by the Chief Minister’s Office after the meeting said that a new operation had been approved.';
    expect(wider(article(text)).map((s) => `${s.speakerName} | ${s.date} | ${s.text}`)).toEqual([
      "Chief Minister's Office | 2024-11-18 | a new operation had been approved",
    ]);
  });
});

describe('a date belongs to its own clause', () => {
  it('does not pass an event’s day to the actor’s later statement, nor one speaker’s day to the next', () => {
    const text =
      'The MLF attacked a police station in Lakeside yesterday. Inspector Omar Latif said on Monday the blast killed five.\n\nA spokesman for the MLF, Jalal Khan, said its fighters had targeted the station.';
    expect(dated(text)).toEqual(['Omar Latif 2024-11-18 relative', 'Mountain Liberation Front 2024-11-20 published']);
  });

  it('still dates a speaker by the day of a visit or meeting the article gives', () => {
    const text = 'Kazmi visited Lakeside on Monday.\n\nHe said the roads would reopen.';
    expect(dated(text)).toEqual(['Farid Kazmi 2024-11-18 relative']);
  });
});

describe('voices past a place or topic after the verb', () => {
  it('keeps the named spokesperson as the voice, never a phrase of the topic', () => {
    expect(lines('Freedonian foreign ministry spokesperson Ana Ruiz said at a briefing on the Northern Economic Corridor that Fredville condemned the attack.')).toEqual([
      'Freedonia (Ana Ruiz) | indirect | Fredville condemned the attack',
    ]);
    expect(lines('Freedonian foreign ministry spokesperson Ana Ruiz said at a briefing on the Northern Economic Corridor, “We condemn the attack.”')).toEqual([
      'Freedonia (Ana Ruiz) | direct | We condemn the attack',
    ]);
  });
});

describe('an organisation named like a committee is never taken for a person', () => {
  // A civil-society committee in the registry: its name is capitalised words, like a person's.
  const withCommittee = createExtractor({
    themes: [],
    speakers: [
      ...registry.speakers,
      { id: 'hill-rights-committee', name: 'Hill Rights Committee', group: 'civil-society', country: null, aliases: ['HRC'], roles: [] },
    ],
  });
  const say = (text: string) => withCommittee(article(text)).map((s) => `${s.speakerName} | ${s.text}`);

  it('gives the statement to its named leader, not to the committee', () => {
    expect(say('Hill Rights Committee leader Dr Sana Mirza on Thursday said the march would go on.')).toEqual(['Sana Mirza | the march would go on']);
    expect(say('HRC leader Sana Mirza said the march would go on.')).toEqual(['Sana Mirza | the march would go on']);
  });

  it('still speaks as itself', () => {
    expect(say('The Hill Rights Committee said the march would go on.')).toEqual(['Hill Rights Committee | the march would go on']);
  });
});

describe('an earlier occasion dates what was said there and after it, not what came before it', () => {
  it('keeps the day of the reported meeting for the statements before an "Earlier, … had stressed" paragraph', () => {
    const text = [
      'Farid Kazmi received the Freedonian ambassador at his office today.',
      'Kazmi strongly condemned the attack on the convoy on 16 November 2024.',
      'He conveyed condolences to the families of the victims.',
      'Earlier, in a telephone call on 18 November, Kazmi had stressed that the safety of foreign workers came first.',
    ].join('\n\n');
    expect(dated(text)).toEqual(['Farid Kazmi 2024-11-20 relative', 'Farid Kazmi 2024-11-20 relative', 'Farid Kazmi 2024-11-18 explicit']);
  });

  it('still dates the quote that follows an earlier statement by that statement’s day', () => {
    const text = [
      'Earlier, the ISPR said in a statement on Saturday that the post had been attacked late on Friday night.',
      '“A sanitisation operation is being conducted in the area,” the ISPR said.',
    ].join('\n\n');
    expect(dated(text)).toEqual(['ISPR 2024-11-16 relative', 'ISPR 2024-11-16 relative']);
  });
});

describe('a release named after the object is not content, and its day dates the statement', () => {
  it.each([
    'Kazmi condemned the attack in a statement on Saturday.',
    'Kazmi condemned the attack in a statement issued by his office on Saturday.',
    'Kazmi condemned the attack in a statement issued by his spokesperson in Lakeside on Saturday.',
  ])('%s', (text) => {
    expect(run(text, '2024-11-18').map((s) => `${s.speakerName} | ${s.text} | ${s.date} ${s.dateBasis}`)).toEqual(['Farid Kazmi | the attack | 2024-11-16 relative']);
  });
});

describe('an attribution ending in a colon introduces the quote in the next paragraph', () => {
  it('gives the quote to that speaker, dated by its attribution, not to the speaker before', () => {
    const text = ['“We grieve with the families,” Kazmi said.', 'The Freedonian embassy said in a statement on Sunday:', '“Freedonia strongly condemns the attack. We stand with the people of Pakistan.”'].join('\n\n');
    expect(run(text, '2024-11-18').map((s) => `${s.speakerName} | ${s.kind} | ${s.date} | ${s.text}`)).toEqual([
      'Farid Kazmi | direct | 2024-11-18 | We grieve with the families',
      'Freedonia | direct | 2024-11-17 | Freedonia strongly condemns the attack. We stand with the people of Pakistan',
    ]);
  });
});

describe('a body named after a country is not the country', () => {
  it.each([
    ['A Pakistan Railways spokesperson said services would resume soon.', 'Pakistan Railways'],
    ['The Human Rights Commission of Pakistan (HRCP), in a statement, urged the government to protect civilians.', 'Human Rights Commission of Pakistan'],
    ['According to the Pakistan Institute for Peace Studies, attacks rose sharply.', 'Pakistan Institute for Peace Studies'],
    ['Pakistan said the attack was cowardly.', 'Pakistan'],
  ])('%s', (text, speaker) => {
    expect(run(text).map((s) => s.speakerName)).toEqual([speaker]);
  });

  it('leaves the statement to a person named after the body', () => {
    expect(run('Pakistan Mines Workers Federation leader Abdul Karim Baloch announced three days of mourning.').map((s) => s.speakerName)).toEqual(['Abdul Karim Baloch']);
  });
});

describe('"a day after the attacks" between a verb and its that-clause', () => {
  it('is not content, and counts from the day the attacks are named by', () => {
    const text = [
      'Kazmi on Wednesday said that the gunmen behind Monday’s attacks had come from the hills.',
      'Sadia Rehman had announced a day after the attacks that convoys would guard the highway at night.',
    ].join('\n\n');
    expect(run(text, '2024-11-21').map((s) => `${s.speakerName} | ${s.date} | ${s.text}`)).toEqual([
      'Farid Kazmi | 2024-11-20 | the gunmen behind Monday’s attacks had come from the hills',
      'Sadia Rehman | 2024-11-19 | convoys would guard the highway at night',
    ]);
  });
});

describe('a quoted phrase inside a that-clause stays in the reported statement', () => {
  it('after an audience with a complement ("told a meeting of the provincial cabinet that …")', () => {
    expect(lines('Kazmi told a meeting of the provincial cabinet that the attacks were a “well-planned conspiracy” to derail development.')).toEqual([
      'Farid Kazmi | indirect | the attacks were a “well-planned conspiracy” to derail development',
    ]);
  });
});
