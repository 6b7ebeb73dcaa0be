/**
 * Lets one list run at a time across the agent's reflectors (initial lists, relists after
 * `410 Gone`, the CNI lookup); watches are not gated. A list page is the agent's largest transient
 * allocation: the answer's text (~1.7 MB for 500 pods), then its parsed objects while they are
 * converted. Started together, the pod, ReplicaSet, policy and node lists overlapped: while one
 * page was parsed and converted, the other answers arrived and waited, buffered, so several were
 * alive at once, and more of them the busier the CPU. One at a time, following a 20,000-pod
 * cluster peaks where `--once` does (which lists one resource after the other): 141–144 MB
 * instead of 147–154 MB in `npm run bench:agent` on a loaded machine.
 */
export class ListGate {
  private tail: Promise<unknown> = Promise.resolve();

  /** Runs `task` after every task handed in before it has settled (first in, first out). */
  run<T>(task: () => Promise<T>): Promise<T> {
    const result = this.tail.then(task);
    this.tail = result.catch(() => undefined);
    return result;
  }
}
