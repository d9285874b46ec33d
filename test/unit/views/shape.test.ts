import { describe, expect, it } from 'vitest';
import { BAR } from '../../../renderer/src/export/palette';
import fc from 'fast-check';
import { adoptionGroups, adoptionOverview } from '../../../renderer/src/shaping/shape-adoption';
import { scaleQuestions } from '../../../renderer/src/shaping/shape-scales';

const row = (id: string, kind: string, recommendation: string, n: number, total: number) => ({
  id,
  kind,
  recommendation,
  units_using: n,
  units_total: total,
  share: n / total,
});

describe('adoptionGroups', () => {
  const rows = [
    row('komet', 'intervention', 'parenting-programme', 19, 56),
    row('fft', 'intervention', 'family-treatment', 23, 56),
    row('mst', 'intervention', 'family-treatment', 8, 56),
    row('scared-straight', 'intervention', 'advised-against', 1, 56),
    row('stodsamtal-ungdom', 'intervention', 'unspecified', 52, 56),
    row('savry', 'tool', 'assessment', 12, 56),
  ];

  it('groups interventions as the report does: recommended types first, advised against, then unspecified', () => {
    const groups = adoptionGroups(rows, 'intervention', 'sv');
    expect(groups.map((g) => [g.recommendation, g.isRecommended, g.bars.map((b) => b.id)])).toEqual([
      ['parenting-programme', true, ['komet']],
      ['family-treatment', true, ['fft', 'mst']],
      ['advised-against', false, ['scared-straight']],
      ['unspecified', false, ['stodsamtal-ungdom']],
    ]);
    expect(groups[1]!.title).toBe('Strukturerad familjebehandling i öppenvård');
    expect(groups[1]!.ageBand).toBe('12–17');
    expect(groups[1]!.bars[0]).toMatchObject({ label: 'FFT', n: 23, total: 56, colour: BAR.recommended });
    expect(groups[2]!.bars[0]!.colour).toBe(BAR.advisedAgainst);
  });

  it('names methods in English when asked', () => {
    expect(adoptionGroups(rows, 'intervention', 'en')[0]!.title).toBe('Behavioural parenting programmes');
  });

  it('keeps the tools apart', () => {
    expect(adoptionGroups(rows, 'tool', 'sv').flatMap((g) => g.bars.map((b) => [b.id, b.n]))).toEqual([['savry', 12]]);
  });

  it('shows the tools most used first, ties in the catalogue order', () => {
    const tools = [row('savry', 'tool', 'assessment', 12, 56), row('earl', 'tool', 'assessment', 20, 56), row('yls-cmi', 'tool', 'assessment', 12, 56)];
    expect(adoptionGroups(tools, 'tool', 'sv')[0]!.bars.map((b) => b.id)).toEqual(['earl', 'savry', 'yls-cmi']);
  });

  it('puts every intervention in one overview chart, most used first, each in its type’s colour', () => {
    const overview = adoptionOverview(adoptionGroups(rows, 'intervention', 'sv'), 'Alla insatser', 'sv');
    expect(overview.bars.map((b) => b.id)).toEqual(['stodsamtal-ungdom', 'fft', 'komet', 'mst', 'scared-straight']);
    expect(overview.bars.find((b) => b.id === 'scared-straight')!.colour).toBe(BAR.advisedAgainst);
    expect(overview.bars.find((b) => b.id === 'fft')!.colour).toBe(BAR.recommended);
  });

  it('keeps every bar of every group in the overview, in falling order, whatever the shares', () => {
    const ids = ['komet', 'fft', 'mst', 'tfco', 'scared-straight', 'stodsamtal-ungdom', 'bsft'];
    const recs = ['parenting-programme', 'family-treatment', 'family-treatment', 'tfco', 'advised-against', 'unspecified', 'family-treatment'];
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 56 }), { minLength: ids.length, maxLength: ids.length }), (counts) => {
        const groups = adoptionGroups(ids.map((id, i) => row(id, 'intervention', recs[i]!, counts[i]!, 56)), 'intervention', 'sv');
        const overview = adoptionOverview(groups, 'Alla', 'sv');
        expect(overview.bars.map((b) => b.id).sort()).toEqual(groups.flatMap((g) => g.bars.map((b) => b.id)).sort());
        for (let i = 1; i < overview.bars.length; i++) expect(overview.bars[i - 1]!.share).toBeGreaterThanOrEqual(overview.bars[i]!.share);
      }),
    );
  });
});

describe('scaleQuestions', () => {
  it('places every answer on its scale and sums the top steps as the report does', () => {
    const q = 'Hur nöjd är du med introduktionen?';
    const [question] = scaleQuestions([
      { question: q, scale: 'satisfaction', answer: 'Mycket nöjd', position: 5, n: 10, total: 40 },
      { question: q, scale: 'satisfaction', answer: 'Ganska nöjd', position: 4, n: 18, total: 40 },
      { question: q, scale: 'satisfaction', answer: 'Ganska missnöjd', position: 2, n: 12, total: 40 },
      { question: q, scale: 'satisfaction', answer: 'Vet ej', position: null, n: 3, total: 40 },
    ]);
    expect(question!.segments.map((s) => s.n)).toEqual([0, 12, 0, 18, 10]);
    expect(question!.topCount).toBe(28);
    expect(question!.topShare).toBeCloseTo(0.7, 10);
    expect([question!.total, question!.unrated]).toEqual([40, 3]);
  });

  it('takes prior knowledge as a share of every answer, "Vet ej" included, as the report does', () => {
    const q = 'Kände personalen till RBM-modellen?';
    const [question] = scaleQuestions([
      { question: q, scale: 'knowledge', answer: 'Inte alls', position: 1, n: 14, total: 55 },
      { question: q, scale: 'knowledge', answer: 'Några få medarbetare', position: 2, n: 32, total: 55 },
      { question: q, scale: 'knowledge', answer: 'De flesta medarbetare', position: 3, n: 9, total: 55 },
      { question: q, scale: 'knowledge', answer: 'Vet ej', position: null, n: 1, total: 55 },
    ]);
    expect(question!.total).toBe(56);
    expect(question!.segments.map((s) => Math.round(100 * s.share))).toEqual([25, 57, 16]);
  });
});
