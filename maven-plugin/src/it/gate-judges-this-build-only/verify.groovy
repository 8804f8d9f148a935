// The gate judges this build's results only (issue 11 item 10).
def lines = new File(basedir, 'build.log').readLines()
def version = touchstoneVersion // the plugin's version, an invoker scriptVariable
def results = new File(basedir, 'target/touchstone/results.json')
def summary = new File(basedir, 'target/touchstone/summary.md')

def passed = lines.indexOf('[INFO] Touchstone quality gate passed: 1 result: 1 passed, 0 failed, 0 inconclusive, 0 errors')
assert passed > 0
// 2. and 3. tests skipped: the gate skips and says why, never "passed"
def skipTests = lines.indexOf('[INFO] Touchstone quality gate skipped: the tests were skipped (skipTests), so this build '
        + 'has no quality results to judge')
def testSkip = lines.indexOf('[INFO] Touchstone quality gate skipped: the tests were skipped (maven.test.skip), so this '
        + 'build has no quality results to judge')
assert skipTests > passed && testSkip > skipTests
assert lines.findAll { it.contains('Touchstone quality gate passed') }.size() == 1
// 4. an earlier build's results fail the gate
def stale = lines.findIndexOf { it.startsWith('[ERROR] Failed to execute goal dev.touchstone:touchstone-maven-plugin:'
        + version + ':check (default-cli) on project gate-judges-this-build-only: Touchstone quality gate failed: the '
        + "results at ${results.absolutePath} were written at ") && it.contains(', before this build started (')
        && it.endsWith('): the quality specs did not run in this build, and an earlier build\'s results are not judged '
        + '(run the tests, or skip the gate with -Dtouchstone.skip) -> [Help 1]') }
assert stale > testSkip
// the summary says so too
def md = summary.getText('UTF-8')
assert md.startsWith('## ❌ Touchstone quality gate failed\n\nTouchstone quality gate failed: the results at ')
assert md.contains('before this build started')
return true
