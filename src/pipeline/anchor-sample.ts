import type { ClockAnchor } from '../model/observation.js';
import type { LogRecord } from '../model/record.js';
import { MAX_ANCHORS_PER_BOOT } from './hosts.js';

/**
 * Clock anchors of one input, thinned as they arrive so memory stays bounded whatever the file size:
 * per host and boot every anchor is kept until there are 2 × MAX_ANCHORS_PER_BOOT, then every other one
 * is dropped and only every 2nd (4th, ...) later line is considered. The sample stays evenly spread in
 * file order (hence in uptime), which is what the nearest-in-uptime vote of the timeline needs, and is
 * deterministic (the same input gives the same anchors).
 */
interface BootSample {
  kept: ClockAnchor[];
  stride: number;
  seen: number;
}

export interface AnchorSampler {
  offer(record: LogRecord): void;
  /** The sample in file order, at most MAX_ANCHORS_PER_BOOT per host and boot. */
  finish(): ClockAnchor[];
}

export function createAnchorSampler(): AnchorSampler {
  const byHost = new Map<string, Map<number | undefined, BootSample>>();
  let last: BootSample | undefined;
  let lastHost = '';
  let lastBoot: number | undefined;
  return {
    offer(record) {
      const stamp = record.stamp;
      if (stamp.uptime === undefined || stamp.wallMs === undefined) return;
      const host = record.host ?? '';
      let sample: BootSample | undefined;
      // Consecutive lines nearly always share host and boot: skip the two map lookups then.
      if (last && host === lastHost && stamp.boot === lastBoot) sample = last;
      else {
        let boots = byHost.get(host);
        if (!boots) byHost.set(host, (boots = new Map()));
        sample = boots.get(stamp.boot);
        if (!sample) boots.set(stamp.boot, (sample = { kept: [], stride: 1, seen: 0 }));
        last = sample;
        lastHost = host;
        lastBoot = stamp.boot;
      }
      // Decide before building the anchor object: most lines of a long input are skipped here.
      if (sample.seen++ % sample.stride !== 0) return;
      sample.kept.push({
        host,
        ...(stamp.boot !== undefined ? { boot: stamp.boot } : {}),
        uptime: stamp.uptime,
        wallMs: stamp.wallMs,
        file: record.file,
        line: record.line,
        precisionSeconds: stamp.uncertaintySeconds ?? 1,
      });
      if (sample.kept.length >= 2 * MAX_ANCHORS_PER_BOOT) {
        sample.kept = sample.kept.filter((_, i) => i % 2 === 0);
        sample.stride *= 2;
      }
    },
    finish() {
      const all: ClockAnchor[] = [];
      for (const boots of byHost.values()) {
        for (const sample of boots.values()) {
          const n = sample.kept.length;
          if (n <= MAX_ANCHORS_PER_BOOT) all.push(...sample.kept);
          else for (let i = 0; i < MAX_ANCHORS_PER_BOOT; i++) all.push(sample.kept[Math.floor((i * n) / MAX_ANCHORS_PER_BOOT)]);
        }
      }
      // File order, as the anchors were met (stable for several records of one line).
      return all.sort((a, b) => a.line - b.line);
    },
  };
}

/**
 * Adds anchors to a host's list, at most MAX_ANCHORS_PER_BOOT per boot; past that an anchor replaces
 * one of its boot picked by a fixed rotation, so the result does not depend on chance.
 */
export function addAnchors(list: ClockAnchor[], anchors: readonly ClockAnchor[]): void {
  const counts = new Map<number | undefined, number>();
  for (const a of list) counts.set(a.boot, (counts.get(a.boot) ?? 0) + 1);
  let turn = 0;
  for (const anchor of anchors) {
    const same = counts.get(anchor.boot) ?? 0;
    if (same < MAX_ANCHORS_PER_BOOT) {
      list.push(anchor);
      counts.set(anchor.boot, same + 1);
      continue;
    }
    // Replace the k-th anchor of this boot, k rotating: keeps the older and newer inputs both represented.
    const k = turn++ % MAX_ANCHORS_PER_BOOT;
    for (let i = 0, seen = 0; i < list.length; i++) {
      if (list[i].boot !== anchor.boot) continue;
      if (seen++ === k) {
        list[i] = anchor;
        break;
      }
    }
  }
}
