import { ArgsType } from '@nestjs/graphql';
import { PageArgsOf } from '../../pagination/page.args';
import { AUDIT_PAGE_SIZES } from './list-audit-events.dto';

/** The page arguments of `auditEvents` and `auditEventConnection` (1,000 by default, up to 10,000). */
@ArgsType()
export class AuditPageArgs extends PageArgsOf(AUDIT_PAGE_SIZES) {}
