import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { ValidationIssue } from '../errors/validation-issue';
import { parseDocuments, type ParsedDocuments } from './parse-documents';

const MANIFEST_EXTENSIONS = ['.yaml', '.yml', '.json'];

/**
 * Reads every manifest (`.yaml`, `.yml`, `.json`) in the given files and folders (recursively,
 * in sorted order so output is stable). A missing path is a `PARSE_ERROR` issue, not a crash.
 * Relative paths are read from `cwd` (default: the process's) but named in sources and messages
 * as given (`base/policy.yaml#2`).
 *
 * @example loadPaths(['./manifests']).objects.length
 */
export function loadPaths(
  paths: readonly string[],
  options: { cwd?: string } = {},
): ParsedDocuments {
  const cwd = options.cwd ?? process.cwd();
  const result: ParsedDocuments = { objects: [], issues: [] };
  for (const path of paths) {
    for (const file of listManifestFiles(path, result.issues, cwd)) {
      const parsed = parseDocuments(readFileSync(resolve(cwd, file), 'utf8'), file);
      result.objects.push(...parsed.objects);
      result.issues.push(...parsed.issues);
    }
  }
  return result;
}

/**
 * The manifest files under a path (named from `path`, read from `cwd`), sorted; a file given
 * explicitly is read whatever its extension.
 */
export function listManifestFiles(
  path: string,
  issues: ValidationIssue[],
  cwd = process.cwd(),
): string[] {
  let stat;
  try {
    stat = statSync(resolve(cwd, path));
  } catch {
    issues.push({
      code: 'PARSE_ERROR',
      object: { kind: 'File', name: path },
      path: '',
      message: 'no such file or directory',
    });
    return [];
  }
  if (stat.isFile()) return [path];
  const files: string[] = [];
  for (const entry of readdirSync(resolve(cwd, path), { withFileTypes: true }).sort((a, b) =>
    a.name < b.name ? -1 : a.name > b.name ? 1 : 0,
  )) {
    if (entry.name.startsWith('.')) continue;
    const full = join(path, entry.name);
    if (entry.isDirectory()) files.push(...listManifestFiles(full, issues, cwd));
    else if (MANIFEST_EXTENSIONS.some((ext) => entry.name.endsWith(ext))) files.push(full);
  }
  return files;
}
