// Writes the published JSON Schemas from the zod schemas they are inferred from (`npm run schemas`).
import { writeFileSync } from 'node:fs';
import { reportJsonSchema } from '../src/model/json-schema.js';
import { kbEntryJsonSchema } from '../src/kb/schema.js';

const write = (name: string, schema: unknown) => writeFileSync(new URL(`../schema/${name}`, import.meta.url), JSON.stringify(schema, null, 2) + '\n');
write('report.schema.json', reportJsonSchema());
write('kb-entry.schema.json', kbEntryJsonSchema());
