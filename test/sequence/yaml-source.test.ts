import t from 'tap'
import fc from 'fast-check'
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { isPair, isScalar, parseDocument, visit } from 'yaml'
import { locateKey, locatePath, nodeAt, parseYamlSource } from '../../src/sequence/yaml-source.js'

const root = fileURLToPath(new URL('../..', import.meta.url))

/** The loader's data as it was first written: numbers rewritten to their text in the tree, then yaml's own toJS. */
function referenceData(text: string): unknown {
  const doc = parseDocument(text, { uniqueKeys: true })
  visit(doc, {
    Scalar(key, node, path) {
      if (typeof node.value !== 'number' || node.range === undefined || node.range === null) return
      const parent = path[path.length - 1]
      if (key === 'value' && isPair(parent) && isScalar(parent.key) && ['qos', 'times'].includes(String(parent.key.value))) return
      node.value = text.slice(node.range[0], node.range[1])
    },
  })
  return doc.toJS({ maxAliasCount: 100 })
}

function readData(text: string): unknown {
  const parsed = parseYamlSource('t.yaml', text)
  if (parsed.source === undefined) throw new Error(`did not parse: ${JSON.stringify(parsed.diagnostics)}`)
  return parsed.source.data
}

function listYamlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap(name => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? listYamlFiles(path) : /\.ya?ml$/.test(name) ? [path] : []
  })
}

const EDGE_CASES: Record<string, string> = {
  'numbers kept as written, except qos and times':
    'no: 4.10\ncode: 0123\nqos: 1\nretry: { times: 3, every: 500ms }\nlist: [1, 2.50, 0x1F]\nnested: { qos: [1] }',
  'numeric and boolean keys': '4.10: a\n7: b\ntrue: c\nnull: d',
  'an empty key and empty values': ': x\na:\nb: ~\nc: ""',
  '__proto__ and inherited names stay own properties': '__proto__: { polluted: true }\nconstructor: 1\ntoString: two',
  'anchors and aliases': 'base: &b { a: 1, b: [x, y] }\ncopy: *b\nlist: [*b, *b]',
  'explicit tags': 'a: !!str 123\nb: !!int "7"\nc: !!binary aGVsbG8=\nd: !custom x',
  'sets and ordered maps': 'a: !!set { x, y }\nb: !!omap [ { k: 1 } ]',
  'merge keys in YAML 1.1': '%YAML 1.1\n---\nbase: &b { a: 1 }\nm: { <<: *b, c: 2 }',
  'a plain << key in YAML 1.2': 'm: { <<: 1, c: 2 }',
  'block scalars and quoting': "a: |\n  line one\n  line two\nb: >-\n  folded\n  text\nc: 'single '' quote'\nd: \"tab\\there\"",
  'a top-level list': '- 1\n- { a: 2 }\n- [x, 3.0]',
  'a top-level scalar': '42',
  'special floats and booleans': 'a: .inf\nb: -.Inf\nc: .nan\nd: True\ne: FALSE\nf: 1e3',
  'a collection as a key': '? [a, b]\n: c\nd: e',
}

t.test('plain data equals the reference conversion on tricky YAML', async t => {
  for (const [name, text] of Object.entries(EDGE_CASES)) t.same(readData(text), referenceData(text), name)
  t.equal(Object.getPrototypeOf(readData('__proto__: { polluted: true }')), Object.prototype, 'no prototype is replaced')
})

t.test('plain data equals the reference conversion for every sequence and fixture in the tree', async t => {
  const files = [...listYamlFiles(join(root, 'sequences')), ...listYamlFiles(join(root, 'test/fixtures'))]
  t.ok(files.length > 20)
  for (const file of files) {
    const text = readFileSync(file, 'utf8').replace(/^\uFEFF/, '')
    const parsed = parseYamlSource(file, text)
    if (parsed.source !== undefined) t.same(parsed.source.data, referenceData(text), file)
  }
})

const scalarText = fc.oneof(
  fc.constantFrom(
    '0',
    '007',
    '4.10',
    '-1.5e3',
    '0x1F',
    '0o17',
    '.inf',
    'true',
    'False',
    'null',
    '~',
    'OK',
    '"quoted"',
    "'single'",
    'a b',
    '""',
  ),
  fc.stringMatching(/^[a-z][a-z0-9_]{0,6}$/),
)
const keyText = fc.oneof(
  fc.constantFrom('qos', 'times', 'no', '4.1', '10', 'true', 'null', '__proto__'),
  fc.stringMatching(/^[a-z][a-z_]{0,5}$/),
)

/** Random nested block and flow YAML made of the scalars above. */
const yamlValue: fc.Arbitrary<string> = fc.letrec<{ value: string }>(tie => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    scalarText,
    fc.array(tie('value'), { maxLength: 3 }).map(items => `[${items.join(', ')}]`),
    fc
      .uniqueArray(fc.tuple(keyText, tie('value')), { maxLength: 3, selector: ([k]) => k })
      .map(pairs => `{ ${pairs.map(([k, v]) => `${k}: ${v}`).join(', ')} }`),
  ),
})).value

t.test('plain data equals the reference conversion on generated documents', async t => {
  fc.assert(
    fc.property(fc.uniqueArray(fc.tuple(keyText, yamlValue), { minLength: 1, maxLength: 6, selector: ([k]) => k }), pairs => {
      const text = pairs.map(([k, v]) => `${k}: ${v}`).join('\n')
      const parsed = parseYamlSource('g.yaml', text)
      if (parsed.source === undefined) return
      t.same(parsed.source.data, referenceData(text), text)
    }),
    { numRuns: 300 },
  )
})

t.test('paths find the node written for them, numbers as written and all', async t => {
  const text = 'steps:\n  - no: 4.10\n    send: AT\n    retry: { times: 2, every: 1s }\n4.10: x\n'
  const source = parseYamlSource('p.yaml', text).source!
  t.same(locatePath(source, ['steps', 0, 'send']), { file: 'p.yaml', line: 3, col: 11 })
  t.same(locatePath(source, ['steps', 0, 'retry', 'every']), { file: 'p.yaml', line: 4, col: 31 })
  t.same(locateKey(source, ['steps', 0], 'retry'), { file: 'p.yaml', line: 4, col: 5 })
  t.same(locateKey(source, [], '4.10'), { file: 'p.yaml', line: 5, col: 1 })
  t.same(locatePath(source, ['steps', 0, 'missing']), { file: 'p.yaml', line: 2, col: 5 }, 'a missing key falls back to its mapping')
  t.equal(nodeAt(source, ['steps', 5]), undefined)
  t.equal(nodeAt(source, ['steps', 'x']), undefined)
})

t.test('yaml still sees the debug variables of the environment while parsing', async t => {
  const before = process.env
  parseYamlSource('e.yaml', 'a: 1')
  t.equal(process.env, before, 'the real environment object is back after a parse')
  t.equal(Object.getPrototypeOf(process.env), Object.getPrototypeOf(before))
})
