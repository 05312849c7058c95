import { z } from 'zod';
import { TimeSchema } from './time.js';

/** Version of the JSON report contract. Fields keep their meaning across versions; new ones are added. */
export const REPORT_VERSION = 1;

export const LayerSchema = z.enum(['kernel', 'hypervisor', 'network', 'storage', 'hardware', 'userland', 'metrics']);
export type Layer = z.infer<typeof LayerSchema>;

export const FrameSchema = z.object({
  function: z.string(),
  offset: z.string().nullable(),
  size: z.string().nullable(),
  module: z.string().nullable(),
  /** false when the kernel printed the frame with `?` (a stale return address found on the stack). */
  reliable: z.boolean(),
  /** The stack the frame was on: `task`, `irq`, `nmi`, `softirq`, `exception`, ... */
  stack: z.string(),
});
export type Frame = z.infer<typeof FrameSchema>;

export const EvidenceSchema = z.object({
  file: z.string(),
  line: z.number().int(),
  text: z.string(),
  host: z.string().optional(),
});
export type Evidence = z.infer<typeof EvidenceSchema>;

export const TaskSchema = z.object({
  comm: z.string(),
  pid: z.number().int().nullable(),
  state: z.string().nullable(),
});

export const FindingSchema = z.object({
  id: z.string(),
  kind: z.string(),
  title: z.string(),
  signature: z.string(),
  host: z.string(),
  layer: LayerSchema,
  subsystem: z.string().nullable(),
  device: z.string().nullable(),
  first: TimeSchema,
  last: TimeSchema,
  count: z.number().int(),
  corrupted: z.boolean(),
  corruptedReason: z.string().optional(),
  altTitles: z.array(z.string()).optional(),
  task: TaskSchema.nullable(),
  workqueue: z.string().nullable(),
  frames: z.array(FrameSchema),
  details: z.record(z.string(), z.unknown()),
  evidence: z.array(EvidenceSchema),
  /** From the history store: whether this signature was seen in earlier analyses. */
  seen: z
    .object({
      isNew: z.boolean(),
      firstSeen: z.string().nullable(),
      lastSeen: z.string().nullable(),
      count: z.number().int(),
      hosts: z.array(z.string()),
    })
    .optional(),
});
export type Finding = z.infer<typeof FindingSchema>;

export const HostSchema = z.object({
  name: z.string(),
  kernel: z.object({
    release: z.string().nullable(),
    version: z.string().nullable().optional(),
    distro: z.string().nullable(),
    tainted: z.boolean().nullable(),
    taint: z.array(z.object({ letter: z.string(), bit: z.number().int(), meaning: z.string() })),
  }),
  facts: z.record(z.string(), z.union([z.string(), z.array(z.string())])).optional(),
  /** Seconds to add to this host's clock to get the reference host's clock (0 for the reference). */
  clockOffsetSeconds: z.number().nullable().optional(),
  clockOffsetBounds: z.tuple([z.number(), z.number()]).nullable().optional(),
  clockReference: z.string().nullable().optional(),
  clockOffsetMethod: z.string().nullable().optional(),
});
export type Host = z.infer<typeof HostSchema>;

export const CorrelationSchema = z.object({
  from: z.string(),
  to: z.string(),
  lagSeconds: z.number().nullable(),
  relation: z.enum(['precedes', 'explains', 'same_incident']),
  reason: z.string(),
  confidence: z.enum(['low', 'medium', 'high']),
});
export type Correlation = z.infer<typeof CorrelationSchema>;

export const FirstAnomalySchema = z.object({
  findingId: z.string(),
  host: z.string(),
  time: TimeSchema,
  reason: z.string(),
  /** Other findings whose time is within the clock uncertainty of this one. */
  tiedWith: z.array(z.string()),
  uncertaintySeconds: z.number().nullable(),
});

export const VerdictValueSchema = z.enum(['affected', 'fixed', 'not_affected', 'no_fix', 'unknown']);

export const KnownIssueMatchSchema = z.object({
  id: z.string(),
  title: z.string(),
  verdict: VerdictValueSchema,
  reason: z.string(),
  confidence: z.enum(['low', 'medium', 'high']),
  /** The layer at fault when this issue is the explanation (the entry's, else its finding's). */
  layer: LayerSchema.optional(),
  findings: z.array(z.string()),
  hosts: z.array(z.string()),
  summary: z.string(),
  details: z.string().optional(),
  workaround: z.array(z.string()),
  fix: z.array(z.string()),
  references: z.array(z.object({ title: z.string(), url: z.string().nullable() })),
  unknownConditions: z.array(z.string()),
});
export type KnownIssueMatch = z.infer<typeof KnownIssueMatchSchema>;

export const RequestSchema = z.object({
  id: z.string(),
  command: z.string(),
  why: z.string(),
  host: z.string().nullable(),
  for: z.array(z.string()),
});
export type InfoRequest = z.infer<typeof RequestSchema>;

export const UpstreamSchema = z.object({
  subsystem: z.string(),
  lists: z.array(z.string()),
  maintainers: z.array(z.string()),
  why: z.string(),
  findings: z.array(z.string()),
  source: z.string(),
});

export const InputSchema = z.object({
  file: z.string(),
  format: z.string(),
  host: z.string().nullable(),
  lines: z.number().int(),
  unparsed: z.number().int(),
  skipped: z.boolean().optional(),
  error: z.string().optional(),
});

export const SeriesSchema = z.object({
  host: z.string(),
  name: z.string(),
  device: z.string().nullable(),
  file: z.string(),
  /** [epoch ms, value] pairs, downsampled for charts. */
  points: z.array(z.tuple([z.number(), z.number()])),
});
export type Series = z.infer<typeof SeriesSchema>;

export const DiagnosticSchema = z.object({
  file: z.string(),
  line: z.number().int().optional(),
  severity: z.enum(['warning', 'error']),
  message: z.string(),
});

export const ConclusionSchema = z.object({
  layer: LayerSchema.nullable(),
  confidence: z.enum(['low', 'medium', 'high']),
  summary: z.string(),
  reasons: z.array(z.string()),
  /** The known issue the conclusion rests on, when one does. */
  knownIssue: z.string().optional(),
});

export const ReportSchema = z.object({
  version: z.literal(REPORT_VERSION),
  generatedBy: z.string(),
  hosts: z.array(HostSchema),
  findings: z.array(FindingSchema),
  correlations: z.array(CorrelationSchema),
  firstAnomaly: FirstAnomalySchema.nullable(),
  conclusion: ConclusionSchema.nullable().optional(),
  knownIssues: z.array(KnownIssueMatchSchema),
  requests: z.array(RequestSchema),
  upstream: z.array(UpstreamSchema),
  inputs: z.array(InputSchema),
  series: z.array(SeriesSchema).optional(),
  diagnostics: z.array(DiagnosticSchema),
});
export type Report = z.infer<typeof ReportSchema>;
