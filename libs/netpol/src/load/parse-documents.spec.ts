import { parseDocuments } from './parse-documents';

const summary = (text: string, file: string) => {
  const parsed = parseDocuments(text, file);
  return {
    objects: parsed.objects.map(({ object, source }) => {
      const o = object as { kind?: string; apiVersion?: string; metadata?: { name?: string } };
      return [source, o.apiVersion, o.kind, o.metadata?.name];
    }),
    issues: parsed.issues.map((i) => [i.code, i.object.kind, i.object.name, i.object.source]),
  };
};

describe('parseDocuments: YAML', () => {
  it('reads every document and skips empty ones', () => {
    const text = [
      '---',
      'apiVersion: v1',
      'kind: Namespace',
      'metadata: {name: a}',
      '---',
      '---',
      '# only a comment',
      '---',
      'apiVersion: v1',
      'kind: Pod',
      'metadata:',
      '  name: p',
      '---',
      '',
    ].join('\n');
    expect(summary(text, 'm.yaml')).toEqual({
      objects: [
        ['m.yaml#1', 'v1', 'Namespace', 'a'],
        ['m.yaml#4', 'v1', 'Pod', 'p'],
      ],
      issues: [],
    });
  });

  it('returns nothing for an empty file', () => {
    expect(summary('', 'empty.yaml')).toEqual({ objects: [], issues: [] });
    expect(summary('# nothing\n', 'empty.yaml')).toEqual({ objects: [], issues: [] });
  });

  it('reports a syntax error as PARSE_ERROR naming file#document, and keeps the other documents', () => {
    const text =
      'kind: Namespace\nmetadata: {name: a}\n---\nkind: Pod\nmetadata: name: p\n---\nkind: Namespace\nmetadata: {name: c}\n';
    expect(summary(text, 'dir/m.yaml')).toEqual({
      objects: [
        ['dir/m.yaml#1', undefined, 'Namespace', 'a'],
        ['dir/m.yaml#3', undefined, 'Namespace', 'c'],
      ],
      issues: [['PARSE_ERROR', 'File', 'dir/m.yaml', 'dir/m.yaml#2']],
    });
  });

  it.each([
    ['a duplicate key', 'kind: Pod\nkind: Namespace\n'],
    ['an alias without anchor', 'kind: *k\n'],
    ['a tab used for indentation', 'metadata:\n\tname: a\n'],
  ])('reports %s as PARSE_ERROR', (_name, text) => {
    expect(summary(text, 'm.yaml')).toEqual({
      objects: [],
      issues: [['PARSE_ERROR', 'File', 'm.yaml', 'm.yaml#1']],
    });
  });

  it('flattens kind: List, keeping each item’s own kind', () => {
    const text = [
      'apiVersion: v1',
      'kind: List',
      'items:',
      '- {apiVersion: v1, kind: Namespace, metadata: {name: a}}',
      '- {apiVersion: apps/v1, kind: Deployment, metadata: {name: d}}',
    ].join('\n');
    expect(summary(text, 'l.yaml').objects).toEqual([
      ['l.yaml#1.items[0]', 'v1', 'Namespace', 'a'],
      ['l.yaml#1.items[1]', 'apps/v1', 'Deployment', 'd'],
    ]);
  });

  it.each<[string, string, string]>([
    ['PodList', 'v1', 'Pod'],
    ['DeploymentList', 'apps/v1', 'Deployment'],
    ['NetworkPolicyList', 'networking.k8s.io/v1', 'NetworkPolicy'],
  ])('flattens a %s, giving items without kind the item kind', (kind, apiVersion, itemKind) => {
    const text = [
      `apiVersion: ${apiVersion}`,
      `kind: ${kind}`,
      'items:',
      '- metadata: {name: x}',
      '- {apiVersion: v1, kind: Other, metadata: {name: y}}',
    ].join('\n');
    expect(summary(text, 'l.yaml').objects).toEqual([
      ['l.yaml#1.items[0]', apiVersion, itemKind, 'x'],
      ['l.yaml#1.items[1]', 'v1', 'Other', 'y'],
    ]);
  });
});

describe('parseDocuments: JSON', () => {
  it('reads one object', () => {
    const text = JSON.stringify({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'a' } });
    expect(summary(text, 'ns.json')).toEqual({
      objects: [['ns.json', 'v1', 'Namespace', 'a']],
      issues: [],
    });
  });

  it('flattens a List and PodList', () => {
    const text = JSON.stringify({
      apiVersion: 'v1',
      kind: 'List',
      items: [
        { apiVersion: 'v1', kind: 'PodList', items: [{ metadata: { name: 'p' } }] },
        { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'a' } },
      ],
    });
    expect(summary(text, 'all.json').objects).toEqual([
      ['all.json.items[0].items[0]', 'v1', 'Pod', 'p'],
      ['all.json.items[1]', 'v1', 'Namespace', 'a'],
    ]);
  });

  it('reports invalid JSON as PARSE_ERROR naming the file', () => {
    expect(summary('{"kind": "Namespace",', 'bad.json')).toEqual({
      objects: [],
      issues: [['PARSE_ERROR', 'File', 'bad.json', 'bad.json']],
    });
  });
});
