import { formatPlanYear } from '@demarche/domain'
import { defineRule } from '../engine/rule.js'
import { listEn, listFr } from './kit.js'

export default defineRule({
  id: 'schedule-within-period',
  meta: {
    criterion: 'schedule',
    docs: { fr: 'Les années de l’échéancier tombent dans la période du plan.', en: 'Schedule years fall within the plan period.' },
    serves: { fr: 'Cohérence : les années de l’échéancier sont dans la période du plan.', en: 'Coherence: schedule years fall inside the plan period.' },
    messages: {
      outside: {
        fr: '{years} hors de la période du plan ({first} à {last}).',
        en: '{years} outside the plan period ({first} to {last}).',
      },
    },
    defaultSeverity: 'warning',
  },
  create({ plan, profile, examine, report }) {
    const period = plan.metadata.period
    if (!period) return {}
    const scheme = profile.yearScheme
    return {
      row({ row, pointer }) {
        for (const [b, block] of (row.schedule ?? []).entries()) {
          const years = block.years.value?.years
          if (!years) continue
          const at = `${pointer}/schedule/${b}/years`
          examine(at)
          const outside = years.filter((year) => year < period.firstYear || year > period.lastYear)
          if (outside.length > 0)
            report('outside', {
              pointer: at,
              data: {
                years: { fr: listFr(outside.map((year) => formatPlanYear(year, scheme, 'fr'))), en: listEn(outside.map((year) => formatPlanYear(year, scheme, 'en'))) },
                first: { fr: formatPlanYear(period.firstYear, scheme, 'fr'), en: formatPlanYear(period.firstYear, scheme, 'en') },
                last: { fr: formatPlanYear(period.lastYear, scheme, 'fr'), en: formatPlanYear(period.lastYear, scheme, 'en') },
              },
            })
        }
      },
    }
  },
})
