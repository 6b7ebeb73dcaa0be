import { ListGate } from './list-gate';

/** A task that starts when the gate lets it and ends when the test says so. */
function controlled(log: string[], name: string) {
  let finish!: (fail?: Error) => void;
  const task = () =>
    new Promise<string>((resolve, reject) => {
      log.push(`start ${name}`);
      finish = (fail) => {
        log.push(`end ${name}`);
        if (fail) reject(fail);
        else resolve(name);
      };
    });
  return { task, finish: (fail?: Error) => finish(fail) };
}

const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('ListGate', () => {
  it('runs one task at a time, in the order they were handed in', async () => {
    const gate = new ListGate();
    const log: string[] = [];
    const [a, b, c] = ['a', 'b', 'c'].map((n) => controlled(log, n)) as [
      ReturnType<typeof controlled>,
      ReturnType<typeof controlled>,
      ReturnType<typeof controlled>,
    ];
    const results = [gate.run(a.task), gate.run(b.task), gate.run(c.task)];
    await turn();
    expect(log).toEqual(['start a']);
    a.finish();
    await turn();
    expect(log).toEqual(['start a', 'end a', 'start b']);
    b.finish();
    await turn();
    c.finish();
    await expect(Promise.all(results)).resolves.toEqual(['a', 'b', 'c']);
    expect(log).toEqual(['start a', 'end a', 'start b', 'end b', 'start c', 'end c']);
  });

  it('a failed task rejects its own caller and lets the next one run', async () => {
    const gate = new ListGate();
    const log: string[] = [];
    const a = controlled(log, 'a');
    const b = controlled(log, 'b');
    const first = gate.run(a.task);
    const second = gate.run(b.task);
    await turn();
    a.finish(new Error('410 Gone'));
    await expect(first).rejects.toThrow('410 Gone');
    await turn();
    expect(log).toEqual(['start a', 'end a', 'start b']);
    b.finish();
    await expect(second).resolves.toBe('b');
  });
});
