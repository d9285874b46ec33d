// Trained staff against staff in post, per unit and tool, when a training export is loaded.
import { ChartFrame } from '../charts/ChartFrame';
import { methodById } from '../domain/methods';
import { formatNumber, formatPercent } from '../format';
import { useI18n } from '../i18n/i18n';
import { trainingSpec } from '../shaping/specs';
import { useQuery } from './use-query';
import { fromSample, namesWith, type ViewProps } from '../shaping/view-props';

export function TrainingTable({ engine, filters, dataVersion, sources }: ViewProps) {
  const { lang, t } = useI18n();
  const rows = useQuery(engine, 'training_coverage', filters, dataVersion);
  if (!rows || rows.length === 0) return null;
  const tools = [...new Set(rows.map((r) => String(r.method_id)))];
  const units = [...new Set(rows.map((r) => String(r.unit_label)))];
  const files = namesWith(sources, ['trained'], filters, t);
  const spec = trainingSpec(rows, { lang, t, files, sample: fromSample(sources, files) });
  const cell = (unit: string, tool: string) => rows.find((r) => r.unit_label === unit && r.method_id === tool);
  return (
    <ChartFrame id={spec.id} title={spec.text.title} question={spec.text.subtitle} count={spec.text.count} spec={spec}>
      <table className="data-table">
        <thead>
          <tr>
            <th scope="col">{t('unitColumn')}</th>
            {tools.map((tool) => (
              <th scope="col" className="num" key={tool}>
                {methodById(tool)?.name ?? tool}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {units.map((unit) => (
            <tr key={unit}>
              <th scope="row">{unit}</th>
              {tools.map((tool) => {
                const row = cell(unit, tool);
                return (
                  <td key={tool} className="num">
                    {row
                      ? t('trainedOfStaff', {
                          trained: formatNumber(Number(row.trained), lang),
                          staff: formatNumber(Number(row.staff), lang),
                          share: formatPercent(Number(row.share_trained), lang),
                        })
                      : '–'}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </ChartFrame>
  );
}
