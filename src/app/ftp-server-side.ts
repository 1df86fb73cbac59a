/**
 * The FTP(S) server of a `sim://` run: started on loopback, any host's port 21 (FTP and explicit FTPS) and 990
 * (implicit FTPS) mapped to it, and its address and account given to sequences as vars.
 */
import type { Recorder } from '../record/recorder.js'
import { startFtpServer, type FtpServer } from '../servers/ftp/index.js'
import type { ResolveRule } from '../sim/sockets/host-resolve.js'

export interface FtpServerSide {
  server: FtpServer
  /** Any host's 21 and 990 to the server (after the user's own rules). */
  rules: ResolveRule[]
  /** `ftp_server_host`, `ftp_server_port`, `ftps_implicit_port`, `ftp_user`, `ftp_password`. */
  vars: Record<string, string>
}

/** Starts the server and notes where it listens; rejects with the cause when it cannot start. */
export async function openFtpServerSide(recorder: Recorder): Promise<FtpServerSide> {
  const server = await startFtpServer()
  recorder.recordNote(`FTP server on ${server.host}: ftp ${server.port}, implicit ftps ${server.implicitPort}`)
  const to = (port: number): { host: string; port: number } => ({ host: server.host, port })
  return {
    server,
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
  }
}
