import { getHeapStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/**
 * Keeps the agent's resident memory near its live data. V8 grows the heap lazily while the agent
 * parses list pages (tens of megabytes of short-lived JSON on a large cluster) and keeps what it
 * grew; a full collection after a burst of garbage keeps the peak close to what is alive. The
 * agent runs on every cluster, often with a 256 MiB limit: a bounded footprint matters more than
 * the few milliseconds a collection costs (measured in `npm run bench:agent`).
 */
export class MemoryGuard {
  private readonly collect: (() => void) | undefined;
  private liveAfterLastCollection = getHeapStatistics().used_heap_size;

  constructor(private readonly slackBytes = 8 * 1024 * 1024) {
    this.collect = exposeGc();
  }

  /** Collects when the heap grew more than the slack since the last collection. */
  relieve(): void {
    if (!this.collect) return;
    if (getHeapStatistics().used_heap_size - this.liveAfterLastCollection < this.slackBytes) return;
    this.collect();
    this.liveAfterLastCollection = getHeapStatistics().used_heap_size;
  }
}

let gcFunction: (() => void) | undefined | null = null;

/** The `gc` function without starting node with --expose-gc (a flag a CLI user would not know to pass). */
function exposeGc(): (() => void) | undefined {
  if (gcFunction !== null) return gcFunction;
  try {
    setFlagsFromString('--expose-gc');
    const gc: unknown = runInNewContext('gc');
    gcFunction = typeof gc === 'function' ? (gc as () => void) : undefined;
  } catch {
    gcFunction = undefined;
  }
  return gcFunction;
}

/**
 * The same text, as one flat string. V8 keeps `a + b` and template literals as concatenation
 * nodes pointing at their parts (`canonicalJson`'s output is `{` + members + `}`: two nodes and
 * three strings) until something reads the text whole; text the agent keeps for every object
 * (a snapshot entry lives as long as its object) is stored flat instead. A JSON round trip is
 * the one portable copy that always yields a new sequential string, whatever the characters.
 */
export function flatString(text: string): string {
  return JSON.parse(JSON.stringify(text)) as string;
}
