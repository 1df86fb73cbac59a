import { readFileSync, readdirSync } from 'node:fs'
import { Ajv2020 } from 'ajv/dist/2020.js'
import { LineCounter, parseDocument } from 'yaml'
const schema = JSON.parse(readFileSync('/work/main/schemas/sequence.schema.json', 'utf8'))
const ajv = new Ajv2020({ allErrors: true, verbose: true, allowUnionTypes: true, strict: true, strictRequired: false })
const validate = ajv.compile(schema)
const files = readdirSync('/tmp/vb').map(n => '/tmp/vb/' + n)
function run() { let bad = 0; for (const file of files) { const doc = parseDocument(readFileSync(file, 'utf8'), { lineCounter: new LineCounter(), uniqueKeys: true, prettyErrors: true }); if (doc.errors.length > 0 || !validate(doc.toJS({ maxAliasCount: 100 }))) bad++ } return bad }
run(); const t = performance.now(); run(); console.log('floor warm ms', (performance.now() - t).toFixed(0))
