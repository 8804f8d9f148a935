// Every spec passed, but the POM rule "no camera below 95% recall" fails the build.
def lines = new File(basedir, 'build.log').readLines()
def version = touchstoneVersion // the plugin's version, an invoker scriptVariable

assert lines.contains('[INFO] Tests run: 5, Failures: 0, Errors: 0, Skipped: 0')
// rule violators come before the rows that pass everything
def side = lines.findIndexOf { it.contains('camera=side') && it.endsWith('RULE VIOLATED') }
def front = lines.findIndexOf { it.contains('camera=front') && it.endsWith('PASSED') }
assert side > 0 && front > side
// the rule's message template; the actual value is rounded down against a minimum
assert lines.contains('[ERROR] Rule violated for slice camera=rear: recall is 0.940, but expected minimum is 0.950 (95% CI [0.83, 0.98], n=100)')
assert lines.contains('[ERROR] Rule violated for slice camera=side: recall is 0.900, but expected minimum is 0.950 (95% CI [0.78, 0.96], n=100)')
assert !lines.any { it.contains('Rule violated for slice camera=front') }
assert lines.contains('[ERROR] Failed to execute goal dev.touchstone:touchstone-maven-plugin:' + version
        + ':check (default) on project check-fails-pom-rule: Touchstone quality gate failed: 2 violations, at most 0 allowed '
        + '(2 rule violations); 4 results: 4 passed, 0 failed, 0 inconclusive, 0 errors; 1 POM rule -> [Help 1]')

def md = new File(basedir, 'target/touchstone/summary.md').getText('UTF-8')
assert md.contains('### Needs attention (2)')
assert md.contains('### POM rules\n\n- rule on slices camera=\\*: recall minimum 95%\n')
assert md.contains('- ❌ Rule violated for slice camera=side: recall is 0.900, but expected minimum is 0.950')
return true
