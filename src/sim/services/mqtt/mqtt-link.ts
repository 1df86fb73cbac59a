/**
 * One simulated client's MQTT session: a real MQTT.js client over a socket the simulator opened itself.
 * It turns MQTT.js outcomes into the modem's codes and tells the owner when a message arrives or the link is lost.
 */
import type { Socket } from 'node:net'
import type { IClientOptions, MqttClient } from 'mqtt'
import { CONNLOST_CAUSE, MQTT_ERR } from '../../../modem/families/simcom/mqtt-codes.js'
import { connectMqttClient, PendingAnswers, type MqttConnectOutcome } from '../../sockets/mqtt-connect.js'
import type { QoS, QueuedTopic } from './mqtt-types.js'

/** What AT+CMQTTACCQ, the will commands and AT+CMQTTCONNECT decided about the session. */
export interface MqttSessionOptions {
  clientId: string
  mqttVersion: 3 | 4
  keepaliveS: number
  clean: boolean
  user?: string
  password?: string
  will?: { topic: string; payload: Buffer; qos: QoS }
}

export interface LinkListener {
  message(topic: Buffer, payload: Buffer): void
  /** The session ended without AT+CMQTTDISC: cause 1 closed by the peer, 2 reset. */
  lost(cause: number): void
}

export type LinkOpenResult = { ok: true; link: MqttLink } | { ok: false; code: number; note: string }

export interface PublishOptions {
  qos: QoS
  retain: boolean
  dup: boolean
}

/** An MQTT session that has been accepted by the broker (CONNACK 0). */
export class MqttLink {
  private ending = false
  private lastSocketError: string | undefined
  /** Operations waiting for the broker's answer, settled with code 6 when the link drops first. */
  private readonly pending = new PendingAnswers<number>()

  private constructor(
    private readonly client: MqttClient,
    private readonly socket: Socket,
  ) {}

  /** Sends CONNECT over `socket` and waits for CONNACK; on failure the socket is destroyed. */
  static async open(socket: Socket, opts: MqttSessionOptions, timeoutMs: number, listener: LinkListener): Promise<LinkOpenResult> {
    const outcome = await connectMqttClient(socket, describeClientOptions(opts), timeoutMs, client => {
      const link = new MqttLink(client, socket)
      link.listen(listener)
      return link
    })
    if (outcome.kind !== 'accepted') return describeConnectFailure(outcome, timeoutMs)
    return { ok: true, link: outcome.value }
  }

  private listen(listener: LinkListener): void {
    this.client.on('message', (topic, payload) => listener.message(Buffer.from(topic, 'utf8'), payload))
    this.client.on('error', error => {
      this.lastSocketError = (error as NodeJS.ErrnoException).code ?? error.message
    })
    this.client.on('close', () => {
      if (this.ending) return
      this.ending = true
      // MQTT.js keeps its keep-alive timer after a passive close; end() clears it.
      const cause = this.lastSocketError === 'ECONNRESET' ? CONNLOST_CAUSE.reset : CONNLOST_CAUSE.closedByPeer
      // A SIM7600 reports the operation in flight as failed (6, message receive failed) before +CMQTTCONNLOST.
      this.pending.settleAll(MQTT_ERR.messageReceiveFailed)
      this.client.end(true)
      setImmediate(() => listener.lost(cause))
    })
  }

  /** Publishes and resolves with the modem's code once the broker acknowledged (QoS 1/2) or the packet is sent (QoS 0). */
  publish(topic: Buffer, payload: Buffer, opts: PublishOptions, timeoutMs: number): Promise<number> {
    return this.withTimeout(timeoutMs, done =>
      this.client.publish(topic.toString('utf8'), payload, { qos: opts.qos, retain: opts.retain, dup: opts.dup }, error =>
        done(error ? MQTT_ERR.failed : MQTT_ERR.ok),
      ),
    )
  }

  /** Subscribes to all `topics` in one SUBSCRIBE; a refused topic (granted 0x80) is a failure. */
  subscribe(topics: QueuedTopic[], timeoutMs: number): Promise<number> {
    const map = Object.fromEntries(topics.map(t => [t.topic.toString('utf8'), { qos: t.qos }]))
    return this.withTimeout(timeoutMs, done =>
      this.client.subscribe(map, (error, granted) =>
        done(error || (granted ?? []).some(g => g.qos === 0x80) ? MQTT_ERR.failed : MQTT_ERR.ok),
      ),
    )
  }

  unsubscribe(topics: Buffer[], timeoutMs: number): Promise<number> {
    return this.withTimeout(timeoutMs, done =>
      this.client.unsubscribe(
        topics.map(t => t.toString('utf8')),
        error => done(error ? MQTT_ERR.failed : MQTT_ERR.ok),
      ),
    )
  }

  /** Sends DISCONNECT and closes; the broker drops the will. */
  disconnect(timeoutMs: number): Promise<number> {
    return this.withTimeout(timeoutMs, done => {
      this.ending = true
      this.client.end(false, {}, () => done(MQTT_ERR.ok))
    })
  }

  /** Drops the connection without DISCONNECT, as a lost radio link does; the broker publishes the will. */
  destroy(): void {
    this.ending = true
    this.socket.destroy()
    this.client.end(true)
  }

  private withTimeout(timeoutMs: number, start: (done: (code: number) => void) => void): Promise<number> {
    if (this.ending) return Promise.resolve(MQTT_ERR.noConnection)
    return this.pending.wait(timeoutMs, MQTT_ERR.timeout, start)
  }
}

function describeClientOptions(opts: MqttSessionOptions): IClientOptions {
  return {
    clientId: opts.clientId,
    protocolVersion: opts.mqttVersion,
    protocolId: opts.mqttVersion === 3 ? 'MQIsdp' : 'MQTT',
    keepalive: opts.keepaliveS,
    clean: opts.clean,
    resubscribe: false,
    ...(opts.user !== undefined ? { username: opts.user } : {}),
    ...(opts.password !== undefined ? { password: opts.password } : {}),
    ...(opts.will ? { will: { topic: opts.will.topic, payload: opts.will.payload, qos: opts.will.qos, retain: false } } : {}),
  }
}

function describeConnectFailure(outcome: Exclude<MqttConnectOutcome<MqttLink>, { kind: 'accepted' }>, timeoutMs: number): LinkOpenResult {
  switch (outcome.kind) {
    case 'timeout':
      return { ok: false, code: MQTT_ERR.timeout, note: `no CONNACK within ${timeoutMs} ms` }
    case 'refused':
      return { ok: false, code: MQTT_ERR.connackBase + outcome.returnCode, note: `CONNACK refused with return code ${outcome.returnCode}` }
    case 'closed':
      return outcome.error === undefined
        ? { ok: false, code: MQTT_ERR.closedByServer, note: 'the server closed the connection before CONNACK' }
        : { ok: false, code: MQTT_ERR.closedByServer, note: `connection failed before CONNACK: ${outcome.error.message}` }
  }
}
