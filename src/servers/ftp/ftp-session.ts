/**
 * One client's control connection (RFC 959, RFC 4217 for AUTH TLS / PBSZ / PROT, RFC 3659 for SIZE, REST):
 * reads command lines, answers with reply codes, runs transfers over passive data channels.
 */
import { appendFile, mkdir, open, readFile, rename, rm, rmdir, stat } from 'node:fs/promises'
import type { Socket } from 'node:net'
import { TLSSocket, type SecureContext } from 'node:tls'
import { FtpDataChannel } from './ftp-data-channel.js'
import type { FtpRoot } from './ftp-root.js'

/** What a session needs from its server. */
export interface FtpSessionHost {
  root: FtpRoot
  host: string
  user: string
  password: string
  /** Whether `anonymous` / `ftp` may log in with any password. */
  anonymous: boolean
  secureContext: SecureContext
  /** A client stored a file (STOR / APPE ended): its server path and whole contents now. */
  onStored(path: string, body: Buffer): void
}

type Handler = (arg: string) => Promise<void>

export class FtpSession {
  private socket: Socket
  private buffer = ''
  private user: string | undefined
  private loggedIn = false
  private cwd = '/'
  private protectData: boolean
  private restAt = 0
  private renameFrom: string | undefined
  private data: FtpDataChannel | undefined
  private queue: Promise<void> = Promise.resolve()
  private readonly handlers: ReadonlyMap<string, Handler>

  constructor(
    socket: Socket,
    private readonly host: FtpSessionHost,
    implicitTls: boolean,
  ) {
    this.socket = socket
    this.protectData = implicitTls
    this.handlers = this.createHandlers()
    this.listen(socket)
    this.reply(220, 'atseq FTP server ready')
  }

  close(): void {
    this.data?.close()
    this.socket.destroy()
  }

  private listen(socket: Socket): void {
    socket.on('data', (chunk: Buffer) => this.readLines(chunk))
    socket.on('error', () => this.close())
    socket.on('close', () => this.data?.close())
  }

  private readLines(chunk: Buffer): void {
    this.buffer += chunk.toString('utf8')
    for (let end = this.buffer.indexOf('\n'); end >= 0; end = this.buffer.indexOf('\n')) {
      const line = this.buffer.slice(0, end).replace(/\r$/, '')
      this.buffer = this.buffer.slice(end + 1)
      this.queue = this.queue.then(() => this.runLine(line)).catch(() => this.reply(451, 'Local error'))
    }
  }

  private async runLine(line: string): Promise<void> {
    const space = line.indexOf(' ')
    const verb = (space < 0 ? line : line.slice(0, space)).toUpperCase()
    const arg = space < 0 ? '' : line.slice(space + 1)
    const handler = this.handlers.get(verb)
    if (handler === undefined) return this.reply(502, `${verb} not implemented`)
    if (!this.loggedIn && !OPEN_VERBS.has(verb)) return this.reply(530, 'Please login with USER and PASS')
    await handler(arg)
  }

  private reply(code: number, text: string): void {
    if (!this.socket.destroyed) this.socket.write(`${code} ${text}\r\n`)
  }

