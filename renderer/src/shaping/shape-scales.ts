// scale_answers rows → one diverging bar per question: each answer's share of its base, and the
// headline share the report quotes (fairly or very satisfied; always or mostly; …). The base is the
// rated answers, except for prior knowledge, where the report counts every answer, "Vet ej" included.
import type { Row } from '../db/engine';
import { scaleSteps, type ScaleId } from '../domain/likert';

interface ScaleSegment {
  answer: string;
  position: number;
  n: number;
  share: number;
}

export interface ScaleQuestion {
  question: string;
  scale: ScaleId;
  /** The answers the shares are of (N). */
  total: number;
  /** Answers off the scale ("Vet ej", "Har inte deltagit"). */
  unrated: number;
  segments: ScaleSegment[];
  /** Share in the scale's top steps (the report's headline figure). */
  topShare: number;
  topCount: number;
}

/** How many of a scale's highest steps the headline share adds up: the report's choice for its scales, else the top two (one of three or fewer). */
function topSteps(scale: ScaleId): number {
  if (scale === 'knowledge') return 1;
  return scaleSteps(scale).length <= 3 ? 1 : 2;
}

/** Scales whose shares the report takes of all answers, off-scale ones included. */
const BASE_ALL_ANSWERS: ReadonlySet<ScaleId> = new Set(['knowledge']);

export function scaleQuestions(rows: readonly Row[]): ScaleQuestion[] {
  const byQuestion = new Map<string, Row[]>();
  for (const row of rows) {
    const key = String(row.question);
    byQuestion.set(key, [...(byQuestion.get(key) ?? []), row]);
  }
  return [...byQuestion].map(([question, answers]) => {
    const scale = String(answers[0]!.scale) as ScaleId;
    const rated = Number(answers[0]!.total);
    const unrated = answers.filter((a) => a.position === null || a.position === undefined).reduce((sum, a) => sum + Number(a.n), 0);
    const total = BASE_ALL_ANSWERS.has(scale) ? rated + unrated : rated;
    const steps = scaleSteps(scale);
    const segments = steps.map((answer, i) => {
      const row = answers.find((a) => Number(a.position) === i + 1);
      const n = row ? Number(row.n) : 0;
      return { answer, position: i + 1, n, share: total > 0 ? n / total : 0 };
    });
    const top = segments.slice(steps.length - topSteps(scale));
    const topCount = top.reduce((sum, s) => sum + s.n, 0);
    return { question, scale, total, unrated, segments, topCount, topShare: total > 0 ? topCount / total : 0 };
  });
}

/** The scales the pilot's views have their own place for; answers on any other scale are shown together. */
const PILOT_SCALES: readonly ScaleId[] = ['satisfaction', 'extent', 'knowledge', 'frequency'];

/** The scales present beyond the pilot's own, in the order their questions come. */
export function otherScales(questions: readonly ScaleQuestion[]): ScaleId[] {
  return [...new Set(questions.map((q) => q.scale))].filter((scale) => !PILOT_SCALES.includes(scale));
}
