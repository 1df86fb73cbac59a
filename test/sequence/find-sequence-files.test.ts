import t from 'tap'
import { join } from 'node:path'
import { symlinkSync } from 'node:fs'
import { findSequenceFiles } from '../../src/sequence/index.js'

t.test('files and folders, recursive, *.yaml and *.yml, sorted, hidden entries skipped', async t => {
  const dir = t.testdir({
    'b.yaml': '',
    'a.yml': '',
    'notes.txt': '',
    sub: { 'c.YAML': '', deeper: { 'd.yaml': '' } },
    '.hidden': { 'e.yaml': '' },
    '.f.yaml': '',
  })
  t.same(await findSequenceFiles([dir]), [join(dir, 'a.yml'), join(dir, 'b.yaml'), join(dir, 'sub/c.YAML'), join(dir, 'sub/deeper/d.yaml')])
  t.same(
    await findSequenceFiles([join(dir, 'notes.txt'), join(dir, 'b.yaml'), join(dir, 'b.yaml')]),
    [join(dir, 'b.yaml'), join(dir, 'notes.txt')],
    'an explicitly named file is kept whatever its extension, and only once',
  )
  t.same(await findSequenceFiles([join(dir, 'missing')]), [join(dir, 'missing')], 'a missing path is kept so loading reports it')
})

t.test('symlinked files and folders are followed, link loops searched once, dangling *.yaml links kept', async t => {
  const dir = t.testdir({ real: { 'a.yaml': '' }, top: { 'own.yaml': '' } })
  symlinkSync(join(dir, 'real/a.yaml'), join(dir, 'top/linked.yaml'))
  symlinkSync(join(dir, 'real'), join(dir, 'top/folder-link'))
  symlinkSync(join(dir, 'top'), join(dir, 'top/loop'))
  symlinkSync(join(dir, 'nowhere.yaml'), join(dir, 'top/dangling.yaml'))
  t.same(await findSequenceFiles([join(dir, 'top')]), [
    join(dir, 'top/dangling.yaml'),
    join(dir, 'top/folder-link/a.yaml'),
    join(dir, 'top/linked.yaml'),
    join(dir, 'top/own.yaml'),
  ])
})
