import t from 'tap'
import { join } from 'node:path'
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
