/**
 * Line-level readers for the parts of a kernel report that carry code locations: call-trace frames,
 * the faulting instruction pointer (`RIP:`, `IP:`, `pc :`, `PC is at`) and stack-switch markers.
 */

export interface TraceFrame {
  function: string;
  offset: string | null;
  size: string | null;
  module: string | null;
  /** false for ` ? ` frames: a stale return address the unwinder found on the stack. */
  reliable: boolean;
  /** Symbolised reports list inlined callees as `f file.c:12 [inline]` without an offset. */
  inline: boolean;
  /**
   * arm32 `f from [<a>] (g+0x..)`: the caller g the unwinder read from the return address. Absent when
   * the return address is `g+0x0`: f was a noreturn call at the very end of the function before g.
   */
  caller?: string;
}

// `[<ffffffff8108a1b2>] ? fn+0x82/0xc0 [mod]`, ` ? fn+0x2d5/0x3c0 [xfs]`, ` fn+0x2b0/0x6e0 (T)`,
// ` fn.cold.3+0x63/0xa2 lib/x.c:12`, ` fn lib/x.h:77 [inline]`.
const FRAME =
  /^\s*(?:\[<?[0-9a-fA-F]{6,}>?\]\s*)?(?<unreliable>\?\s+)?(?:\[<?[0-9a-fA-F]{6,}>?\]\s*)?(?<fn>[A-Za-z_][\w.$]*)(?:\+(?<off>0x[0-9a-fA-F]+)\/(?<size>0x[0-9a-fA-F]+)(?:\s+\[(?<mod>[\w-]+)\])?|\s+\S+\.[a-zA-Z]+:\d+(?::\d+)?\s+\[inline\])/;

// arm32 unwinder: `[<c0010cb8>] (unwind_backtrace) from [<c000d4d0>] (show_stack+0x10/0x14)`.
const ARM32_FRAME = /^\s*\[<[0-9a-f]+>\]\s+\((?<fn>[A-Za-z_][\w.$]*)(?:\+(?<off>0x[0-9a-f]+)\/(?<size>0x[0-9a-f]+))?(?:\s+\[(?<mod>[\w-]+)\])?\)\s+from(?:\s+\[<[0-9a-f]+>\]\s+\((?<caller>[A-Za-z_][\w.$]*)\+(?<coff>0x[0-9a-f]+))?/;

/** Reads one call-trace line; null when the line is not a frame. */
export function parseFrameLine(text: string): TraceFrame | null {
  // Cheap prefilter: every frame form has `+0x` or ` [inline]` or `) from`.
  if (!text.includes('+0x') && !text.includes('[inline]') && !text.includes(') from')) return null;
  const m = FRAME.exec(text);
  if (m?.groups) {
    const g = m.groups;
    return {
      function: g.fn,
      offset: g.off ?? null,
      size: g.size ?? null,
      module: g.mod ?? null,
      // PowerPC marks a stale return address with a trailing `(unreliable)` instead of x86's ` ? `.
      reliable: !g.unreliable && !text.trimEnd().endsWith('(unreliable)'),
      inline: g.off === undefined,
    };
  }
  const a = ARM32_FRAME.exec(text);
  if (a?.groups) {
    const g = a.groups;
    return { function: g.fn, offset: g.off ?? null, size: g.size ?? null, module: g.mod ?? null, reliable: true, inline: false, ...(g.caller && g.coff !== '0x0' ? { caller: g.caller } : {}) };
  }
  return null;
}

// `RIP: 0010:fn+0x2a3/0x1ad0`, `RIP: 0010:[<ffffffff8133c6e4>]  [<ffffffff8133c6e4>] fn+0x14/0x20`,
// `IP: fn+0x1/0x2`, `pc : fn+0x1/0x2`, `PC is at fn+0x1/0x2`, `EIP: fn+0x1/0x2`, `NIP [c0] fn+0x1/0x2`.
const RIP =
  /^\s*(?:RIP|EIP|IP|pc|PC is at|NIP)\s*:?\s*(?:\[[0-9a-fA-F]+\]\s*)?(?:[0-9a-f]{4}:)?(?:\[<[0-9a-fA-F]+>\]\s*)*(?<fn>[A-Za-z_][\w.$]*)\+(?<off>0x[0-9a-fA-F]+)\/(?<size>0x[0-9a-fA-F]+)(?:\s+\[(?<mod>[\w-]+)\])?/;

/** Reads the faulting location line; null when absent or when it is a user-space address (`RIP: 0033:0x4570`). */
export function parseRipLine(text: string): TraceFrame | null {
  const m = RIP.exec(text);
  if (!m?.groups) return null;
  const g = m.groups;
  return { function: g.fn, offset: g.off, size: g.size, module: g.mod ?? null, reliable: true, inline: false };
}

/** True for lines that start with a register dump key, so a stack walk can step over them. */
export function isRipLine(text: string): boolean {
  const t = text.trimStart();
  return t.startsWith('RIP:') || t.startsWith('EIP:') || t.startsWith('IP:') || t.startsWith('pc :') || t.startsWith('PC is at') || t.startsWith('NIP');
}

/** Stack-switch markers x86 prints inside a trace; the stack they open, or 'task' when they close one. */
export function stackMarker(text: string): string | null {
  const t = text.trim();
  switch (t) {
    case '<IRQ>':
      return 'irq';
    case '<NMI>':
      return 'nmi';
    case '<SOFTIRQ>':
      return 'softirq';
    case '<#DF>':
    case '<#MC>':
    case '<DB>':
      return 'exception';
    case '</IRQ>':
    case '</NMI>':
    case '</SOFTIRQ>':
    case '<EOI>':
    case '<TASK>':
    case '</TASK>':
      return 'task';
    default:
      if (t.startsWith('--- interrupt:') || t.startsWith('Exception stack(')) return 'task';
      return null;
  }
}
