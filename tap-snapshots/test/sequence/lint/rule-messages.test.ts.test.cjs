/* IMPORTANT
 * This snapshot file is auto-generated, but designed for humans.
 * It should be checked into source control and tracked carefully.
 * Re-generate by setting TAP_SNAPSHOT=1 and running tests.
 * Make sure to inspect the output below.  Do not ignore changes!
 */
'use strict'
exports[`test/sequence/lint/rule-messages.test.ts > TAP > a step is named by its phase: "step 1", "setup step s1", "teardown step t1" > must match snapshot 1`] = `
Array [
  Object {
    "hint": "write what it must answer, e.g. expect: OK",
    "text": "setup step s1: expects nothing",
  },
  Object {
    "hint": "write what it must answer, e.g. expect: OK",
    "text": "step 1: expects nothing",
  },
  Object {
    "hint": "write what it must answer, e.g. expect: OK",
    "text": "teardown step t1: expects nothing",
  },
]
`

exports[`test/sequence/lint/rule-messages.test.ts > TAP > no-expectation: a command or data step that writes down nothing it expects > must match snapshot 1`] = `
Array [
  Object {
    "hint": "write what it must answer, e.g. expect: OK",
    "text": "step 2: expects nothing",
  },
]
`

exports[`test/sequence/lint/rule-messages.test.ts > TAP > non-ascii-command: names the first character outside printable ASCII, with its code point > a tab is outside printable ASCII; ~ is the last character inside it; a curly quote gets its own hint 1`] = `
Array [
  Object {
    "hint": "put the text in a variable sent at a > prompt, or remove it",
    "text": "step 1: the command contains a non-ASCII character \\t (U+0009); modems only take ASCII",
  },
  Object {
    "hint": "use straight double quotes \\"",
    "text": "step 3: the command contains a curly quote “ (U+201C); modems only take ASCII",
  },
  Object {
    "hint": "put the text in a variable sent at a > prompt, or remove it",
    "text": "step 4: the command contains a non-ASCII character é (U+00E9); modems only take ASCII",
  },
  Object {
    "hint": "put the text in a variable sent at a > prompt, or remove it",
    "text": "step 5: the command contains a non-ASCII character   (U+00A0); modems only take ASCII",
  },
]
`

exports[`test/sequence/lint/rule-messages.test.ts > TAP > todo-step: quotes the row that was not interpreted > must match snapshot 1`] = `
Array [
  Object {
    "hint": "write the command it stands for as send: ... and remove todo:",
    "text": "step 1: this row was not interpreted and will not run: \\"frobnicate the modem\\"",
  },
]
`

exports[`test/sequence/lint/rule-messages.test.ts > TAP > undefined-variable: an input counts as defined; the hint names the variable three ways > must match snapshot 1`] = `
Array [
  Object {
    "hint": "define it under vars:, pass --var nope=..., or capture it with (?<nope>...) in an earlier step",
    "text": "variable 'nope' is not defined",
  },
]
`

exports[`test/sequence/lint/rule-messages.test.ts > TAP > unknown-command: names the device family, or atseq without one > a SIMCom device 1`] = `
Array [
  Object {
    "hint": "did you mean AT+CFTPSSTART?",
    "text": "step 1: AT+CFTPSSTAR is not a command simcom modems are known to take",
  },
]
`

exports[`test/sequence/lint/rule-messages.test.ts > TAP > unknown-command: names the device family, or atseq without one > no device 1`] = `
Array [
  Object {
    "hint": "did you mean AT+CFTPSSTART?",
    "text": "step 1: AT+CFTPSSTAR is not a command atseq modems are known to take",
  },
]
`
