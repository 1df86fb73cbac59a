import t from 'tap'
import { parseSpecTable } from '../../src/sequence/import/parse-spec-table.js'

const ROW = '1 | AT+CSQ | +CSQ: 23,0 OK | Signal quality |'

function cellsOf(text: string): Array<{ no: string; command: string; response: string; description: string }> {
  return parseSpecTable(text).rows.map(({ no, command, response, description }) => ({ no, command, response, description }))
}

t.test('row numbers: indented, dotted, lettered and written without blanks', async t => {
  t.same(
    cellsOf(['  1 | AT | OK | a |', '1.12 | AT+B | OK | b |', '2a | AT+C | OK | c |', '3| AT+D | OK | d |'].join('\n')).map(r => r.no),
    ['1', '1.12', '2a', '3'],
  )
})

t.test('an indented hyphen row after a finished row is a row of its own with an empty number', async t => {
  t.same(cellsOf([ROW, '  - | AT+CREG? | OK | Registration |'].join('\n'))[1], {
    no: '',
    command: 'AT+CREG?',
    response: 'OK',
    description: 'Registration',
  })
})

t.test('a row whose first cell is no number keeps that cell as a cell', async t => {
  t.same(parseSpecTable([ROW, 'x | AT+B | OK | b |'].join('\n')).rows[1]!.cells, ['x', 'AT+B', 'OK', 'b'])
  t.same(parseSpecTable([ROW, 'x- | AT+B | OK | b |'].join('\n')).rows[1]!.cells, ['x-', 'AT+B', 'OK', 'b'])
})

t.test('a header names the columns in any order, whatever its number cell looks like', async t => {
  const body = '1 | OK | AT+CSQ | Signal |'
  for (const header of [
    'No | Response | Command | Description',
    '  No. | Response | Command | Description |',
    'No| Response|Command|Description|',
    '번호 | 응답 | 명령 | 설명',
  ]) {
    t.same(cellsOf(`${header}\n${body}`)[0], { no: '1', command: 'AT+CSQ', response: 'OK', description: 'Signal' }, header)
  }
  t.same(cellsOf('No | Response | Description | Command |\n1 | OK | Signal | AT+CSQ |')[0], {
    no: '1',
    command: 'AT+CSQ',
    response: 'OK',
    description: 'Signal',
  })
})

t.test('a "no |" inside a title line is no header', async t => {
  const table = parseSpecTable('Yes or no | maybe\nNo | Response | Command | Description\n1 | OK | AT | d |')
  t.equal(table.title, 'Yes or no | maybe')
  t.same(table.preamble, ['Yes or no | maybe'])
  t.equal(table.rows[0]!.command, 'AT')
})

t.test('a header column no word names keeps its place; a word naming two columns falls back to the usual order', async t => {
  t.same(cellsOf('No | Response | Command | Remarks here\n1 | OK | AT | d |')[0]!.description, 'd')
  t.same(cellsOf('No | Response | Command | Whatever\n1 | OK | AT | d |')[0], { no: '1', command: 'AT', response: 'OK', description: 'd' })
  t.same(cellsOf('No | Command result | Response | Description\n1 | AT | OK | d |')[0], {
    no: '1',
    command: 'AT',
    response: 'OK',
    description: 'd',
  })
})

t.test('a header with fewer than three named columns is not read, even with blanks after its last bar', async t => {
  t.same(cellsOf('No | Response | Command |  \n1 | AT | OK | d |')[0], { no: '1', command: 'AT', response: 'OK', description: 'd' })
  t.same(cellsOf('No | Response | Command\n1 | AT | OK | d |')[0], { no: '1', command: 'AT', response: 'OK', description: 'd' })
})

t.test('without a header the columns are Command, Response, Description and the preamble ends at the first row', async t => {
  const table = parseSpecTable(['Title', '', 'Some words', ROW, '2 | AT | OK | Attention |'].join('\n'))
  t.equal(table.title, 'Title')
  t.same(table.preamble, ['Title', 'Some words'])
  t.same(
    table.rows.map(r => [r.no, r.command, r.response, r.description, r.line]),
    [
      ['1', 'AT+CSQ', '+CSQ: 23,0 OK', 'Signal quality', 4],
      ['2', 'AT', 'OK', 'Attention', 5],
    ],
  )
})

t.test('a table starting with its first row has an empty preamble and no title', async t => {
  const table = parseSpecTable(`${ROW}\n`)
  t.same(table.preamble, [])
  t.notOk(Object.hasOwn(table, 'title'))
  t.equal(table.rows.length, 1)
})

