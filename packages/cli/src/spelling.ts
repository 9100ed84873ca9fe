import type { Engine, SpellChecker, Stage } from '@demarche/rules'

/**
 * The French spelling checker when the evaluation of `document` will use it, loaded on first need: the
 * dictionary takes a noticeable moment and memory (docs/performance.md), and its module reads its files as
 * soon as it is imported, so neither happens for a command, a file or a rule set that has no use for it — a
 * document that names no profile (only its shape is judged), a rule set that turns the rule off at this stage.
 */
export async function spellCheckerFor(engine: Engine, document: unknown, options: { ruleSet?: string; stage: Stage }): Promise<SpellChecker | undefined> {
  if (!usesSpelling(engine, document, options)) return undefined
  const { loadFrenchSpelling } = await import('@demarche/rules/spelling')
  return loadFrenchSpelling()
}

function usesSpelling(engine: Engine, document: unknown, options: { ruleSet?: string; stage: Stage }): boolean {
  const profileId = (document as { profile?: { id?: unknown } } | null)?.profile?.id
  if (typeof profileId !== 'string') return false
  let ruleSet
  try {
    ruleSet = engine.resolve(options.ruleSet ?? engine.defaultRuleSet(profileId))
  } catch {
    // A rule set that does not load is the evaluation's to report.
    return false
  }
  const spelling = ruleSet.rules.find((config) => config.rule.id === 'spelling')
  return spelling !== undefined && (options.stage === 'draft' ? spelling.draft : spelling.severity) !== 'off'
}
