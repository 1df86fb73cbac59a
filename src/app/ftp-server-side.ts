/**
 * The FTP(S) server of a `sim://` run: any host's port 21 (FTP and explicit FTPS) and 990 (implicit FTPS) reach
 * it, its address and account are vars, and it joins the far side as `ftp` (uploads as `file` events, the `file`
 * action puts a file).
 */
import { startFtpServer } from '../servers/ftp/index.js'
import type { ServerNotes, SimServerSide } from './sim-server-side.js'

/** Starts the server and notes where it listens; throws an error with a cause when it cannot start. */
export async function openFtpServerSide(recorder: ServerNotes): Promise<SimServerSide> {
  const server = await startFtpServer()
  recorder.recordNote(`FTP server on ${server.host}: ftp ${server.port}, implicit ftps ${server.implicitPort}`)
  const to = (port: number): { host: string; port: number } => ({ host: server.host, port })
  return {
    farSide: [server],
    rules: [
      { host: '*', port: 21, to: to(server.port) },
      { host: '*', port: 990, to: to(server.implicitPort) },
    ],
    vars: {
      ftp_server_host: server.host,
      ftp_server_port: String(server.port),
      ftps_implicit_port: String(server.implicitPort),
      ftp_user: server.user,
      ftp_password: server.password,
    },
    close: () => server.close(),
  }
}
