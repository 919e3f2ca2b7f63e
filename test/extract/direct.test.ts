import { describe, expect, it } from 'vitest';
import { lines, run } from './helpers.js';

describe('direct quotes', () => {
  it('attributes a quote to the speaker after it', () => {
    expect(lines('“The roads will reopen by Friday,” Kazmi said.')).toEqual(['Farid Kazmi | direct | The roads will reopen by Friday']);
  });

  it('attributes a quote with an inverted verb and a straight-quoted one', () => {
    expect(lines('"Talks are the only way forward for the province," said Farid Kazmi.')).toEqual([
      'Farid Kazmi | direct | Talks are the only way forward for the province',
    ]);
  });

  it('attributes a quote introduced by a colon or a comma', () => {
    expect(lines('Sadia Rehman said: “We will rebuild every school.”')).toEqual(['Sadia Rehman | direct | We will rebuild every school']);
    expect(lines('Addressing the rally, Rehman said, “Our doors are open to all.”')).toEqual(['Sadia Rehman | direct | Our doors are open to all']);
  });

  it('attributes a quote standing alone to the speaker of the sentence before', () => {
    const text = 'Farid Kazmi said that the checkpoints would stay. “No one is above the law here.”';
    expect(lines(text)).toEqual([
      'Farid Kazmi | indirect | the checkpoints would stay',
      'Farid Kazmi | direct | No one is above the law here',
    ]);
  });

  it('attributes a quoted paragraph to a statement announced in the paragraph before', () => {
    const text = 'The Freedonian embassy condemned the bombing in a statement.\n\n“We stand with the people of the province in this hour of grief.”';
    expect(lines(text)).toEqual([
      'Freedonia | indirect | the bombing',
      'Freedonia | direct | We stand with the people of the province in this hour of grief',
    ]);
  });

  it('joins a quote that runs over two paragraphs into one statement', () => {
    const text = 'Kazmi spoke to reporters. “We have arrested ten suspects and more arrests will follow.\n\n“The network behind the attack will be dismantled,” he said.';
    const [statement] = run(text).filter((s) => s.kind === 'direct');
    expect(statement?.speakerName).toBe('Farid Kazmi');
    expect(statement?.text.startsWith('We have arrested ten suspects')).toBe(true);
    expect(statement?.text.endsWith('will be dismantled')).toBe(true);
  });

  it('makes a quote followed by ", adding that" two statements', () => {
    expect(lines('“The attack was planned abroad,” Kazmi said, adding that the border would be sealed.')).toEqual([
      'Farid Kazmi | direct | The attack was planned abroad',
      'Farid Kazmi | indirect | the border would be sealed',
    ]);
  });

  it('resolves "he" and "it" in the attribution', () => {
    const text = 'Farid Kazmi visited the city. “The curfew is lifted from tonight,” he said.\n\nThe Freedonian embassy issued a statement. “We mourn with you,” it added.';
    expect(lines(text)).toEqual(['Farid Kazmi | direct | The curfew is lifted from tonight', 'Freedonia | direct | We mourn with you']);
  });

  it('keeps a short scare quote inside reported speech', () => {
    expect(lines('Kazmi said the attackers had a “foreign hand” behind them.')).toEqual([
      'Farid Kazmi | indirect | the attackers had a “foreign hand” behind them',
    ]);
  });

  it('never attributes a quote nobody says', () => {
    expect(lines('The film “A Long Road Home” opened in cinemas across the country.')).toEqual([]);
  });

  it('drops a truncated quote at the end of an article', () => {
    expect(lines('Rehman condemned the attack.\n\n“Our police once again gave their lives to prot')).toEqual(['Sadia Rehman | indirect | the attack']);
  });
});
