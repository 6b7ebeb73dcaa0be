import { Inject, Injectable } from '@nestjs/common';
import type { ExportClusterReport, ExportSubject, Principal } from '@fenceline/data-access';
import { ComplianceService } from './compliance.service';

/** The input of the export formats (libs/reports) for a scope, from the stored results. */
@Injectable()
export class ExportsService {
  constructor(@Inject(ComplianceService) private readonly compliance: ComplianceService) {}

  collect(actor: Principal, framework: string, scope: string, asOf?: Date): Promise<{ subject: ExportSubject; reports: ExportClusterReport[] }> {
    return this.compliance.store.exportInput(actor.organizationId, framework, scope, asOf);
  }
}
