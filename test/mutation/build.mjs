// Stryker's build step: compiles src/ and test/ (with the mutants switched in) to plain JavaScript under
// .mutation-build/, so that each test process Stryker starts loads compiled files instead of compiling TypeScript
// on the fly: that start-up was most of the cost of a mutant. The files that are not TypeScript (fixtures,
// templates, loaders) are copied beside them, and the top-level folders the code finds relative to itself
// (schemas, sequences, dist, ...) are linked, so paths like `../../schemas` resolve as they do in the tree.
import { spawnSync } from 'node:child_process'
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join, relative } from 'node:path'

const OUT = '.mutation-build'
const COMPILED = new Set(['src', 'test'])
const NOT_LINKED = new Set([OUT, '.git', '.stryker-tmp', 'node_modules', ...COMPILED])

rmSync(OUT, { recursive: true, force: true })
const tsc = spawnSync(
  process.execPath,
  [createRequire(import.meta.url).resolve('typescript/bin/tsc'), '-p', 'test/mutation/tsconfig.json'],
  {
    stdio: 'inherit',
  },
)
// Type errors do not stop the emit (noEmitOnError is off) and the mutated code is not meant to type-check, but a
// tsc that could not run at all leaves nothing to test.
if (tsc.status === null || !existsSync(join(OUT, 'src'))) {
  console.error('test/mutation/build.mjs: tsc emitted nothing')
  process.exit(1)
}
for (const dir of COMPILED) {
  // Never over a compiled file; the .ts files come along for the tests that start a child through the loader.
  cpSync(dir, join(OUT, dir), { recursive: true, force: false, errorOnExist: false })
}
for (const entry of readdirSync('.')) {
  if (NOT_LINKED.has(entry)) continue
  symlinkSync(relative(OUT, entry), join(OUT, entry))
}

// tap finds a test's snapshot by the path of the file it runs, and keys each snapshot by it too: the compiled
// test under .mutation-build/ gets a copy of its source's snapshots, with the file and keys renamed.
const SNAPSHOTS = 'tap-snapshots'
const SNAPSHOT_SOURCE = /^(.*\.test)\.ts\.test\.cjs$/
if (existsSync(join(SNAPSHOTS, 'test'))) {
  rmSync(join(SNAPSHOTS, OUT), { recursive: true, force: true })
  for (const file of readdirSync(join(SNAPSHOTS, 'test'), { recursive: true })) {
    const source = SNAPSHOT_SOURCE.exec(join('test', String(file)))
    if (source === null) continue
    const compiled = join(OUT, `${source[1]}.js`)
    const text = readFileSync(join(SNAPSHOTS, String(source[0])), 'utf8').replaceAll(`\`${source[1]}.ts > `, `\`${compiled} > `)
    const target = join(SNAPSHOTS, `${compiled}.test.cjs`)
    mkdirSync(dirname(target), { recursive: true })
    writeFileSync(target, text)
  }
}
