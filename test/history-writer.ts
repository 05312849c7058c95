// Child process of test/history.test.ts: records N analyses into one database, as a separate `analyze`
// run would, to check that concurrent writers neither corrupt the database nor lose records.
import { openHistory, recordAnalysis } from '../src/store/index.js';

const [path, worker, n] = [process.argv[2], process.argv[3], Number(process.argv[4])];
const time = { wall: null, uptime: null, boot: null };
for (let i = 0; i < n; i++) {
  // Open per analysis, as each `ktriage analyze` process does.
  const db = openHistory(path);
  recordAnalysis(db, {
    analyzedAt: new Date().toISOString(),
    toolVersion: 'test',
    inputs: [`w${worker}-${i}`],
    hosts: [{ name: `host-${worker}`, kernelRelease: null }],
    findings: [
      { host: `host-${worker}`, signature: 'shared-signature', kind: 'hung_task', title: 'shared', count: 1, first: time, last: time },
      { host: `host-${worker}`, signature: `only-${worker}`, kind: 'oops', title: `only ${worker}`, count: 1, first: time, last: time },
    ],
    knownIssues: [],
  });
  db.close();
}
