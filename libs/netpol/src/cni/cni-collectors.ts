import type { ValidationIssue } from '../errors/validation-issue';
import type { Inventory } from '../inventory/inventory';
import type { RawObject } from '../raw/read-field';
import { AntreaCollector } from './antrea/antrea-collector';
import { isAntreaKind } from './antrea/antrea-objects';
import { CalicoCollector } from './calico/calico-collector';
import { isCalicoKind } from './calico/calico-objects';
import { CiliumCollector } from './cilium/cilium-collector';
import { isCiliumKind } from './cilium/cilium-objects';

/** The CNI-native objects of one input (Calico, Cilium, Antrea), collected while it is read. */
export class CniCollectors {
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
    if (isCalicoKind(kind, apiVersion)) return this.calico.add(object, kind, source);
    if (isCiliumKind(kind, apiVersion)) return this.cilium.add(object, source);
    if (isAntreaKind(kind, apiVersion)) return this.antrea.add(object, source);
    return undefined;
  }

  /** The inventory fields for what was kept, and the issues found once everything was read. */
  result(): {
    fields: Pick<Inventory, 'calico' | 'cilium' | 'antrea'>;
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
      },
      issues: [...calico.issues, ...cilium.issues, ...antrea.issues],
    };
  }
}
