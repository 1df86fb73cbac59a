import t from 'tap'
import { buildContentSecurityPolicy } from '../../src/report/content-security-policy.js'
import { renderDiffHtml } from '../../src/report/diff/render-diff-html.js'
import { renderHtmlReport } from '../../src/report/html/render-html-report.js'
import { readTemplateFiles } from '../../src/report/html/report-templates.js'
import { readTemplate } from '../../src/report/read-template.js'
import { toSafeHref } from '../../src/report/safe-href.js'
import { renderSuiteHtml } from '../../src/report/suite/render-suite-html.js'
import { diffRuns } from '../../src/diff/diff-runs.js'
import { SUITE_RECORD_SCHEMA_VERSION, type SuiteRecord } from '../../src/model/suite-record.js'
import { failingRun, seedPassRun } from './fixtures/runs.js'

function suiteRecord(reportFile: string): SuiteRecord {
  const record = failingRun()
  return {
    schemaVersion: SUITE_RECORD_SCHEMA_VERSION,
    kind: 'atseq-suite',
    atseqVersion: 'test',
    suite: { name: 'suite' },
    commandLine: ['atseq', 'run'],
    startedAt: record.startedAt,
    durationMs: 1,
    status: 'failed',
    exitCode: 1,
    shards: [],
    plannedSequences: 1,
    devices: [{ name: 'a', url: 'sim://simcom-a76xx', identity: {}, status: 'failed', exitCode: 1 }],
    runs: [
      {
        device: 'a',
        role: 'sequence',
        order: 0,
        sequence: { name: 'x', file: reportFile },
        status: 'failed',
        exitCode: 1,
        durationMs: 1,
        reportFile,
        record,
      },
    ],
  }
}

function policyOf(html: string): string | undefined {
  return /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1]
}

function pages(reportFile: string): Record<string, string> {
  return {
    run: renderHtmlReport(failingRun()),
    suite: renderSuiteHtml(suiteRecord(reportFile)),
    diff: renderDiffHtml(diffRuns(seedPassRun(), failingRun(), { a: 'a.json', b: 'b.json' }), 'test'),
  }
}

t.test('every page carries the one strict policy: no network, no inline handlers, only its own script', async t => {
  const all = pages('a/x.html')
  t.equal(policyOf(all['run'] ?? ''), buildContentSecurityPolicy(readTemplateFiles().script))
  t.equal(
    policyOf(all['suite'] ?? ''),
    buildContentSecurityPolicy(readTemplate(new URL('../../src/report/suite/render-suite-html.ts', import.meta.url).href, 'suite.js')),
  )
  t.equal(policyOf(all['diff'] ?? ''), buildContentSecurityPolicy())
  for (const [name, html] of Object.entries(all)) {
    t.match(policyOf(html), /default-src 'none'.*script-src-attr 'none'/, name)
    t.notMatch(html, /\son[a-z]+\s*=/i, `${name} has no inline event handler`)
    for (const [, href] of html.matchAll(/href="([^"]*)"/g)) t.match(href, /^(#|[^:/]*(\/|$))/, `${name}: ${href} is relative`)
  }
})

t.test('links are relative and encoded, whatever the file is called', async t => {
  t.equal(toSafeHref('a/run report.html', 'step-3'), 'a/run%20report.html#step-3')
  t.equal(toSafeHref('javascript:alert(1).html'), undefined)
  t.equal(toSafeHref('/etc/passwd'), undefined)
  t.equal(toSafeHref('//evil.example/x'), undefined)
  t.equal(toSafeHref('../up.html'), undefined)
  t.equal(toSafeHref('a/javascript:x.html'), './a/javascript%3Ax.html')
  const suite = renderSuiteHtml(suiteRecord('javascript:alert(document.domain)//.html'))
  t.notMatch(suite, /href="javascript:/i, 'a hostile report name makes no script link')
  t.notMatch(suite, /href="[^"#]*javascript:/i)
})
