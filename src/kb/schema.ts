import { z } from 'zod';
import { LayerSchema } from '../model/report.js';

/**
 * The knowledge-base entry: one known issue per YAML file under `kb/`. Everything read from YAML goes
 * through this schema; `schema/kb-entry.schema.json` is generated from it (`npm test` checks they agree).
 */

const Regex = z.string().min(1).describe('A JavaScript regular expression (case-insensitive)');
const OneOrMany = z.union([z.string(), z.array(z.string()).min(1)]);

/** Conditions over one finding; every condition given must hold. Patterns are case-insensitive regexes. */
export const FindingMatchSchema = z
  .object({
    kind: OneOrMany.optional().describe('Finding kind(s): hung_task, oom_kill, capacity_change, ...'),
    title: Regex.optional(),
    /** Any evidence line of the finding matches (the raw kernel message). */
    text: Regex.optional(),
    frames: z
      .object({
        any: z.array(Regex).optional().describe('At least one frame function matches one of these'),
        all: z.array(Regex).optional().describe('Each pattern matches some frame function'),
        none: z.array(Regex).optional().describe('No frame function matches any of these'),
        sequence: z.array(Regex).optional().describe('Frames matching these, in this order from the top of the stack'),
      })
      .strict()
      .optional(),
    module: Regex.optional().describe('A frame module or details.module matches'),
    subsystem: Regex.optional(),
    device: Regex.optional().describe('Device pattern such as ^(rbd|nbd)\\d+$'),
    workqueue: Regex.optional(),
    task: Regex.optional().describe('The blocked/killed task comm'),
    layer: z.string().optional(),
    details: z.record(z.string(), Regex).optional().describe('details.KEY as text matches the pattern'),
  })
  .strict();
export type FindingMatch = z.infer<typeof FindingMatchSchema>;

/** Another finding that must be present on the same host, optionally within a time window. */
export const RelatedMatchSchema = FindingMatchSchema.extend({
  withinSeconds: z.number().positive().optional(),
  /** Where the other finding must lie relative to the matched one. */
  relation: z.enum(['before', 'after', 'any']).default('any'),
  why: z.string(),
}).strict();

export const HostMatchSchema = z
  .object({
    kernel: z.string().optional().describe('Upstream base range of the running kernel, e.g. "< 4.17"'),
    distro: Regex.optional(),
    module: z.string().optional().describe('A module that must be loaded'),
    moduleAbsent: z.string().optional().describe('A module that must not be loaded'),
    virtualised: z.boolean().optional(),
  })
  .strict();

/** A condition the logs cannot show (topology, configuration): reported as unknown with a question. */
export const SuspectSchema = z.object({ condition: z.string(), why: z.string() }).strict();

export const MatchSchema = z
  .object({
    /** The finding the entry explains; a list means any of these alternatives (one symptom, two detectors). */
    finding: z.union([FindingMatchSchema, z.array(FindingMatchSchema).min(1)]),
    with: z.array(RelatedMatchSchema).default([]),
    host: HostMatchSchema.optional(),
    suspect: z.array(SuspectSchema).default([]),
  })
  .strict();

export const StreamRuleSchema = z
  .object({
    /** First build of this stream with the fix: an ABI (`72`), a full release, or a RHEL build (`1160.2`). */
    fixed: z.string().optional(),
    /** Builds of this stream that are affected, e.g. `< 4.15.0-50`. */
    affected: z.string().optional(),
    /** Status when neither bound decides (no backport known: affected; not checked: unknown). */
    status: z.enum(['affected', 'unknown', 'not_affected', 'no_fix']).optional(),
    note: z.string(),
  })
  .strict();

