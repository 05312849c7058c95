// Writes the published JSON Schemas from the zod schemas they are inferred from (`npm run schemas`).
import { writeFileSync } from 'node:fs';
import { reportJsonSchema } from '../src/model/json-schema.js';

writeFileSync(new URL('../schema/report.schema.json', import.meta.url), JSON.stringify(reportJsonSchema(), null, 2) + '\n');
