// -Dtouchstone.skip=true: check judges nothing, even though a check FAILED; its summary says it was skipped.
def lines = new File(basedir, 'build.log').readLines()

assert lines.contains('[ERROR] Tests run: 4, Failures: 2, Errors: 0, Skipped: 0')
assert new File(basedir, 'target/touchstone/results.json').isFile()
assert lines.contains('[INFO] Skipping Touchstone check: touchstone.skip=true')
assert !lines.any { it.contains('Touchstone quality gate') }
def md = new File(basedir, 'target/touchstone/summary.md').getText('UTF-8')
assert md == '## ⏭️ Touchstone quality gate skipped\n\nTouchstone quality gate skipped: touchstone.skip=true\n'
assert lines.contains('[INFO] BUILD SUCCESS')
return true
