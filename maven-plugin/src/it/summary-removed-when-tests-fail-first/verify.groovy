// When Surefire fails first, the gate does not run; the run removed the previous summary (issue 11 item 12).
def lines = new File(basedir, 'build.log').readLines()
def summary = new File(basedir, 'target/touchstone/summary.md')

def passed = lines.indexOf('[INFO] Touchstone quality gate passed: 1 result: 1 passed, 0 failed, 0 inconclusive, 0 errors')
assert passed > 0
def failed = lines.findIndexOf(passed) { it.startsWith('[ERROR] Tests run: 1, Failures: 1') }
assert failed > passed
assert lines.findIndexOf(failed) { it.contains('Touchstone quality gate') } < 0 : 'the gate ran after Surefire failed'
// the first build's "quality gate passed" is not left next to the failed build
assert !summary.exists()
return true
