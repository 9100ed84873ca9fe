import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { authorize } from '../policy.js'
import type { CatalogService } from '../services/catalog.js'
import type { RegistrationsService } from '../services/registrations.js'
import type { Registry } from '../services/registry.js'
import type { AssessmentsService } from '../services/assessments.js'
import type { PlansService } from '../services/plans.js'
import { getAssessment } from './assessments/get.js'
import { getAssessmentLetter } from './assessments/letter.js'
import { putAssessment } from './assessments/put.js'
import { createApiKey } from './api-keys/create.js'
import { listApiKeys } from './api-keys/list.js'
import { revokeApiKey } from './api-keys/revoke.js'
import { listAudit } from './audit/list.js'
import { createChantier } from './chantiers/create.js'
import { listChantiers } from './chantiers/list.js'
import { createComment } from './comments/create.js'
import { listComments } from './comments/list.js'
import { resolveComment } from './comments/resolve.js'
import type { Printer } from './documents/formats.js'
import { getPlanDocument } from './documents/plan-document.js'
import { getPlanReport } from './documents/plan-report.js'
import { getBlankForm } from './imports/blank-form.js'
import { importPlan } from './imports/import-plan.js'
import { importPlanVersion } from './imports/import-plan-version.js'
import { evaluatePlan } from './evaluations/create.js'
import { evaluateDocument } from './evaluations/evaluate-document.js'
import { listEvaluations } from './evaluations/list.js'
import { createOrganisation } from './organisations/create.js'
import { listOrganisations } from './organisations/list.js'
import { createPlan } from './plans/create.js'
import { getPlan } from './plans/get.js'
import { listPlans } from './plans/list.js'
import { patchPlan } from './plans/patch.js'
import { replacePlan } from './plans/replace.js'
import { getProfile } from './profiles/get.js'
import { listProfiles } from './profiles/list.js'
import { registerProfile } from './profiles/register.js'
import { createProgramme } from './programmes/create.js'
import { getRuleSet } from './rule-sets/get.js'
import { registerRuleSet } from './rule-sets/register.js'
import { listProgrammes } from './programmes/list.js'
import { listRuleSets } from './rule-sets/list.js'
import { getPlanVersion } from './versions/get.js'
import { listPlanVersions } from './versions/list.js'
import { transitionPlan } from './workflow/transition.js'
import { listPlanTransitions } from './workflow/history.js'

export interface V1Options {
  plans: PlansService
  assessments: AssessmentsService
  catalog: CatalogService
  registry: Registry
  registrations: RegistrationsService
  printer: Printer
}

/** Operations on a plan and what hangs from it, under `/v1/plans`. */
const PLAN_OPERATIONS: Array<FastifyPluginAsyncTypebox<{ plans: PlansService; assessments: AssessmentsService; printer: Printer }>> = [listPlans, createPlan, getPlan, replacePlan, patchPlan, listPlanVersions, getPlanVersion, transitionPlan, listPlanTransitions, listComments, createComment, resolveComment, listEvaluations, evaluatePlan, getPlanDocument, getPlanReport, getAssessment, putAssessment, getAssessmentLetter, importPlan, importPlanVersion]

/** Reference data anyone may read, under `/v1`. */
const REFERENCE_READS: Array<FastifyPluginAsyncTypebox<{ catalog: CatalogService; registry: Registry }>> = [listProfiles, getProfile, getBlankForm, listRuleSets, getRuleSet, listProgrammes, listChantiers, listOrganisations]

/** Writes to reference data, access and the audit log, under `/v1`: each asks the policy itself. */
const CATALOG_OPERATIONS = [createProgramme, createChantier, createOrganisation, listApiKeys, createApiKey, revokeApiKey, listAudit]

/** Registrations of profiles and rule sets (admin), each in a scope of its own (it reads YAML bodies too). */
const REGISTRATIONS: Array<FastifyPluginAsyncTypebox<{ registry: Registry; registrations: RegistrationsService }>> = [registerProfile, registerRuleSet]

/** `/v1`: every operation, one plugin each (a folder per resource, a file per operation). */
export const v1Routes: FastifyPluginAsyncTypebox<V1Options> = async (v1, { plans, assessments, catalog, registry, registrations, printer }) => {
  await v1.register(
    async (scope) => {
      for (const operation of PLAN_OPERATIONS) await scope.register(operation, { plans, assessments, printer })
    },
    { prefix: '/plans' },
  )
  await v1.register(evaluateDocument, { registry })
  await v1.register(async (scope) => {
    scope.addHook('onRequest', async (request) => authorize(request.principal, 'reference.read'))
    for (const operation of REFERENCE_READS) await scope.register(operation, { catalog, registry })
  })
  for (const operation of CATALOG_OPERATIONS) await v1.register(operation, { catalog })
  for (const operation of REGISTRATIONS) await v1.register(operation, { registry, registrations })
}
