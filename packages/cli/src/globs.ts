import { isAbsolute } from 'node:path'
import { glob, isDynamicPattern } from 'tinyglobby'

/** Plain paths stay as given (a missing file is reported later); patterns expand, sorted, once each. */
export async function expandGlobs(args: readonly string[]): Promise<string[]> {
  const files: string[] = []
  for (const arg of args) {
    if (!isDynamicPattern(arg)) files.push(arg)
    else files.push(...(await glob(arg, { onlyFiles: true, expandDirectories: false, absolute: isAbsolute(arg) })).sort())
  }
  return [...new Set(files)]
}
