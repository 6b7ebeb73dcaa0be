import type { Random } from './random';

/** Pods a node's /24 can address (.2 to .251: the CNI keeps the ends). */
const NODE_CAPACITY = 250;
/** Mean pods per node: real nodes run far below their 110-pod limit. */
const PODS_PER_NODE = 60;

/**
 * Hands out unique pod IPs the way a CNI with per-node /24 blocks does: each node owns
 * `10.(64 + n / 256).(n % 256).0/24` inside the pod CIDR `10.64.0.0/10`, pods land on random
 * nodes, and addresses within a node are taken in order.
 *
 * @example new IpAllocator(2000, rng).next() // '10.64.17.2'
 */
export class IpAllocator {
  private readonly used: Uint16Array;

  constructor(
    expectedPods: number,
    private readonly rng: Random,
  ) {
    this.used = new Uint16Array(Math.max(1, Math.ceil(expectedPods / PODS_PER_NODE)));
  }

  next(): string {
    const nodes = this.used.length;
    let node = this.rng.int(0, nodes - 1);
    for (let probes = 0; (this.used[node] as number) >= NODE_CAPACITY; probes++) {
      if (probes >= nodes) throw new Error('pod CIDR exhausted');
      node = (node + 1) % nodes;
    }
    const host = (this.used[node] as number) + 2;
    this.used[node] = host - 1;
    return `10.${64 + (node >> 8)}.${node & 255}.${host}`;
  }
}