  private createHandlers(): ReadonlyMap<string, Handler> {
    const simple =
      (code: number, text: string): Handler =>
      async () =>
        this.reply(code, text)
    return new Map<string, Handler>([
      ['USER', async arg => this.acceptUser(arg)],
      ['PASS', async arg => this.acceptPassword(arg)],
      ['AUTH', async arg => this.startTls(arg)],
      ['PBSZ', simple(200, 'PBSZ=0')],
      ['PROT', async arg => this.setProtection(arg)],
      ['FEAT', async () => void this.socket.write(FEATURES)],
      ['SYST', simple(215, 'UNIX Type: L8')],
      ['TYPE', async arg => this.reply(/^[AI]/i.test(arg) ? 200 : 504, `Type ${arg}`)],
      ['STRU', simple(200, 'Structure F')],
      ['MODE', simple(200, 'Mode S')],
      ['OPTS', simple(200, 'OK')],
      ['NOOP', simple(200, 'OK')],
      ['QUIT', async () => this.quit()],
      ['PWD', async () => this.reply(257, `"${this.cwd}" is the current directory`)],
      ['CWD', async arg => this.changeDir(arg)],
      ['CDUP', async () => this.changeDir('..')],
      ['MKD', async arg => this.runFileOp(() => mkdir(this.local(arg)), 257, `"${this.path(arg)}" created`)],
      ['RMD', async arg => this.runFileOp(() => rmdir(this.local(arg)), 250, 'Directory removed')],
      ['DELE', async arg => this.runFileOp(() => rm(this.local(arg)), 250, 'File deleted')],
      ['RNFR', async arg => this.startRename(arg)],
      ['RNTO', async arg => this.finishRename(arg)],
      ['SIZE', async arg => this.sendSize(arg)],
      ['REST', async arg => this.setRestart(arg)],
      ['PASV', async () => this.openPassive(false)],
      ['EPSV', async () => this.openPassive(true)],
      ['LIST', async arg => this.sendListing(arg)],
      ['NLST', async arg => this.sendListing(arg)],
      ['RETR', async arg => this.sendFile(arg)],
      ['STOR', async arg => this.storeFile(arg, false)],
      ['APPE', async arg => this.storeFile(arg, true)],
      ['ABOR', async () => this.abort()],
    ])
  }

  private acceptUser(name: string): void {
    this.user = name
    this.loggedIn = false
    this.reply(331, 'Password required')
  }

  private acceptPassword(password: string): void {
    // Anonymous FTP (RFC 1635): `anonymous` or `ftp` with any password, as public servers and spec tables use it.
    const anonymous = this.host.anonymous && (this.user === 'anonymous' || this.user === 'ftp')
    this.loggedIn = anonymous || (this.user === this.host.user && password === this.host.password)
    this.reply(this.loggedIn ? 230 : 530, this.loggedIn ? 'Login successful' : 'Login incorrect')
  }

  /** AUTH TLS (RFC 4217) and the older AUTH SSL both upgrade the control connection in place. */
  private startTls(mechanism: string): void {
    if (!/^(TLS|SSL|TLS-C)$/i.test(mechanism.trim())) return this.reply(504, 'AUTH TLS or AUTH SSL only')
    if (this.socket instanceof TLSSocket) return this.reply(503, 'Already protected')
    this.reply(234, `AUTH ${mechanism.toUpperCase()} OK`)
    const plain = this.socket
    plain.removeAllListeners('data')
    const secure = new TLSSocket(plain, { isServer: true, secureContext: this.host.secureContext })
    this.socket = secure
    this.listen(secure)
  }

  private setProtection(level: string): void {
    if (!/^[CP]$/i.test(level.trim())) return this.reply(536, 'PROT C or P only')
    this.protectData = level.trim().toUpperCase() === 'P'
    this.reply(200, `PROT ${level.trim().toUpperCase()}`)
  }

  private quit(): void {
    this.reply(221, 'Goodbye')
    this.socket.end()
  }

  private path(arg: string): string {
    return this.host.root.resolvePath(this.cwd, arg)
  }

  private local(arg: string): string {
    return this.host.root.toLocal(this.path(arg))
  }

  private async changeDir(arg: string): Promise<void> {
    const target = this.path(arg)
    if (!(await this.host.root.isDirectory(target))) return this.reply(550, 'No such directory')
    this.cwd = target
    this.reply(250, `Directory changed to ${target}`)
  }

  private async runFileOp(run: () => Promise<unknown>, code: number, text: string): Promise<void> {
    const failed = await run().then(
      () => false,
      () => true,
    )
    this.reply(failed ? 550 : code, failed ? 'Requested action not taken' : text)
  }

  private startRename(arg: string): void {
    this.renameFrom = this.local(arg)
    this.reply(350, 'Ready for RNTO')
  }

  private async finishRename(arg: string): Promise<void> {
    const from = this.renameFrom
    this.renameFrom = undefined
    if (from === undefined) return this.reply(503, 'RNFR first')
    await this.runFileOp(() => rename(from, this.local(arg)), 250, 'Renamed')
  }

