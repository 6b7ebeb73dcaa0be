import { CLUSTER_POLICY_KINDS, loadPaths, type SourcedObject } from '@fenceline/netpol';
import type { BaselineContent, BaselineIssue } from './baseline-content';
import { parseBaselineContent } from './parse-baseline-content';
import { clusterPolicyKindOf } from './parse-cluster-policies';
import { checkKeys, describeValue, IssueList, isRecord, readRecord, readText } from './raw-input';

/** `apiVersion` and `kind` of the Baseline document of a baseline folder. */
export const BASELINE_API_VERSION = 'fenceline.dev/v1alpha1';
/** See {@link BASELINE_API_VERSION}. */
export const BASELINE_KIND = 'Baseline';

const CLUSTER_KINDS = Object.entries(CLUSTER_POLICY_KINDS)
  .map(([kind, version]) => `${version} ${kind}`)
  .join(', ');

/** A baseline folder read from disk: its name and content when valid, and every issue. */
export interface LoadedBaseline {
  name?: string;
  content?: BaselineContent;
  issues: BaselineIssue[];
}

/**
 * Reads a baseline folder: every `.yaml`, `.yml` and `.json` file under `dir` (nested folders
 * too, sorted, as netpol's `loadPaths` reads them). The files hold `networking.k8s.io/v1`
 * NetworkPolicy objects (no `metadata.namespace`: a template for every in-scope namespace),
 * cluster-scoped `policy.networking.k8s.io` ClusterNetworkPolicy (v1alpha2), AdminNetworkPolicy
 * and BaselineAdminNetworkPolicy (v1alpha1) objects (never templated), and exactly one document
 * `{ apiVersion: fenceline.dev/v1alpha1, kind: Baseline, metadata: { name }, spec: { scope?, sensitive?, guardrails? } }`.
 * Any other kind is an issue. Issue paths name the file and document (`base/guardrails.yaml#2`)
 * and the field. Relative paths are read from `cwd` (default: the process's).
 * See https://kubernetes.io/docs/reference/kubernetes-api/policy-resources/network-policy-v1/
 *
 * @example loadBaselineDir('baselines/prod').issues.map(formatBaselineIssue)
 */
export function loadBaselineDir(dir: string, options: { cwd?: string } = {}): LoadedBaseline {
  const loaded = loadPaths([dir], options);
  const issues = new IssueList();
  for (const issue of loaded.issues)
    issues.add(issue.object.source ?? issue.object.name, issue.message);
  const policies: SourcedObject[] = [];
  const baselines: SourcedObject[] = [];
  loaded.objects.forEach((entry, i) => {
    const source = entry.source ?? `${dir}#${i + 1}`;
    const object = entry.object;
    const kind = isRecord(object) ? object['kind'] : undefined;
    const apiVersion = isRecord(object) ? object['apiVersion'] : undefined;
    if (kind === BASELINE_KIND && apiVersion === BASELINE_API_VERSION)
      baselines.push({ object, source });
    else if (
      (kind === 'NetworkPolicy' && apiVersion === 'networking.k8s.io/v1') ||
      (isRecord(object) && clusterPolicyKindOf(object))
    )
      // A cluster policy of the wrong apiVersion is reported by the content's validation.
      policies.push({ object, source });
    else {
      issues.add(
        source,
        `${describeValue(apiVersion)} ${describeValue(kind)} does not belong in a baseline folder (only networking.k8s.io/v1 NetworkPolicy, ${CLUSTER_KINDS} objects and one ${BASELINE_API_VERSION} ${BASELINE_KIND})`,
      );
    }
  });
  const [baseline, ...extra] = baselines;
  for (const other of extra)
    issues.add(
      other.source ?? dir,
      `a second ${BASELINE_KIND} document (the first is ${baseline?.source ?? '?'}); a folder holds exactly one`,
    );
  if (!baseline) {
    issues.add(
      dir,
      `no ${BASELINE_KIND} document (apiVersion: ${BASELINE_API_VERSION}, kind: ${BASELINE_KIND}) in the folder`,
    );
    return { issues: issues.issues };
  }
  const where = baseline.source ?? dir;
  const document = baseline.object as Readonly<Record<string, unknown>>;
  const local = new IssueList();
  checkKeys(local, document, ['apiVersion', 'kind', 'metadata', 'spec'], '');
  const metadata = readRecord(local, document['metadata'], 'metadata', true);
  const name = metadata ? readText(local, metadata['name'], 'metadata.name', true) : undefined;
  const spec = readRecord(local, document['spec'], 'spec', false) ?? {};
  checkKeys(local, spec, ['scope', 'sensitive', 'guardrails'], 'spec');
  for (const issue of local.issues) issues.add(`${where}: ${issue.path}`, issue.message);
  const raw: Record<string, unknown> = { policies: policies.map((p) => p.object) };
  for (const key of ['scope', 'sensitive', 'guardrails'])
    if (spec[key] !== undefined) raw[key] = spec[key];
  const parsed = parseBaselineContent(raw);
  if (!parsed.ok) {
    for (const issue of parsed.issues) {
      const policy = /^policies\[(\d+)\]\.?(.*)$/.exec(issue.path);
      if (policy) {
        const source = policies[Number(policy[1])]?.source ?? dir;
        issues.add(policy[2] ? `${source}: ${policy[2]}` : source, issue.message);
      } else issues.add(`${where}: spec.${issue.path}`, issue.message);
    }
  }
  return {
    ...(name === undefined ? {} : { name }),
    ...(parsed.ok && issues.count === 0 ? { content: parsed.content } : {}),
    issues: issues.issues,
  };
}
