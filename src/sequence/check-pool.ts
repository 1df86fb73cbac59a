import { availableParallelism } from 'node:os'
import { extname } from 'node:path'
import { fileURLToPath } from 'node:url'
import { Worker } from 'node:worker_threads'
import { checkFilesInOrder, type CheckOptions, type FileCheck } from './check-file.js'

/** A batch of files for a worker thread to check. */
export interface CheckRequest {
  batch: number
  files: string[]
}

/** What a worker thread says: it is ready, a batch's checks in order, or why a batch could not be checked. */
export type CheckReply =
  { kind: 'ready' } | { kind: 'checked'; batch: number; checks: FileCheck[] } | { kind: 'failed'; batch: number; message: string }

/** Files per batch at most: large enough to keep messages rare. Batches shrink towards the end (see BatchQueue). */
const MAX_BATCH_FILES = 20
const MIN_BATCH_FILES = 2
/** Starting a worker (loading yaml, ajv and handlebars, compiling the schema, the JIT warming up) costs about as much as checking 100-200 files. */
const FILES_PER_WORKER = 200
const MAX_WORKERS = 3
/** Batches a worker holds at once, so it never waits for the next one. */
const BATCHES_PER_WORKER = 2

/** Runs the worker entry next to this module: `.js` when built, `.ts` when the sources are run directly (the tests). */
const WORKER_URL = new URL(`./check-worker${extname(fileURLToPath(import.meta.url))}`, import.meta.url)

/** How many worker threads to start for `fileCount` files: `options.workers` when given, otherwise one per extra core when the files pay for it. */
export function chooseWorkerCount(fileCount: number, options: CheckOptions): number {
  if (options.workers !== undefined) return Math.max(0, Math.floor(options.workers))
  return Math.max(0, Math.min(availableParallelism() - 1, MAX_WORKERS, Math.floor(fileCount / FILES_PER_WORKER)))
}

/** The checks of a parallel run, in the order of the files, and how many of the files worker threads checked. */
export interface ParallelChecks {
  checks: FileCheck[]
  filesCheckedInWorkers: number
}

/** How the pool runs: the worker entry (default: check-worker next to this module) and whether this thread checks batches too (default: yes). */
export interface PoolSettings {
  workerUrl?: URL
  /** false: only workers check, this thread takes only the batches a failed worker gave back. */
  checkHere?: boolean
}

/** Checks files on this thread and `workerCount` worker threads together, batch by batch; results keep the order of `files`. */
export async function checkFilesInParallel(
  files: readonly string[],
  workerCount: number,
  options: CheckOptions,
  pool: PoolSettings = {},
): Promise<ParallelChecks> {
  const workerData: CheckOptions = {
    ...(options.lint === undefined ? {} : { lint: options.lint }),
    ...(options.vars === undefined ? {} : { vars: options.vars }),
    ...(options.names === undefined ? {} : { names: options.names }),
    ...(options.suiteNames === undefined ? {} : { suiteNames: options.suiteNames }),
  }
  const workers = startWorkers(workerCount, pool.workerUrl ?? WORKER_URL, workerData)
  const queue = new BatchQueue(files, workers.length + (pool.checkHere === false ? 0 : 1))
  try {
    // Workers are sent their first batches before this thread starts on its own: a batch here runs to its end
    // before any message is read, and a worker waiting for it would idle for the whole batch.
    const inWorkers = workers.map(worker => checkBatchesInWorker(worker, queue))
    const here = pool.checkHere === false ? Promise.resolve() : checkBatchesHere(queue, options)
    await Promise.all([here, ...inWorkers])
    // Batches a failed worker gave back are checked here, where any error they cause is thrown with its own stack.
    await checkBatchesHere(queue, options)
  } finally {
    await Promise.all(workers.map(worker => worker.terminate()))
  }
  return { checks: queue.collect(), filesCheckedInWorkers: queue.filesCheckedInWorkers }
}

