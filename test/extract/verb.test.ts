// The reporting verb of reported speech, as the article has it, so that "<verb> <content>" reads as a
// sentence in the briefing; null for direct quotes.
import { describe, expect, it } from 'vitest';
import { finiteOf } from '../../src/extract/rules.js';
import { run } from './helpers.js';

const verbs = (text: string) => run(text).map((s) => `${s.verb ?? 'null'} | ${s.text}`);

describe('the reporting verb', () => {
  it('is the verb between speaker and content, without adjuncts or "that"', () => {
    expect(verbs('Fredville denied the allegations.')).toEqual(['denied | the allegations']);
    expect(verbs('Farid Kazmi said on Tuesday that the highway would reopen.')).toEqual(['said | the highway would reopen']);
    expect(verbs('Farid Kazmi on Friday vowed to restore order.')).toEqual(['vowed | to restore order']);
    expect(verbs('The Mountain Liberation Front claimed responsibility for the attack.')).toEqual(['claimed | responsibility for the attack']);
  });

  it('keeps a light verb before its speech noun and the particles of phrasal verbs', () => {
    expect(verbs('Rehman expressed deep concern over the closures.')).toEqual(['expressed | deep concern over the closures']);
    expect(verbs('Rehman paid tribute to the fallen policemen.')).toEqual(['paid tribute to | the fallen policemen']);
    expect(verbs('Kazmi called for calm in the city.')).toEqual(['called for | calm in the city']);
    expect(verbs('Rehman hit out at the traders for hoarding.')).toEqual(['hit out at | the traders for hoarding']);
  });

  it('keeps the listener of a telling verb, not its places and days', () => {
    expect(verbs('Kazmi told reporters in Lakeside on Monday that the road would reopen.')).toEqual(['told reporters | the road would reopen']);
    expect(verbs('Kazmi assured the chief minister that the road would reopen.')).toEqual(['assured the chief minister | the road would reopen']);
    expect(verbs('The road will reopen soon, Kazmi told reporters in Lakeside.')).toEqual(['told reporters | The road will reopen soon']);
  });

  it('gives "according to", the verb of a closing attribution, and participles as finite verbs', () => {
    expect(verbs('According to Commissioner Naveed Akhtar, the fire was put out by noon.')).toEqual(['according to | the fire was put out by noon']);
    expect(verbs('The fire was put out by noon, district official Naveed Akhtar said on Monday.')).toEqual(['said | The fire was put out by noon']);
    expect(verbs('The military issued a statement, saying that five militants were killed.')).toEqual(['said | five militants were killed']);
    expect(verbs('Troops moved in, with Interior Minister Farid Kazmi stating that calm had returned.')).toEqual(['stated | calm had returned']);
    expect(verbs('Vowing to stand by the province, Fredville condemned the attack.')).toEqual(['vowed | to stand by the province, Fredville condemned the attack']);
  });

  it('gives the verb of ", adding that" to the added words, and null to quotes', () => {
    expect(verbs('“The road is open,” said Farid Kazmi, adding that the tolls would be waived.')).toEqual([
      'null | The road is open',
      'added | the tolls would be waived',
    ]);
  });

  it('reads impersonal meeting reports as written', () => {
    const text =
      'The National Security Committee met in the capital.\n\nIt was decided to raise a new force. It was also emphasised that borders must be sealed. Emphasis was placed on border control.';
    expect(verbs(text)).toEqual(['decided | to raise a new force', 'emphasised | borders must be sealed', 'placed emphasis on | border control']);
  });

  it('is the verb the misspelling stands for', () => {
    expect(verbs('Farid Kazmi spoke. He pleged that the attackers would be punished.')).toEqual(['pledged | the attackers would be punished']);
  });
});

describe('finiteOf', () => {
  it.each([
    ['saying', 'said'],
    ['noting', 'noted'],
    ['denying', 'denied'],
    ['conveying', 'conveyed'],
    ['labelling', 'labelled'],
    ['urging', 'urged'],
    ['telling', 'told'],
    ['Vowing', 'vowed'],
  ])('%s → %s', (participle, finite) => {
    expect(finiteOf(participle)).toBe(finite);
  });
});
