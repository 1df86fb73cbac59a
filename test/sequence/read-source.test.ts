import t from 'tap'
import { chmodSync, existsSync, statSync, symlinkSync } from 'node:fs'
import { spawnSync } from 'node:child_process'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
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
  // root reads anything: there the locked file is read, and the next test checks the permission error as another user.
  expected['locked.yaml'] = process.getuid?.() === 0 ? 'read' : 'file-unreadable'
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

t.test('a file is read to its last byte at the limit, and one byte over is refused', async t => {
  const dir = t.testdir({ 'at.yaml': 'y'.repeat(1024), 'over.yaml': 'y'.repeat(1025) })
  const at = readSourceFileSync(join(dir, 'at.yaml'), 1024)
  t.equal(at.kind === 'read' ? at.text : at.diagnostic.code, 'y'.repeat(1024))
  const over = readSourceFileSync(join(dir, 'over.yaml'), 1024)
  t.equal(over.kind === 'read' ? 'read' : over.diagnostic.message, 'the file is 1025 bytes; sequence files are limited to 1024 bytes')
})

const PROC_STATUS = '/proc/self/status'
const hasProc = existsSync(PROC_STATUS)

t.test(
  'a regular file longer than its stat size is read to its end (a file that grew, or one in /proc)',
  { skip: !hasProc && 'no /proc here' },
  async t => {
    const file = PROC_STATUS
    t.equal(statSync(file).size, 0, 'stat gives no size for it')
    const read = readSourceFileSync(file)
    const text = read.kind === 'read' ? read.text : read.diagnostic.message
    t.match(text, /^Name:\t/, 'from its first line')
    t.match(text, /\nVmPeak:.*\n[\s\S]*\nvoluntary_ctxt_switches:\t\d+\nnonvoluntary_ctxt_switches:\t\d+\n$/, 'to its last')
    t.equal(readSourceFileSync(file, 16).kind, 'unreadable', 'and still stops at the limit')
  },
)

t.test('only regular files are read: a FIFO and a link to a device are refused before any read', async t => {
  const dir = t.testdir({ 'real.yaml': 'sequence: x\n' })
  const fifo = join(dir, 'pipe.yaml')
  t.equal(spawnSync('mkfifo', [fifo]).status, 0, 'made a FIFO')
  symlinkSync('/dev/zero', join(dir, 'zero.yaml'))
  symlinkSync(join(dir, 'real.yaml'), join(dir, 'link.yaml'))
  symlinkSync(join(dir, 'loop-a.yaml'), join(dir, 'loop-b.yaml'))
  symlinkSync(join(dir, 'loop-b.yaml'), join(dir, 'loop-a.yaml'))
  const codeOf = (name: string): string => {
    const read = readSourceFileSync(join(dir, name), 1024)
    return read.kind === 'read' ? 'read' : read.diagnostic.code
  }
  t.equal(codeOf('pipe.yaml'), 'not-a-file', 'a FIFO without a writer does not block')
  t.equal(codeOf('zero.yaml'), 'not-a-file', 'a link to /dev/zero is not read')
  t.equal(codeOf('link.yaml'), 'read', 'a link to a regular file is followed')
  t.equal(codeOf('loop-a.yaml'), 'file-unreadable', 'a link loop is reported')
  t.equal((await readSourceFile(fifo, 1024)).kind, 'unreadable', 'the promise read refuses it too')
})

// Both reads of a file the user may not read, as a script printing the two codes, so it can run as another user.
const readLockedScript = `
const { readSourceFile, readSourceFileSync } = await import(process.argv[1])
const codeOf = read => (read.kind === 'read' ? 'read' : read.diagnostic.code)
process.stdout.write(JSON.stringify([codeOf(readSourceFileSync(process.argv[2], 1024)), codeOf(await readSourceFile(process.argv[2], 1024))]))
`

t.test('a file without read permission is file-unreadable, also when the tests run as root', async t => {
  const dir = t.testdir({ 'locked.yaml': 'sequence: x\n' })
  const locked = join(dir, 'locked.yaml')
  // root is never refused, so as root the read runs without the two capabilities that let it read anything
  // (util-linux's setpriv drops them for the child it starts): the checkout may sit in a folder only root can enter,
  // so running as another user would not even find the test's own files. `env -u` drops the hooks the test runner
  // adds to every child.
  const asRoot = process.getuid?.() === 0
  const loader = fileURLToPath(new URL('../helpers/load-typescript.mjs', import.meta.url))
  const module = new URL('../../src/sequence/read-source.ts', import.meta.url).href
  const node = [process.execPath, '--import', loader, '--input-type=module', '--eval', readLockedScript, module, locked]
  const withoutOverride = ['--bounding-set=-dac_override,-dac_read_search', '--inh-caps=-dac_override,-dac_read_search']
  const [command, ...args] = asRoot
    ? ['setpriv', ...withoutOverride, 'env', '-u', 'NODE_OPTIONS', ...node]
    : ['env', '-u', 'NODE_OPTIONS', ...node]
  chmodSync(locked, 0o000)
  let child
  try {
    child = spawnSync(command!, args, { encoding: 'utf8', timeout: 60_000 })
  } finally {
    // The test folder is removed after the test; a file without permissions would stop that.
    chmodSync(locked, 0o644)
  }
  t.equal(child.stderr, '')
  t.equal(child.status, 0)
  t.same(JSON.parse(child.stdout), ['file-unreadable', 'file-unreadable'])
})
