/**
 * serialport's Unix binding retries a read that returns 0 bytes forever. On a non-blocking tty
 * "no data" is EAGAIN, so 0 bytes means the far end hung up (a pty whose other side closed,
 * a terminal server gone): this wrapper turns it into a disconnect, which closes the port
 * with a drop instead of spinning a CPU core.
 */
import { read } from 'node:fs'
import { promisify } from 'node:util'
import { SerialPort } from 'serialport'

const readAsync = promisify(read)

type Binding = typeof SerialPort.binding
type PortBinding = Awaited<ReturnType<Binding['open']>>

/** The part of bindings-cpp's Unix port binding this wrapper relies on. */
interface UnixPortBinding {
  fd: number | null
  readonly isOpen: boolean
  poller: { once(event: 'readable', callback: (error: Error | null) => void): unknown }
}

/** The detected binding, with reads that end in a disconnect when the far end hangs up (Unix only). */
export function createHangupAwareBinding(detected: Binding = SerialPort.binding): Binding {
  if (process.platform === 'win32') return detected
  return {
    ...detected,
    list: () => detected.list(),
    async open(options: Parameters<Binding['open']>[0]): Promise<PortBinding> {
      const port = await (detected.open as (o: typeof options) => Promise<PortBinding>)(options)
      if (isUnixPortBinding(port)) port.read = (buffer, offset, length) => readUntilHangup(port, buffer, offset, length)
      return port
    },
  } as Binding
}

function isUnixPortBinding(port: unknown): port is UnixPortBinding & PortBinding {
  return typeof port === 'object' && port !== null && 'fd' in port && 'poller' in port
}

async function readUntilHangup(port: UnixPortBinding, buffer: Buffer, offset: number, length: number): Promise<{ bytesRead: number; buffer: Buffer }> {
  for (;;) {
    if (!port.isOpen || port.fd === null) throw canceled()
    try {
      const { bytesRead } = await readAsync(port.fd, buffer, offset, length, null)
      if (bytesRead === 0) throw new Error('the far end hung up')
      return { bytesRead, buffer }
    } catch (error) {
      if (!isWouldBlock(error)) throw error
      // The port may have closed during the read; polling a destroyed poller crashes the process.
      if (!port.isOpen) throw canceled()
      await new Promise<void>((resolve, reject) => port.poller.once('readable', e => (e ? reject(e) : resolve())))
    }
  }
}

function isWouldBlock(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException).code
  return code === 'EAGAIN' || code === 'EWOULDBLOCK' || code === 'EINTR'
}

/** The stream treats a `canceled` read error as "closed by us", not as a disconnect. */
function canceled(): Error {
  return Object.assign(new Error('Port is not open'), { canceled: true })
}
