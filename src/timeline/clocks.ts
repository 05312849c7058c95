import type { Stamp, Time } from '../model/time.js';
import type { Analysis, Stage } from '../pipeline/types.js';
import { fact } from '../pipeline/hosts.js';
import { buildBootClocks, estimateOffset, type BootClock } from './anchors.js';
import { epochMsToIso } from './civil-time.js';

/**
 * The `clocks` stage: places every stamp on the common time axis.
 *
 * - a wall clock read from the line is used as is (plus the host's skew correction, once known);
 * - a boot-relative stamp (raw dmesg) goes through the anchors of the same host and boot (lines that
 *   carried both clocks) or, failing that, the host's boot time (`btime`, `uptime -s`); it is marked
 *   estimated, with the anchors' uncertainty;
 * - a stamp with neither stays off the axis (`at: null`) and `unplacedReason` says why.
 * Several boots of one host are told apart by `stamp.boot`; each has its own anchors.
 */
export type Resolved = { at: number | null; time: Time };

export interface ResolverOptions {
  /** Apply the hosts' skew correction (off while the skew stage measures the raw clocks). */
  skew: boolean;
}

interface HostClock {
  boots: Map<number, BootClock>;
  bootTimeMs: number | null;
  /** Boot number the boot-time fact describes: the last boot seen (btime is read on the running system). */
  currentBoot: number;
}

/** The zone wall times of a host are printed in: its override, the run's zone, else UTC. */
export function hostZone(analysis: Analysis, host: string): string {
  return analysis.options.hostTimeZones?.[host] ?? analysis.options.timeZone ?? 'UTC';
}

function hostClocks(analysis: Analysis): Map<string, HostClock> {
  const clocks = new Map<string, HostClock>();
  for (const [name, state] of analysis.hosts) {
    const boots = buildBootClocks(state.anchors);
    const raw = fact(state, 'boot.time');
    const bootTimeMs = raw !== null && /^\d+(\.\d+)?$/.test(raw.trim()) ? Number(raw) : null;
    const currentBoot = Math.max(0, ...boots.keys());
    clocks.set(name, { boots, bootTimeMs, currentBoot });
  }
  return clocks;
}

/**
 * Builds `resolve(host, stamp)`. Host clocks (anchors, boot time) are read once; the skew offsets are
 * read at each call, so the resolver sees the skew stage's result without being rebuilt.
 *
 * @example createResolver(analysis, { skew: true })('backup01', { uptime: 190126 })
 */
export function createResolver(analysis: Analysis, options: ResolverOptions): (host: string, stamp: Stamp) => Resolved {
  const clocks = hostClocks(analysis);
  return (host, stamp) => {
    const uptime = stamp.uptime ?? null;
    const boot = stamp.boot ?? null;
    const local = localWall(clocks.get(host), stamp);
    if (local === null) return { at: null, time: { wall: null, uptime, boot } };
    let at = local.ms;
    let estimated = local.estimated;
    let uncertainty = local.uncertainty;
    const state = analysis.hosts.get(host);
    if (options.skew && state && state.clockOffsetSeconds !== null && state.clockReference && state.clockReference !== host) {
      at += state.clockOffsetSeconds * 1000;
      estimated = true;
      const [lo, hi] = state.clockOffsetBounds ?? [state.clockOffsetSeconds, state.clockOffsetSeconds];
      uncertainty += Math.max(hi - state.clockOffsetSeconds, state.clockOffsetSeconds - lo, 0);
    }
    at = Math.round(at);
    const time: Time = { wall: epochMsToIso(at, hostZone(analysis, host)), uptime, boot };
    if (estimated) time.estimated = true;
    if (uncertainty > 0) time.uncertaintySeconds = round3(uncertainty);
    return { at, time };
  };
}

function localWall(clock: HostClock | undefined, stamp: Stamp): { ms: number; estimated: boolean; uncertainty: number } | null {
  if (stamp.wallMs !== undefined && Number.isFinite(stamp.wallMs)) {
    return { ms: stamp.wallMs, estimated: !!stamp.estimated, uncertainty: stamp.uncertaintySeconds ?? 0 };
  }
  if (stamp.uptime === undefined || !Number.isFinite(stamp.uptime) || !clock) return null;
  const boot = stamp.boot ?? 0;
  const bootClock = clock.boots.get(boot);
  if (bootClock && bootClock.points.length) {
    const { offsetMs, uncertaintySeconds } = estimateOffset(bootClock, stamp.uptime);
    return { ms: offsetMs + stamp.uptime * 1000, estimated: true, uncertainty: uncertaintySeconds + (stamp.uncertaintySeconds ?? 0) };
  }
  if (clock.bootTimeMs !== null && boot === clock.currentBoot) {
    // btime and `uptime -s` are whole seconds.
    return { ms: clock.bootTimeMs + stamp.uptime * 1000, estimated: true, uncertainty: 1 + (stamp.uncertaintySeconds ?? 0) };
  }
  return null;
}

/** Why a stamp could not be placed on the common axis, in words for the report. */
export function unplacedReason(analysis: Analysis, host: string, stamp: Stamp): string | null {
  if (stamp.wallMs !== undefined && Number.isFinite(stamp.wallMs)) return null;
  if (stamp.uptime === undefined) return 'the line carries no time stamp';
  const state = analysis.hosts.get(host);
  const boots = buildBootClocks(state?.anchors ?? []);
  const boot = stamp.boot ?? 0;
  if (boots.has(boot)) return null;
  const bootTime = fact(state, 'boot.time');
  if (bootTime !== null && boot === Math.max(0, ...boots.keys())) return null;
  const others = [...boots.keys()].filter((b) => b !== boot);
  const hint = others.length ? ` (anchors exist only for boot ${others.join(', ')})` : '';
  return `only boot-relative time: no line of ${host}, boot ${boot}, carries both clocks and no boot time is known${hint}; add the syslog or journal of that boot, or \`uptime -s\``;
}

function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}

/** Resolves every signal's `at`/`time` with the current resolver. */
export function resolveSignals(analysis: Analysis): void {
  for (const s of analysis.signals) {
    const r = analysis.resolve(s.host, s.stamp);
    s.at = r.at;
    s.time = r.time;
  }
}

/** Reports, once per host, how many events stay off the axis and why. */
function reportUnplaced(analysis: Analysis): void {
  const byHost = new Map<string, { count: number; reason: string; file: string }>();
  const visit = (host: string, stamp: Stamp, file: string) => {
    const reason = unplacedReason(analysis, host, stamp);
    if (!reason) return;
    const entry = byHost.get(host) ?? { count: 0, reason, file };
    entry.count += 1;
    byHost.set(host, entry);
  };
  for (const s of analysis.signals) visit(s.host, s.stamp, s.file);
  for (const d of analysis.drafts) visit(d.host, d.stamp, d.evidence[0]?.file ?? `host:${d.host}`);
  for (const [host, e] of byHost) {
    analysis.diagnostics.push({ file: e.file, severity: 'warning', message: `${host}: ${e.count} event(s) left off the common timeline: ${e.reason}` });
  }
}

export const clocksStage: Stage = {
  name: 'clocks',
  run(analysis) {
    analysis.resolve = createResolver(analysis, { skew: true });
    resolveSignals(analysis);
    reportUnplaced(analysis);
  },
};