  private async sendSize(arg: string): Promise<void> {
    const info = await stat(this.local(arg)).catch(() => undefined)
    if (info === undefined || !info.isFile()) return this.reply(550, 'No such file')
    this.reply(213, String(info.size))
  }

  private setRestart(arg: string): void {
    const offset = Number(arg)
    if (!Number.isInteger(offset) || offset < 0) return this.reply(501, 'REST needs a byte offset')
    this.restAt = offset
    this.reply(350, `Restarting at ${offset}`)
  }

  private async openPassive(extended: boolean): Promise<void> {
    this.data?.close()
    this.data = await FtpDataChannel.open(this.host.host, this.protectData ? this.host.secureContext : undefined)
    const { port } = this.data
    if (extended) return this.reply(229, `Entering Extended Passive Mode (|||${port}|)`)
    this.reply(227, `Entering Passive Mode (${this.host.host.split('.').join(',')},${port >> 8},${port & 255})`)
  }

  /** The open data channel for one transfer (it serves one transfer only), or a 425 reply when there is none. */
  private takeData(): FtpDataChannel | undefined {
    const data = this.data
    this.data = undefined
    if (data === undefined) this.reply(425, 'Use PASV or EPSV first')
    return data
  }

  private async sendListing(arg: string): Promise<void> {
    const path = this.path(arg.replace(/^-\S+\s*/, ''))
    const listing = await this.host.root.list(path).catch(() => undefined)
    if (listing === undefined) return this.reply(550, 'No such file or directory')
    await this.transfer(data => data.send(Buffer.from(listing)))
  }

  private async sendFile(arg: string): Promise<void> {
    const from = this.restAt
    this.restAt = 0
    const body = await readFile(this.local(arg)).catch(() => undefined)
    if (body === undefined) return this.reply(550, 'No such file')
    await this.transfer(data => data.send(body.subarray(Math.min(from, body.length))))
  }

  private async storeFile(arg: string, append: boolean): Promise<void> {
    const from = this.restAt
    this.restAt = 0
    const path = this.path(arg)
    const local = this.host.root.toLocal(path)
    // The event comes before the 226 reply, so whoever saw the client's success can already see the file.
    await this.transfer(async data => {
      const bytes = await data.receive()
      if (append) await appendFile(local, bytes)
      else await writeAt(local, bytes, from)
      this.host.onStored(path, await readFile(local))
    })
  }

  private async transfer(run: (data: FtpDataChannel) => Promise<void>): Promise<void> {
    const data = this.takeData()
    if (data === undefined) return
    this.reply(150, 'Opening data connection')
    const failed = await run(data).then(
      () => false,
      () => true,
    )
    data.close()
    this.reply(failed ? 426 : 226, failed ? 'Connection closed; transfer aborted' : 'Transfer complete')
  }

  private abort(): void {
    this.data?.close()
    this.data = undefined
    this.reply(226, 'Abort successful')
  }
}

const FEATURES = '211-Features:\r\n AUTH TLS\r\n PBSZ\r\n PROT\r\n SIZE\r\n REST STREAM\r\n EPSV\r\n UTF8\r\n211 End\r\n'

/** Commands a client may send before it logged in. */
const OPEN_VERBS = new Set(['USER', 'PASS', 'AUTH', 'PBSZ', 'PROT', 'FEAT', 'SYST', 'OPTS', 'NOOP', 'QUIT'])

/** STOR after REST keeps the first `offset` bytes and writes from there (RFC 3659 restart); plain STOR truncates. */
async function writeAt(local: string, bytes: Buffer, offset: number): Promise<void> {
  const file = await open(local, offset > 0 ? 'r+' : 'w').catch(() => open(local, 'w'))
  try {
    if (offset === 0) await file.truncate(0)
    await file.write(bytes, 0, bytes.length, offset)
    await file.truncate(offset + bytes.length)
  } finally {
    await file.close()
  }
}
