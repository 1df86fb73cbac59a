import t from 'tap'
import { createRunMasker } from '../../src/app/create-run-masker.js'
import { MASK } from '../../src/record/masker.js'
import { loadSequenceText } from '../../src/sequence/load-sequence.js'
import type { Sequence } from '../../src/model/sequence.js'

const YAML = `sequence: masker
device: simcom-a76xx
steps:
  - send: AT+X="{{env.ATSEQ_MASKER_KEY}}"
  - send: AT+CGSN
    expect: ['/^(?<token>[A-Z]{6})$/', '/^(?<plain>\\d+)$/', OK]
`

function loadSequence(): Sequence {
  const { sequence, diagnostics } = loadSequenceText('masker.yaml', Buffer.from(YAML))
  if (sequence === undefined) throw new Error(diagnostics.map(d => d.code).join(', '))
  return sequence
}

t.test('each run of a sequence masks its env values and the lines its secret captures arrive on', async t => {
  process.env.ATSEQ_MASKER_KEY = 'k3y-v4lue'
  t.teardown(() => delete process.env.ATSEQ_MASKER_KEY)
  const sequence = loadSequence()
  for (const run of [1, 2]) {
    const masker = createRunMasker(sequence, { vars: {}, secretNames: ['token'], maskIdentifiers: false })
    t.equal(masker.mask('AT+X="k3y-v4lue"'), `AT+X="${MASK}"`, `env value, run ${run}`)
    t.equal(masker.mask('SECRET'), MASK, `secret capture, run ${run}`)
    t.equal(masker.mask('123456'), '123456', `a capture into a plain var stays, run ${run}`)
  }
})

t.test('the secret names of each run decide which captures are masked, though the walk is shared', async t => {
  const sequence = loadSequence()
  createRunMasker(sequence, { vars: {}, maskIdentifiers: false })
  const masker = createRunMasker(sequence, { vars: {}, secretNames: ['plain'], maskIdentifiers: false })
  t.equal(masker.mask('123456'), MASK)
})

t.test('a sequence is walked once however many devices run it', async t => {
  let walks = 0
  const sequence = new Proxy(loadSequence(), {
    ownKeys(target) {
      walks += 1
      return Reflect.ownKeys(target)
    },
  })
  createRunMasker(sequence, { vars: {}, maskIdentifiers: false })
  const first = walks
  t.ok(first > 0)
  for (let i = 0; i < 63; i++) createRunMasker(sequence, { vars: {}, maskIdentifiers: false })
  t.equal(walks, first)
})
