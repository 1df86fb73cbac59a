import { parentPort, workerData } from 'node:worker_threads'
import { checkFilesInOrder, type CheckOptions } from './check-file.js'
import type { CheckReply, CheckRequest } from './check-pool.js'

/** Worker thread entry: checks each batch of files it is sent and replies with the checks, in the batch's order. */
function serveCheckRequests(): void {
  const port = parentPort
  if (port === null) throw new Error('check-worker must run as a worker thread')
  const options = workerData as CheckOptions
  port.on('message', (request: CheckRequest) => {
    try {
      port.postMessage({ kind: 'checked', batch: request.batch, checks: checkFilesInOrder(request.files, options) } satisfies CheckReply)
    } catch (error) {
      port.postMessage({ kind: 'failed', batch: request.batch, message: describeError(error) } satisfies CheckReply)
    }
  })
  port.postMessage({ kind: 'ready' } satisfies CheckReply)
}

function describeError(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error)
}

serveCheckRequests()
