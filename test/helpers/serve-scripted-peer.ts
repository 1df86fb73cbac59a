/** Serves a scripted modem on loopback TCP (`tcp://127.0.0.1:<port>`), one fresh peer per connection, closed at teardown. */
import { createServer, type Socket } from 'node:net'
import type { Test } from 'tap'
import { connectPeerToStream, type ScriptedPeer } from './scripted-peer.js'

/** Listens on 127.0.0.1; `makePeer` scripts the modem each connection talks to. Returns the port. */
export async function serveScriptedPeer(t: Test, makePeer: () => ScriptedPeer): Promise<number> {
  const sockets = new Set<Socket>()
  const server = createServer(socket => {
    sockets.add(socket)
    socket.on('error', () => undefined)
    connectPeerToStream(makePeer(), socket)
  })
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  t.teardown(() => {
    for (const socket of sockets) socket.destroy()
    server.close()
  })
  const address = server.address()
  if (address === null || typeof address === 'string') throw new Error('no TCP port')
  return address.port
}
