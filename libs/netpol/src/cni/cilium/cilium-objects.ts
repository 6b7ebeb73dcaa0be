import type { ObjectRef } from '../../errors/object-ref';

/** What a snapshot or manifest set holds of Cilium's own policy kinds (to be filled in: issue 16). */
export interface CiliumObjects {
  readonly policies: readonly { readonly ref: ObjectRef }[];
}

/** Whether an object is one of the Cilium kinds the engine evaluates (none yet). */
export function isCiliumKind(kind: string, apiVersion: string | undefined): boolean {
  return kind === '' && apiVersion === '';
}