/** Starts up to `count` workers; one that node refuses to start is left out (this thread does its share). */
function startWorkers(count: number, url: URL, workerData: CheckOptions): Worker[] {
  // A worker inherits node's options, but --input-type (`node --input-type=module -e ...`) is refused for a worker file,
  // and options given explicitly must all be allowed in workers: only then is the list given, without --input-type.
  const inputType = process.execArgv.some(arg => arg.startsWith('--input-type'))
  const options = inputType ? { workerData, execArgv: process.execArgv.filter(arg => !arg.startsWith('--input-type')) } : { workerData }
  const workers: Worker[] = []
  for (let i = 0; i < count; i++) {
    try {
      workers.push(new Worker(url, options))
    } catch {
      break
    }
  }
  return workers
}

/**
 * Batch sizes for `fileCount` files shared by `threads` threads (guided scheduling): each batch is a quarter of a
 * thread's share of what is left, between MIN_BATCH_FILES and MAX_BATCH_FILES, so the last batches are small and no
 * thread is left checking a large batch alone at the end.
 */
export function planBatchSizes(fileCount: number, threads: number): number[] {
  const sizes: number[] = []
  for (let left = fileCount; left > 0;) {
    const size = Math.min(left, MAX_BATCH_FILES, Math.max(MIN_BATCH_FILES, Math.ceil(left / (Math.max(threads, 1) * 4))))
    sizes.push(size)
    left -= size
  }
  return sizes
}

/** Hands out batches of files to whoever asks first and keeps each batch's checks in its place. */
class BatchQueue {
  private readonly batches: string[][] = []
  private readonly results: FileCheck[][] = []
  private readonly returned: number[] = []
  private next = 0
  filesCheckedInWorkers = 0

  constructor(files: readonly string[], threads: number) {
    let start = 0
    for (const size of planBatchSizes(files.length, threads)) {
      this.batches.push(files.slice(start, start + size))
      start += size
    }
  }

  take(): CheckRequest | undefined {
    const batch = this.returned.pop() ?? (this.next < this.batches.length ? this.next++ : undefined)
    return batch === undefined ? undefined : { batch, files: this.batches[batch]! }
  }

  store(batch: number, checks: FileCheck[]): void {
    this.results[batch] = checks
  }

  /** Puts back batches that were taken but not checked, for someone else to take. */
  giveBack(batches: Iterable<number>): void {
    this.returned.push(...batches)
  }

  collect(): FileCheck[] {
    return this.batches.flatMap((_, batch) => this.results[batch] ?? [])
  }
}

async function checkBatchesHere(queue: BatchQueue, options: CheckOptions): Promise<void> {
  for (let request = queue.take(); request !== undefined; request = queue.take()) {
    queue.store(request.batch, checkFilesInOrder(request.files, options))
    // Let the workers' replies in between batches, so they are sent their next batches without waiting.
    await new Promise(resolve => setImmediate(resolve))
  }
}

/**
 * Feeds a worker batches from the start (they queue while it starts), until none are left. Workers only share the load: if one cannot start,
 * fails on a batch or exits, its unfinished batches go back to the queue and this thread checks them.
 */
function checkBatchesInWorker(worker: Worker, queue: BatchQueue): Promise<void> {
  return new Promise(resolve => {
    const inFlight = new Set<number>()
    const finish = (): void => {
      worker.off('message', onReply).off('error', stop).off('exit', stop)
      queue.giveBack(inFlight)
      inFlight.clear()
      resolve()
    }
    const sendBatches = (): void => {
      while (inFlight.size < BATCHES_PER_WORKER) {
        const request = queue.take()
        if (request === undefined) break
        worker.postMessage(request)
        inFlight.add(request.batch)
      }
      if (inFlight.size === 0) finish()
    }
    const onReply = (reply: CheckReply): void => {
      if (reply.kind === 'failed') return stop()
      if (reply.kind === 'checked') {
        inFlight.delete(reply.batch)
        queue.store(reply.batch, reply.checks)
        queue.filesCheckedInWorkers += reply.checks.length
      }
      sendBatches()
    }
    const stop = (): void => finish()
    worker.on('message', onReply).on('error', stop).on('exit', stop)
    // Posted now, the batches wait in the worker's queue while it starts; it checks them as soon as it can.
    sendBatches()
  })
}
