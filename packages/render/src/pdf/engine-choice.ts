/**
 * Rows up to which `auto` prints a plan with Chromium. Chromium's table layout grows faster than the plan,
 * pdfkit's in step with it (docs/performance.md); beyond this a plan is laid out by pdfkit, so that a large
 * plan's PDF takes seconds, not minutes of a browser.
 */
export const CHROMIUM_MAX_ROWS = 500

/** Whether `auto` gives this plan to Chromium (see CHROMIUM_MAX_ROWS). Reads any JSON: a plan not yet checked counts as it stands. */
export function chromiumSuits(plan: unknown): boolean {
  let rows = 0
  const count = (objectives: unknown) => {
    if (Array.isArray(objectives)) for (const objective of objectives) rows += ((objective as { rows?: unknown } | null)?.rows as unknown[] | undefined)?.length ?? 0
  }
  const axes = (plan as { axes?: unknown } | null)?.axes
  if (Array.isArray(axes)) for (const axis of axes) count((axis as { objectives?: unknown } | null)?.objectives)
  // A plan without an axis level holds its objectives directly.
  count((plan as { objectives?: unknown } | null)?.objectives)
  return rows <= CHROMIUM_MAX_ROWS
}
