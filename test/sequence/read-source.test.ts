import t from 'tap'
import { chmodSync } from 'node:fs'
import { join } from 'node:path'
import { readSourceFile, readSourceFileSync } from '../../src/sequence/read-source.js'

t.test('the blocking read gives what the promise read gives, for every kind of file', async t => {
  const dir = t.testdir({
    'ok.yaml': 'sequence: x\nsteps: []\n',
    'bom.yaml': '\uFEFFsequence: x\n',
    'binary.yaml': Buffer.from([0x61, 0x3a, 0x20, 0x00, 0x0a]),
    'latin1.yaml': Buffer.from([0x61, 0x3a, 0x20, 0xe9, 0x0a]),
    'big.yaml': 'x'.repeat(2048),
    'empty.yaml': '',
    'folder.yaml': {},
    'locked.yaml': 'sequence: x\n',
  })
  chmodSync(join(dir, 'locked.yaml'), 0o000)
  const expected: Record<string, string> = {
    'ok.yaml': 'read',
    'bom.yaml': 'read',
    'binary.yaml': 'binary-file',
    'latin1.yaml': 'binary-file',
    'big.yaml': 'file-too-large',
    'empty.yaml': 'read',
    'folder.yaml': 'not-a-file',
    'missing.yaml': 'file-not-found',
  }
  // root reads anything; only an ordinary user sees the permission error.
  if (process.getuid?.() !== 0) expected['locked.yaml'] = 'file-unreadable'
  try {
    for (const [name, outcome] of Object.entries(expected)) {
      const file = join(dir, name)
      const blocking = readSourceFileSync(file, 1024)
      t.same(blocking, await readSourceFile(file, 1024), name)
      t.equal(blocking.kind === 'read' ? 'read' : blocking.diagnostic.code, outcome, name)
    }
  } finally {
    // The test folder is removed after the test; a file without permissions would stop that.
    chmodSync(join(dir, 'locked.yaml'), 0o644)
  }
  const bom = readSourceFileSync(join(dir, 'bom.yaml'))
  t.equal(bom.kind === 'read' ? bom.text : '', 'sequence: x\n', 'the byte-order mark is dropped')
})
