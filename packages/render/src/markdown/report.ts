import { formatMarkdown } from '@demarche/rules/format'
import { languageOf, type RenderContext } from '../context.js'
import { typeset } from '../typography.js'
import { anchorOf, type ReportInput, reportView } from '../view/report-view.js'

/**
 * An evaluation report in GitHub-flavoured Markdown: the rules package's Markdown report (the one
 * `demarche lint --format markdown` prints), titled by the plan, typeset, dated, with links into the plan.
 */
export function reportMarkdown(input: ReportInput, context: RenderContext): string {
  const french = context.locale === 'fr-CA'
  const view = reportView(input, context)
  const { plan, planHref } = input
  const subject = plan?.metadata.title ?? input.report.plan.id
  return formatMarkdown(input.report, {
    locale: languageOf(context),
    ...(subject && { subject: typeset(subject, french, context.typography) }),
    typeset: (text) => typeset(text, french, context.typography),
    produced: view.produced,
    // A place links into the plan only where the plan is (a standalone report has none of its anchors).
    ...(plan && planHref !== undefined && {
      href: (finding) => {
        const anchor = anchorOf(plan, finding.expected ?? finding.pointer)
        return anchor ? `${planHref}#${anchor}` : undefined
      },
    }),
  })
}
