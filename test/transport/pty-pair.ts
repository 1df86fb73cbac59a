/**
 * A pseudo-terminal pair made by socat, as a modem's USB serial port would look: the host opens
 * one end, a scripted modem sits on the other. socat is stopped at the end of the test.
 */
import { stopChild } from '../helpers/stop-child.js'
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Test } from 'tap'

export interface PtyPair {
  hostPath: string
  modemPath: string
  /** Kills socat: both ends lose their far side (the cable is pulled). */
  stop(): Promise<void>
}

/** Starts `socat -d -d pty,raw,echo=0,link=A pty,raw,echo=0,link=B` and resolves once it moves data. */
export async function startPtyPair(t: Test, socatPath: string): Promise<PtyPair> {
  const dir = mkdtempSync(join(tmpdir(), 'atseq-pty-'))
  const hostPath = join(dir, 'host')
  const modemPath = join(dir, 'modem')
  const socat = spawn(socatPath, ['-d', '-d', `pty,raw,echo=0,link=${hostPath}`, `pty,raw,echo=0,link=${modemPath}`], {
    stdio: ['ignore', 'ignore', 'pipe'],
  })
  const stop = (): Promise<void> => stopChild(socat)
  t.teardown(async () => {
    await stop()
    rmSync(dir, { recursive: true, force: true })
  })
  await waitForTransferLoop(socat)
  return { hostPath, modemPath, stop }
}

function waitForTransferLoop(socat: ChildProcess): Promise<void> {
  return new Promise((resolve, reject) => {
    let stderr = ''
    socat.stderr?.on('data', (chunk: Buffer) => {
      stderr += chunk.toString()
      if (stderr.includes('starting data transfer loop')) resolve()
    })
    socat.once('exit', code => reject(new Error(`socat exited (${String(code)}) before the ptys were ready: ${stderr}`)))
    socat.once('error', reject)
  })
}
