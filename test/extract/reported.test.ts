import { describe, expect, it } from 'vitest';
import { lines } from './helpers.js';

describe('reported speech', () => {
  it('takes the clause after "said that" and after a that-less "said"', () => {
    expect(lines('Farid Kazmi said that the highway would reopen.')).toEqual(['Farid Kazmi | indirect | the highway would reopen']);
    expect(lines('Farid Kazmi said the highway would reopen.')).toEqual(['Farid Kazmi | indirect | the highway would reopen']);
  });

  it('skips time adjuncts between subject, verb and content', () => {
    expect(lines('Farid Kazmi on Friday said that the highway would reopen.')).toEqual(['Farid Kazmi | indirect | the highway would reopen']);
    expect(lines('Farid Kazmi said on Tuesday that the highway would reopen.')).toEqual(['Farid Kazmi | indirect | the highway would reopen']);
    expect(lines('Farid Kazmi said during the meeting it was decided to reopen the highway.')).toEqual([
      'Farid Kazmi | indirect | it was decided to reopen the highway',
    ]);
  });

  it('takes the object of a transitive verb', () => {
    expect(lines('Fredville denied the allegations.')).toEqual(['Freedonia | indirect | the allegations']);
  });

  it('makes one statement of one sentence with several verbs for one speaker', () => {
    expect(lines('Rehman condemned the blast and vowed to bring the attackers to justice.')).toEqual([
      'Sadia Rehman | indirect | the blast and vowed to bring the attackers to justice',
    ]);
  });

  it('gives each speaker of a clause its own statement', () => {
    expect(lines('Kazmi blamed Sylvania for the attack, but Sylvan City denied the allegations.')).toEqual([
      'Farid Kazmi | indirect | Sylvania for the attack',
      'Sylvania | indirect | the allegations',
    ]);
  });

  it('splits joint speakers and "including" lists', () => {
    expect(lines('Farid Kazmi and Sadia Rehman vowed to restore order.')).toEqual([
      'Farid Kazmi | indirect | to restore order',
      'Sadia Rehman | indirect | to restore order',
    ]);
    expect(lines('World leaders, including Freedonian President Anna Berg and Sylvanian Prime Minister Omar Vale, condemned the bombing.')).toEqual([
      'Freedonia (Anna Berg) | indirect | the bombing',
      'Sylvania (Omar Vale) | indirect | the bombing',
    ]);
  });

  it('starts light-verb statements at the noun after the verb', () => {
    expect(lines('Rehman expressed grief over the loss of lives.')).toEqual(['Sadia Rehman | indirect | grief over the loss of lives']);
    expect(lines('Rehman paid tribute to the fallen policemen.')).toEqual(['Sadia Rehman | indirect | the fallen policemen']);
    expect(lines('Fredville extended invitations to the summit.')).toEqual([]);
  });

  it('reads "according to" at the start, and ignores data sources at the end', () => {
    expect(lines('According to Commissioner Naveed Akhtar, the fire was put out by noon.')).toEqual([
      'Naveed Akhtar | indirect | the fire was put out by noon',
    ]);
    expect(lines('There were 90 attacks last year, according to the Institute for Peace Studies.')).toEqual([]);
  });

  it('reads "CONTENT, SPEAKER said" and "A, he affirmed, B"', () => {
    expect(lines('The fire was put out by noon, district official Naveed Akhtar said on Monday.')).toEqual([
      'Naveed Akhtar | indirect | The fire was put out by noon',
    ]);
    expect(lines('Farid Kazmi spoke. Such threats, he affirmed, would not deter the state.')).toEqual([
      'Farid Kazmi | indirect | Such threats, he affirmed, would not deter the state',
    ]);
  });

  it('reads participial speech: "with X stating", ", saying that", "Vowing …,"', () => {
    expect(lines('Troops moved in, with Interior Minister Farid Kazmi stating that calm had returned.')).toEqual([
      'Farid Kazmi | indirect | calm had returned',
    ]);
    expect(lines('The military issued a statement, saying that five militants were killed.')).toEqual(['ISPR | indirect | five militants were killed']);
    expect(lines('Vowing to stand by the province, Fredville condemned the attack.')).toEqual([
      'Freedonia | indirect | to stand by the province, Fredville condemned the attack',
    ]);
  });

  it('drops faceless sources and outlets', () => {
    expect(lines('Officials said that the road was closed. Police said five people died. Residents described scenes of chaos.')).toEqual([]);
    expect(lines('The bridge collapsed, with witnesses saying it shook for minutes.')).toEqual([]);
  });

  it('counts claims of responsibility, up to the noun phrase', () => {
    const text = 'The Mountain Liberation Front (MLF), a banned group, has claimed responsibility for the attack, which killed four. The group said more attacks would follow.';
    expect(lines(text)).toEqual([
      'Mountain Liberation Front | indirect | responsibility for the attack',
      'Mountain Liberation Front | indirect | more attacks would follow',
    ]);
  });

  it('files impersonal meeting reports under the body that met, but not briefings', () => {
    const text =
      'The National Security Committee met in the capital.\n\nThe participants were briefed on the situation. It was decided to raise a new force. Emphasis was placed on border control. It was discussed at length.';
    expect(lines(text)).toEqual(['National Security Committee | indirect | to raise a new force', 'National Security Committee | indirect | border control']);
  });

  it('is not fooled by passives and infinitives', () => {
    expect(lines('The Mountain Liberation Front is said to have claimed the attack.')).toEqual([
      'Mountain Liberation Front | indirect | the attack',
    ]);
    expect(lines('The dead were reported to be labourers.')).toEqual([]);
  });
});

describe('typos', () => {
  it('reads a reporting verb one letter off before "that"', () => {
    expect(lines('Farid Kazmi spoke. He pleged that the attackers would be punished.')).toEqual([
      'Farid Kazmi | indirect | the attackers would be punished',
    ]);
  });
});
