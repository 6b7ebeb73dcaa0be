import fc from 'fast-check';
import { formatPath, isSnapshotDocument, parseSnapshot } from './parse-snapshot';

describe('isSnapshotDocument', () => {
  it.each<[unknown, boolean]>([
    [{ apiVersion: 'fenceline.dev/v1alpha1', kind: 'InventorySnapshot' }, true],
    [{ apiVersion: 'fenceline.dev/v9', kind: 'InventorySnapshot', pods: 'nonsense' }, true],
    [{ apiVersion: 'v1', kind: 'InventorySnapshot' }, false],
    [{ apiVersion: 'fenceline.dev/v1alpha1', kind: 'Pod' }, false],
    [{ kind: 'InventorySnapshot' }, false],
    [[{ apiVersion: 'fenceline.dev/v1alpha1', kind: 'InventorySnapshot' }], false],
    [null, false],
    ['InventorySnapshot', false],
  ])('%j → %s', (value, expected) => {
    expect(isSnapshotDocument(value)).toBe(expected);
  });
});

describe('formatPath', () => {
  it.each<[PropertyKey[], string]>([
    [[], ''],
    [['pods', 3, 'ports', 0, 'port'], 'pods[3].ports[0].port'],
    [['pods', 0, 'labels', 'app.kubernetes.io/name'], 'pods[0].labels["app.kubernetes.io/name"]'],
    [[2, 'x'], '[2].x'],
  ])('%j → %s', (path, expected) => {
    expect(formatPath(path)).toBe(expected);
  });
});

describe('parseSnapshot on arbitrary input', () => {
  const answersWithoutThrowing = (value: unknown): void => {
    const result = parseSnapshot(value);
    if (result.ok) {
      expect(result.snapshot.kind).toBe('InventorySnapshot');
    } else {
      expect(result.issues.length).toBeGreaterThan(0);
      for (const issue of result.issues) {
        expect(typeof issue.path).toBe('string');
        expect(typeof issue.message).toBe('string');
      }
    }
  };

  it('never throws on any JavaScript value', () => {
    fc.assert(fc.property(fc.anything(), answersWithoutThrowing), { numRuns: 500 });
  });

  it('never throws on JSON values shaped like a snapshot', () => {
    const nearSnapshot = fc.record({
      apiVersion: fc.constantFrom('fenceline.dev/v1alpha1', 'fenceline.dev/v2'),
      kind: fc.constant('InventorySnapshot'),
      schemaVersion: fc.jsonValue(),
      collectedAt: fc.oneof(fc.constant('2025-01-01T00:00:00Z'), fc.string()),
      source: fc.oneof(fc.constant({ type: 'manifests' }), fc.jsonValue()),
      namespaces: fc.array(fc.jsonValue(), { maxLength: 3 }),
      pods: fc.array(fc.jsonValue(), { maxLength: 3 }),
      policies: fc.array(
        fc.record({ namespace: fc.string(), name: fc.string(), spec: fc.jsonValue() }),
        { maxLength: 3 },
      ),
      services: fc.constant([]),
      exposures: fc.array(fc.jsonValue(), { maxLength: 3 }),
      ignoredKinds: fc.dictionary(fc.string(), fc.jsonValue()),
    });
    fc.assert(fc.property(fc.oneof(fc.jsonValue(), nearSnapshot), answersWithoutThrowing), {
      numRuns: 500,
    });
  });
});
