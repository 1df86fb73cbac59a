/**
 * One Quectel client's MQTT session: a real MQTT.js client over the socket AT+QMTOPEN opened. It reports outcomes
 * in the module's terms (the `<result>` of +QMTPUB/+QMTSUB/+QMTUNS, the CONNACK return code) and tells its owner
 * when a message arrives or the link ends, and why.
 */
import type { Socket } from 'node:net'
import type { IClientOptions, MqttClient } from 'mqtt'
import { connectMqttClient, PendingAnswers } from '../../sockets/mqtt-connect.js'
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
  private readonly pending = new PendingAnswers<PacketResult>()

  private constructor(private readonly client: MqttClient) {}

  /** Sends CONNECT over `socket` and waits `timeoutMs` for CONNACK; on any failure the socket is destroyed. */
  static async connect(
    socket: Socket,
    opts: QmtConnectOptions,
    timeoutMs: number,
    listener: QmtSessionListener,
  ): Promise<QmtConnectResult> {
    const outcome = await connectMqttClient(socket, describeClientOptions(opts), timeoutMs, client => {
      const session = new QmtSession(client)
      session.listen(listener)
      return session
    })
    if (outcome.kind === 'refused') return { kind: 'refused', returnCode: outcome.returnCode }
    if (outcome.kind !== 'accepted') return { kind: outcome.kind }
    return { kind: 'accepted', session: outcome.value }
  }

  private listen(listener: QmtSessionListener): void {
    this.client.on('message', (topic, payload, packet) => listener.message(topic, payload, packet.messageId ?? 0))
    this.client.on('error', error => {
      if (error.message === 'Keepalive timeout') this.keepaliveFailed = true
    })
    this.client.on('close', () => {
      if (this.ending) return
      this.ending = true
      this.pending.settleAll(2)
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
    if (this.ending) return Promise.resolve(2)
    return this.pending.wait(timeoutMs, 2, start)
  }
}

function describeClientOptions(opts: QmtConnectOptions): IClientOptions {
  const will = opts.will
  return {
    clientId: opts.clientId,
    protocolVersion: opts.version,
    protocolId: opts.version === 3 ? 'MQIsdp' : 'MQTT',
    keepalive: opts.keepaliveS,
    clean: opts.clean,
    resubscribe: false,
    ...(opts.user !== undefined ? { username: opts.user } : {}),
    ...(opts.password !== undefined ? { password: opts.password } : {}),
    ...(will ? { will: { topic: will.topic, payload: Buffer.from(will.message, 'utf8'), qos: will.qos, retain: will.retain } } : {}),
  }
}
