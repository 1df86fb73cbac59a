/** How messages name the step and the key they are about, and the plain-data lookups behind them. */
import t from 'tap'
import { describeStepContext, describeSubject, isRecord, readIn } from '../../src/sequence/step-context.js'

const data = {
  setup: [{ send: 'ATE0' }, { no: 's9', send: 'AT' }],
  steps: [{ no: '4.2', send: 'AT+CPIN?' }, { send: 'AT+CSQ' }, { no: 7, send: 'AT' }, { no: true, send: 'AT' }, null, 'AT'],
  teardown: [{ no: 't1', send: 'AT+CFUN=0' }, { send: 'AT' }],
}

t.test('a message about a numbered step names it by its number', async t => {
  t.equal(describeStepContext(['steps', 0, 'send'], data), 'step 4.2: ')
  t.equal(describeStepContext(['steps', 2], data), 'step 7: ', 'a number written as a YAML number')
  t.equal(describeStepContext(['setup', 1], data), 'setup step s9: ')
  t.equal(describeStepContext(['teardown', 0, 'send'], data), 'teardown step t1: ')
})

t.test('a message about a step without a number names it by its 1-based place in its list', async t => {
  t.equal(describeStepContext(['steps', 1, 'expect', 0], data), 'step #2: ')
  t.equal(describeStepContext(['setup', 0], data), 'setup step #1: ')
  t.equal(describeStepContext(['teardown', 1], data), 'teardown step #2: ')
})

t.test('a step whose no: is neither text nor a number is named by its place', async t => {
  t.equal(describeStepContext(['steps', 3, 'no'], data), 'step #4: ')
})

t.test('a step that is not a mapping, or not there at all, is named by its place', async t => {
  t.equal(describeStepContext(['steps', 4], data), 'step #5: ', 'null')
  t.equal(describeStepContext(['steps', 5], data), 'step #6: ', 'a bare string')
  t.equal(describeStepContext(['steps', 9], data), 'step #10: ', 'past the end of the list')
})

t.test('a message about something outside the step lists names no step', async t => {
  t.equal(describeStepContext([], data), '')
  t.equal(describeStepContext(['vars', 0], { vars: [{ no: '1' }] }), '', 'a list that is not a phase')
  t.equal(describeStepContext(['steps'], data), '', 'the steps list itself')
  t.equal(describeStepContext(['steps', 'no'], { steps: { no: '1' } }), '', 'a key rather than an index')
  t.equal(describeStepContext([0, 1], [[], [{ no: '1' }]]), '', 'an index rather than a phase')
})

t.test('the subject of a message about the whole file or a whole step', async t => {
  t.equal(describeSubject([]), 'the file')
  t.equal(describeSubject(['steps', 2]), 'the step')
  t.equal(describeSubject(['setup', 0]), 'the step')
  t.equal(describeSubject(['teardown', 1]), 'the step')
})

t.test('the subject inside a step is its key path, without the step', async t => {
  t.equal(describeSubject(['steps', 0, 'retry', 'every']), "'retry.every'")
  t.equal(describeSubject(['setup', 3, 'send']), "'send'")
})

t.test('the subject inside a list names the 1-based item of the innermost list', async t => {
  t.equal(describeSubject(['steps', 0, 'expect', 1]), "'expect' item 2")
  t.equal(describeSubject(['steps', 0, 'expect', 0]), "'expect' item 1")
  t.equal(describeSubject(['steps', 0, 'expect', 1, 'not']), "'expect.not'", 'a key below the item')
  t.equal(describeSubject(['abort', 0]), "'abort' item 1", 'a top-level list')
})

t.test('the subject outside the step lists is its full key path', async t => {
  t.equal(describeSubject(['name']), "'name'")
  t.equal(describeSubject(['broker', 'port']), "'broker.port'")
  t.equal(describeSubject(['steps', 'x']), "'steps.x'", 'a key of steps: rather than a step')
})

t.test('the subject under vars: is the variable', async t => {
  t.equal(describeSubject(['vars', 'apn']), "variable 'apn'")
  t.equal(describeSubject(['vars', 'apn', 'secret']), "variable 'apn''s secret")
  t.equal(describeSubject(['vars', 0]), "'vars' item 1", 'an index is no variable name')
})

t.test('a step key called vars is a key of the step, not a variable of the file', async t => {
  t.equal(describeSubject(['steps', 0, 'vars', 'apn']), "'vars.apn'")
})

t.test('readIn follows keys and indexes through plain data', async t => {
  const doc = { steps: [{ no: '1' }, { expect: ['OK', { not: 'ERROR' }] }], '0': 'zero' }
  t.equal(readIn(doc, ['steps', 1, 'expect', 1, 'not']), 'ERROR')
  t.equal(readIn(doc, [0]), 'zero', 'a number as a mapping key')
  t.same(readIn(doc, []), doc, 'the empty path')
  t.equal(readIn(doc, ['steps', 5, 'no']), undefined, 'past the end of a list')
})

t.test('readIn finds nothing inside text, null or a list read by key', async t => {
  t.equal(readIn({ send: 'AT' }, ['send', 'length']), undefined)
  t.equal(readIn('AT', [0]), undefined)
  t.equal(readIn({ a: null }, ['a', 'b']), undefined)
  t.equal(readIn({ steps: ['a', 'b'] }, ['steps', 'length']), undefined)
})

t.test('isRecord holds only for plain objects', async t => {
  t.equal(isRecord({}), true)
  t.equal(isRecord({ a: 1 }), true)
  t.equal(isRecord(null), false)
  t.equal(isRecord([]), false)
  t.equal(isRecord('a'), false)
  t.equal(isRecord(undefined), false)
})
