import { ObjectStore } from './object-store';

const pod = (name: string, labels: Record<string, string> = {}) => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'shop', labels } });

describe('ObjectStore', () => {
  it('moves its revision only when content changes', () => {
    const store = new ObjectStore();
    const seen: number[] = [];
    store.onChange(() => seen.push(store.revision));
    store.upsert('core/pods', pod('a'));
    store.upsert('core/pods', pod('a'));
    store.upsert('core/pods', pod('a', { app: 'web' }));
    store.remove('core/pods', pod('missing'));
    store.remove('core/pods', pod('a'));
    expect(seen).toEqual([1, 2, 3]);
    expect(store.count('core/pods')).toBe(0);
  });

  it('replaces a resource after a relist, signalling only a real difference', () => {
    const store = new ObjectStore();
    store.replace('core/pods', [pod('b'), pod('a')]);
    expect(store.revision).toBe(1);
    store.replace('core/pods', [pod('a'), pod('b')]);
    expect(store.revision).toBe(1);
    store.replace('core/pods', [pod('a')]);
    expect(store.revision).toBe(2);
    store.replace('core/pods', [pod('a', { x: 'y' })]);
    expect(store.revision).toBe(3);
  });

  it('lists objects in a stable order and forgets dropped resources', () => {
    const store = new ObjectStore();
    store.upsert('core/pods', pod('b'));
    store.upsert('core/pods', pod('a'));
    store.upsert('core/namespaces', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'shop' } });
    expect(store.objects(['core/namespaces', 'core/pods', 'absent']).map((o) => (o['metadata'] as { name: string }).name)).toEqual(['shop', 'a', 'b']);
    store.drop('core/pods');
    expect(store.has('core/pods')).toBe(false);
    expect(store.revision).toBe(4);
    store.drop('core/pods');
    expect(store.revision).toBe(4);
  });
});
