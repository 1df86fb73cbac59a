import t from 'tap'
import { availableParallelism } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { checkFilesInOrder } from '../../src/sequence/check-file.js'
import { checkFilesInParallel, chooseWorkerCount, planBatchSizes } from '../../src/sequence/check-pool.js'
import { checkSequenceFiles, findSequenceFiles } from '../../src/sequence/index.js'

const fixtures = new URL('../fixtures/', import.meta.url)

/** Valid and invalid fixtures, the shipped sequences and a missing file: every kind of outcome, in several batches. */
async function listMixedFiles(): Promise<string[]> {
  const found = await findSequenceFiles([
    new URL('invalid', fixtures).pathname,
    new URL('valid', fixtures).pathname,
    new URL('../../sequences', import.meta.url).pathname,
  ])
  return [...found, join(new URL('invalid', fixtures).pathname, 'no-such-file.yaml')]
}

t.test('worker threads give the same checks, in the same order, as checking here alone', async t => {
  const files = await listMixedFiles()
  t.ok(files.length > 60, `${files.length} files make several batches`)
  const alone = checkFilesInOrder(files, {})
  t.ok(alone.some(c => c.valid) && alone.some(c => !c.valid), 'both valid and invalid files are checked')
  t.same(
    await checkFilesInParallel(files, 1, {}, { checkHere: false }),
    { checks: alone, filesCheckedInWorkers: files.length },
    'a worker checked them all',
  )
  const linted = checkFilesInOrder(files, { lint: true, vars: { topic: 'x' } })
  t.ok(
    linted.some(c => c.diagnostics.some(d => d.severity === 'warning')),
    'lint found warnings',
  )
  t.same(
    await checkFilesInParallel(files, 1, { lint: true, vars: { topic: 'x' } }, { checkHere: false }),
    { checks: linted, filesCheckedInWorkers: files.length },
    'lint options reach the workers',
  )
  const shared = await checkFilesInParallel(files, 1, {})
  t.same(shared.checks, alone, 'this thread and a worker sharing the batches')
})

t.test('checkSequenceFiles honours workers: 0 and an explicit count alike', async t => {
  const dir = new URL('invalid', fixtures).pathname
  t.same(await checkSequenceFiles([dir], { workers: 1 }), await checkSequenceFiles([dir], { workers: 0 }))
})

t.test('a worker that cannot start or dies mid-batch leaves its batches to this thread', async t => {
  const files = await listMixedFiles()
  const alone = checkFilesInOrder(files, {})
  const dir = t.testdir({
    'throws-at-start.mjs': "throw new Error('cannot start')\n",
    'dies-on-first-batch.mjs': [
      "import { parentPort } from 'node:worker_threads'",
      "parentPort.on('message', () => process.exit(3))",
      "parentPort.postMessage({ kind: 'ready' })",
    ].join('\n'),
    'fails-every-batch.mjs': [
      "import { parentPort } from 'node:worker_threads'",
      "parentPort.on('message', request => parentPort.postMessage({ kind: 'failed', batch: request.batch, message: 'boom' }))",
      "parentPort.postMessage({ kind: 'ready' })",
    ].join('\n'),
  })
  for (const name of ['throws-at-start.mjs', 'dies-on-first-batch.mjs', 'fails-every-batch.mjs']) {
    t.same(
      await checkFilesInParallel(files, 1, {}, { workerUrl: pathToFileURL(join(dir, name)), checkHere: false }),
      { checks: alone, filesCheckedInWorkers: 0 },
      name,
    )
  }
})

t.test('workers start only when there are enough files to pay for them, one per extra core', async t => {
  t.equal(chooseWorkerCount(10_000, { workers: 0 }), 0)
  t.equal(chooseWorkerCount(5, { workers: 2 }), 2, 'an explicit count is taken as given')
  t.equal(chooseWorkerCount(150, {}), 0, 'a handful of files is checked here')
  const many = chooseWorkerCount(10_000, {})
  t.equal(many, Math.min(availableParallelism() - 1, 3))
})

t.test('batches shrink towards the end so the threads finish together', async t => {
  const sizes = planBatchSizes(1000, 2)
  t.equal(
    sizes.reduce((a, b) => a + b, 0),
    1000,
    'every file is in one batch',
  )
  t.ok(
    sizes.every(size => size >= 1 && size <= 20),
    'no batch is larger than 20 files',
  )
  t.ok(
    sizes.every((size, i) => i === 0 || size <= sizes[i - 1]!),
    'sizes never grow',
  )
  t.equal(sizes[0], 20)
  t.ok(
    sizes.slice(-4).every(size => size <= 2),
    'the last batches are tiny',
  )
  t.same(planBatchSizes(3, 2), [2, 1])
  t.same(planBatchSizes(0, 2), [])
  t.same(planBatchSizes(5, 0), [2, 2, 1], 'no threads is read as one')
})
