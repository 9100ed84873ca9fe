import { planXlsx } from './dist/xlsx.js'
import { createContext } from './dist/index.js'
import { examplePlans } from '@demarche/domain/examples'
import { writeFileSync } from 'node:fs'
const plan = examplePlans.crevale2026()
writeFileSync('/tmp/out/old.xlsx', await planXlsx(plan, createContext(plan, { clock: () => new Date('2026-11-23T12:00:00Z') })))
