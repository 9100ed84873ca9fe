export { RuleTester } from './testing/rule-tester.js'
export type { RuleTesterCase, InvalidCase, ExpectedFinding } from './testing/rule-tester.js'
export { annotates, measurePrecision, precisionSection, PRECISION_BEGIN, PRECISION_END, Annotations } from './precision/precision.js'
export type { Annotation, PlanAnnotations, PlanPrecision, Verdict } from './precision/precision.js'
