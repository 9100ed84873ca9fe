export { planDocx } from './docx/plan.js'
export type { DocxOptions } from './docx/plan.js'
export { reportDocx } from './docx/report.js'
export { avisDocx } from './avis/docx.js'
