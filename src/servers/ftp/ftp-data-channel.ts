/**
 * One passive-mode data connection: a listener on loopback (PASV / EPSV) that accepts the client's connection,
 * wrapped in TLS when the client asked for a protected data channel (PROT P).
 */
import { once } from 'node:events'
import { createServer, type AddressInfo, type Server, type Socket } from 'node:net'
import { TLSSocket, type SecureContext } from 'node:tls'

/** How long a client has to open the data connection after PASV / the transfer command. */
const ACCEPT_TIMEOUT_MS = 10_000

export class FtpDataChannel {
  private readonly accepted: Promise<Socket>
  private socket: Socket | undefined

  private constructor(
    private readonly listener: Server,
    readonly port: number,
    secure: SecureContext | undefined,
  ) {
    this.accepted = new Promise<Socket>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('no data connection')), ACCEPT_TIMEOUT_MS)
      listener.once('connection', (raw: Socket) => {
        clearTimeout(timer)
        listener.close()
        this.socket = secure === undefined ? raw : new TLSSocket(raw, { isServer: true, secureContext: secure })
        resolve(this.socket)
      })
    })
    this.accepted.catch(() => listener.close())
  }

  /** Listens on an ephemeral port of `host`. */
  static async open(host: string, secure: SecureContext | undefined): Promise<FtpDataChannel> {
    const listener = createServer()
    listener.listen(0, host)
    await once(listener, 'listening')
    return new FtpDataChannel(listener, (listener.address() as AddressInfo).port, secure)
  }

  /** Sends `bytes` and closes the connection. */
  async send(bytes: Buffer): Promise<void> {
    const socket = await this.accepted
    await new Promise<void>((resolve, reject) => {
      socket.once('error', reject)
      socket.end(bytes, () => resolve())
    })
  }

  /** Everything the client sends until it closes the connection. */
  async receive(): Promise<Buffer> {
    const socket = await this.accepted
    const chunks: Buffer[] = []
    socket.on('data', (chunk: Buffer) => chunks.push(chunk))
    await new Promise<void>((resolve, reject) => {
      socket.once('error', reject)
      socket.once('end', () => resolve())
    })
    socket.end()
    return Buffer.concat(chunks)
  }

  close(): void {
    this.listener.close()
    this.socket?.destroy()
  }
}
