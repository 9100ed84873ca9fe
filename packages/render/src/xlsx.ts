export { planXlsx } from './xlsx/plan.js'
