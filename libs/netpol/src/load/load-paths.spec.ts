import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import type { ValidationIssue } from '../errors/validation-issue';
import { listManifestFiles, loadPaths } from './load-paths';

const namespace = (name: string) => `apiVersion: v1\nkind: Namespace\nmetadata:\n  name: ${name}\n`;

describe('loadPaths', () => {
  let root: string;
  const at = (...parts: string[]) => join(root, ...parts);
  const write = (path: string, text: string) => {
    mkdirSync(join(at(path), '..'), { recursive: true });
    writeFileSync(at(path), text);
  };
  const names = (objects: readonly { object: unknown }[]) =>
    objects.map((o) => (o.object as { metadata: { name: string } }).metadata.name);

  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'fenceline-load-'));
    write('a.yaml', namespace('a'));
    write('b/c.yml', namespace('c'));
    write(
      'b/d/e.json',
      JSON.stringify({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'e' } }),
    );
    write('f.yaml', `${namespace('f1')}---\n${namespace('f2')}`);
    write('notes.txt', namespace('txt'));
    write('README.md', namespace('md'));
    write('g.yaml.bak', namespace('bak'));
    write('.hidden.yaml', namespace('hidden'));
    write('.git/x.yaml', namespace('git'));
    mkdirSync(at('empty'));
    write('broken/bad.yaml', 'kind: Namespace\nmetadata: name: x\n');
  });

  afterAll(() => {
    rmSync(root, { recursive: true, force: true });
  });

  it('reads relative paths from cwd and names them as given', () => {
    const loaded = loadPaths(['b', 'missing.yaml'], { cwd: root });
    expect(loaded.objects.map((o) => o.source)).toEqual(['b/c.yml#1', 'b/d/e.json']);
    expect(loaded.issues.map((i) => i.object.name)).toEqual(['missing.yaml']);
  });

  it('lists manifests recursively in sorted order, skipping other extensions and hidden files', () => {
    const issues: ValidationIssue[] = [];
    const files = listManifestFiles(root, issues).map((f) => relative(root, f));
    expect(files).toEqual([
      'a.yaml',
      join('b', 'c.yml'),
      join('b', 'd', 'e.json'),
      join('broken', 'bad.yaml'),
      'f.yaml',
    ]);
    expect(issues).toEqual([]);
  });

  it('reads every object of every manifest, in order, and reports syntax errors per file', () => {
    const result = loadPaths([root]);
    expect(names(result.objects)).toEqual(['a', 'c', 'e', 'f1', 'f2']);
    expect(result.objects.map((o) => o.source)).toEqual([
      `${at('a.yaml')}#1`,
      `${at('b', 'c.yml')}#1`,
      at('b', 'd', 'e.json'),
      `${at('f.yaml')}#1`,
      `${at('f.yaml')}#2`,
    ]);
    expect(result.issues.map((i) => [i.code, i.object.source])).toEqual([
      ['PARSE_ERROR', `${at('broken', 'bad.yaml')}#1`],
    ]);
  });

  it('reads a file given explicitly whatever its extension, and paths in the order given', () => {
    const result = loadPaths([at('notes.txt'), at('b'), at('a.yaml')]);
    expect(names(result.objects)).toEqual(['txt', 'c', 'e', 'a']);
    expect(result.issues).toEqual([]);
  });

  it('reports a missing path as PARSE_ERROR and keeps going', () => {
    const missing = at('nope');
    const result = loadPaths([missing, at('a.yaml')]);
    expect(names(result.objects)).toEqual(['a']);
    expect(result.issues.map((i) => [i.code, i.object.kind, i.object.name])).toEqual([
      ['PARSE_ERROR', 'File', missing],
    ]);
  });

  it('returns nothing for an empty folder', () => {
    expect(loadPaths([at('empty')])).toEqual({ objects: [], issues: [] });
  });
});
