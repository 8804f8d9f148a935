// The fork's working directory is target/elsewhere: the results and the baseline still go under the
// project (Surefire's basedir), the gate finds them, and nothing is written in the working directory.
def lines = new File(basedir, 'build.log').readLines()
def elsewhere = new File(basedir, 'target/elsewhere')

// 1. recorded the missing baseline in the project's src/test/touchstone
assert lines.any { it ==~ /\[touchstone\] recorded 3 missing baseline entries in .*/ }
assert new File(basedir, 'src/test/touchstone/previous-run/baseline.json').isFile()
// 2. compared with it: the gate judged this run's results, found under the project's target/
assert lines.count('[INFO] Touchstone quality gate passed: 3 results: 3 passed, 0 failed, 0 inconclusive, 0 errors') == 1
assert new File(basedir, 'target/touchstone/results.json').isFile()

// the fork really ran elsewhere, and left nothing there
assert elsewhere.isDirectory()
assert elsewhere.list().length == 0 : "stray files in the working directory: ${elsewhere.list()}"
return true
