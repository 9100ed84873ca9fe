// Heavy work off the event loop: evaluations and renders run in a pool of worker threads (piscina), sized
// to the cores, so that a 0.5 s evaluation of a large plan or a DOCX of a thousand rows no longer holds
// every other request behind it; Chromium prints under a bound of their own. Both bounds are admission
// bounds: past them a request is refused at once (503 `busy` with Retry-After) rather than queued without
// end, so a burst of heavy requests costs memory in proportion to the bound, not to the burst.
import { EventEmitter, once } from 'node:events'
import { availableParallelism } from 'node:os'
import { performance } from 'node:perf_hooks'
import { fileURLToPath } from 'node:url'
import pLimit from 'p-limit'
import { Piscina } from 'piscina'
import { AppError } from '../errors.js'
import { ownBytes, runTask, type Task, type TaskOutputs, type TaskResult } from './tasks.js'

declare module 'fastify' {
  interface FastifyInstance {
    /** Where routes send heavy work (see `workers/pool.ts`). */
    work: Work
  }
}

export interface WorkOptions {
  /** Worker threads; 0 runs every task on the service's own thread (the behaviour before the pool). */
  threads: number
  /** Tasks that may wait for a thread (and prints for Chromium) before new ones are refused. */
  queue: number
}

/** The default pool size: one thread per core the process may use. */
export const defaultThreads = () => availableParallelism()

/**
 * The worker's module: `dist/workers/tasks.js`, beside the bundle this code is in. Under vitest this module
 * is the TypeScript source, and the worker still loads the built `tasks.js` (the test task builds the package
 * first): a worker thread does not inherit vitest's transform, and loading `tasks.ts` through tsx's hooks in a
 * worker failed with "Unknown file extension .ts" once the rules imported a CommonJS package (the French
 * stemmer). Run `pnpm build` before running a test file of the pool alone.
 */
function workerModule(): { filename: string; execArgv: string[] } {
  const here = import.meta.url
  if (here.endsWith('.ts')) return { filename: fileURLToPath(new URL('../../dist/workers/tasks.js', here)), execArgv: [] }
  return { filename: fileURLToPath(new URL('./workers/tasks.js', here)), execArgv: [] }
}

function busy(retryAfter: number) {
  return new AppError('busy', { fr: 'Le service est occupé : réessayez dans quelques secondes.', en: 'The service is busy: try again in a few seconds.' }, { retryAfter })
}

/** How much lower the worker threads' priority is than the event loop's (nice 10 of 19). */
const NICE = 10

export class Work {
  /** `task` when a task is admitted, `done` when it ends: tests order events by these, not by time. */
  readonly events = new EventEmitter()
  private readonly pool: Piscina | undefined
  private admitted = 0
  private printing: ReturnType<typeof pLimit>
  /** A moving mean of a task's time on a thread, for Retry-After. */
  private meanMs = 50

  constructor(readonly options: WorkOptions) {
    if (options.threads > 0) {
      const { filename, execArgv } = workerModule()
      // The admission bound is ours (`run`), counted over running and waiting tasks alike; piscina's own
      // queue bound also counts workers still starting as capacity, so it would refuse at a varying point.
      // minThreads 0: threads start with the first tasks (an app that never evaluates, as most test apps
      // and tools, starts none) and then stay (idleTimeout: never).
      // niceIncrement: the worker threads run at a lower CPU priority than the event loop (Linux, through
      // piscina's optional @napi-rs/nice), so that on a machine with more runnable threads than cores the
      // light requests the event loop answers are not made to wait for a time slice behind evaluations.
      this.pool = new Piscina({ filename, execArgv, minThreads: 0, maxThreads: options.threads, idleTimeout: Number.POSITIVE_INFINITY, maxQueue: Number.POSITIVE_INFINITY, niceIncrement: NICE })
    }
    // Chromium renders in processes of its own (a page each): prints need no thread of the pool, but each
    // costs a renderer process's CPU and memory, so as many at a time as there are cores.
    this.printing = pLimit(Math.max(1, options.threads || defaultThreads()))
  }

  /** Tasks admitted and not yet done (running or waiting). */
  get inFlight(): number {
    return this.admitted
  }

  /** True when tasks go to worker threads. */
  get pooled(): boolean {
    return this.pool !== undefined
  }

  /** Runs a task in the pool (or inline without one); its refusal is thrown as the service would have thrown it. */
  async run<Kind extends Task['kind']>(task: Extract<Task, { kind: Kind }>): Promise<TaskOutputs[Kind]> {
    const threads = this.options.threads
    if (this.pool && this.admitted >= threads + this.options.queue) throw busy(this.retryAfter(this.admitted - threads + 1, threads))
    this.admitted++
    this.events.emit('task', task.kind)
    const started = performance.now()
    let result: TaskResult<TaskOutputs[Kind]>
    try {
      // The request body's buffer moves to the worker rather than being copied (it is not read again here).
      const sent: Task = task
      const transferList = this.pool && sent.kind === 'evaluate-body' ? [(sent.body = ownBytes(sent.body)).buffer as ArrayBuffer] : undefined
      result = (this.pool ? await this.pool.run(sent, transferList && { transferList }) : await runTask(sent)) as TaskResult<TaskOutputs[Kind]>
    } finally {
      this.admitted--
      this.meanMs = 0.8 * this.meanMs + 0.2 * (performance.now() - started)
      this.events.emit('done', task.kind)
    }
    if ('ok' in result) return result.ok
    const problem = result.problem
    if (problem.code === 'client-error') throw Object.assign(new Error(problem.title.en), { statusCode: (problem as { status: number }).status })
    throw new AppError(problem.code, problem.title, problem.extra)
  }

  /** Runs a Chromium print under its bound; past the bound's queue it is refused as busy. */
  print<T>(print: () => Promise<T>): Promise<T> {
    if (this.printing.pendingCount >= this.options.queue) throw busy(this.retryAfter(this.printing.pendingCount + 1, this.printing.concurrency))
    return this.printing(print)
  }

  /** Seconds until `waiting` tasks ahead are likely done on `threads` threads: at least 1, at most 60. */
  private retryAfter(waiting: number, threads: number): number {
    return Math.min(60, Math.max(1, Math.ceil((waiting * this.meanMs) / Math.max(1, threads) / 1000)))
  }

  /**
   * Lets running and waiting tasks finish, then stops the threads. Waits on its own count first: piscina's
   * close waits for the tasks its threads hold, and aborts those still queued (as they all are while the
   * first threads start).
   */
  async close(): Promise<void> {
    while (this.admitted > 0) await once(this.events, 'done')
    await this.pool?.close()
  }
}
