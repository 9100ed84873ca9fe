import { accessSync, constants, statSync } from 'node:fs'
import { RenderError } from '../errors.js'

/** The flags a headless Chromium needs on a closed, root-run machine; no download of its own browser. */
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync']
const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable']

/**
 * The Chromium to use: the one given, else $CHROMIUM_PATH, else a system one; undefined when there is none.
 * A path someone chose that leads to no program is a RenderError, not a quiet fall back to pdfkit: the person
 * who set it expects Chromium's PDF and would otherwise get another layout without knowing why.
 */
export function findChromium(path?: string): string | undefined {
  const chosen = path ?? (process.env.CHROMIUM_PATH || undefined)
  if (chosen !== undefined) {
    const problem = whyNotRunnable(chosen)
    if (problem) throw chromiumNotFound(chosen, path === undefined, problem)
    return chosen
  }
  return CANDIDATES.find((candidate) => whyNotRunnable(candidate) === undefined)
}

type NotRunnable = 'missing' | 'folder' | 'not-executable'

function whyNotRunnable(path: string): NotRunnable | undefined {
  try {
    if (statSync(path).isDirectory()) return 'folder'
    accessSync(path, constants.X_OK)
    return undefined
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EACCES' ? 'not-executable' : 'missing'
  }
}

const REASONS: Record<NotRunnable, { fr: string; en: string }> = {
  missing: { fr: 'aucun fichier n’existe à cet endroit', en: 'no file exists there' },
  folder: { fr: 'c’est un dossier, pas un programme', en: 'it is a folder, not a program' },
  'not-executable': { fr: 'le fichier n’est pas exécutable', en: 'the file is not executable' },
}

function chromiumNotFound(path: string, fromEnvironment: boolean, problem: NotRunnable): RenderError {
  const reason = REASONS[problem]
  const source = fromEnvironment ? { fr: 'CHROMIUM_PATH désigne', en: 'CHROMIUM_PATH points to' } : { fr: 'Le chemin de Chromium donné désigne', en: 'The Chromium path given points to' }
  return new RenderError('chromium-not-found', {
    fr: `${source.fr} « ${path} », mais ${reason.fr}. Corrigez le chemin ou retirez la variable pour utiliser le Chromium du système, ou la mise en page sans Chromium (pdfkit).`,
    en: `${source.en} "${path}", but ${reason.en}. Fix the path, or unset it to use the system's Chromium or the layout without Chromium (pdfkit).`,
  })
}

interface Page {
  setContent(html: string, options: { waitUntil: 'load' }): Promise<void>
  pdf(options: Record<string, unknown>): Promise<Uint8Array>
  close(): Promise<void>
}
interface Browser {
  newPage(): Promise<Page>
  close(): Promise<void>
}

/**
 * A Chromium kept open between renders (a warm PDF costs a page load and a print, not a browser start).
 * playwright-core is an optional peer dependency: without it, or without a Chromium, `open` gives undefined.
 */
export class ChromiumPrinter {
  private constructor(private readonly browser: Browser) {}

  static async open(executablePath?: string): Promise<ChromiumPrinter | undefined> {
    const path = findChromium(executablePath)
    if (!path) return undefined
    let playwright: { chromium: { launch(options: Record<string, unknown>): Promise<Browser> } }
    try {
      playwright = (await import('playwright-core')) as unknown as typeof playwright
    } catch {
      return undefined
    }
    return new ChromiumPrinter(await playwright.chromium.launch({ executablePath: path, args: FLAGS }))
  }

  /** Prints a standalone HTML page to a tagged PDF with the page's own @page sizes; dates set to `date`. */
  async print(html: string, date: Date): Promise<Uint8Array> {
    const page = await this.browser.newPage()
    try {
      await page.setContent(html, { waitUntil: 'load' })
      const pdf = await page.pdf({ tagged: true, outline: true, preferCSSPageSize: true, printBackground: true })
      return stampDates(new Uint8Array(pdf), date)
    } finally {
      await page.close()
    }
  }

  close(): Promise<void> {
    return this.browser.close()
  }
}

/** Replaces the PDF's creation and modification dates in place (same length, so offsets stay valid). */
function stampDates(pdf: Uint8Array, date: Date): Uint8Array {
  const text = new TextDecoder('latin1').decode(pdf)
  const stamp = `D:${date.toISOString().replace(/[-:T]/g, '').slice(0, 14)}+00'00'`
  const replaced = text.replace(/\/(CreationDate|ModDate) \(D:\d{14}[^)]*\)/g, (whole, key: string) => {
    const value = `/${key} (${stamp})`
    return value.length === whole.length ? value : whole
  })
  const out = new Uint8Array(replaced.length)
  for (let i = 0; i < replaced.length; i++) out[i] = replaced.charCodeAt(i)
  return out
}
