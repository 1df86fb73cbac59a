import { readFileSync } from 'node:fs'
import { Ajv2020 } from 'ajv/dist/2020.js'
import t from 'tap'
import { RUN_RECORD_SCHEMA_VERSION, type RunRecord } from '../../../src/model/run-record.js'
import { renderJsonReport } from '../../../src/report/json/render-json-report.js'
import { generateLargeRun, NAMED_RUNS, seedPassRun } from '../fixtures/runs.js'

const schema = JSON.parse(readFileSync(new URL('../../../schemas/run-record.schema.json', import.meta.url), 'utf8')) as Record<
  string,
  unknown
>

function compileSchema() {
  const ajv = new Ajv2020({ allErrors: true, strict: true })
  // RFC 3339 date-time, as the recorder writes it (Date#toISOString).
  ajv.addFormat('date-time', /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/)
  return ajv.compile(schema)
}

t.test('the JSON report is the record itself', async t => {
  const record = seedPassRun()
  const json = renderJsonReport(record)
  t.same(JSON.parse(json), record)
  t.match(json, /^\{\n {2}"schemaVersion": 1,\n/)
  t.match(json, /\}\n$/)
})

t.test('the schema is draft 2020-12 and versioned like the record', async t => {
  t.equal(schema.$schema, 'https://json-schema.org/draft/2020-12/schema')
  t.same((schema.properties as Record<string, unknown>).schemaVersion, {
    const: RUN_RECORD_SCHEMA_VERSION,
    description: 'The version of this schema the record follows.',
  })
})

t.test('every fixture (and a long run) validates against the schema', async t => {
  const validate = compileSchema()
  const runs: Record<string, RunRecord> = Object.fromEntries(Object.entries(NAMED_RUNS).map(([name, make]) => [name, make()]))
  runs.large = generateLargeRun(2000)
  for (const [name, record] of Object.entries(runs)) {
    const valid = validate(JSON.parse(renderJsonReport(record)))
    t.ok(valid, `${name}: ${JSON.stringify(validate.errors?.slice(0, 3))}`)
  }
})

t.test('the schema rejects records that are not run records', async t => {
  const validate = compileSchema()
  const record = (): Record<string, unknown> => JSON.parse(renderJsonReport(seedPassRun())) as Record<string, unknown>
  const cases: Array<[string, (r: Record<string, unknown>) => void, string, string]> = [
    [
      'missing status',
      r => {
        delete r.status
      },
      'required',
      '',
    ],
    [
      'unknown run status',
      r => {
        r.status = 'aborted'
      },
      'enum',
      '/status',
    ],
    [
      'unknown field',
      r => {
        r.extra = 1
      },
      'additionalProperties',
      '',
    ],
    [
      'other schema version',
      r => {
        r.schemaVersion = 2
      },
      'const',
      '/schemaVersion',
    ],
    [
      'bad step status',
      r => {
        ;(r.steps as Array<Record<string, unknown>>)[0]!.status = 'ok'
      },
      'enum',
      '/steps/0/status',
    ],
    [
      'transcript bytes not base64',
      r => {
        ;(r.transcript as Array<Record<string, unknown>>)[0]!.data = 'AT\r'
      },
      'pattern',
      '/transcript/0/data',
    ],
    [
      'bad sha256',
      r => {
        ;(r.sequence as Record<string, unknown>).sha256 = 'abc'
      },
      'pattern',
      '/sequence/sha256',
    ],
    [
      'bad start time',
      r => {
        r.startedAt = 'yesterday'
      },
      'format',
      '/startedAt',
    ],
  ]
  for (const [name, mutate, keyword, path] of cases) {
    const r = record()
    mutate(r)
    t.notOk(validate(r), name)
    t.ok(
      validate.errors?.some(e => e.keyword === keyword && e.instancePath === path),
      `${name}: ${keyword} at ${path || '/'}`,
    )
  }
})

t.test("a retried step's attempts validate, and an attempt without its fields does not", async t => {
  const validate = compileSchema()
  const record = seedPassRun()
  const step = record.steps[0]!
  const attempts = [
    {
      n: 1,
      startedAtMs: 5,
      durationMs: 100,
      status: 'failed' as const,
      reason: 'expected `OK`, got `ERROR`',
      failure: { kind: 'final-mismatch' as const },
      received: [{ atMs: 6, kind: 'final' as const, text: 'ERROR' }],
    },
    { n: 2, startedAtMs: 200, durationMs: 90, status: 'passed' as const, received: [{ atMs: 210, kind: 'final' as const, text: 'OK' }] },
  ]
  record.steps[0] = { ...step, attempts: 2, attemptLog: attempts }
  t.ok(validate(JSON.parse(renderJsonReport(record))), JSON.stringify(validate.errors?.slice(0, 3)))
  record.steps[0] = { ...step, attempts: 2, attemptLog: [{ ...attempts[1]!, n: 0 }] }
  t.notOk(validate(JSON.parse(renderJsonReport(record))), 'attempts count from 1')
  const broken = JSON.parse(renderJsonReport({ ...record, steps: [{ ...step, attemptLog: attempts }] })) as {
    steps: Array<{ attemptLog: Array<Record<string, unknown>> }>
  }
  broken.steps[0]!.attemptLog[0]!['failure'] = { kind: 'no-such-kind' }
  t.notOk(validate(broken), 'an attempt failure is one of the step failure kinds')
})
