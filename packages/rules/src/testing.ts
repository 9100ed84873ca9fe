export { RuleTester } from './testing/rule-tester.js'
export type { RuleTesterCase, InvalidCase, ExpectedFinding } from './testing/rule-tester.js'
