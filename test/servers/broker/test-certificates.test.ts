import t from 'tap'
import { X509Certificate, createPrivateKey, createPublicKey } from 'node:crypto'
import { createTestCertificates, getSharedTestCertificates } from '../../../src/servers/broker/test-certificates.js'

function publicKeyOf(privateKeyPem: string): string {
  return createPublicKey(createPrivateKey(privateKeyPem)).export({ type: 'spki', format: 'pem' }).toString()
}

t.test('a CA signs a server certificate for the hostnames and a client certificate', async t => {
  const certs = await createTestCertificates({ hostnames: ['broker.test', '127.0.0.1', '::1'] })
  const ca = new X509Certificate(certs.ca)
  const server = new X509Certificate(certs.serverCert)
  const client = new X509Certificate(certs.clientCert)
  t.equal(ca.ca, true)
  t.equal(server.ca, false)
  t.ok(server.verify(ca.publicKey), 'server certificate signed by the CA')
  t.ok(client.verify(ca.publicKey), 'client certificate signed by the CA')
  t.ok(server.checkIssued(ca) && client.checkIssued(ca))
  t.equal(server.checkHost('broker.test'), 'broker.test')
  t.equal(server.checkIP('127.0.0.1'), '127.0.0.1')
  t.equal(server.checkIP('::1'), '::1')
  t.equal(server.checkHost('other.test'), undefined)
  t.equal(publicKeyOf(certs.serverKey), server.publicKey.export({ type: 'spki', format: 'pem' }).toString())
  t.equal(publicKeyOf(certs.clientKey), client.publicKey.export({ type: 'spki', format: 'pem' }).toString())
  t.equal(publicKeyOf(certs.caKey), ca.publicKey.export({ type: 'spki', format: 'pem' }).toString())
  t.match(server.keyUsage ?? [], ['1.3.6.1.5.5.7.3.1'], 'serverAuth')
  t.match(client.keyUsage ?? [], ['1.3.6.1.5.5.7.3.2'], 'clientAuth')
})

t.test('valid from yesterday, for validDays', async t => {
  const certs = await createTestCertificates({ hostnames: ['localhost'], validDays: 10 })
  const server = new X509Certificate(certs.serverCert)
  const fromMs = Date.parse(server.validFrom)
  const toMs = Date.parse(server.validTo)
  t.ok(fromMs < Date.now() - 23 * 3600_000, 'starts about a day ago')
  t.ok(Math.abs(toMs - fromMs - 10 * 86400_000) < 2000, 'lasts validDays')
})

t.test('EC by default, RSA on request', async t => {
  const ec = await createTestCertificates({ hostnames: ['localhost'] })
  t.equal(new X509Certificate(ec.serverCert).publicKey.asymmetricKeyType, 'ec')
  const rsa = await createTestCertificates({ hostnames: ['localhost'], keyType: 'rsa' })
  t.equal(new X509Certificate(rsa.serverCert).publicKey.asymmetricKeyType, 'rsa')
  t.ok(new X509Certificate(rsa.serverCert).verify(new X509Certificate(rsa.ca).publicKey))
})

t.test('every call makes a new CA; the shared set is made once per hostnames', async t => {
  const first = await createTestCertificates({ hostnames: ['localhost'] })
  const second = await createTestCertificates({ hostnames: ['localhost'] })
  t.not(first.ca, second.ca)
  const sharedA = await getSharedTestCertificates({ hostnames: ['localhost'] })
  const sharedB = await getSharedTestCertificates({ hostnames: ['localhost'] })
  const other = await getSharedTestCertificates({ hostnames: ['broker.test'] })
  t.equal(sharedA, sharedB)
  t.not(sharedA.ca, other.ca)
})

t.test('refuses an empty hostname list', async t => {
  await t.rejects(createTestCertificates({ hostnames: [] }))
})
