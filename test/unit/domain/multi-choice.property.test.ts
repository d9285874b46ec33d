// Property: whatever a questionnaire offers (catalogue names in any of their spellings, local options
// that hold a comma, an "Annat, nämligen: …" answer) and whichever units tick what, the cells as
// Microsoft Forms (`A;B;`) and Google Forms (`A, B`) write them split back into exactly the choices.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { METHODS, choiceSplitter, matchMethod, unaccountedText } from '../../../renderer/src/domain/methods';

/** One spelling per catalogue method, as a questionnaire lists each option once. */
const catalogueOption = fc.constantFrom(...METHODS).chain((m) => fc.constantFrom(m.name, m.nameEn, ...m.aliases));

const HEADS = ['Föräldrakurs', 'Stödsamtal', 'Trappan', 'Familjerådslag', 'Nätverksmöte', 'Ungdomsgrupp', 'Mentor', 'Hemmaplanslösning'];
const TAILS = ['enskilt', 'grupp', 'i egen regi', 'för tonåringar', 'nivå 2'];

/** A local option not in the catalogue, sometimes with its own comma: `Stödsamtal, enskilt`. */
const localOption = fc
  .tuple(fc.constantFrom(...HEADS), fc.option(fc.constantFrom(...TAILS), { nil: undefined }))
  .map(([head, tail]) => (tail ? `${head}, ${tail}` : head));

const otherAnswer = fc
  .tuple(fc.constantFrom('Annat', 'Annat, nämligen:', 'Övrigt:'), fc.constantFrom('Trappan', 'föräldrastöd, grupp', 'SIG i egen regi', 'Mentor, ungdom'))
  .map(([lead, text]) => `${lead} ${text}`.replace(': ', ': '));

const questionnaire = fc
  .tuple(fc.uniqueArray(catalogueOption, { minLength: 1, maxLength: 8, selector: (s) => matchMethod(s) }), fc.uniqueArray(localOption, { maxLength: 3, selector: (s) => s.split(',')[0] }))
  .chain(([known, local]) => fc.shuffledSubarray([...known, ...local], { minLength: known.length + local.length }));

const answers = questionnaire.chain((options) =>
  fc.array(
    fc.tuple(fc.subarray(options), fc.option(otherAnswer, { nil: undefined })).map(([ticked, other]) => (other ? [...ticked, other] : ticked)),
    { minLength: 1, maxLength: 8 },
  ),
);

describe('multiple-choice cells split back into the choices', () => {
  it.each([
    ['Microsoft Forms (`;`, a trailing `;`)', (choices: string[]) => choices.map((c) => `${c};`).join('')],
    ['Google Forms (`, `)', (choices: string[]) => choices.join(', ')],
  ])('as %s writes them', (_, join) => {
    fc.assert(
      fc.property(answers, (rows) => {
        const cells = rows.map(join);
        const split = choiceSplitter(cells);
        rows.forEach((choices, i) => {
          expect(split(cells[i]!)).toEqual(choices);
          expect(unaccountedText(cells[i]!, choices)).toBe('');
        });
      }),
      { numRuns: 300 },
    );
  });

  it('says what a list of choices leaves of a cell', () => {
    expect(unaccountedText('KOMET;FFT;', ['KOMET', 'FFT'])).toBe('');
    expect(unaccountedText('KOMET, FFT, SIG', ['KOMET', 'FFT'])).toBe('SIG');
    expect(unaccountedText('["KOMET","FFT"]', ['KOMET', 'FFT'])).toBe('');
  });
});
