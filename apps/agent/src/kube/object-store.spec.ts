import { objectKey, ObjectStore } from './object-store';

const value = (fingerprint: string) => ({ fingerprint });

describe('ObjectStore', () => {
  it('moves its revision only when a fingerprint changes', () => {
    const store = new ObjectStore<{ fingerprint: string }>();
    const seen: number[] = [];
    store.onChange(() => seen.push(store.revision));
    store.upsert('core/pods', 'shop/a', value('1'));
    store.upsert('core/pods', 'shop/a', value('1'));
    store.upsert('core/pods', 'shop/a', value('2'));
    store.remove('core/pods', 'shop/missing');
    store.remove('core/pods', 'shop/a');
    expect(seen).toEqual([1, 2, 3]);
    expect(store.count('core/pods')).toBe(0);
  });

  it('replaces a resource after a relist, signalling only a real difference', () => {
    const store = new ObjectStore<{ fingerprint: string }>();
    store.replace('core/pods', [
      ['shop/b', value('b')],
      ['shop/a', value('a')],
    ]);
    expect(store.revision).toBe(1);
    store.replace('core/pods', [
      ['shop/a', value('a')],
      ['shop/b', value('b')],
    ]);
    expect(store.revision).toBe(1);
    store.replace('core/pods', [['shop/a', value('a')]]);
    expect(store.revision).toBe(2);
    store.replace('core/pods', [['shop/a', value('a2')]]);
    expect(store.revision).toBe(3);
    store.replace('core/pods', [['shop/c', value('a2')]]);
    expect(store.revision).toBe(4);
  });

  it('lists values in a stable order and forgets dropped resources', () => {
    const store = new ObjectStore<{ fingerprint: string }>();
    store.upsert('core/pods', 'shop/b', value('pb'));
    store.upsert('core/pods', 'shop/a', value('pa'));
    store.upsert('core/namespaces', '/shop', value('ns'));
    expect(
      store.values(['core/namespaces', 'core/pods', 'absent']).map((v) => v.fingerprint),
    ).toEqual(['ns', 'pa', 'pb']);
    store.drop('core/pods');
    expect(store.has('core/pods')).toBe(false);
    expect(store.revision).toBe(4);
    store.drop('core/pods');
    expect(store.revision).toBe(4);
  });

  it('keys objects by namespace and name', () => {
    expect(objectKey({ metadata: { namespace: 'shop', name: 'a' } })).toBe('shop/a');
    expect(objectKey({ metadata: { name: 'shop' } })).toBe('/shop');
  });
});
