export { planDocx, docxPlanRenderer } from './docx/plan.js'
export type { DocxOptions } from './docx/plan.js'
export { reportDocx, docxReportRenderer } from './docx/report.js'
