/**
 * Exchanges that two hosts log from both ends: the data the skew stage pairs to measure clock offsets.
 *
 * An exchange has legs. A leg is one message: the sender logs it going out, the receiver logs it coming
 * in, both as Signals of `topic` whose `data.role` says the side (`client`/`server`) and `data.type`
 * the message. A leg's message can only be received after it was sent, which bounds the offset between
 * the two clocks: client→server legs bound it from above, server→client legs from below.
 *
 * Adding an exchange (iSCSI login/logout, NFS call/reply, Ceph osd_op/osd_op_reply) is one row here plus
 * a detector that emits its signals with `role`, `type` and at least one of the key fields.
 */
export interface ExchangeLeg {
  readonly name: string;
  readonly sender: 'client' | 'server';
  /** Message types (`data.type`) of this leg; the receiver logs the same type. */
  readonly types: readonly string[];
}

export interface ExchangeKind {
  readonly name: string;
  readonly topic: string;
  /**
   * Fields that name the client on both sides (`ip`, `clientName`, `mac`); two signals pair when one of
   * these fields has the same value on both. Client-side signals without `clientName` get their host.
   */
  readonly keys: readonly string[];
  /** A field by which one side's signals lend each other the missing keys (dnsmasq: MAC → IP, name). */
  readonly directoryBy?: string;
  readonly legs: readonly ExchangeLeg[];
  /** After the coarse offset is applied, the farthest a receive may be from its send and still pair. */
  readonly maxPairingSeconds: number;
  /** The largest clock offset searched for. */
  readonly maxSkewSeconds: number;
}

export const exchangeKinds: readonly ExchangeKind[] = [
  {
    // RFC 2131: the client's DISCOVER/REQUEST reach the server, which answers OFFER/ACK/NAK. dhclient
    // names the requested IP but rarely its MAC; dnsmasq names the MAC, the IP and the client's name.
    name: 'dhcp',
    topic: 'dhcp',
    keys: ['ip', 'clientName', 'mac'],
    directoryBy: 'mac',
    legs: [
      { name: 'request', sender: 'client', types: ['DISCOVER', 'REQUEST', 'INFORM', 'DECLINE', 'RELEASE'] },
      { name: 'reply', sender: 'server', types: ['OFFER', 'ACK', 'NAK'] },
    ],
    maxPairingSeconds: 3,
    maxSkewSeconds: 900,
  },
];
