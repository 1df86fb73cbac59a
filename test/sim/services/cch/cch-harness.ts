/** Shared setup of the CCH probes: a simulated modem wired to a real TLS server and a real echo server on loopback. */
import type { Test } from 'tap'
import { createTestCertificates, DEFAULT_BROKER_HOSTNAMES, getSharedTestCertificates } from '../../../../src/servers/broker/index.js'
import { startEchoServer, type EchoServer } from '../../../../src/servers/tcp/index.js'
import { startTlsServer, type TlsEchoServer } from '../../../../src/servers/tls/index.js'
import { ok, urc, WireHarness } from '../../wire-harness.js'

export interface CchRig {
  h: WireHarness
  tls: TlsEchoServer
  echo: EchoServer
}

/**
 * A modem (echo off) whose port 7443 (any host) is the TLS server's verify port, `localhost:7444` its mutual-TLS port
 * and `echo.example.com:7` a plain echo server; everything stops with the test.
 */
export async function bootWithServers(t: Test, profile = 'simcom-a76xx', serverEcho = true): Promise<CchRig> {
  const tls = await startTlsServer({ echo: serverEcho })
  const echo = await startEchoServer({ echo: serverEcho })
  const to = (port: number): { host: string; port: number } => ({ host: '127.0.0.1', port })
  const h = await WireHarness.boot({
    profile,
    echo: false,
    resolve: [
      { host: '*', port: 7443, to: to(tls.tlsPort) },
      { host: 'localhost', port: 7444, to: to(tls.mtlsPort) },
      { host: 'echo.example.com', port: 7, to: to(echo.port) },
    ],
  })
  t.teardown(async () => {
    await h.close()
    await tls.close()
    await echo.close()
  })
  return { h, tls, echo }
}

/** The PEM files a test may download: the servers' CA, a client certificate and key it signed, and a foreign CA. */
export async function readCertificates(): Promise<{ ca: string; clientCert: string; clientKey: string; wrongCa: string }> {
  const shared = await getSharedTestCertificates({ hostnames: [...DEFAULT_BROKER_HOSTNAMES] })
  const foreign = await createTestCertificates({ hostnames: ['localhost'] })
  return { ca: shared.ca, clientCert: shared.clientCert, clientKey: shared.clientKey, wrongCa: foreign.ca }
}

/** AT+CCERTDOWN="<name>",<len>, the prompt, the file, OK. */
export async function downloadFile(h: WireHarness, name: string, text: string): Promise<void> {
  h.write(`AT+CCERTDOWN="${name}",${Buffer.byteLength(text)}\r`)
  await h.expect('\r\n>')
  h.write(text)
  await h.expect(ok())
}

/** AT+CCHSTART, answered OK and then `+CCHSTART: 0`. */
export async function startCch(h: WireHarness): Promise<void> {
  await h.command('AT+CCHSTART', ok() + urc('+CCHSTART: 0'), false)
}

/** Polls `done` every 5 ms for up to two seconds: the server's side of a socket event lands a little later. */
export async function until(done: () => boolean): Promise<void> {
  for (let waited = 0; !done() && waited < 2000; waited += 5) await new Promise(resolve => setTimeout(resolve, 5))
}

/** The bytes the TLS server received, joined. */
export function receivedBy(server: TlsEchoServer): string {
  return Buffer.concat(server.events().map(event => event.body)).toString('latin1')
}
