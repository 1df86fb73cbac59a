/**
 * One FTP(S) session of the simulated module over a real client (basic-ftp): login with the server type of
 * AT+CFTPSLOGIN, TLS from the bound AT+CSSLCFG context, and every failure turned into the module's `<errcode>`.
 * Data connections always go to the address the control connection reached (which went through the host
 * mapping), so a PASV answer can never send the module's traffic anywhere else.
 */
import { checkServerIdentity, type ConnectionOptions } from 'node:tls'
import { PassThrough, Readable } from 'node:stream'
import { Client, FTPError } from 'basic-ftp'
import { FTPS_ERR } from '../../../modem/families/simcom/ftp-codes.js'
import type { TlsSettings } from '../../sockets/tls-settings.js'

/** AT+CFTPSLOGIN `<server_type>`: 0 FTP, 1 explicit FTPS with AUTH SSL, 2 explicit FTPS with AUTH TLS, 3 implicit FTPS. */
export type FtpServerType = 0 | 1 | 2 | 3

export interface FtpLogin {
  /** Where the simulator really connects (after host mapping), and the name the module was given. */
  host: string
  port: number
  serverName: string
  user: string
  password: string
  serverType: FtpServerType
  tls?: TlsSettings
  timeoutMs: number
}

/** An operation's outcome as the module reports it: 0, one of its own codes, or the server's reply code. */
export type FtpOutcome<T> = { ok: true; value: T } | { ok: false; code: number; note: string }

export class FtpConnection {
  private closedByUs = false
  private aborting = false
  /** The module's code for why the session ended under a running operation (a lost network), if it did. */
  private endedWith: { code: number; note: string } | undefined

  private constructor(
    private readonly client: Client,
    readonly login: FtpLogin,
  ) {}

  /** Connects and logs in; never leaves a socket open when it fails. */
  static async open(login: FtpLogin, onClosed: () => void): Promise<FtpOutcome<FtpConnection>> {
    const client = new Client(login.timeoutMs)
    const tls = login.tls === undefined ? undefined : describeTls(login.tls)
    const outcome = await run(async () => {
      if (login.serverType === 3) await client.connectImplicitTLS(login.host, login.port, tls)
      else await client.connect(login.host, login.port)
      if (login.serverType === 1 || login.serverType === 2) await client.useTLS(tls, login.serverType === 1 ? 'AUTH SSL' : 'AUTH TLS')
      await client.login(login.user, login.password)
      await client.useDefaultSettings()
      // The module sends a plain LIST and passes the answer on; the client would otherwise try `LIST -a` or MLSD.
      client.availableListCommands = ['LIST']
      const connection = new FtpConnection(client, login)
      // The client drops every listener of a socket it closes, so the first sign of the end is taken once.
      const ended = (): void => {
        if (!connection.closedByUs) onClosed()
        connection.closedByUs = true
      }
      for (const event of ['end', 'close']) client.ftp.socket.once(event, ended)
      return connection
    })
    if (!outcome.ok) client.close()
    return outcome
  }

  close(): void {
    this.closedByUs = true
    this.client.close()
  }

  /** Ends the session because the network went: an operation still running fails with `code`, not as a close. */
  lose(code: number, note: string): void {
    this.endedWith = { code, note }
    this.close()
  }

  /** Runs one operation; once the session was lost, whatever it failed with is the loss. */
  private async attempt<T>(operation: () => Promise<T>): Promise<FtpOutcome<T>> {
    const outcome = await run(operation)
    if (outcome.ok || this.endedWith === undefined) return outcome
    return { ok: false, ...this.endedWith }
  }

  /** Ends the session politely (QUIT), then closes it. */
  async logout(): Promise<FtpOutcome<void>> {
    const outcome = await this.attempt(async () => void (await this.client.send('QUIT')))
    this.close()
    return outcome
  }

  /** Stops the running transfer, as AT+CFTPSABORT does. */
  abortTransfer(): void {
    this.aborting = true
    // ABOR on the control connection (RFC 959 4.1.3): the server answers 426 for the transfer, then 226, and the
    // session goes on. Dropping the data connection instead would make the client give the whole session up.
    this.client.ftp.socket.write('ABOR\r\n')
  }

