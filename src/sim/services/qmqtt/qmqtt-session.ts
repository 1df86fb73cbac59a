/**
 * One Quectel client's MQTT session: a real MQTT.js client over the socket AT+QMTOPEN opened. It reports outcomes
 * in the module's terms (the `<result>` of +QMTPUB/+QMTSUB/+QMTUNS, the CONNACK return code) and tells its owner
 * when a message arrives or the link ends, and why.
 */
import type { Socket } from 'node:net'
import { MqttClient, type IClientOptions } from 'mqtt'
import type { QmtWill, QoS } from './qmqtt-types.js'

/** What CONNECT carries (AT+QMTCFG settings and the AT+QMTCONN parameters). */
export interface QmtConnectOptions {
  clientId: string
  version: 3 | 4
  keepaliveS: number
  clean: boolean
  user?: string
  password?: string
  will?: QmtWill
}

/** Why a session ended without AT+QMTDISC: the peer closed or reset the link, or a PINGREQ went unanswered. */
export type QmtEndCause = 'closed' | 'ping'

export interface QmtSessionListener {
  message(topic: string, payload: Buffer, msgId: number): void
  ended(cause: QmtEndCause): void
}

export type QmtConnectResult =
  | { kind: 'accepted'; session: QmtSession }
  /** The broker answered CONNACK with a non-zero return code (MQTT 3.1.1 §3.2.2.3); it closes the link. */
  | { kind: 'refused'; returnCode: number }
  | { kind: 'timeout' }
  | { kind: 'closed' }

/** The `<result>` of a packet: 0 sent and acknowledged, 1 retransmitted, 2 failed to send. */
export type PacketResult = 0 | 1 | 2

/** An MQTT session the broker accepted (CONNACK 0). */
export class QmtSession {
  private ending = false
  private keepaliveFailed = false
  private readonly pending = new Set<() => void>()

  private constructor(private readonly client: MqttClient) {}

  /** Sends CONNECT over `socket` and waits `timeoutMs` for CONNACK; on any failure the socket is destroyed. */
  static connect(socket: Socket, opts: QmtConnectOptions, timeoutMs: number, listener: QmtSessionListener): Promise<QmtConnectResult> {
    return new Promise(resolve => {
      const client = new MqttClient(() => socket, describeClientOptions(opts, timeoutMs))
      // Only our own listeners go: MQTT.js clears its CONNACK timer in a 'close' listener of its own.
      const stopListening = (): void => {
        clearTimeout(timer)
        client.off('connect', onConnect).off('error', onError).off('close', onClose)
      }
      const fail = (result: QmtConnectResult): void => {
        stopListening()
        client.on('error', () => undefined)
        client.end(true)
        socket.destroy()
        resolve(result)
      }
      const onConnect = (): void => {
        stopListening()
        const session = new QmtSession(client)
        session.listen(listener)
        resolve({ kind: 'accepted', session })
      }
      const onError = (error: Error): void => {
        const rc = (error as { code?: unknown }).code
        fail(typeof rc === 'number' && rc >= 1 && rc <= 5 ? { kind: 'refused', returnCode: rc } : { kind: 'closed' })
      }
      const onClose = (): void => fail({ kind: 'closed' })
      const timer = setTimeout(() => fail({ kind: 'timeout' }), timeoutMs)
      client.once('connect', onConnect).on('error', onError).on('close', onClose)
    })
  }

  private listen(listener: QmtSessionListener): void {
    this.client.on('message', (topic, payload, packet) => listener.message(topic, payload, packet.messageId ?? 0))
    this.client.on('error', error => {
      if (error.message === 'Keepalive timeout') this.keepaliveFailed = true
    })
    this.client.on('close', () => {
      if (this.ending) return
      this.ending = true
      for (const settle of [...this.pending]) settle()
      // MQTT.js keeps its keep-alive timer after a passive close; end() clears it.
      this.client.end(true)
      setImmediate(() => listener.ended(this.keepaliveFailed ? 'ping' : 'closed'))
    })
  }

  /** Publishes; resolves 0 once the broker acknowledged (QoS 1/2) or the packet is written (QoS 0). */
  publish(topic: string, payload: Buffer, qos: QoS, retain: boolean, timeoutMs: number): Promise<PacketResult> {
    return this.withTimeout(timeoutMs, done => this.client.publish(topic, payload, { qos, retain }, error => done(error ? 2 : 0)))
  }

  /** Subscribes; resolves with the granted QoS of each topic (128: refused), or a failed `<result>`. */
  subscribe(topics: ReadonlyArray<{ topic: string; qos: QoS }>, timeoutMs: number): Promise<{ result: PacketResult; granted: number[] }> {
    const map = Object.fromEntries(topics.map(t => [t.topic, { qos: t.qos }]))
    let granted: number[] = []
    return this.withTimeout(timeoutMs, done =>
      this.client.subscribe(map, (error, grants) => {
        granted = (grants ?? []).map(g => g.qos)
        done(error && granted.length === 0 ? 2 : 0)
      }),
    ).then(result => ({ result, granted }))
  }

  unsubscribe(topics: readonly string[], timeoutMs: number): Promise<PacketResult> {
    return this.withTimeout(timeoutMs, done => this.client.unsubscribe([...topics], error => done(error ? 2 : 0)))
  }

  /** Sends DISCONNECT and closes the link; the broker drops the will. */
  disconnect(timeoutMs: number): Promise<PacketResult> {
    return this.withTimeout(timeoutMs, done => {
      this.ending = true
      this.client.end(false, {}, () => done(0))
    })
  }

  /** Drops the link without DISCONNECT, as a lost radio link does; the broker publishes the will. */
  destroy(): void {
    this.ending = true
    this.client.stream.destroy()
    this.client.end(true)
  }

  private withTimeout(timeoutMs: number, start: (done: (result: PacketResult) => void) => void): Promise<PacketResult> {
    return new Promise(resolve => {
      let settled = false
      const done = (result: PacketResult): void => {
        if (settled) return
        settled = true
        this.pending.delete(fail)
        clearTimeout(timer)
        resolve(result)
      }
      const fail = (): void => done(2)
      this.pending.add(fail)
      const timer = setTimeout(fail, timeoutMs)
      if (this.ending) return fail()
      start(done)
    })
  }
}

function describeClientOptions(opts: QmtConnectOptions, timeoutMs: number): IClientOptions {
  const will = opts.will
  return {
    clientId: opts.clientId,
    protocolVersion: opts.version,
    protocolId: opts.version === 3 ? 'MQIsdp' : 'MQTT',
    keepalive: opts.keepaliveS,
    clean: opts.clean,
    reconnectPeriod: 0,
    // Our own timer reports the timeout; MQTT.js's must not fire first.
    connectTimeout: timeoutMs + 60_000,
    resubscribe: false,
    ...(opts.user !== undefined ? { username: opts.user } : {}),
    ...(opts.password !== undefined ? { password: opts.password } : {}),
    ...(will ? { will: { topic: will.topic, payload: Buffer.from(will.message, 'utf8'), qos: will.qos, retain: will.retain } } : {}),
  }
}
