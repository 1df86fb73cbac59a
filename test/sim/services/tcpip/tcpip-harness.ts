/** Shared setup of the TCP/IP probes: a simulated modem wired to a real echo server on loopback. */
import type { Test } from 'tap'
import { startEchoServer, type EchoServer } from '../../../../src/servers/tcp/echo-server.js'
import { ok, urc, WireHarness } from '../../wire-harness.js'

/** `+CIPOPEN: <n>` for each free link from `from` to 9, as AT+CIPOPEN? lists them. */
export const FREE_LINKS = (from: number): string[] => Array.from({ length: 10 - from }, (_, i) => `+CIPOPEN: ${from + i}`)

/** A modem (echo off) whose `echo.example.com:7` goes to a fresh echo server; both stop with the test. */
export async function bootWithServer(t: Test, echo = true, profile = 'simcom-a76xx'): Promise<{ h: WireHarness; server: EchoServer }> {
  const server = await startEchoServer({ echo })
  const h = await WireHarness.boot({
    profile,
    echo: false,
    resolve: [{ host: 'echo.example.com', port: 7, to: { host: server.host, port: server.port } }],
  })
  t.teardown(async () => {
    await h.close()
    await server.close()
  })
  return { h, server }
}

/** Polls `done` every 5 ms for up to a second: the server's side of a socket event lands a little later. */
export async function until(done: () => boolean): Promise<void> {
  for (let waited = 0; !done() && waited < 1000; waited += 5) await new Promise(resolve => setTimeout(resolve, 5))
}

/** AT+NETOPEN, then a TCP link to the echo server, up to its `+CIPOPEN: <link>,0`. */
export async function openTcp(h: WireHarness, link = 0): Promise<void> {
  await h.command('AT+NETOPEN', ok() + urc('+NETOPEN: 0'), false)
  await h.command(`AT+CIPOPEN=${link},"TCP","echo.example.com",7`, ok(), false)
  await h.expect(urc(`+CIPOPEN: ${link},0`))
}
