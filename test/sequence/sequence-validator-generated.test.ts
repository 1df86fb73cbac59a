/**
 * The schema's validator generated as code (src/sequence/sequence-validator.generated.ts): it is what the schema
 * gives today, and it accepts exactly what the compiled validator that explains errors accepts, over the shipped
 * sequences, the invalid fixtures and every one-key change of each step of the seed.
 */
import t from 'tap'
import { readdirSync, readFileSync } from 'node:fs'
import { Ajv2020 } from 'ajv/dist/2020.js'
import { parse } from 'yaml'
import { validate as generated } from '../../src/sequence/sequence-validator.generated.js'
import { isSuiteFile } from '../../src/plan/suite-file.js'
import { listSchemaErrors } from '../../src/sequence/sequence-schema.js'

const root = new URL('../../', import.meta.url)
const schema = JSON.parse(readFileSync(new URL('schemas/sequence.schema.json', root), 'utf8')) as object
// The explaining validator's options, as src/sequence/sequence-schema.ts compiles it.
const compiled = new Ajv2020({ allErrors: true, verbose: true, allowUnionTypes: true, strict: true, strictRequired: false }).compile(schema)
const isValid = generated as (data: unknown) => boolean

t.test('the generated file is what the generator writes for the schema and ajv of today', async t => {
  const generator = (await import(new URL('scripts/generate-sequence-validator.mjs', root).href)) as {
    generateSequenceValidator: () => string
    GENERATED: URL
  }
  t.ok(
    generator.generateSequenceValidator() === readFileSync(generator.GENERATED, 'utf8'),
    'up to date (run `npm run generate` after changing the schema or upgrading ajv)',
  )
})

function readYamlFiles(dir: URL): Array<[string, unknown]> {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter(name => name.endsWith('.yaml') && !isSuiteFile(name))
    .flatMap((name): Array<[string, unknown]> => {
      try {
        return [[name, parse(readFileSync(new URL(name, dir), 'utf8'))]]
      } catch {
        return [] // not YAML at all: nothing for a schema to judge
      }
    })
}

t.test('shipped sequences and invalid fixtures: both validators give the same verdict', async t => {
  const shipped = readYamlFiles(new URL('sequences/', root))
  t.ok(shipped.length >= 5, `${shipped.length} shipped sequences`)
  for (const [name, data] of shipped) t.equal(isValid(data), true, name)
  const fixtures = readYamlFiles(new URL('test/fixtures/invalid/', root))
  let refused = 0
  for (const [name, data] of fixtures) {
    t.equal(isValid(data), compiled(data), name)
    if (!compiled(data)) refused++
  }
  t.ok(refused >= 10, `${refused} fixtures the schema refuses`)
})

t.test('every one-key change of every step of the seed: the same verdict, and errors listed exactly when refused', async t => {
  const seed = parse(readFileSync(new URL('sequences/simcom/mqtts-not-verify-server.yaml', root), 'utf8')) as Record<string, unknown>
  const steps = seed['steps'] as Array<Record<string, unknown>>
  const replacements: unknown[] = [null, 7, true, 'x', [], {}, ['x'], { not: 'x' }, { raw: 'x' }]
  let accepted = 0
  let refused = 0
  steps.forEach((step, index) => {
    const variants: Array<Record<string, unknown>> = [{ ...step, unknown_key: 'x' }]
    for (const key of Object.keys(step)) {
      const without = { ...step }
      delete without[key]
      variants.push(without)
      for (const value of replacements) variants.push({ ...step, [key]: value })
    }
    for (const variant of variants) {
      const data = { ...seed, steps: steps.map((s, i) => (i === index ? variant : s)) }
      const verdict = compiled(data)
      if (isValid(data) !== verdict) t.fail(`step ${index}: ${JSON.stringify(variant)}`)
      if ((listSchemaErrors(data).length === 0) !== verdict) t.fail(`errors for step ${index}: ${JSON.stringify(variant)}`)
      if (verdict) accepted++
      else refused++
    }
  })
  t.ok(accepted > 50 && refused > 500, `${accepted} accepted, ${refused} refused, all alike`)
})
