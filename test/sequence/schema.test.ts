import t from 'tap'
import { readFileSync } from 'node:fs'
import { Ajv2020 } from 'ajv/dist/2020.js'
import { parse } from 'yaml'

const schema = JSON.parse(readFileSync(new URL('../../schemas/sequence.schema.json', import.meta.url), 'utf8')) as object
const seed = parse(readFileSync(new URL('../../sequences/simcom/mqtts-not-verify-server.yaml', import.meta.url), 'utf8')) as Record<
  string,
  unknown
>

// The published schema is what editors use; it must stand alone under ajv's strict mode.
const validate = new Ajv2020({ allErrors: true, strict: true, strictRequired: false, allowUnionTypes: true }).compile(schema)

t.test('the seed is valid against the published schema', async t => {
  t.ok(validate(seed), JSON.stringify(validate.errors))
})

t.test('valid shapes', async t => {
  const valid = [
    { sequence: 's', steps: [{ send: 'AT' }] },
    { sequence: 's', steps: [{ no: 4.1, data: '00', hex: true, end: 'esc', expect: ['>', { not: 'ERROR' }] }] },
    {
      sequence: 's',
      vars: { a: 'x', b: true, c: { value: 'pw', secret: true } },
      secrets: ['a'],
      abort: '/^\\+CMQTTNONET$/',
      steps: [{ wait: ['+X: 1', '+Y'], within: '2m' }],
    },
    { sequence: 's', steps: [{ broker: { received: { topic: 't', payload: 'p', qos: 2, retain: false }, will: true } }] },
    {
      sequence: 's',
      steps: [
        { publish: { topic: 't' }, urc: '+CMQTTRXEND: 0', timeout: '1.5s', retry: { times: 2, every: '500ms' }, continue_on_failure: true },
      ],
    },
    { sequence: 's', steps: [{ todo: 'row' }, { sleep: '1s' }], setup: [], teardown: [{ send: 'AT' }] },
    {
      sequence: 'editors see numbers where the loader sees text',
      steps: [
        { serve: { http: { path: '/data', status: 404, chunked: 512, delay: '2s' } } },
        { serve: { network: { signal: 99 } } },
        { serve: { network: 'drop' } },
        { send: 'AT', server: { tcp: { received: { hex: '0d0a' } } } },
        { server: { http: { method: 'POST', headers: { 'content-type': 'text/plain' } } }, broker: { received: { topic: 't' } } },
      ],
    },
  ]
  for (const doc of valid) t.ok(validate(doc), `${JSON.stringify(doc)} ${JSON.stringify(validate.errors)}`)
})

t.test('invalid shapes', async t => {
  const invalid: Array<[string, object]> = [
    ['no name', { steps: [{ send: 'AT' }] }],
    ['no steps', { sequence: 's' }],
    ['empty steps', { sequence: 's', steps: [] }],
    ['unknown top-level key', { sequence: 's', steps: [{ send: 'AT' }], step: [] }],
    ['two actions', { sequence: 's', steps: [{ send: 'AT', data: 'x' }] }],
    ['serve beside send', { sequence: 's', steps: [{ send: 'AT', serve: { network: 'drop' } }] }],
    ['two servers act in one step', { sequence: 's', steps: [{ serve: { tcp: { send: 'a' }, udp: { send: 'b' } } }] }],
    ['a signal out of range', { sequence: 's', steps: [{ serve: { network: { signal: 120 } } }] }],
    ['a check on the network', { sequence: 's', steps: [{ server: { network: 'drop' } }] }],
    ['no action', { sequence: 's', steps: [{ expect: 'OK' }] }],
    [
      'broker check with publish is two actions? no: publish + broker is fine, but sleep + wait is not',
      { sequence: 's', steps: [{ sleep: '1s', wait: '+X' }] },
    ],
    ['bad duration', { sequence: 's', timeout: '10', steps: [{ send: 'AT' }] }],
    ['hours are not a unit', { sequence: 's', steps: [{ sleep: '1h' }] }],
    ['end without data', { sequence: 's', steps: [{ send: 'AT', end: 'ctrl-z' }] }],
    ['bad end', { sequence: 's', steps: [{ data: 'x', end: 'ctrlz' }] }],
    ['qos 3', { sequence: 's', steps: [{ publish: { topic: 't', qos: 3 } }] }],
    ['empty line', { sequence: 's', steps: [{ send: 'AT', expect: '' }] }],
    ['not without a line', { sequence: 's', steps: [{ send: 'AT', expect: [{ not: '' }] }] }],
    ['var named env', { sequence: 's', vars: { env: 'x' }, steps: [{ send: 'AT' }] }],
    ['var name with a dash', { sequence: 's', vars: { 'a-b': 'x' }, steps: [{ send: 'AT' }] }],
    ['retry without every', { sequence: 's', steps: [{ send: 'AT', retry: { times: 2 } }] }],
    ['retry times 0', { sequence: 's', steps: [{ send: 'AT', retry: { times: 0, every: '1s' } }] }],
    ['broker without received', { sequence: 's', steps: [{ broker: { will: true } }] }],
  ]
  for (const [why, doc] of invalid) t.notOk(validate(doc), why)
  t.ok(
    validate({ sequence: 's', steps: [{ publish: { topic: 't' }, broker: { received: { topic: 't' } } }] }),
    'publish with a broker check is one action plus a check',
  )
})
