// The user's own title, note and alt text for a chart, by chart id: set in the export dialog, used by
// every later export of that chart and by the report pack.
import type { ChartSpec } from './chart-spec';

export interface ChartEdit {
  title?: string;
  note?: string;
  alt?: string;
}

export type ChartEdits = Readonly<Record<string, ChartEdit>>;

/** The spec with the user's texts; an empty note removes the generated one only if the user cleared it. */
export function withEdits(spec: ChartSpec, edit: ChartEdit | undefined): ChartSpec {
  if (!edit) return spec;
  return {
    ...spec,
    alt: edit.alt ?? spec.alt,
    text: { ...spec.text, title: edit.title ?? spec.text.title, note: edit.note ?? spec.text.note },
  };
}
