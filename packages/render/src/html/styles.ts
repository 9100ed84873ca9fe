import type { Theme } from '../context.js'

/**
 * The stylesheet of rendered plans and reports, for screen and print: letter pages, landscape pages for
 * the plan tables, repeated table headers, headings kept with what follows, "Page n de N" in the margin.
 */
export function stylesheet(theme: Theme, pageLabel: { page: string; of: string }): string {
  return `
.demarche { color: ${theme.text}; font-family: "DejaVu Sans", "Noto Sans", Arial, sans-serif; font-size: 10.5pt; line-height: 1.4; max-width: 75rem; margin: 0 auto; padding: 1rem; }
.demarche h1 { color: ${theme.primary}; font-size: 1.9em; margin: 0.2em 0 0.6em; }
.demarche h2 { color: ${theme.primary}; font-size: 1.35em; margin: 1.6em 0 0.5em; border-bottom: 2px solid ${theme.primary}; padding-bottom: 0.15em; }
.demarche h3 { color: ${theme.primary}; font-size: 1.1em; margin: 1.2em 0 0.4em; }
.demarche h1, .demarche h2, .demarche h3, .demarche caption { break-after: avoid; page-break-after: avoid; }
.demarche .prompt { font-style: italic; color: #3d3d3d; }
.demarche .organisation { font-weight: bold; color: ${theme.primary}; margin: 0; }
.demarche .logo { max-height: 4rem; }
.demarche dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 0.2em 1em; margin: 0 0 1em; }
.demarche dl.facts dt { font-weight: bold; }
.demarche dl.facts dd { margin: 0; }
.demarche .produced { font-size: 0.9em; color: #3d3d3d; }
.demarche table { border-collapse: collapse; width: 100%; margin: 0.5em 0 1.5em; font-size: 0.92em; }
.demarche caption { caption-side: top; text-align: left; font-weight: bold; color: ${theme.primary}; padding: 0.3em 0; }
.demarche th, .demarche td { border: 1px solid #8a99a8; padding: 0.35em 0.45em; vertical-align: top; text-align: left; }
.demarche thead th { background: ${theme.tint}; color: ${theme.primary}; }
.demarche tbody th { background: #f7f9fb; font-weight: normal; }
.demarche tbody th .objective-label { display: block; font-weight: bold; color: ${theme.primary}; }
.demarche ul.notes { list-style: none; padding-left: 0; font-size: 0.9em; }
.demarche thead { display: table-header-group; }
.demarche td p, .demarche th p { margin: 0 0 0.4em; }
.demarche td ol, .demarche td ul { margin: 0 0 0.4em; padding-left: 1.3em; }
.demarche th.number, .demarche td.number { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.demarche .status-complete { color: #1d6b2f; }
.demarche .status-partial { color: #7a4d00; }
.demarche .status-missing { color: #a4161a; }
.demarche .finding-error::before { content: "✖ "; }
.demarche .finding-warning::before { content: "▲ "; }
.demarche .finding-info::before { content: "ℹ "; }
.demarche a { color: ${theme.primary}; }
.demarche a[href^="http"] { display: inline-block; min-height: 24px; line-height: 24px; overflow-wrap: anywhere; }
.demarche nav.toc li { margin: 0 0 0.3em; }
.demarche nav.toc a, .demarche .skip { display: inline-block; min-height: 24px; line-height: 24px; }
.demarche .skip { position: absolute; left: -999px; }
.demarche .visually-hidden { position: absolute; width: 1px; height: 1px; padding: 0; margin: -1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0; }
.demarche .skip:focus { left: 1rem; }
@page { size: letter; margin: 16mm 14mm 18mm; @bottom-right { content: "${pageLabel.page} " counter(page) " ${pageLabel.of} " counter(pages); font-family: "DejaVu Sans", Arial, sans-serif; font-size: 8.5pt; color: #3d3d3d; } }
@page plan { size: letter landscape; margin: 12mm 12mm 16mm; }
@media print {
  .demarche { max-width: none; padding: 0; font-size: 9.5pt; }
  .demarche .axis { page: plan; }
  /* The closing line repeats the first page's "produced" line; printed after the last landscape table it made a page of its own. */
  .demarche nav.toc, .demarche .skip, .demarche > footer { display: none; }
  .demarche a { color: inherit; text-decoration: none; }
  .demarche tr { break-inside: auto; }
}
`.trim()
}