export const ComponentSchema = z
  .object({
    /** `kernel`, or the package name as facts name it (`qemu-kvm`, `ceph`, `rook`). */
    component: z.string(),
    /** Other names of the same package (`qemu-system-x86`). */
    aliases: z.array(z.string()).default([]),
    introduced: z.string().optional().describe('First upstream release with the bug'),
    fixed: z.string().optional().describe('First upstream release (or package version) with the fix'),
    /** Distribution streams keyed `ubuntu-4.15`, `debian-4.19`, `rhel-el7`, or a whole family `rhel`. */
    streams: z.record(z.string(), StreamRuleSchema).default({}),
    /** Status of a distribution stream the entry does not list whose base predates the fix. */
    unlisted: z.enum(['affected', 'unknown']).default('unknown'),
    /** Set when no release of this component fixes the problem. */
    noFix: z.string().optional(),
  })
  .strict();
export type Component = z.infer<typeof ComponentSchema>;

export const StatusSchema = z.enum(['affected', 'fixed', 'not_affected', 'no_fix', 'unknown']);
export type Status = z.infer<typeof StatusSchema>;

export const VerdictRuleSchema = z
  .object({
    /** Status of a component (default `kernel`) that selects this rule; omitted: always. */
    when: z
      .object({ component: z.string().default('kernel'), status: z.array(StatusSchema).min(1) })
      .strict()
      .optional(),
    verdict: StatusSchema,
    /** `{kernel}` is the running release, `{reason}` the component's version reasoning. */
    reason: z.string(),
  })
  .strict();

/** Something the input may already contain; a request is not asked when it does. */
export const HaveSchema = z.enum([
  'boot-log',
  'kernel-release',
  'blocked-tasks',
  'package-versions',
  'loaded-modules',
  'virtualisation',
  'metrics',
]);
export type Have = z.infer<typeof HaveSchema>;

export const RequestSpecSchema = z
  .object({
    command: z.string(),
    why: z.string(),
    unlessHave: z.array(HaveSchema).default([]),
  })
  .strict();
export type RequestSpec = z.infer<typeof RequestSpecSchema>;

export const ExampleSchema = z
  .object({
    name: z.string().optional(),
    /** Inline input text (a log as the user would give it). */
    log: z.string().optional(),
    /** Or files under `kb/examples/`, relative to the entry's folder. */
    files: z.array(z.string()).optional(),
    /** Host name for inline text (the folder name it is written under). */
    host: z.string().default('example-host'),
    year: z.number().int().optional(),
    tz: z.string().optional(),
  })
  .strict()
  .refine((e) => e.log !== undefined || (e.files && e.files.length > 0), 'an example needs `log` or `files`');

export const ReferenceSchema = z.object({ title: z.string(), url: z.string().nullable() }).strict();

export const KbEntrySchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'ids are kebab-case'),
    title: z.string(),
    summary: z.string().describe('For users: plain words, no kernel jargon'),
    details: z.string().describe('For developers: mechanism, code paths, evidence'),
    match: MatchSchema,
    /** Where the fault lies when this issue explains an incident; omitted: the matched finding's layer. */
    layer: LayerSchema.optional().describe('kernel for a kernel bug, hypervisor for a QEMU/KVM one, ...'),
    affects: z.array(ComponentSchema).default([]),
    verdict: z.array(VerdictRuleSchema).default([]),
    workaround: z.array(z.string()).default([]),
    fix: z.array(z.string()).default([]),
    references: z.array(ReferenceSchema).min(1),
    requests: z.array(RequestSpecSchema).default([]),
    /** Upstream routing keys (`xfs`, `rbd`, `ext4`, ...) in addition to the findings' subsystems. */
    upstream: z.array(z.string()).default([]),
    /** Facts of this entry not confirmed against a public source. */
    unconfirmed: z.array(z.string()).default([]),
    examples: z.object({ positive: z.array(ExampleSchema).min(1), negative: z.array(ExampleSchema).min(1) }).strict(),
  })
  .strict();

export type KbEntry = z.infer<typeof KbEntrySchema>;
export type KbEntryInput = z.input<typeof KbEntrySchema>;

/** The JSON Schema published as `schema/kb-entry.schema.json`. */
export function kbEntryJsonSchema(): unknown {
  return z.toJSONSchema(KbEntrySchema, { io: 'input', unrepresentable: 'any' });
}
