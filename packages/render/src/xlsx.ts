export { planXlsx, xlsxPlanRenderer } from './xlsx/plan.js'
