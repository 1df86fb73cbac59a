/**
 * schemas/suite-record.schema.json against real suite records: a run on two simulated devices
 * with a skipped run, and the merge of its shards; broken records are rejected where they break.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js'
import t, { type Test } from 'tap'
import { mergeSuiteRecords } from '../../src/plan/merge-suite-records.js'
import { SUITE_RECORD_SCHEMA_VERSION, type SuiteRecord } from '../../src/model/suite-record.js'
import { runFiles, type RunFilesOptions } from '../../src/app/run-files.js'
import { filesRunOptions } from '../helpers/run-options.js'

const readSchema = (name: string): Record<string, unknown> =>
  JSON.parse(readFileSync(new URL(`../../schemas/${name}`, import.meta.url), 'utf8')) as Record<string, unknown>
const suiteSchema = readSchema('suite-record.schema.json')

function compileSchema(): ValidateFunction {
  const ajv = new Ajv2020({ allErrors: true, strict: true })
  // RFC 3339 date-time, as the recorder writes it (Date#toISOString).
  ajv.addFormat('date-time', /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/)
  ajv.addSchema(readSchema('run-record.schema.json'))
  return ajv.compile(suiteSchema)
}

/** Runs two sequences of the suite on two simulated modems (one fails its setup) and reads back suite.json. */
async function runAndRead(t: Test, extra: Partial<RunFilesOptions> = {}): Promise<SuiteRecord> {
  const dir = join(t.testdir({}), 'reports')
  await runFiles(
    ['sequences/simcom/mqtt/'],
    filesRunOptions(dir, text => t.comment(text), {
      devices: ['a=sim://simcom-a76xx', 'b=sim://simcom-a76xx'],
      grep: /tcp-publish-subscribe|wrong-state/,
      onSimModem: (modem, device) => {
        if (device.name === 'b') modem.dropNetwork()
      },
      ...extra,
    }),
  )
  return JSON.parse(readFileSync(join(dir, 'suite.json'), 'utf8')) as SuiteRecord
}

const validate = compileSchema()
const errorsOf = (data: unknown): string[] => (validate(data) ? [] : (validate.errors ?? []).map(e => `${e.instancePath} ${e.keyword}`))

t.test('the schema is draft 2020-12, versioned like the record, and builds on the run record schema', async t => {
  t.equal(suiteSchema.$schema, 'https://json-schema.org/draft/2020-12/schema')
  t.equal(suiteSchema.$id, `urn:atseq:schema:suite-record:${SUITE_RECORD_SCHEMA_VERSION}`)
  t.same((suiteSchema.properties as Record<string, { const?: unknown }>).schemaVersion?.const, SUITE_RECORD_SCHEMA_VERSION)
  t.match(
    readFileSync(new URL('../../schemas/suite-record.schema.json', import.meta.url), 'utf8'),
    /"\$ref": "urn:atseq:schema:run-record:1"/,
  )
})

t.test('a real suite.json (passed, failed and skipped runs) and the merge of its shards validate', async t => {
  const record = await runAndRead(t)
  t.same(
    record.devices.map(d => d.status),
    ['passed', 'failed'],
    'device b failed its setup',
  )
  t.ok(
    record.runs.some(run => run.status === 'skipped'),
    'a skipped run is in the record',
  )
  t.ok(
    record.runs.some(run => run.record !== undefined && run.record.steps.length > 0),
    'runs carry their full records',
  )
  t.same(errorsOf(record), [])
  const shards = [await runAndRead(t, { shard: { index: 1, total: 2 } }), await runAndRead(t, { shard: { index: 2, total: 2 } })]
  for (const shard of shards) t.same(errorsOf(shard), [], `shard ${shard.shards[0]?.index}`)
  const merged = mergeSuiteRecords(shards)
  t.ok(merged.ok)
  if (merged.ok) t.same(errorsOf(JSON.parse(JSON.stringify(merged.record))), [])
})

t.test('broken records are rejected where they break', async t => {
  const record = await runAndRead(t, { grep: /tcp-publish-subscribe/, onSimModem: () => undefined })
  // A copy of the record with fields set (or, given undefined, deleted) at the paths named.
  const broken = (...changes: Array<[path: Array<string | number>, value: unknown]>): unknown => {
    const copy = structuredClone(record) as unknown
    for (const [path, value] of changes) setAt(copy, path, value)
    return copy
  }
  const setAt = (target: unknown, path: Array<string | number>, value: unknown): void => {
    const parent = path.slice(0, -1).reduce((node, key) => (node as Record<string | number, unknown>)[key], target) as Record<
      string | number,
      unknown
    >
    const last = path.at(-1)!
    if (value === undefined) delete parent[last]
    else parent[last] = value
  }
  t.same(errorsOf(record), [], 'the original is valid')
  t.match(errorsOf(broken([['schemaVersion'], 2])), ['/schemaVersion const'])
  t.match(errorsOf(broken([['kind'], 'atseq-run'])), ['/kind const'])
  t.match(errorsOf(broken([['devices'], undefined])), [' required'])
  t.match(errorsOf(broken([['status'], 'skipped'])), ['/status enum'])
  t.match(errorsOf(broken([['shards'], [{ index: 0, total: 3 }]])), ['/shards/0/index minimum'])
  t.match(errorsOf(broken([['runs', 0, 'role'], 'main'])), ['/runs/0/role enum'])
  t.ok(errorsOf(broken([['runs', 1, 'record'], undefined])).includes('/runs/1 required'), 'a run that ran needs its record')
  t.ok(
    errorsOf(broken([['runs', 1, 'status'], 'skipped'], [['runs', 1, 'reason'], 'x'])).includes('/runs/1/record false schema'),
    'a skipped run has no record',
  )
  t.ok(
    errorsOf(broken([['runs', 1, 'record', 'steps'], 'none'])).some(e => e.startsWith('/runs/1/record/steps')),
    'the run record schema applies inside',
  )
  t.ok(
    errorsOf(broken([['devices', 0, 'identity', 'firmware'], 'x'])).some(e => e.startsWith('/devices/0/identity')),
    'device identity as in the run record',
  )
  t.match(errorsOf(broken([['extra'], true])), [' additionalProperties'])
})