t.test('a header on the first line is no preamble; the preamble stops at the header', async t => {
  t.same(parseSpecTable(`No | Command | Response | Description |\n${ROW}`).preamble, [])
  const table = parseSpecTable(`Title\nNo | Command | Response | Description |\nNotes between\n${ROW}`)
  t.same(table.preamble, ['Title'])
  t.equal(table.rows.length, 1)
})

t.test('preamble lines are trimmed; a numbered line before the header stays in the preamble', async t => {
  const table = parseSpecTable(['  Title  ', '0 | draft |', 'No | Command | Response | Description |', ROW].join('\n'))
  t.same(table.preamble, ['Title', '0 | draft |'])
  t.equal(table.title, 'Title')
  t.same(
    table.rows.map(r => r.no),
    ['1'],
  )
})

t.test('text without rows is all preamble', async t => {
  const table = parseSpecTable('Title\nSome words')
  t.same(table.preamble, ['Title', 'Some words'])
  t.same(table.rows, [])
})

t.test('CR and CRLF line ends separate lines as LF does', async t => {
  for (const eol of ['\r', '\r\n']) {
    const table = parseSpecTable(['Title', 'No | Response | Command | Description', '1 | OK | AT | d |', '2 | OK | ATI | e |'].join(eol))
    t.same(
      table.rows.map(r => [r.no, r.command, r.line]),
      [
        ['1', 'AT', 3],
        ['2', 'ATI', 4],
      ],
      JSON.stringify(eol),
    )
    t.same(table.preamble, ['Title'])
  }
})

t.test('blank lines between rows start no row and are not kept in the row text', async t => {
  const table = parseSpecTable([ROW, '', '   ', '2 | AT | OK | Attention |', '', ''].join('\n'))
  t.same(
    table.rows.map(r => r.original),
    [ROW, '2 | AT | OK | Attention |'],
  )
})

t.test('a dash row starts a row even when the row before lacks cells', async t => {
  for (const dash of ['– | AT+B | OK | b |', '  — | AT+B | OK | b |', '–| AT+B | OK | b |']) {
    t.same(
      cellsOf(`1 | AT+A | OK |\n${dash}`).map(r => r.command),
      ['AT+A', 'AT+B'],
      dash,
    )
  }
})

t.test('a dash before a bar inside a cell that goes on is no row start', async t => {
  t.same(cellsOf('1 | AT+A | OK |\nwait 5 s – |')[0], { no: '1', command: 'AT+A', response: 'OK', description: 'wait 5 s –' })
})

t.test('missing cells are empty; a last cell without a closing bar is kept', async t => {
  t.same(cellsOf('1 | AT+A |\n2 |'), [
    { no: '1', command: 'AT+A', response: '', description: '' },
    { no: '2', command: '', response: '', description: '' },
  ])
  t.same(parseSpecTable('1 | AT | OK | d').rows[0]!.cells, ['AT', 'OK', 'd'])
})

t.test('named fields: system and sequence name, in English or Korean, however the number is written', async t => {
  const fieldsOf = (preamble: string[]): unknown => {
    const { system, name } = parseSpecTable([...preamble, ROW].join('\n'))
    return { system, name }
  }
  t.same(fieldsOf(['T', '1. System: LTE', '2. Sequence: Attach']), { system: 'LTE', name: 'Attach' })
  t.same(fieldsOf(['T', '  1. 통신시스템: LTE', '10. 명령시퀀스: Attach']), { system: 'LTE', name: 'Attach' })
  t.same(fieldsOf(['T', '1.System: LTE', '2. Sequence:Attach']), { system: 'LTE', name: 'Attach' })
  t.same(fieldsOf(['T', '2. Sequence: Attach']), { system: undefined, name: 'Attach' })
  t.same(fieldsOf(['T', '1. System: LTE']), { system: 'LTE', name: undefined })
  t.same(fieldsOf(['T', 'Version 1. System: LTE']), { system: undefined, name: undefined })
  t.same(fieldsOf(['T', 'Rev.2. System: LTE']), { system: undefined, name: undefined })
})

t.test('a dash row right after the header is the first row, not lost', async t => {
  const table = parseSpecTable(['Title', 'No | Command | Response | Description |', '– | AT+CSQ | OK | Check |', ROW].join('\n'))
  t.same(
    table.rows.map(r => [r.no, r.command, r.line]),
    [
      ['', 'AT+CSQ', 3],
      ['1', 'AT+CSQ', 4],
    ],
  )
  t.same(table.preamble, ['Title'])
})

t.test('a table of dash rows alone has rows and no preamble', async t => {
  const table = parseSpecTable('– | AT+CSQ | OK | Check |\n— | AT | OK | Attention |')
  t.same(
    table.rows.map(r => r.command),
    ['AT+CSQ', 'AT'],
  )
  t.same(table.preamble, [])
})
