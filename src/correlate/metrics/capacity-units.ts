import { toBytes, unitForRelease } from '../../detect/storage/capacity-unit.js';
import type { Stage } from '../../pipeline/types.js';

/**
 * Redoes the unit of capacity changes whose detector had to assume one (the kernel release was not
 * known yet when the log was read): once every input is read, the host's release decides bytes or
 * 512-byte sectors (see SECTOR_UNIT_SINCE).
 */
export const capacityUnitStage: Stage = {
  name: 'capacity-units',
  run(analysis) {
    for (const f of analysis.findings) {
      if (f.kind !== 'capacity_change' || f.details.unitBasis !== 'assumed') continue;
      const release = analysis.hosts.get(f.host)?.facts.get('kernel.release')?.at(-1) ?? null;
      const unit = unitForRelease(release);
      const printedOld = f.details.printedOld;
      const printedNew = f.details.printedNew;
      if (!unit || typeof printedOld !== 'number' || typeof printedNew !== 'number') continue;
      f.details.unit = unit;
      f.details.unitBasis = 'kernel-release';
      f.details.oldBytes = toBytes(printedOld, unit);
      f.details.newBytes = toBytes(printedNew, unit);
    }
  },
};
