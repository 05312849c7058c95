import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { reportJsonSchema } from './json-schema.js';

it('the published report schema is the one generated from the zod schema (run `npm run schemas`)', () => {
  const published = JSON.parse(readFileSync(new URL('../../schema/report.schema.json', import.meta.url), 'utf8'));
  expect(published).toEqual(JSON.parse(JSON.stringify(reportJsonSchema())));
});
