// -Dtouchstone.skip=true: check does nothing (no gate, no summary), even though a check FAILED.
def lines = new File(basedir, 'build.log').readLines()

assert lines.contains('[ERROR] Tests run: 4, Failures: 2, Errors: 0, Skipped: 0')
assert new File(basedir, 'target/touchstone/results.json').isFile()
assert lines.contains('[INFO] Skipping Touchstone check: touchstone.skip=true')
assert !lines.any { it.contains('Touchstone quality gate') }
assert !new File(basedir, 'target/touchstone/summary.md').exists()
assert lines.contains('[INFO] BUILD SUCCESS')
return true
