// Primitives
export { Id, Text, LocalizedText, Cents, IsoDate, FiscalYear, PlanYear, Notation, ListItem, Paragraph, List, Block, Blocks } from './common.js'
export type { NotationOf } from './common.js'
export { DomainError } from './errors.js'
export type { Issue } from './errors.js'
export { localize, interpolate, isLocale } from './locale.js'
export type { Locale } from './locale.js'

// Notations: raw text beside the parsed value
export { YearSpec, YearSpecValue, parseYearSpec } from './notation/year-spec.js'
export { Amount, AmountValue, parseAmount } from './notation/amount.js'
export {
  OrganisationList, OrganisationListValue, ListedName, NameReference, PlaceholderKind, parseOrganisationList,
  Contacts, ContactsValue, parseContacts,
} from './notation/organisation-list.js'
export { DateNotation, parseDate, findDate } from './notation/french-date.js'
export { BudgetCell, BudgetCellValue, BudgetPart, BudgetLineRef, BudgetAmount, BudgetText, parseBudgetCell, budgetCellAmounts } from './notation/budget-cell.js'
export type { BudgetCellAmount } from './notation/budget-cell.js'
export { foldText, squashSpaces } from './notation/text.js'

// Profiles (form editions as data)
export {
  Profile, Level, Column, ColumnKey, COLUMN_KEYS, Section, SectionKey, SECTION_KEYS, Presence, Numbering,
  VocabularyEntry, ProfileBudgetLine, YearScheme, YearNotation, LevelGrammar, PlanTerms,
} from './profile/profile.js'
export type { PlanTermKey } from './profile/profile.js'
export { planTerms } from './profile/terms.js'
export type { PlanTermWords } from './profile/terms.js'
export { lanaudiere2026 } from './profile/lanaudiere-2026.js'
export { lanaudiere2021 } from './profile/lanaudiere-2021.js'
export { generic } from './profile/generic.js'
export { crevaleServiceOffer } from './profile/crevale-service-offer.js'
export { builtinProfiles, findProfile } from './profile/registry.js'

// The plan document
export { PlanDocument, ProfileRef, PLAN_SCHEMA_VERSION } from './plan/plan-document.js'
export { PlanMetadata, PlanStatus, PlanPeriod, Programme, ChantierRef } from './plan/metadata.js'
export { Note } from './plan/note.js'
export { Participants, Participation, ParticipantKind } from './plan/participants.js'
export { Preparation, PreparationStep, NumberedText, Complementarity, PriorityResponse, NarrativeSection } from './plan/narrative.js'
export { Axis, Objective, Row, Action, ExpectedResult, Indicator, ScheduleBlock, ScheduleStep } from './plan/table.js'
export { FinancialPlan, FinancialLine, FundingSource, InKindContribution, YearAmount } from './plan/financial-plan.js'

// Working with plans
export { validatePlan } from './validate.js'
export { XML_FORBIDDEN, xmlSafe, forbiddenCharacterIssues, jsonMayHoldForbidden } from './xml-text.js'
export { issuesFromSchemaErrors } from './validation-messages.js'
export type { SchemaError } from './validation-messages.js'
export type { ValidationResult, ValidateOptions } from './validate.js'
export { preparePlan, notationsAreCurrent } from './prepare.js'
export { planSchemaFor, planJsonSchema } from './schema.js'
/**
 * The one walker of a plan: `visitPlan(plan, profile, visitor)` calls the visitor at every node that carries
 * an id, every text the chantier wrote and every notation, in document order, each with its JSON Pointer, its
 * kind and its label for people. `walkPlan`, `rowsOf` and `textsOf` collect parts of that walk. Every label
 * a reader sees ("Axe 2, objectif 1 — Budget", "Étape 14 de la préparation") comes from `placeNames`.
 */
export { visitPlan, walkPlan, rowsOf, textsOf, ID_PREFIXES } from './walk.js'
export type {
  PlanVisitor, NodeVisit, NodeKind, FormNodeVisit, PlanVisit, AxisVisit, ObjectiveVisit, RowVisit, ActionVisit, TextVisit,
  NotationVisit,
} from './walk.js'
export { placeNames, labelAt, isRowPointer } from './labels.js'
export { levelWords } from './level-words.js'
export type { LevelWords } from './level-words.js'
export type { PlaceNames, PlaceLabel, TablePlace } from './labels.js'
/** The order of a plan's keys, per parent key, read from the `PlanDocument` schema (findings sort by it). */
export { PLAN_KEY_ORDER, keyRank } from './key-order.js'
export { buildNameIndex, participantKeys, splitAcronym, matchStandardEffect } from './names.js'
export type { NameIndex, NameCandidate } from './names.js'
export { newId, derivedId } from './ids.js'
export { pointerOf, joinPointer, parsePointer, resolvePointer, pointerResolves } from './pointer.js'
export { sourceLocator } from './source-location.js'
export type { SourceRegion } from './source-location.js'

// Calendar and money
export { fiscalYearOf, planYearOfFiscalYear, planYearOfDate, planYearOfText, formatPlanYear } from './calendar.js'
export type { FiscalYearSpan } from './calendar.js'
export { formatMoney, formatInteger, parseMoney } from './money.js'
export type { MoneyFormat } from './money.js'
export {
  BudgetLinePatch,
  loadProfileText,
  mergeProfile,
  parseRef,
  ProfileFile,
  profileFileJsonSchema,
  profileRef,
  resolveProfileFile,
  VersionedRef,
  VocabularyPatch,
  type ProfileLoad,
} from './profile/profile-file.js'
export { locatedIn, placeOf, readSourceText, type LocatedIssue, type SourcePosition, type SourceRead } from './source-text.js'

// The XLSX form's layout, shared by the blank form, the plan rendered as a workbook and the importer
export { SHEET_NAMES, FORM_WORDS, DOCUMENT_FIELDS, HIDDEN_HEADINGS } from './form/form-words.js'
export type { FormLanguage, FormSheetKey, DocumentField } from './form/form-words.js'
export { cellReference, documentFieldLabels, DOCUMENT_FIELD_POINTERS, formColumns, formerParticipantColumns, formSheets, mostPrecise } from './form/plan-form.js'
export type { FormColumn, FormPlaces, FormSheet, PlanColumnKey } from './form/plan-form.js'
export { textListCell, parseTextListCell, numberedCell, parseNumberedCell, blocksCell, parseBlocksCell, scheduleCell, parseScheduleCell } from './form/cell-text.js'
