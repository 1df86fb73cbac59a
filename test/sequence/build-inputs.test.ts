/** `inputs:`: the variables a file declares the run gives, each with where it is written. */
import t from 'tap'
import { buildInputs } from '../../src/sequence/build-inputs.js'
import { isRecord } from '../../src/sequence/step-context.js'
import { parseYamlSource } from '../../src/sequence/yaml-source.js'

/** The inputs `text` declares, built from its parsed YAML. */
function inputsOf(text: string): ReturnType<typeof buildInputs> {
  const { source, diagnostics } = parseYamlSource('i.yaml', text)
  if (source === undefined || !isRecord(source.data)) throw new Error(`fixture invalid: ${JSON.stringify(diagnostics)}`)
  return buildInputs(source.data, source)
}

const at = (line: number, col: number): { file: string; line: number; col: number } => ({ file: 'i.yaml', line, col })

t.test('a file without inputs: declares none, not an empty list', async t => {
  t.strictSame(inputsOf('sequence: s\nsteps: []\n'), {})
})

t.test('inputs: that is not a list declares none', async t => {
  t.strictSame(inputsOf('sequence: s\ninputs: apn\n'), {})
  t.strictSame(inputsOf('sequence: s\ninputs: { name: apn }\n'), {})
})

t.test('an empty inputs: list declares an empty list', async t => {
  t.strictSame(inputsOf('sequence: s\ninputs: []\n'), { inputs: [] })
})

t.test('an input written as a bare name is that name, located where it is written', async t => {
  t.strictSame(inputsOf('sequence: s\ninputs:\n  - apn\n  - pin\n'), {
    inputs: [
      { name: 'apn', at: at(3, 5) },
      { name: 'pin', at: at(4, 5) },
    ],
  })
})

t.test('an input written as { name, description } keeps its description', async t => {
  t.strictSame(inputsOf('sequence: s\ninputs:\n  - apn\n  - { name: pin, description: "SIM PIN" }\n'), {
    inputs: [
      { name: 'apn', at: at(3, 5) },
      { name: 'pin', description: 'SIM PIN', at: at(4, 5) },
    ],
  })
})

t.test('an input with no description, or one that is not text, has no description', async t => {
  const built = inputsOf('sequence: s\ninputs:\n  - { name: apn }\n  - { name: pin, description: ~ }\n')
  t.strictSame(built, {
    inputs: [
      { name: 'apn', at: at(3, 5) },
      { name: 'pin', at: at(4, 5) },
    ],
  })
  t.same(
    built.inputs?.map(input => Object.keys(input)),
    [
      ['name', 'at'],
      ['name', 'at'],
    ],
  )
})

t.test('items that name no variable are left out (the schema reports them)', async t => {
  const text = [
    'sequence: s',
    'inputs:',
    '  - ~',
    '  - [apn]',
    '  - { description: "no name" }',
    '  - { name: true }',
    '  - { name: [pin] }',
    '  - cid',
    '',
  ].join('\n')
  t.strictSame(inputsOf(text), { inputs: [{ name: 'cid', at: at(8, 5) }] })
})
