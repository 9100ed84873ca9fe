import { foldText, type NameIndex, type NameReference, type Participation } from '@demarche/domain'
import { defineRule } from '../engine/rule.js'

export default defineRule({
  id: 'names-resolve',
  meta: {
    criterion: 'responsibility',
    docs: {
      fr: 'Chaque organisme nommé responsable ou partenaire figure parmi les participants ou les groupes partenaires déclarés (sans égard aux accents, à la casse ni à la différence entre un nom et son sigle).',
      en: 'Each organisation named responsible or partner is among the participants or the declared partner groups (regardless of accents, case, and of a name versus its acronym).',
    },
    serves: { fr: 'Cohérence : responsables et partenaires se rattachent aux participants ou à des groupes déclarés.', en: 'Coherence: responsible and partner names resolve to participants or declared groups.' },
    messages: {
      unknown: {
        fr: '« {name} » ne figure ni parmi les participants ni parmi les groupes partenaires déclarés.',
        en: '"{name}" is neither among the participants nor among the declared partner groups.',
      },
    },
    defaultSeverity: 'warning',
  },
  create({ plan, profile, names, examine, report }) {
    return {
      row({ row, pointer }) {
        for (const column of ['responsible', 'partners'] as const) {
          const list = row[column]?.value
          if (!list || profile.columns[column].presence === 'absent') continue
          const cell = `${pointer}/${column}`
          examine(cell)
          for (const name of list.names) {
            if (name.placeholder || name.ref) continue
            for (const unknown of unknownRuns(name.text, names)) {
              const suggestion = closestParticipant(unknown, (plan.participants?.entries ?? []))
              report('unknown', {
                pointer: cell,
                data: { name: unknown },
                ...(suggestion && {
                  suggestion: { fr: `Voulez-vous dire « ${suggestion} » ?`, en: `Did you mean "${suggestion}"?` },
                }),
              })
            }
          }
        }
      },
    }
  },
})

/**
 * The parts of a name that match nothing known. Text that runs several names together ("UQTR Cégep CERESO
 * CREVALE CRUL") is split so that known names are kept out and only the unknown words are reported.
 */
function unknownRuns(text: string, names: NameIndex): string[] {
  const words = text.trim().split(/\s+/)
  // cost[i]: fewest unknown words to cover words[0, i); known[i]: whether the piece ending at i is a known name.
  const cost: number[] = [0]
  const from: number[] = [0]
  const known: boolean[] = [false]
  for (let end = 1; end <= words.length; end++) {
    cost[end] = cost[end - 1]! + 1
    from[end] = end - 1
    known[end] = false
    for (let start = 0; start < end; start++) {
      const ref: NameReference | undefined = names.resolve(words.slice(start, end).join(' '))
      if (ref && cost[start]! < cost[end]!) {
        cost[end] = cost[start]!
        from[end] = start
        known[end] = true
      }
    }
  }
  const runs: string[] = []
  let pending: string[] = []
  for (let end = words.length; end > 0; end = from[end]!) {
    if (known[end]) {
      if (pending.length > 0) runs.unshift(pending.join(' '))
      pending = []
    } else pending.unshift(words[end - 1]!)
  }
  if (pending.length > 0) runs.unshift(pending.join(' '))
  return runs.map((run) => run.replace(/^[-–,;]+\s*|\s*[-–,;]+$/g, '')).filter((run) => /\p{L}/u.test(run))
}

function closestParticipant(text: string, participants: readonly Participation[]): string | undefined {
  const wanted = wordsOf(text)
  if (wanted.size === 0) return undefined
  let best: { name: string; score: number } | undefined
  for (const participant of participants) {
    const words = wordsOf(participant.name)
    const shared = [...wanted].filter((word) => words.has(word)).length
    const score = shared / Math.max(wanted.size, words.size)
    if (score >= 0.5 && (!best || score > best.score)) best = { name: participant.name, score }
  }
  return best?.name
}

function wordsOf(text: string): Set<string> {
  return new Set(foldText(text).split(/[^a-z0-9]+/).filter((word) => word.length > 2 && !['des', 'les', 'du', 'de'].includes(word)))
}
