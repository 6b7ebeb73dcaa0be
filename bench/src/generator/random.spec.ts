import { KUBE_ALPHABET, Random } from './random';

describe('Random', () => {
  it('repeats the same stream for the same seed', () => {
    const a = new Random(42);
    const b = new Random(42);
    expect(Array.from({ length: 5 }, () => a.next())).toEqual(
      Array.from({ length: 5 }, () => b.next()),
    );
  });

  it('gives a different stream for another seed', () => {
    expect(new Random(1).next()).not.toEqual(new Random(2).next());
  });

  it('keeps int() within its bounds, both included', () => {
    const rng = new Random(7);
    const seen = new Set(Array.from({ length: 500 }, () => rng.int(3, 5)));
    expect([...seen].sort()).toEqual([3, 4, 5]);
  });

  it('writes tokens from the Kubernetes suffix alphabet', () => {
    expect(new Random(9).token(10)).toMatch(new RegExp(`^[${KUBE_ALPHABET}]{10}$`));
  });

  it('forks a stream that does not replay its parent', () => {
    const parent = new Random(5);
    const child = parent.fork();
    expect(child.next()).not.toEqual(parent.next());
  });
});
