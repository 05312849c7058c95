/**
 * Subsystem names from a frame: the module a frame is in wins (`[xfs]`), else the function's prefix.
 * One row per subsystem, the prefixes its functions use.
 */
export const subsystemPrefixes: Array<{ subsystem: string; pattern: RegExp; why: string }> = [
  { subsystem: 'xfs', pattern: /^_*(?:xfs|xlog|xfsaild)_?/, why: 'XFS functions are xfs_*, xlog_* (log) and xfsaild (AIL pusher)' },
  { subsystem: 'ext4', pattern: /^_*ext4_/, why: 'ext4 functions' },
  { subsystem: 'jbd2', pattern: /^_*(?:jbd2_|start_this_handle)/, why: 'the journal layer under ext4 (start_this_handle opens a jbd2 transaction)' },
  { subsystem: 'btrfs', pattern: /^_*btrfs_/, why: 'btrfs functions' },
  { subsystem: 'rbd', pattern: /^_*rbd_/, why: 'the kernel RBD block driver' },
  { subsystem: 'libceph', pattern: /^_*(?:ceph_|con_work|osd_|libceph)/, why: 'the Ceph messenger and OSD client' },
  { subsystem: 'nfs', pattern: /^_*(?:nfs\d*_|rpc_|xprt_|svc_|nfsd)/, why: 'NFS client, server and SUNRPC' },
  { subsystem: 'block', pattern: /^_*(?:blk_|bio_|submit_bio|generic_make_request|elv_|dd_|bfq_|kyber_|scsi_|sd_|nvme_|dm_|md_|raid)/, why: 'the block layer and its drivers' },
  { subsystem: 'net', pattern: /^_*(?:dev_(?:watchdog|queue_xmit|hard_start_xmit|activate|deactivate)|tcp_|udp_|ip_|ipv6_|ip6_|inet_|inet6_|sock_|sk_|skb_|net_|netif_|netdev_|dev_queue|napi_|neigh_|rtnl_|rtnetlink|netlink_|nf_|nft_|xt_|br_|bond_|vlan_|tun_|veth_|virtnet_|sctp_|packet_)/, why: 'networking core and protocols' },
  { subsystem: 'mm', pattern: /^_*(?:mm_|page_|pages_|folio_|shrink_|kswapd|oom_|out_of_memory|mem_cgroup|try_to_free|compact_|migrate_|vma_|do_anonymous|handle_mm|filemap_|truncate_|workingset|lru_|swap_|zs_)/, why: 'memory management' },
  { subsystem: 'kvm', pattern: /^_*(?:kvm_|vmx_|svm_|vcpu_)/, why: 'KVM' },
  { subsystem: 'fs', pattern: /^_*(?:vfs_|do_sys_open|path_|d_|dentry_|inode_|generic_file|iterate_|fsnotify|inotify_|fanotify_|pipe_|splice_|super_|sb_|mount_|namei)/, why: 'VFS' },
  { subsystem: 'usb', pattern: /^_*usb_/, why: 'USB core' },
  { subsystem: 'rcu', pattern: /^_*(?:rcu_|synchronize_rcu|call_rcu)/, why: 'RCU' },
  { subsystem: 'sched', pattern: /^_*(?:sched_|schedule|wake_up|try_to_wake_up)/, why: 'the scheduler' },
];

/** Module names that differ from the subsystem name users know. */
const moduleAlias: Record<string, string> = { ceph: 'cephfs', nf_conntrack: 'net', ixgbe: 'net', i40e: 'net', mlx5_core: 'net', virtio_net: 'net', nvme: 'block', nvme_core: 'block', dm_mod: 'block', virtio_blk: 'block' };

export function subsystemOf(fn: string | null, module: string | null): string | null {
  if (module) return moduleAlias[module] ?? module;
  if (!fn) return null;
  for (const row of subsystemPrefixes) if (row.pattern.test(fn)) return row.subsystem;
  return null;
}

/** Subsystem of reports whose kind says it, whatever the frames. */
export const subsystemByKind: Record<string, string> = { oom_kill: 'mm', netdev_unregister_wait: 'net' };

/** Subsystem of reports whose guilty frame names none. */
export const subsystemFallback: Record<string, string> = { rcu_stall: 'rcu', memory_leak: 'mm', page_alloc_failure: 'mm' };
