/**
 * Which finding kinds can cause which, as data. A pair in this table, in this order, within `maxLagSeconds`
 * (and on the same host when `sameHost`) is linked as `explains`; other consecutive findings of the
 * incident only as `precedes`.
 */
export interface CauseRule {
  readonly cause: string;
  readonly effect: string;
  readonly sameHost: boolean;
  readonly maxLagSeconds: number;
  readonly reason: string;
}

export const causeRules: readonly CauseRule[] = [
  { cause: 'net_rx_stall', effect: 'dhcp_lease_lost', sameHost: true, maxLagSeconds: 3600, reason: 'a host that receives nothing cannot receive DHCP replies; its lease runs out' },
  { cause: 'net_tx_stall', effect: 'dhcp_lease_lost', sameHost: true, maxLagSeconds: 3600, reason: 'a host that cannot transmit cannot renew its lease' },
  { cause: 'net_link_down', effect: 'dhcp_lease_lost', sameHost: true, maxLagSeconds: 3600, reason: 'no link, no DHCP' },
  { cause: 'net_link_down', effect: 'net_rx_stall', sameHost: true, maxLagSeconds: 600, reason: 'a link going down stops all traffic' },
  { cause: 'net_rx_stall', effect: 'nfs_server_not_responding', sameHost: true, maxLagSeconds: 900, reason: 'NFS replies cannot arrive while nothing is received' },
  { cause: 'net_rx_stall', effect: 'hung_task', sameHost: true, maxLagSeconds: 3600, reason: 'tasks waiting on network storage hang when replies stop arriving' },
  { cause: 'nfs_server_not_responding', effect: 'hung_task', sameHost: true, maxLagSeconds: 3600, reason: 'tasks block in NFS while the server does not answer' },
  { cause: 'virtio_net_error', effect: 'net_rx_stall', sameHost: true, maxLagSeconds: 600, reason: 'a failing virtio_net device stops delivering packets' },
  { cause: 'oom_kill', effect: 'hung_task', sameHost: true, maxLagSeconds: 1800, reason: 'memory pressure stalls writeback and reclaim' },
];
