import { builtinProfiles, type Profile, profileRef } from '@demarche/domain'
import { builtinRuleSets, type Engine, type RuleSetDefinition, ruleSetKey, summarizeRuleSet } from '@demarche/rules'
import type { Registry } from '../../services/registry.js'

/** Where a definition comes from, and when it was registered. */
function originOf(registry: Registry, kind: 'profile' | 'rule-set', ref: string, builtin: boolean) {
  const registration = builtin ? undefined : registry.registration(kind, ref)
  return registration ? { origin: 'registered' as const, registeredAt: registration.registeredAt.toISOString() } : { origin: 'built-in' as const }
}

/** A profile as the API gives it: the whole profile, built-in or registered. */
export function profileEntry(registry: Registry, profile: Profile) {
  return { ...profile, ...originOf(registry, 'profile', profileRef(profile), builtinProfiles.includes(profile)) }
}

/** A rule set as the API gives it: its `extends` chain applied by the engine, built-in or registered. */
export function ruleSetEntry(registry: Registry, engine: Engine, definition: RuleSetDefinition) {
  const ref = ruleSetKey(definition)
  return { ...summarizeRuleSet(engine.resolve(ref)), ...originOf(registry, 'rule-set', ref, builtinRuleSets.includes(definition)) }
}
