import { parseAllDocuments } from 'yaml';
import type { ValidationIssue } from '../errors/validation-issue';
import type { SourcedObject } from '../inventory/build-inventory';
import { isRawObject } from '../raw/read-field';

export interface ParsedDocuments {
  readonly objects: SourcedObject[];
  readonly issues: ValidationIssue[];
}

/**
 * Decodes a YAML (multi-document) or JSON text into Kubernetes objects, flattening `List` kinds
 * (`v1/List`, `PodList`, ...). Syntax errors become `PARSE_ERROR` issues naming the file and
 * document; empty documents are skipped.
 *
 * @example parseDocuments('kind: Namespace\nmetadata: {name: a}\n---\n', 'ns.yaml').objects.length // 1
 */
export function parseDocuments(text: string, fileName: string): ParsedDocuments {
  const objects: SourcedObject[] = [];
  const issues: ValidationIssue[] = [];
  const fail = (message: string, doc?: number): void => {
    const source = doc === undefined ? fileName : `${fileName}#${doc}`;
    issues.push({
      code: 'PARSE_ERROR',
      object: { kind: 'File', name: fileName, source },
      path: '',
      message,
    });
  };
  if (fileName.endsWith('.json')) {
    try {
      flatten(JSON.parse(text), fileName, objects);
    } catch (error) {
      fail(`invalid JSON: ${(error as Error).message}`);
    }
    return { objects, issues };
  }
  const docs = parseAllDocuments(text, { prettyErrors: false });
  const list = Array.isArray(docs) ? docs : [docs];
  list.forEach((doc, i) => {
    const number = i + 1;
    if (doc.errors.length > 0) {
      fail(`invalid YAML: ${doc.errors[0]?.message ?? 'syntax error'}`, number);
      return;
    }
    let value: unknown;
    try {
      // Unresolved aliases and alias bombs only surface when the document is converted.
      value = doc.toJS({ maxAliasCount: 100 });
    } catch (error) {
      fail(`invalid YAML: ${(error as Error).message}`, number);
      return;
    }
    if (value === null || value === undefined) return;
    flatten(value, `${fileName}#${number}`, objects);
  });
  return { objects, issues };
}

function flatten(value: unknown, source: string, out: SourcedObject[]): void {
  if (Array.isArray(value)) {
    value.forEach((item, i) => flatten(item, `${source}[${i}]`, out));
    return;
  }
  if (
    isRawObject(value) &&
    typeof value['kind'] === 'string' &&
    value['kind'].endsWith('List') &&
    Array.isArray(value['items'])
  ) {
    const itemKind = value['kind'] === 'List' ? undefined : value['kind'].slice(0, -'List'.length);
    value['items'].forEach((item: unknown, i: number) => {
      const filled =
        isRawObject(item) && itemKind && item['kind'] === undefined
          ? { apiVersion: value['apiVersion'], kind: itemKind, ...item }
          : item;
      flatten(filled, `${source}.items[${i}]`, out);
    });
    return;
  }
  out.push({ object: value, source });
}
