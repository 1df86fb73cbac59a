/**
 * The echo-and-record server as the far side of a run's `tcp` and `udp` servers: each TCP read or datagram is an
 * event; `serve: { tcp: { send } }` writes to the newest open connection, `udp` answers the last sender, `close`
 * ends the newest connection from the server's side.
 */
import type { FarSideServer, ServerAction, ServerEvent } from '../model/server-link.js'
import { startEchoServer, type EchoServer, type ReceivedChunk } from '../servers/tcp/index.js'
import type { ServerNotes, SimServerSide } from './sim-server-side.js'

/** Adapts `echo` to the far-side server shape. */
export function createEchoFarSide(echo: EchoServer): FarSideServer {
  return {
    names: ['tcp', 'udp'],
    events: () => echo.received().map(toServerEvent),
    onEvent: listener => echo.onChunk(chunk => listener(toServerEvent(chunk))),
    act: action => actOnEcho(echo, action),
  }
}

async function actOnEcho(echo: EchoServer, action: ServerAction): Promise<void> {
  if (action.server === 'tcp' && action.kind === 'send') return echo.sendTcp(action.bytes, action.connection)
  if (action.server === 'udp' && action.kind === 'send') return echo.sendUdp(action.bytes)
  if (action.server === 'tcp' && action.kind === 'close') {
    const open = echo.connections().filter(entry => entry.open)
    const connection = action.connection ?? open.at(-1)?.connection
    if (connection === undefined || !open.some(entry => entry.connection === connection))
      throw new Error(`the echo server has no open TCP connection ${connection ?? ''}`.trimEnd())
    return echo.closeConnection(connection, action.reset ?? false)
  }
  throw new Error(`the echo server cannot ${action.kind} for ${action.server}`)
}

function toServerEvent(chunk: ReceivedChunk): ServerEvent {
  return { server: chunk.protocol, kind: 'bytes', connection: chunk.connection, body: chunk.bytes, atMs: chunk.atMs }
}

/** Starts the echo server for a `sim://` run: any host's port 7 (the echo service's) reaches it, for TCP and UDP. */
export async function openEchoServerSide(recorder: ServerNotes): Promise<SimServerSide> {
  const echo = await startEchoServer()
  recorder.recordNote(`echo server on ${echo.host}: tcp and udp ${echo.port}`)
  return {
    rules: [{ host: '*', port: 7, to: { host: echo.host, port: echo.port } }],
    vars: { echo_server_host: echo.host, echo_server_port: String(echo.port) },
    farSide: [createEchoFarSide(echo)],
    close: () => echo.close(),
  }
}
