/**
 * A pseudo-terminal in front of the TCP simulator, made by `socat`, so serial tools (minicom, a user's own software)
 * can open the simulated modem like a serial port.
 */
import { spawn, type ChildProcess } from 'node:child_process'

export interface PtyBridge {
  /** The pty's path (`/dev/pts/N`, or the link when one was asked for). */
  path: string
  stop(): Promise<void>
}

export type PtyBridgeResult = { ok: true; bridge: PtyBridge } | { ok: false; code: 'socat-missing' | 'socat-failed'; hint: string }

/** Starts `socat PTY,raw,echo=0[,link=...] TCP:host:port` and waits (up to `timeoutMs`) for it to name the pty. */
export function startPtyBridge(host: string, port: number, opts: { link?: string; timeoutMs?: number } = {}): Promise<PtyBridgeResult> {
  const ptyAddress = `PTY,raw,echo=0${opts.link ? `,link=${opts.link}` : ''}`
  const child = spawn('socat', ['-d', '-d', ptyAddress, `TCP:${host}:${port}`], { stdio: ['ignore', 'ignore', 'pipe'] })
  return new Promise(resolve => {
    let stderr = ''
    const finish = (result: PtyBridgeResult): void => {
      clearTimeout(timer)
      child.stderr?.removeAllListeners('data')
      child.removeAllListeners('error')
      if (!result.ok) child.kill()
      resolve(result)
    }
    const timer = setTimeout(
      () => finish({ ok: false, code: 'socat-failed', hint: `socat named no pty: ${stderr.trim()}` }),
      opts.timeoutMs ?? 5000,
    )
    child.once('error', error =>
      finish({
        ok: false,
        code: (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'socat-missing' : 'socat-failed',
        hint: 'install socat (Debian: apt-get install socat) to get a pty',
      }),
    )
    child.once('exit', code => finish({ ok: false, code: 'socat-failed', hint: `socat exited with ${code}: ${stderr.trim()}` }))
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr += chunk.toString()
      const pty = /PTY is (\S+)/.exec(stderr)?.[1]
      if (pty === undefined) return
      child.removeAllListeners('exit')
      finish({ ok: true, bridge: { path: opts.link ?? pty, stop: () => stopChild(child) } })
    })
  })
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve()
  return new Promise(resolve => {
    child.once('exit', () => resolve())
    child.kill('SIGTERM')
  })
}
