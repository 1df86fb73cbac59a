/* IMPORTANT
 * This snapshot file is auto-generated, but designed for humans.
 * It should be checked into source control and tracked carefully.
 * Re-generate by setting TAP_SNAPSHOT=1 and running tests.
 * Make sure to inspect the output below.  Do not ignore changes!
 */
'use strict'
exports[`test/sequence/import-row.test.ts > TAP > the notes of every notation, as written in the YAML and the report > notes 1`] = `
Array [
  Array [
    "imported: the command cell holds 3 commands, one step each",
    "imported: the response cell was not shared out (1 final result codes for 3 commands)",
  ],
  Array [
    "imported: the Response cell is prose, kept in the description; no expectation was made of it",
    "imported: +CFTPSGET: DATA,9 declares 9 bytes, the table shows 5",
    "imported: the line end written after the command was removed (atseq sends CR itself)",
  ],
  Array [
    "imported: curly quotes replaced by \\", blanks after ',' removed (the table has: AT+CMQTTACCQ=0, “c”)",
  ],
  Array [
    "imported: blanks after ',' removed (the table has: AT+CMQTTACCQ=0, \\"c\\")",
  ],
  Array [],
  Array [
    "imported: control bytes written out in the data were read (end: ctrl-z)",
  ],
  Array [],
  Array [
    "imported: control bytes written out in the data were read (no end byte, data as hex)",
  ],
  Array [],
  Array [
    "imported: control bytes written out in the data were read (end: ctrl-z, data as hex)",
  ],
  Array [
    "not interpreted: the command cell is not an AT command or > data",
  ],
  Array [
    "not interpreted: the row has more cells than No, Command, Response, Description",
  ],
  Array [
    "imported: curly quotes replaced by \\" (the table has: AT+CMQTTACCQ=0,“c”)",
  ],
]
`

exports[`test/sequence/import-row.test.ts > TAP > the notes of every notation, as written in the YAML and the report > warnings 1`] = `
Array [
  Array [
    "prose-response",
    "row 2: the Response cell is prose, not modem output",
    "write what the modem answers as expect: or urc:",
  ],
  Array [
    "payload-length-mismatch",
    "row 2: +CFTPSGET: DATA,9 declares 9 bytes but the table shows 5",
    "check the payload against its declared length",
  ],
  Array [
    "non-ascii-command",
    "row 3: the command has curly quotes; replaced by straight quotes \\"",
    "fix the spec table",
  ],
  Array [
    "command-normalised",
    "row 4: blanks after ',' removed from the command",
    undefined,
  ],
  Array [
    "prompt-length-mismatch",
    "step 6a: the data is 4 bytes but step 6 declares 3",
    "make them agree, e.g. with {{len name}} in the command",
  ],
  Array [
    "prompt-length-mismatch",
    "step 7a: the data is 4 bytes but step 7 declares 3",
    "make them agree, e.g. with {{len name}} in the command",
  ],
  Array [
    "todo-step",
    "step 8: this row was not interpreted and will not run: \\"8 | reboot | | |\\"",
    "write the command it stands for as send: ... and remove todo:",
  ],
  Array [
    "todo-step",
    "step 9: this row was not interpreted and will not run: \\"9 | AT | OK | a | b |\\"",
    "write the command it stands for as send: ... and remove todo:",
  ],
  Array [
    "non-ascii-command",
    "row 10: the command has curly quotes; replaced by straight quotes \\"",
    "fix the spec table",
  ],
]
`

exports[`test/sequence/import-row.test.ts > TAP > the notes of every notation, as written in the YAML and the report > yaml 1`] = `
# Imported from the spec table spec.txt.

sequence: spec.txt
device: simcom-a76xx
source: spec.txt (spec table, 13 rows)
steps:
  # imported: the command cell holds 3 commands, one step each
  - no: "1"
    send: AT+CSQ

  - no: 1a
    send: AT+CREG?

  # imported: the response cell was not shared out (1 final result codes for 3 commands)
  - no: 1b
    send: AT+COPS?
    expect:
      - "+COPS: 0"
      - OK

  # imported: the Response cell is prose, kept in the description; no expectation was made of it
  # imported: +CFTPSGET: DATA,9 declares 9 bytes, the table shows 5
  # imported: the line end written after the command was removed (atseq sends CR itself)
  - no: "2"
    send: AT+CFTPSGET="/a.txt"
    expect:
      - "+CFTPSGET: DATA,9"
      - hello
      - "+CFTPSGET: 0"
    description: "Response: the module restarts"

  # imported: curly quotes replaced by ", blanks after ',' removed (the table has: AT+CMQTTACCQ=0, “c”)
  - no: "3"
    send: AT+CMQTTACCQ=0,"c"
    expect: OK

  # imported: blanks after ',' removed (the table has: AT+CMQTTACCQ=0, "c")
  - no: "4"
    send: AT+CMQTTACCQ=0,"c"
    expect: OK

  - no: "5"
    send: AT+CMGS="+8210123"
    expect: ">"

  # imported: control bytes written out in the data were read (end: ctrl-z)
  - no: 5a
    data: abc
    end: ctrl-z
    expect: OK

  - no: "6"
    send: AT+CMQTTPAYLOAD=0,3
    expect: ">"

  # imported: control bytes written out in the data were read (no end byte, data as hex)
  - no: 6a
    data: 61 0D 0A 62
    hex: true
    expect: OK

  - no: "7"
    send: AT+CMQTTPAYLOAD=0,3
    expect: ">"

  # imported: control bytes written out in the data were read (end: ctrl-z, data as hex)
  - no: 7a
    data: 61 0D 0A 62
    hex: true
    end: ctrl-z
    expect: OK

  # not interpreted: the command cell is not an AT command or > data
  - no: "8"
    todo: 8 | reboot | | |

  # not interpreted: the row has more cells than No, Command, Response, Description
  - no: "9"
    todo: 9 | AT | OK | a | b |
    description: a

  # imported: curly quotes replaced by " (the table has: AT+CMQTTACCQ=0,“c”)
  - no: "10"
    send: AT+CMQTTACCQ=0,"c"
    expect: OK

`
