export * from './framework/types';
export { CHECK_IDS, type CheckId } from './checks/check-id';
export * from './context/compliance-context';
export { ComplianceInputError, type ComplianceIssue } from './context/compliance-input-error';
export { FRAMEWORKS, FRAMEWORK_IDS, findFramework } from './frameworks/frameworks';
export { evaluateFramework } from './framework/evaluate-framework';
export { frameworkScore, statusCounts, type StatusCounts } from './framework/scoring';
export {
  coverageReport,
  type CoverageReport,
  type NamespaceDefaultDeny,
  type UnevaluatedClusterRule,
} from './coverage/coverage-report';
export { waiverInForce, type Waiver, type WaiverSet } from './waivers/waiver';
