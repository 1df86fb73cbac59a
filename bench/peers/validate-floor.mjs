// The floor of `atseq validate`: every file read, parsed by the `yaml` package's parseDocument (with line positions,
// as atseq parses) and checked by the compiled ajv validator of the sequence schema (atseq's ajv options), nothing
// else. Arguments: the folder, the number of worker threads besides this one. Exits 1 when a file is not valid.
import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads'
import { Ajv2020 } from 'ajv/dist/2020.js'
import { LineCounter, parseDocument } from 'yaml'

function compileValidator() {
  const schema = JSON.parse(readFileSync(new URL('../../schemas/sequence.schema.json', import.meta.url), 'utf8'))
  const ajv = new Ajv2020({ allErrors: true, verbose: true, allowUnionTypes: true, strict: true, strictRequired: false })
  return ajv.compile(schema)
}

function countInvalid(files) {
  const validate = compileValidator()
  let invalid = 0
  for (const file of files) {
    const doc = parseDocument(readFileSync(file, 'utf8'), { lineCounter: new LineCounter(), uniqueKeys: true, prettyErrors: true })
    if (doc.errors.length > 0 || !validate(doc.toJS({ maxAliasCount: 100 }))) invalid++
  }
  return invalid
}

if (isMainThread) {
  const [dir, workers] = [process.argv[2], Number(process.argv[3] ?? 0)]
  const files = readdirSync(dir)
    .filter(name => name.endsWith('.yaml'))
    .map(name => join(dir, name))
  const shares = Array.from({ length: workers + 1 }, (_, i) => files.filter((_, k) => k % (workers + 1) === i))
  const inWorkers = shares.slice(1).map(
    share =>
      new Promise((resolve, reject) => {
        const worker = new Worker(new URL(import.meta.url), { workerData: share })
        worker.once('message', resolve).once('error', reject)
      }),
  )
  const here = countInvalid(shares[0])
  const invalid = here + (await Promise.all(inWorkers)).reduce((sum, n) => sum + n, 0)
  process.exitCode = invalid === 0 ? 0 : 1
} else {
  parentPort.postMessage(countInvalid(workerData))
}
