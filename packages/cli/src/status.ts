import type { Locale } from '@demarche/domain'
import type { Io } from './io.js'
import { messages, type Stage } from './messages.js'

/** Plans from this size on take seconds to lay out (a DOCX of 10,000 rows, a PDF through Chromium): their stages are shown. */
export const LARGE_PLAN_BYTES = 1_000_000

/**
 * One line on a terminal saying what a long command is doing and for how long, redrawn in place and erased at
 * the end; nothing at all when the output is not a terminal (a pipe, a CI log) or the work is small. The line
 * is drawn at each stage, since a stage that computes without pause (a DOCX layout) gives no timer a chance
 * to tick; the seconds count while the work waits (Chromium printing).
 */
export class StatusLine {
  private stage: Stage | undefined
  private readonly started = Date.now()
  private timer: NodeJS.Timeout | undefined

  private constructor(
    private readonly io: Io,
    private readonly file: string,
    private readonly locale: Locale,
  ) {}

  /** A status line for `file`, or one that writes nothing when the output is not a terminal or the file is small. */
  static for(io: Io, file: string, bytes: number, locale: Locale): StatusLine | Silent {
    return io.isTty && bytes >= LARGE_PLAN_BYTES ? new StatusLine(io, file, locale) : SILENT
  }

  enter(stage: Stage): void {
    this.stage = stage
    this.draw()
    this.timer ??= setInterval(() => this.draw(), 1000)
    this.timer.unref()
  }

  end(): void {
    if (this.timer) clearInterval(this.timer)
    if (this.stage) this.io.stderr('\r\u001b[2K')
    this.stage = undefined
  }

  private draw(): void {
    if (!this.stage) return
    const seconds = Math.floor((Date.now() - this.started) / 1000)
    this.io.stderr(`\r\u001b[2K${messages.working(this.file, this.stage, seconds)[this.locale]}`)
  }
}

export interface Silent {
  enter(stage: Stage): void
  end(): void
}

const SILENT: Silent = { enter: () => undefined, end: () => undefined }
