/** Shared setup of the HTTP(S) probes: a simulated modem whose web hosts go to a real HTTP(S) server on loopback. */
import type { Test } from 'tap'
import type { ResolveRule } from '../../../../src/sim/sockets/host-resolve.js'
import { startHttpServer, type HttpServer } from '../../../../src/servers/http/index.js'
import { ok, WireHarness } from '../../wire-harness.js'

/** Rules sending `web.example.com` and `localhost`, ports 80 and 443, to the server's plain and TLS listeners. */
export function webRules(server: HttpServer): ResolveRule[] {
  return ['web.example.com', 'localhost'].flatMap(host => [
    { host, port: 80, to: { host: server.host, port: server.port } },
    { host, port: 443, to: { host: server.host, port: server.tlsPort } },
  ])
}

/** A modem (echo off) and a fresh HTTP server; both stop with the test. */
export async function bootWithWeb(t: Test, profile = 'simcom-a76xx'): Promise<{ h: WireHarness; server: HttpServer }> {
  const server = await startHttpServer()
  const h = await WireHarness.boot({ profile, echo: false, resolve: webRules(server) })
  t.teardown(async () => {
    await h.close()
    await server.close()
  })
  return { h, server }
}

/** AT+HTTPINIT and the URL. */
export async function startSession(h: WireHarness, url: string): Promise<void> {
  await h.command('AT+HTTPINIT', ok(), false)
  await h.command(`AT+HTTPPARA="URL","${url}"`, ok(), false)
}

/** `\r\n+HTTPREAD: <n>\r\n<bytes>` for each block of at most `block` bytes, then `\r\n+HTTPREAD: 0\r\n` (A76XX). */
export function readBlocks(data: string, block = 1024): string {
  let wire = ''
  for (let at = 0; at < data.length; at += block) {
    const piece = data.slice(at, at + block)
    wire += `\r\n+HTTPREAD: ${piece.length}\r\n${piece}`
  }
  return wire + '\r\n+HTTPREAD: 0\r\n'
}
