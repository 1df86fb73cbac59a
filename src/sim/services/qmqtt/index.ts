/** The Quectel MQTT(S) client (AT+QMT*), talking real MQTT to a real broker. */
import type { CommandContext, SimService } from '../../command-context.js'
import { QMQTT_CONFIG_HANDLERS } from './qmqtt-config.js'
import { QMQTT_CONNECT_HANDLERS } from './qmqtt-connect.js'
import { endLink, QMQTT_OPEN_HANDLERS } from './qmqtt-open.js'
import { QMQTT_PUBLISH_HANDLERS } from './qmqtt-publish.js'
import { QMQTT_RECEIVE_HANDLERS } from './qmqtt-receive.js'
import { QMQTT_SUBSCRIBE_HANDLERS } from './qmqtt-subscribe.js'
import { QMTSTAT } from './qmqtt-codes.js'

/** Ends every link; with `stat`, each prints `+QMTSTAT: <idx>,<stat>`. */
function endAllLinks(ctx: CommandContext, stat?: number): void {
  ctx.state.qmtLinks.forEach((link, idx) => {
    if (link !== undefined) endLink(ctx, idx, link, stat)
  })
}

export const QMQTT_SERVICE: SimService = {
  name: 'qmqtt',
  handlers: {
    ...QMQTT_CONFIG_HANDLERS,
    ...QMQTT_OPEN_HANDLERS,
    ...QMQTT_CONNECT_HANDLERS,
    ...QMQTT_PUBLISH_HANDLERS,
    ...QMQTT_SUBSCRIBE_HANDLERS,
    ...QMQTT_RECEIVE_HANDLERS,
  },
  // With the radio gone the link is dead before any peer could close it: "link not alive" (7).
  loseNetwork: ctx => endAllLinks(ctx, QMTSTAT.linkNotAlive),
  powerDown: ctx => endAllLinks(ctx),
}
