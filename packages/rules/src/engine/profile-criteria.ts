import { levelWords, type Profile } from '@demarche/domain'
import type { Bilingual } from './report.js'
import type { ResolvedCriterion } from './ruleset.js'

/**
 * The rule set's criteria for one profile: a criterion about parts of the profile (`about`) that no rule set
 * names is named in the profile's words ("Orientations, stratégies et gestes", "Porteur et alliés"), and left
 * out when the profile has none of its parts, so that a region's report lists only its own grid.
 */
export function criteriaInProfileWords(criteria: readonly ResolvedCriterion[], profile: Profile | undefined): ResolvedCriterion[] {
  if (!profile) return criteria.map(withoutAbout)
  const result: ResolvedCriterion[] = []
  for (const criterion of criteria) {
    if (!criterion.about) {
      result.push(criterion)
      continue
    }
    const { sections = [], columns = [], levels = false } = criterion.about
    const names: Bilingual[] = []
    if (levels)
      for (const key of ['axis', 'objective', 'action'] as const)
        if (profile.levels[key].presence !== 'absent') names.push(levelWords(profile.levels[key]).plural)
    const presentSections = sections.filter((key) => profile.sections[key].presence !== 'absent')
    for (const key of presentSections) names.push(bilingual(profile.sections[key].label))
    for (const key of columns) if (profile.columns[key].presence !== 'absent') names.push(bilingual(profile.columns[key].label))
    if (names.length === 0) continue
    const { about: _about, ...rest } = criterion
    const named: ResolvedCriterion = { ...rest, label: { fr: phrase(names.map((name) => name.fr), 'et'), en: phrase(names.map((name) => name.en), 'and') } }
    // The form's question, when the criterion is one question of the form and the profile prints it.
    const prompt = presentSections.length === 1 ? profile.sections[presentSections[0]!].prompt : undefined
    if (prompt) named.question = bilingual(prompt)
    result.push(named)
  }
  return result
}

function withoutAbout(criterion: ResolvedCriterion): ResolvedCriterion {
  if (!criterion.about) return criterion
  const { about: _about, ...rest } = criterion
  return rest
}

/** "Orientations, stratégies et gestes": the first name capitalised, the others in lower case unless they are acronyms. */
function phrase(names: readonly string[], and: string): string {
  const words = names.map((name, index) => (index === 0 ? capitalise(name) : /^\p{Lu}\p{Ll}/u.test(name) ? name.charAt(0).toLowerCase() + name.slice(1) : name))
  return words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} ${and} ${words.at(-1)}`
}

function bilingual(text: { fr: string; en?: string }): Bilingual {
  return { fr: text.fr, en: text.en ?? text.fr }
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}
