// Surefire 2.12.4 runs no JUnit Platform engine: no spec ran, and the gate says which Surefire to pin
// instead of passing on no results.
def lines = new File(basedir, 'build.log').readLines()
assert !new File(basedir, 'target/touchstone/results.json').exists()
def error = lines.find { it.startsWith('[ERROR] Failed to execute goal dev.touchstone:touchstone-maven-plugin') }
assert error != null : 'the gate did not fail the build'
assert error.contains('Touchstone quality gate failed: maven-surefire-plugin 2.12.4 runs no JUnit Platform engine, '
        + 'so the quality specs did not run (Surefire printed "Tests run: 0"): pin '
        + 'org.apache.maven.plugins:maven-surefire-plugin 3.6.1 (2.22.0 at the very least) in <build><plugins>')
assert !lines.any { it.contains('skipping the quality gate') }
assert new File(basedir, 'target/touchstone/summary.md').getText('UTF-8').contains('maven-surefire-plugin 2.12.4 runs no JUnit Platform engine')
return true
