import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { Evaluator, YAML_1_1, isMap } from './helm-subset';
import { type Node, parseTemplate } from './helm-subset-parse';

/**
 * `helm template` for deploy/agent/chart: loads Chart.yaml and values.yaml, overlays the
 * given values, renders every template with ./helm-subset and sorts the documents in Helm's
 * install order. See https://helm.sh/docs/helm/helm_template/.
 */

export type Values = { readonly [key: string]: unknown };

export interface Release {
  readonly name: string;
  readonly namespace: string;
}

export interface RenderedManifest {
  /** `<chart>/templates/<file>`, as in helm's `# Source:` lines. */
  readonly source: string;
  readonly kind: string;
  readonly text: string;
}

export interface RenderedChart {
  readonly manifests: readonly RenderedManifest[];
  readonly notes: string;
}

/** Renders every template of the chart with its values.yaml overlaid by `values`, sorted like helm. */
export function renderChart(
  chartDir: string,
  options: { readonly release: Release; readonly values?: Values },
): RenderedChart {
  const chart = parse(readFileSync(join(chartDir, 'Chart.yaml'), 'utf8'), YAML_1_1) as {
    apiVersion: string;
    name: string;
    version: string;
    appVersion: string;
  };
  if (chart.apiVersion !== 'v2')
    throw new Error(`Chart.yaml: apiVersion ${chart.apiVersion}, expected v2`);
  const defaults = parse(readFileSync(join(chartDir, 'values.yaml'), 'utf8'), YAML_1_1) as Values;
  const root = {
    Values: mergeValues(defaults, options.values ?? {}),
    Release: { Name: options.release.name, Namespace: options.release.namespace },
    Chart: { Name: chart.name, Version: chart.version, AppVersion: chart.appVersion },
  };
  const templates = new Map<string, readonly Node[]>();
  const defines = new Map<string, readonly Node[]>();
  for (const entry of readdirSync(join(chartDir, 'templates'), { withFileTypes: true }).sort(
    (a, b) => a.name.localeCompare(b.name),
  )) {
    const source = `${chart.name}/templates/${entry.name}`;
    if (!entry.isFile() || !/(^_.*\.tpl|\.yaml|^NOTES\.txt)$/.test(entry.name))
      throw new Error(`${source}: not a template this renderer supports`);
    const parsed = parseTemplate(
      readFileSync(join(chartDir, 'templates', entry.name), 'utf8'),
      source,
    );
    for (const [name, body] of parsed.defines) {
      if (defines.has(name)) throw new Error(`${source}: template "${name}" defined twice`);
      defines.set(name, body);
    }
    if (!entry.name.startsWith('_')) templates.set(source, parsed.body);
  }
  const evaluator = new Evaluator(defines, root);
  const manifests: RenderedManifest[] = [];
  let notes = '';
  for (const [source, body] of templates) {
    const text = evaluator.render(body, root);
    if (source.endsWith('/NOTES.txt')) {
      notes = text;
      continue;
    }
    for (const doc of text.split(/^---[ \t]*$/m).filter((d) => d.trim() !== '')) {
      const object = parse(doc, YAML_1_1) as { apiVersion?: unknown; kind?: unknown } | null;
      if (typeof object?.kind !== 'string' || typeof object.apiVersion !== 'string')
        throw new Error(`${source}: a document without apiVersion and kind`);
      manifests.push({ source, kind: object.kind, text: doc.trim() + '\n' });
    }
  }
  const rank = (kind: string): number =>
    INSTALL_ORDER.includes(kind) ? INSTALL_ORDER.indexOf(kind) : INSTALL_ORDER.length;
  manifests.sort((a, b) => rank(a.kind) - rank(b.kind) || a.kind.localeCompare(b.kind));
  return { manifests, notes };
}

/** The manifests as one multi-document YAML stream, like `helm template`. */
export function joinManifests(manifests: readonly RenderedManifest[]): string {
  return manifests.map((m) => `---\n# Source: ${m.source}\n${m.text}`).join('');
}

/** Helm's coalescing of user values over the chart's: maps merge, anything else replaces, null deletes. */
export function mergeValues(defaults: Values, overrides: Values): Values {
  const merged: Record<string, unknown> = { ...defaults };
  for (const [key, value] of Object.entries(overrides)) {
    const base = merged[key];
    if (value === null) delete merged[key];
    else merged[key] = isMap(base) && isMap(value) ? mergeValues(base, value) : value;
  }
  return merged;
}

// Helm's InstallOrder (pkg/releaseutil/kind_sorter.go): namespaces first, so a plain
// `kubectl apply -f` of the output creates them before what lives in them.
// prettier-ignore
const INSTALL_ORDER: readonly string[] = [
  'PriorityClass', 'Namespace', 'NetworkPolicy', 'ResourceQuota', 'LimitRange', 'PodSecurityPolicy',
  'PodDisruptionBudget', 'ServiceAccount', 'Secret', 'SecretList', 'ConfigMap', 'StorageClass',
  'PersistentVolume', 'PersistentVolumeClaim', 'CustomResourceDefinition', 'ClusterRole',
  'ClusterRoleList', 'ClusterRoleBinding', 'ClusterRoleBindingList', 'Role', 'RoleList', 'RoleBinding',
  'RoleBindingList', 'Service', 'DaemonSet', 'Pod', 'ReplicationController', 'ReplicaSet', 'Deployment',
  'HorizontalPodAutoscaler', 'StatefulSet', 'Job', 'CronJob', 'IngressClass', 'Ingress', 'APIService',
];
