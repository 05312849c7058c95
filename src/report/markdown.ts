import type { Report } from '../model/report.js';
import { renderUpstreamMarkdown } from './markdown-upstream.js';
import { renderUserMarkdown } from './markdown-user.js';

export type Audience = 'user' | 'upstream';

/**
 * Markdown for a person to paste: `user` in the words of the project's users (what happened, what to
 * do now, whether an upgrade fixes it); `upstream` as a kernel maintainer expects a bug report.
 * @example renderMarkdown(report, 'upstream').split('\n')[0] // 'Subject: [BUG] xfs: INFO: task hung in ...'
 */
export function renderMarkdown(report: Report, audience: Audience): string {
  return audience === 'user' ? renderUserMarkdown(report) : renderUpstreamMarkdown(report);
}

export { primaryFinding, timelineTable } from './markdown-shared.js';
