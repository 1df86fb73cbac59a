/**
 * What the simulated MQTT clients of every vendor share: CONNECT over a socket the simulator opened and the wait
 * for CONNACK, and the waits of operations for the broker's answer. Both leave no timer or listener behind.
 */
import type { Socket } from 'node:net'
import { MqttClient, type IClientOptions } from 'mqtt'

/**
 * How a CONNECT ended: accepted (CONNACK 0, with what `accept` made of the client), refused with a CONNACK return
 * code (1..5), no CONNACK in time, or the link closed.
 */
export type MqttConnectOutcome<T> =
  { kind: 'accepted'; value: T } | { kind: 'refused'; returnCode: number } | { kind: 'timeout' } | { kind: 'closed'; error?: Error }

/** Extra time MQTT.js's own CONNACK timer gets past ours, so ours always reports first, in ms. */
const MQTTJS_CONNECT_GRACE_MS = 60_000

/**
 * Sends CONNECT over `socket` with MQTT.js and waits `timeoutMs` for CONNACK. `accept` runs in the CONNACK's own
 * event, before anything that arrived behind it is emitted: a broker sends the messages it queued for a persistent
 * session in the same read as CONNACK, and a listener attached a tick later misses them. On every outcome but
 * `accepted` the client is ended and the socket destroyed; MQTT.js's own connect timer (set past ours) is cleared
 * with them.
 */
export function connectMqttClient<T>(
  socket: Socket,
  options: IClientOptions,
  timeoutMs: number,
  accept: (client: MqttClient) => T,
): Promise<MqttConnectOutcome<T>> {
  return new Promise(resolve => {
    const client = new MqttClient(() => socket, { ...options, reconnectPeriod: 0, connectTimeout: timeoutMs + MQTTJS_CONNECT_GRACE_MS })
    // Only our own listeners go: MQTT.js clears its CONNACK and keep-alive timers in a 'close' listener of its own,
    // so removing every listener would leave them running.
    const stopListening = (): void => {
      clearTimeout(timer)
      client.off('connect', onConnect).off('error', onError).off('close', onClose)
    }
    const fail = (outcome: Exclude<MqttConnectOutcome<T>, { kind: 'accepted' }>): void => {
      stopListening()
      client.on('error', () => undefined)
      client.end(true)
      socket.destroy()
      resolve(outcome)
    }
    const onConnect = (): void => {
      stopListening()
      resolve({ kind: 'accepted', value: accept(client) })
    }
    const onError = (error: Error): void => {
      const rc = (error as { code?: unknown }).code
      fail(typeof rc === 'number' && rc >= 1 && rc <= 5 ? { kind: 'refused', returnCode: rc } : { kind: 'closed', error })
    }
    const onClose = (): void => fail({ kind: 'closed' })
    const timer = setTimeout(() => fail({ kind: 'timeout' }), timeoutMs)
    client.once('connect', onConnect).on('error', onError).on('close', onClose)
  })
}

/** Operations waiting for the broker's answer (PUBACK, SUBACK, ...); each settles exactly once and clears its timer. */
export class PendingAnswers<T> {
  readonly #settlers = new Set<(value: T) => void>()

  /** Starts an operation; resolves with what it reports through `done`, or `onTimeout` after `timeoutMs`. */
  wait(timeoutMs: number, onTimeout: T, start: (done: (value: T) => void) => void): Promise<T> {
    return new Promise(resolve => {
      let isSettled = false
      const done = (value: T): void => {
        if (isSettled) return
        isSettled = true
        this.#settlers.delete(done)
        clearTimeout(timer)
        resolve(value)
      }
      this.#settlers.add(done)
      const timer = setTimeout(() => done(onTimeout), timeoutMs)
      start(done)
    })
  }

  /** Settles every operation still waiting with `value` (the link ended first). */
  settleAll(value: T): void {
    for (const done of [...this.#settlers]) done(value)
  }
}
