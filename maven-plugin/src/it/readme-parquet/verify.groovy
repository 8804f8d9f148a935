// The README's Parquet spec runs as documented: both checks pass, one accuracy per day partition,
// and the confusion cells and score counts were aggregated by DuckDB (no fallback notice).
def log = new File(basedir, 'build.log').getText('UTF-8')
def lines = log.readLines()

assert lines.any { it ==~ /\[INFO\] Touchstone quality gate passed: 6 results: 6 passed, 0 failed, 0 inconclusive, 0 errors/ } :
        "expected 6 passing results (5 days' accuracy and the overall ROC AUC)"
assert !lines.any { it.contains('is computed in memory') } : 'a README metric fell back to memory'

def results = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/touchstone/results.json'))
def slices = results.checks.collect { it.slice } as Set
assert slices.containsAll((1..5).collect { "day=2026-12-0${it}".toString() }) : "slices were ${slices}"
return true
