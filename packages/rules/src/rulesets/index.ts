import type { RuleSetDefinition } from '../engine/ruleset.js'
import { genericRuleSet } from './generic.js'
import { lanaudiere2021RuleSet } from './lanaudiere-2021.js'
import { lanaudiere2026RuleSet } from './lanaudiere-2026.js'

export const builtinRuleSets: readonly RuleSetDefinition[] = [lanaudiere2026RuleSet, lanaudiere2021RuleSet, genericRuleSet]
export { genericRuleSet, lanaudiere2021RuleSet, lanaudiere2026RuleSet }
