/** Serves a scripted modem on loopback TCP, as a ser2net port would; every connection gets a fresh peer. */
import { createServer, type Socket } from 'node:net'
import type { Test } from 'tap'
import { connectPeerToStream, type ScriptedPeer } from './scripted-peer.js'

/** Listens on 127.0.0.1 on a free port; closed (and its connections ended) when the test ends. */
export async function serveScriptedModem(t: Test, createPeer: () => ScriptedPeer): Promise<number> {
  const sockets: Socket[] = []
  const server = createServer(socket => {
    sockets.push(socket)
    socket.on('error', () => {})
    connectPeerToStream(createPeer(), socket)
  })
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', () => resolve()))
  t.teardown(() => {
    for (const socket of sockets) socket.destroy()
    return new Promise<void>(resolve => server.close(() => resolve()))
  })
  return (server.address() as { port: number }).port
}
