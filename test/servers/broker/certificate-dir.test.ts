import t from 'tap'
import { mkdtemp, readFile, rm, stat, unlink } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { CERTIFICATE_FILES, loadOrCreateCertificateDir } from '../../../src/servers/broker/certificate-dir.js'

t.test('creates the six files, then reuses them; a missing file means a new set', async t => {
  const dir = join(await mkdtemp(join(tmpdir(), 'atseq-certdir-')), 'nested')
  t.teardown(() => rm(join(dir, '..'), { recursive: true, force: true }))
  const created = await loadOrCreateCertificateDir(dir, { hostnames: ['localhost'] })
  t.equal(created.origin, 'created')
  for (const [name, file] of Object.entries(CERTIFICATE_FILES)) {
    t.equal(await readFile(join(dir, file), 'utf8'), created.certificates[name as keyof typeof CERTIFICATE_FILES], file)
  }
  t.equal((await stat(join(dir, 'ca-key.pem'))).mode & 0o777, 0o600)
  const reused = await loadOrCreateCertificateDir(dir, { hostnames: ['localhost'] })
  t.equal(reused.origin, 'reused')
  t.same(reused.certificates, created.certificates)
  await unlink(join(dir, 'server-key.pem'))
  const renewed = await loadOrCreateCertificateDir(dir, { hostnames: ['localhost'] })
  t.equal(renewed.origin, 'created')
  t.not(renewed.certificates.ca, created.certificates.ca)
})
