// The samples bundled with the app (data-samples/: synthetic exports calibrated to the pilot's final
// report), for a newcomer's first look: Öppna exempeldata. They are files of the build (Vite's `?url`),
// fetched from the app's own origin (app:// in Electron, 127.0.0.1 on the web) when the user asks for
// them, never on the way to the first window, and never from the network.
import methodsSurveyUrl from '../../../data-samples/pilot-methods-survey-2023.xlsx?url';
import activitiesSurveyUrl from '../../../data-samples/pilot-activities-survey-2023.csv?url';
import usageUrl from '../../../data-samples/usage-2022-2024.csv?url';
import trainingUrl from '../../../data-samples/assessment-training-2024.csv?url';
import populationUrl from '../../../data-samples/population-0-17-2023.csv?url';
import type { QueuedFile } from './workspace-state';

/** In the order an analyst's own files would come: the surveys, the extract, the audit, the population. */
const SAMPLES: readonly (readonly [name: string, url: string])[] = [
  ['pilot-methods-survey-2023.xlsx', methodsSurveyUrl],
  ['pilot-activities-survey-2023.csv', activitiesSurveyUrl],
  ['usage-2022-2024.csv', usageUrl],
  ['assessment-training-2024.csv', trainingUrl],
  ['population-0-17-2023.csv', populationUrl],
];

/**
 * The five samples, read, as files queued for import and marked as samples; under their own names
 * (the build's file names carry a content hash). Rejects if any cannot be had: then none is queued.
 */
export async function sampleFiles(): Promise<QueuedFile[]> {
  return Promise.all(
    SAMPLES.map(async ([name, url]) => {
      const response = await fetch(url);
      if (!response.ok) throw new Error(`${name}: ${response.status}`);
      const bytes = new Uint8Array(await response.arrayBuffer());
      return { name, size: bytes.length, sample: true, bytes: () => Promise.resolve(bytes) };
    }),
  );
}
