// How rows become the API's resources: the only place that shapes a response body.
export { commentOf, etagOf, evaluationOf, resourceOf, savedStateKey, summaryOf, transitionOf, versionOf } from './plans.js'
export { auditEntryOf } from './catalog.js'
