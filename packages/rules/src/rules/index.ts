import { validDocument } from '../engine/valid-document.js'
import type { AnyRule } from '../engine/rule.js'
import amountsHaveCurrencyAndYear from './amounts-have-currency-and-year.js'
import approvalBeforeDeposit from './approval-before-deposit.js'
import axesHaveObjectives from './axes-have-objectives.js'
import budgetAmountPerYear from './budget-amount-per-year.js'
import budgetLinesResolve from './budget-lines-resolve.js'
import budgetReconciles from './budget-reconciles.js'
import complementarityDescribed from './complementarity-described.js'
import complementarityLocalAndRegional from './complementarity-local-and-regional.js'
import crossReferencesResolve from './cross-references-resolve.js'
import fiduciaryAmongParticipants from './fiduciary-among-participants.js'
import followUpDetail from './follow-up-detail.js'
import followUpExplained from './follow-up-explained.js'
import indicatorsOptional from './indicators-optional.js'
import levelNumbering from './level-numbering.js'
import namesResolve from './names-resolve.js'
import noEmptyText from './no-empty-text.js'
import noMixedScripts from './no-mixed-scripts.js'
import noPlaceholderNames from './no-placeholder-names.js'
import noPlaceholderText from './no-placeholder-text.js'
import noRepeatedWords from './no-repeated-words.js'
import noStrayMarkup from './no-stray-markup.js'
import objectivesHaveMeans from './objectives-have-means.js'
import participantsNamed from './participants-named.js'
import preparationChronological from './preparation-chronological.js'
import preparationEndsWithDeposit from './preparation-ends-with-deposit.js'
import preparationStepsPresented from './preparation-steps-presented.js'
import punctuationSpacing from './punctuation-spacing.js'
import resultsRelateToEffects from './results-relate-to-effects.js'
import { rowHasBudget, rowHasPartners, rowHasResponsible, rowHasResults, rowHasSchedule } from './row-cell-present.js'
import spelling from './spelling.js'
import scheduleBlocksComplete from './schedule-blocks-complete.js'
import scheduleWithinPeriod from './schedule-within-period.js'
import scheduleYearsReadable from './schedule-years-readable.js'
import stepNumbering from './step-numbering.js'
import transversalPrioritiesAnswered from './transversal-priorities-answered.js'

/** Every rule shipped with the engine, in catalogue order (by criterion, then as a reviewer reads). */
export const builtinRules: readonly AnyRule[] = [
  validDocument,
  participantsNamed,
  fiduciaryAmongParticipants,
  preparationStepsPresented,
  preparationChronological,
  preparationEndsWithDeposit,
  approvalBeforeDeposit,
  followUpExplained,
  followUpDetail,
  complementarityDescribed,
  complementarityLocalAndRegional,
  transversalPrioritiesAnswered,
  axesHaveObjectives,
  objectivesHaveMeans,
  levelNumbering,
  rowHasResponsible,
  rowHasPartners,
  namesResolve,
  noPlaceholderNames,
  rowHasResults,
  resultsRelateToEffects,
  indicatorsOptional,
  rowHasSchedule,
  scheduleBlocksComplete,
  scheduleYearsReadable,
  scheduleWithinPeriod,
  stepNumbering,
  rowHasBudget,
  budgetLinesResolve,
  budgetAmountPerYear,
  amountsHaveCurrencyAndYear,
  budgetReconciles,
  crossReferencesResolve,
  noPlaceholderText,
  noRepeatedWords,
  spelling,
  noMixedScripts,
  noStrayMarkup,
  punctuationSpacing,
  noEmptyText,
]