  /** A transfer that AT+CFTPSABORT ended failed as a transfer (6), whatever the socket said. */
  private async transfer<T>(operation: () => Promise<T>): Promise<FtpOutcome<T>> {
    this.aborting = false
    const outcome = await this.attempt(operation)
    if (outcome.ok || !this.aborting) return outcome
    return { ok: false, code: FTPS_ERR.transferFailed, note: `aborted by AT+CFTPSABORT (${outcome.note})` }
  }

  setType(type: 'A' | 'I'): Promise<FtpOutcome<void>> {
    return this.attempt(async () => void (await this.client.send(`TYPE ${type}`)))
  }

  pwd(): Promise<FtpOutcome<string>> {
    return this.attempt(() => this.client.pwd())
  }

  /** Sends a command whose positive reply is all that matters (CWD, MKD, RMD, DELE). */
  command(verb: string, path: string): Promise<FtpOutcome<void>> {
    return this.attempt(async () => void (await this.client.send(`${verb} ${path}`)))
  }

  size(path: string): Promise<FtpOutcome<number>> {
    return this.attempt(() => this.client.size(path))
  }

  /** The server's LIST answer, raw, as the module passes it on. */
  list(path: string): Promise<FtpOutcome<Buffer>> {
    let raw = ''
    this.client.parseList = text => {
      raw = text
      return []
    }
    return this.attempt(async () => {
      await this.client.list(path)
      return Buffer.from(raw, 'utf8')
    })
  }

  /** The file's bytes from `startAt` on (REST then RETR). */
  download(path: string, startAt: number): Promise<FtpOutcome<Buffer>> {
    const sink = new PassThrough()
    const chunks: Buffer[] = []
    sink.on('data', (chunk: Buffer) => chunks.push(chunk))
    return this.transfer(async () => {
      await this.client.downloadTo(sink, path, startAt)
      return Buffer.concat(chunks)
    })
  }

  /** Stores `bytes` as the file (STOR), or appends them to what the server has (APPE), for a resumed upload. */
  upload(path: string, bytes: Buffer, append: boolean): Promise<FtpOutcome<void>> {
    const source = Readable.from([bytes])
    return this.transfer(
      async () => void (append ? await this.client.appendFrom(source, path) : await this.client.uploadFrom(source, path)),
    )
  }
}

function describeTls(tls: TlsSettings): ConnectionOptions {
  return {
    rejectUnauthorized: tls.verifyServer,
    ...(tls.ca ? { ca: tls.ca } : {}),
    ...(tls.cert ? { cert: tls.cert } : {}),
    ...(tls.key ? { key: tls.key } : {}),
    ...(tls.sendSni ? { servername: tls.serverName } : {}),
    minVersion: tls.minVersion,
    maxVersion: tls.maxVersion,
    // The name checked is the one the module was given, not the mapped loopback address it really reached.
    checkServerIdentity: (_host, cert) => (tls.verifyServer ? checkServerIdentity(tls.serverName, cert) : undefined),
  }
}

async function run<T>(operation: () => Promise<T>): Promise<FtpOutcome<T>> {
  try {
    return { ok: true, value: await operation() }
  } catch (error) {
    return { ok: false, ...classifyFailure(error) }
  }
}

/** The server's refusal passes on its reply code; a broken or refused connection is the module's own code. */
function classifyFailure(error: unknown): { code: number; note: string } {
  const note = error instanceof Error ? error.message : String(error)
  if (error instanceof FTPError) return { code: error.code, note }
  const code = (error as NodeJS.ErrnoException | undefined)?.code ?? ''
  if (/timeout/i.test(note)) return { code: FTPS_ERR.timeout, note }
  if (code.startsWith('ERR_SSL') || code.includes('CERT') || /certificate|handshake|SSL|TLS/.test(note))
    return { code: FTPS_ERR.sslAlert, note }
  if (code === 'ECONNRESET' || /closed/i.test(note)) return { code: FTPS_ERR.closedByServer, note }
  return { code: FTPS_ERR.networkError, note }
}
