// Copies every src/**/templates/ folder to the same place under dist/ (src/report/html/templates/
// -> dist/report/html/templates/), so a compiled module finds its templates next to itself.
// Run after tsc by `npm run build`; a folder copied before is replaced whole, so a template
// deleted from src/ does not live on in dist/.
import { cpSync, readdirSync, rmSync } from 'node:fs'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('..', import.meta.url))
const srcDir = join(root, 'src')
const distDir = join(root, 'dist')

function findTemplateDirs(dir) {
  const found = []
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (!entry.isDirectory()) continue
    const path = join(dir, entry.name)
    if (entry.name === 'templates') found.push(path)
    else found.push(...findTemplateDirs(path))
  }
  return found
}

for (const from of findTemplateDirs(srcDir)) {
  const to = join(distDir, relative(srcDir, from))
  rmSync(to, { recursive: true, force: true })
  cpSync(from, to, { recursive: true })
}
