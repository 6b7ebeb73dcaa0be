import type { ValidationIssue } from '../errors/validation-issue';
import type { Inventory } from '../inventory/inventory';
import { isRawObject, type RawObject } from '../raw/read-field';
import { AntreaCollector } from './antrea/antrea-collector';
import { isAntreaKind } from './antrea/antrea-objects';
import { CalicoCollector } from './calico/calico-collector';
import { isCalicoKind } from './calico/calico-objects';
import { CiliumCollector } from './cilium/cilium-collector';
import { isCiliumKind } from './cilium/cilium-objects';

/**
 * A CNI-native object as read (kept for snapshots, which carry such objects as written): its
 * kind, identity, labels and `spec`.
 */
export interface CniObject {
  readonly apiVersion: string;
  readonly kind: string;
  readonly name: string;
  readonly namespace?: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly spec: Readonly<Record<string, unknown>>;
}

/** Whether an object is of a CNI-native kind the engine evaluates. */
export function isCniObjectKind(kind: string, apiVersion: string | undefined): boolean {
  return (
    isCalicoKind(kind, apiVersion) ||
    isCiliumKind(kind, apiVersion) ||
    isAntreaKind(kind, apiVersion)
  );
}

/** The CNI-native objects of one input (Calico, Cilium, Antrea), collected while it is read. */
export class CniCollectors {
  private readonly objects: CniObject[] = [];
  private readonly calico = new CalicoCollector();
  private readonly cilium = new CiliumCollector();
  private readonly antrea = new AntreaCollector();

  /** Takes the object when it is a CNI kind (its issues returned), else `undefined`. */
  add(
    object: RawObject,
    kind: string,
    apiVersion: string | undefined,
    source: string,
  ): ValidationIssue[] | undefined {
    // Without metadata it is a count only (a snapshot's ignoredKinds placeholder): left ignored.
    if (object['metadata'] === undefined) return undefined;
    let issues: ValidationIssue[] | undefined;
    if (isCalicoKind(kind, apiVersion)) issues = this.calico.add(object, kind, source);
    else if (isCiliumKind(kind, apiVersion)) issues = this.cilium.add(object, source);
    else if (isAntreaKind(kind, apiVersion)) issues = this.antrea.add(object, kind, source);
    if (issues?.length === 0) this.objects.push(cniObject(object, kind, apiVersion ?? ''));
    return issues;
  }

  /** The inventory fields for what was kept, and the issues found once everything was read. */
  result(): {
    fields: Pick<Inventory, 'calico' | 'cilium' | 'antrea' | 'cniObjects'>;
    issues: ValidationIssue[];
  } {
    const calico = this.calico.result();
    const cilium = this.cilium.result();
    const antrea = this.antrea.result();
    return {
      fields: {
        ...(calico.objects ? { calico: calico.objects } : {}),
        ...(cilium.objects ? { cilium: cilium.objects } : {}),
        ...(antrea.objects ? { antrea: antrea.objects } : {}),
        ...(this.objects.length > 0 ? { cniObjects: this.objects } : {}),
      },
      issues: [...calico.issues, ...cilium.issues, ...antrea.issues],
    };
  }
}

function cniObject(object: RawObject, kind: string, apiVersion: string): CniObject {
  const metadata = isRawObject(object['metadata']) ? object['metadata'] : {};
  const labels = isRawObject(metadata['labels']) ? metadata['labels'] : {};
  const namespace = metadata['namespace'];
  return {
    apiVersion,
    kind,
    name: String(metadata['name']),
    ...(typeof namespace === 'string' && namespace !== '' ? { namespace } : {}),
    labels: Object.fromEntries(
      Object.entries(labels).filter((e): e is [string, string] => typeof e[1] === 'string'),
    ),
    spec: isRawObject(object['spec']) ? object['spec'] : {},
  };
}
