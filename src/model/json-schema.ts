import { z } from 'zod';
import { ReportSchema } from './report.js';

/** The JSON Schema of the report, published as `schema/report.schema.json` for non-TypeScript readers. */
export function reportJsonSchema(): Record<string, unknown> {
  return {
    $id: 'https://ktriage.invalid/schema/report.schema.json',
    title: 'ktriage report (version 1)',
    ...z.toJSONSchema(ReportSchema, { target: 'draft-2020-12' }),
  };
}
