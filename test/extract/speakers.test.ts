import { describe, expect, it } from 'vitest';
import { lines, run } from './helpers.js';

describe('speakers', () => {
  it('resolves role nouns to the holder on the day of the article', () => {
    expect(lines('The interior minister said the roads were safe.', '2024-11-20')).toEqual(['Farid Kazmi | indirect | the roads were safe']);
    expect(lines('The CM said the roads were safe.')).toEqual(['Sadia Rehman | indirect | the roads were safe']);
    expect(lines('The COAS vowed to defeat terrorism.')).toEqual(['Tariq Awan | indirect | to defeat terrorism']);
  });

  it('does not give a role to a holder outside its dates', () => {
    expect(lines('The information minister said the roads were safe.', '2024-11-20')).toEqual([]);
    expect(lines('The information minister said the roads were safe.', '2023-05-01')).toEqual(['Farid Kazmi | indirect | the roads were safe']);
  });

  it('tolerates spelling variants of a known name', () => {
    expect(lines('Fareed Kazmi said the talks failed.')).toEqual(['Farid Kazmi | indirect | the talks failed']);
    expect(lines('General Tariq Awaan said the talks failed.')).toEqual(['Tariq Awan | indirect | the talks failed']);
  });

  it('does not give a role alias to a different named person', () => {
    expect(lines('Acting Chief Minister Bilal Shah said the talks failed.')).toEqual(['Bilal Shah | indirect | the talks failed']);
  });

  it('resolves pronouns to the last speaker of the right kind', () => {
    const text = 'Farid Kazmi met Sadia Rehman in the capital. He said the talks went well. The Freedonian embassy issued a statement. It said aid would follow.';
    expect(lines(text)).toEqual(['Farid Kazmi | indirect | the talks went well', 'Freedonia | indirect | aid would follow']);
  });

  it('resolves "they" after joint speakers and "both" to the last two people', () => {
    expect(lines('Farid Kazmi and Sadia Rehman visited the site. They condemned the attack.')).toEqual([
      'Farid Kazmi | indirect | the attack',
      'Sadia Rehman | indirect | the attack',
    ]);
    expect(lines('Farid Kazmi met Sadia Rehman. Both agreed to hold talks.')).toEqual([
      'Farid Kazmi | indirect | to hold talks',
      'Sadia Rehman | indirect | to hold talks',
    ]);
  });

  it('maps foreign officials, embassies, capitals and demonyms to their government with the voice', () => {
    expect(lines('Freedonian foreign ministry spokesperson Lea Marsh said the attack was barbaric.')).toEqual([
      'Freedonia (Lea Marsh) | indirect | the attack was barbaric',
    ]);
    expect(lines('“We stand with Pakistan,” Lea Marsh, a Freedonian foreign ministry spokesperson, said.')).toEqual([
      'Freedonia (Lea Marsh) | direct | We stand with Pakistan',
    ]);
    expect(lines('Sylvan City condemned the attack.')).toEqual(['Sylvania | indirect | the attack']);
  });

  it('gives a spokesperson with no country to the foreign government under discussion', () => {
    const text = 'Sylvania condemned the violence.\n\n“We will keep supporting Pakistan,” Mia Holt, a foreign ministry spokesperson, said.';
    expect(run(text).map((s) => `${s.speakerName} ${s.voice}`)).toEqual(['Sylvania null', 'Sylvania Mia Holt']);
  });

  it('maps the military to its media wing and the group to the militant group', () => {
    expect(lines('The military said five soldiers were martyred.')).toEqual(['ISPR | indirect | five soldiers were martyred']);
    expect(lines('The MLF attacked a convoy. The group’s spokesman said more attacks would follow.')).toEqual([
      'Mountain Liberation Front | indirect | more attacks would follow',
    ]);
  });

  it('keeps unknown speakers under the fullest name, titles stripped', () => {
    expect(lines('Deputy Commissioner Mastung Captain (Retired) Karim Baloch said the roads were closed.')).toEqual([
      'Karim Baloch | indirect | the roads were closed',
    ]);
    expect(lines('Security expert Nadia Aslam said the strategy had failed.')).toEqual(['Nadia Aslam | indirect | the strategy had failed']);
    const [statement] = run('Security expert Nadia Aslam said the strategy had failed.');
    expect(statement?.speakerId).toBeNull();
  });

  it('names the unnamed holder of a unique office by place', () => {
    const text = 'An agreement was signed with Turbat district’s deputy commissioner. “All roads will be opened,” the deputy commissioner added.';
    expect(lines(text)).toEqual(['Turbat Deputy Commissioner | direct | All roads will be opened']);
  });

  it('expands an acronym the article defined', () => {
    const text = 'The Baloch Students Council (BSC) ended its protest. BSC announced that classes would resume.';
    expect(lines(text)).toEqual(['Baloch Students Council | indirect | classes would resume']);
  });
});

describe('acronyms that look like pronouns', () => {
  it('reads "The US" as a country, not the pronoun "us"', async () => {
    const { createExtractor } = await import('../../src/extract/index.js');
    const extract = createExtractor({
      speakers: [{ id: 'united-states', name: 'United States', group: 'foreign-government', country: 'US', aliases: ['US', 'Washington'], roles: [] }],
      themes: [],
    });
    const text = 'The US called on all parties to show restraint.';
    const statements = extract({ file: 'x.txt', outlet: null, title: null, url: null, published: '2024-11-20', text, hash: '' });
    expect(statements.map((s) => `${s.speakerName} | ${s.text}`)).toEqual(['United States | all parties to show restraint']);
  });
});
