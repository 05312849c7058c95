/**
 * Where to report a kernel problem, by subsystem: lists and maintainers as the MAINTAINERS file of
 * Linux 6.12 names them (research/seed-cases.md §D). Names change; `--kernel-tree DIR` reads the tree's
 * own MAINTAINERS instead, and `scripts/get_maintainer.pl` stays the authority.
 */
export interface UpstreamRoute {
  /** Routing key, also what KB entries name in `upstream:`. */
  key: string;
  /** The MAINTAINERS section title. */
  section: string;
  /** Matches a finding's subsystem or a frame's module. */
  matches: RegExp;
  lists: string[];
  maintainers: string[];
}

export const UPSTREAM_ROUTES: readonly UpstreamRoute[] = [
  { key: 'xfs', section: 'XFS FILESYSTEM', matches: /^xfs$/, lists: ['linux-xfs@vger.kernel.org'], maintainers: ['Carlos Maiolino <cem@kernel.org>', 'Darrick J. Wong <djwong@kernel.org>'] },
  { key: 'rbd', section: 'RADOS BLOCK DEVICE (RBD)', matches: /^(rbd|krbd)$/, lists: ['ceph-devel@vger.kernel.org'], maintainers: ['Ilya Dryomov <idryomov@gmail.com>', 'Dongsheng Yang <dongsheng.yang@easystack.cn> (reviewer)'] },
  { key: 'libceph', section: 'CEPH COMMON CODE (LIBCEPH)', matches: /^(libceph|ceph)$/, lists: ['ceph-devel@vger.kernel.org'], maintainers: ['Ilya Dryomov <idryomov@gmail.com>', 'Xiubo Li <xiubli@redhat.com>'] },
  { key: 'ext4', section: 'EXT4 FILE SYSTEM', matches: /^(ext4|jbd2)$/, lists: ['linux-ext4@vger.kernel.org'], maintainers: ["Theodore Ts'o <tytso@mit.edu>", 'Andreas Dilger <adilger.kernel@dilger.ca>'] },
  { key: 'block', section: 'BLOCK LAYER', matches: /^(block|blk|scsi|md|dm|nvme|loop|nbd)$/, lists: ['linux-block@vger.kernel.org'], maintainers: ['Jens Axboe <axboe@kernel.dk>'] },
  { key: 'mm', section: 'MEMORY MANAGEMENT', matches: /^(mm|memcg|oom|vmscan|slab)$/, lists: ['linux-mm@kvack.org'], maintainers: ['Andrew Morton <akpm@linux-foundation.org>'] },
  { key: 'pagecache', section: 'PAGE CACHE', matches: /^(pagecache|filemap|fs|vfs)$/, lists: ['linux-fsdevel@vger.kernel.org'], maintainers: ['Matthew Wilcox <willy@infradead.org>'] },
  { key: 'net', section: 'NETWORKING [GENERAL] / NETWORKING DRIVERS', matches: /^(net|netdev|tcp|ipv4|ipv6|netfilter|bridge|bonding|ixgbe|i40e|mlx5.*|e1000e?|tg3|bnxt.*)$/, lists: ['netdev@vger.kernel.org'], maintainers: ['David S. Miller <davem@davemloft.net>', 'Eric Dumazet <edumazet@google.com>', 'Jakub Kicinski <kuba@kernel.org>', 'Paolo Abeni <pabeni@redhat.com>'] },
  { key: 'kvm', section: 'KERNEL VIRTUAL MACHINE (KVM)', matches: /^(kvm|kvm_intel|kvm_amd)$/, lists: ['kvm@vger.kernel.org'], maintainers: ['Paolo Bonzini <pbonzini@redhat.com>', 'Sean Christopherson <seanjc@google.com> (KVM/x86)'] },
  { key: 'virtio', section: 'VIRTIO CORE AND NET DRIVERS', matches: /^(virtio|virtio_net|virtio_blk|virtio_ring)$/, lists: ['virtualization@lists.linux.dev', 'netdev@vger.kernel.org'], maintainers: ['Michael S. Tsirkin <mst@redhat.com>', 'Jason Wang <jasowang@redhat.com>'] },
  { key: 'vhost', section: 'VIRTIO HOST (VHOST)', matches: /^(vhost|vhost_net)$/, lists: ['kvm@vger.kernel.org', 'virtualization@lists.linux.dev', 'netdev@vger.kernel.org'], maintainers: ['Michael S. Tsirkin <mst@redhat.com>', 'Jason Wang <jasowang@redhat.com>'] },
  { key: 'nfs', section: 'NFS, SUNRPC, AND LOCKD CLIENTS', matches: /^(nfs|nfsv4|sunrpc|lockd)$/, lists: ['linux-nfs@vger.kernel.org'], maintainers: ['Trond Myklebust <trondmy@kernel.org>', 'Anna Schumaker <anna@kernel.org>'] },
  { key: 'qemu', section: 'QEMU (not a kernel subsystem)', matches: /^(qemu|qemu-kvm)$/, lists: ['qemu-devel@nongnu.org'], maintainers: [] },
  { key: 'rcu', section: 'READ-COPY UPDATE (RCU)', matches: /^rcu$/, lists: ['rcu@vger.kernel.org'], maintainers: ['Paul E. McKenney <paulmck@kernel.org>'] },
  { key: 'edac', section: 'EDAC-CORE', matches: /^(edac|mce|ras)$/, lists: ['linux-edac@vger.kernel.org'], maintainers: ['Borislav Petkov <bp@alien8.de>', 'Tony Luck <tony.luck@intel.com>'] },
];

/** The route for a subsystem or module name, if the table has one. */
export function routeFor(name: string | null | undefined): UpstreamRoute | undefined {
  if (!name) return undefined;
  const n = name.toLowerCase();
  return UPSTREAM_ROUTES.find((r) => r.key === n || r.matches.test(n));
}
