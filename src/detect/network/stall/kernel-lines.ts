/**
 * Kernel messages that say traffic stopped in one direction, as data. `direction` says which path they
 * are evidence for; `kind` is the finding they make when no other evidence is near.
 */
export interface StallLineRule {
  readonly name: string;
  readonly direction: 'rx' | 'tx' | 'link';
  readonly kind: string;
  readonly pattern: RegExp;
}

export const stallLineRules: readonly StallLineRule[] = [
  // NFS client got no reply to its RPCs: either the server is down or replies do not reach us.
  { name: 'nfs-not-responding', direction: 'rx', kind: 'nfs_server_not_responding', pattern: /^nfs: server (?<server>\S+) not responding/ },
  // dev_watchdog(): the driver did not complete transmits for watchdog_timeo (net/sched/sch_generic.c).
  { name: 'netdev-watchdog', direction: 'tx', kind: 'net_tx_stall', pattern: /NETDEV WATCHDOG: (?<device>[\w.-]+) \((?<driver>[^)]+)\): transmit (?:queue \d+ )?timed out/ },
  { name: 'link-down', direction: 'link', kind: 'net_link_down', pattern: /^(?:\S+ )?(?<device>[\w.-]+): (?:NIC )?Link is Down/ },
  { name: 'nic-link-down', direction: 'link', kind: 'net_link_down', pattern: /NIC Link is Down/ },
  { name: 'virtio-net-error', direction: 'rx', kind: 'virtio_net_error', pattern: /^virtio_net (?<device>\S+?):? .*(?:error|failed|Unexpected)/i },
];

/** Cheap gate: every rule above needs one of these (case-folded for the `i` rule), checked before them. */
export const STALL_GATE = /nfs: server |NETDEV WATCHDOG: |Link is Down|^virtio_net/i;
