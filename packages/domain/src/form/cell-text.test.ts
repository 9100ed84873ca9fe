import { describe, expect, it } from 'vitest'
import { examplePlans } from '../examples.js'
import { buildNameIndex } from '../names.js'
import { lanaudiere2026 } from '../profile/lanaudiere-2026.js'
import { blocksCell, parseBlocksCell, parseScheduleCell, parseTextListCell, scheduleCell, textListCell } from './cell-text.js'

describe('the form’s cell codecs', () => {
  it('read back what they write, for every schedule, result list and block list of the real plans', () => {
    let checked = 0
    for (const make of Object.values(examplePlans)) {
      const plan = make()
      for (const axis of plan.axes) {
        if (axis.description) expect(parseBlocksCell(blocksCell(axis.description)), String(++checked)).toEqual(axis.description)
        for (const objective of axis.objectives)
          for (const row of objective.rows) {
            if (row.schedule) expect(parseScheduleCell(scheduleCell(row.schedule)), String(++checked)).toEqual(row.schedule.map((block) => ({ yearsRaw: block.years.raw, steps: block.steps })))
            if (row.results) expect(parseTextListCell(textListCell(row.results.map((result) => result.text))), String(++checked)).toEqual(row.results.map((result) => result.text))
            for (const action of row.actions) if (action.content) expect(parseBlocksCell(blocksCell(action.content)), String(++checked)).toEqual(action.content)
          }
      }
    }
    expect(checked).toBeGreaterThan(40)
  })

  it('read a schedule as a coordinator types it: a year line, plain steps, numbered steps with items', () => {
    expect(parseScheduleCell('An 6\nFaire le bilan\nAn 7\n1. Rédiger\n   – le plan\n2. Déposer')).toEqual([
      { yearsRaw: 'An 6', steps: [{ text: 'Faire le bilan' }] },
      { yearsRaw: 'An 7', steps: [{ number: 1, text: 'Rédiger', items: ['le plan'] }, { number: 2, text: 'Déposer' }] },
    ])
    expect(parseTextListCell('Premier résultat\n\nSecond résultat')).toEqual(['Premier résultat', 'Second résultat'])
    expect(parseTextListCell('• Un résultat\nsur deux lignes\n• Un autre')).toEqual(['Un résultat\nsur deux lignes', 'Un autre'])
  })
})

describe('names written in cells', () => {
  const plan = examplePlans.crevale2026()
  const index = buildNameIndex(plan.participants!.entries, lanaudiere2026.partnerGroups)
  const idOf = (name: string) => plan.participants!.entries.find((entry) => entry.name === name)!.id

  it('resolve by abbreviation when exactly one participant fits, and by case and accents', () => {
    expect(index.resolve('CSS des Samares')).toEqual({ participant: idOf('Centre de services scolaire des Samares') })
    expect(index.resolve('crevale')).toBeDefined()
    expect(index.resolve('CENTRE DE SERVICES SCOLAIRE DES SAMARES')).toEqual({ participant: idOf('Centre de services scolaire des Samares') })
  })

  it('leave an ambiguous name unresolved and give its candidates, closest first', () => {
    expect(index.resolve('Carrefour jeunesse-emploi')).toBeUndefined()
    const candidates = index.candidates('Carrefour jeunesse-emploi').map((candidate) => candidate.name)
    expect(candidates.length).toBeGreaterThan(1)
    expect(candidates.every((name) => name.startsWith('Carrefour jeunesse-emploi'))).toBe(true)
    expect(index.candidates('Organisme inconnu')).toEqual([])
  })
})
