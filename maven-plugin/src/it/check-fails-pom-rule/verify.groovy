// Every spec passed, but the POM rule "no camera below 95% recall" fails the build. The rule applies
// to every result it matches: two checks measure recall on the side camera, and both rows violate it.
def lines = new File(basedir, 'build.log').readLines()
def version = touchstoneVersion // the plugin's version, an invoker scriptVariable

assert lines.contains('[INFO] Tests run: 6, Failures: 0, Errors: 0, Skipped: 0')
// rule violators come before the rows that pass everything, and show the rule's own limit
def sides = lines.findAll { it.contains('camera=side') && it.endsWith('RULE VIOLATED') }
assert sides.size() == 2
assert sides.every { it.contains('above 0.850; rule: minimum is 0.950') }
def front = lines.findIndexOf { it.contains('camera=front') && it.endsWith('PASSED') }
assert lines.findIndexOf { it.contains('camera=side') && it.endsWith('RULE VIOLATED') } < front
assert !lines.any { it.contains('camera=side') && it.endsWith('PASSED') }
// the rule's message template names the check; the value is rounded down against a minimum; the
// evidence is what the rule judged (interval and n), nothing of the checks' own comparisons
assert lines.contains('[ERROR] Rule violated by DetectorQualityTest.recallOnEveryCamera for slice camera=rear: recall is 0.940, '
        + 'but expected minimum is 0.950 (95% CI [0.837, 0.980], n=100)')
assert lines.contains('[ERROR] Rule violated by DetectorQualityTest.recallOnEveryCamera for slice camera=side: recall is 0.900, '
        + 'but expected minimum is 0.950 (95% CI [0.786, 0.957], n=100)')
assert lines.contains('[ERROR] Rule violated by DetectorQualityTest.recallOnTheSideCamera for slice camera=side: recall is 0.900, '
        + 'but expected minimum is 0.950 (95% CI [0.786, 0.957], n=100)')
assert !lines.any { it.contains('Rule violated') && it.contains('camera=front') }
assert lines.contains('[ERROR] Failed to execute goal dev.touchstone:touchstone-maven-plugin:' + version
        + ':check (default) on project check-fails-pom-rule: Touchstone quality gate failed: 3 violations, at most 0 allowed '
        + '(3 rule violations); 5 results: 5 passed, 0 failed, 0 inconclusive, 0 errors; 1 POM rule -> [Help 1]')

def md = new File(basedir, 'target/touchstone/summary.md').getText('UTF-8')
assert md.contains('### Needs attention (3)')
assert md.contains('### POM rules\n\n- rule on slices camera=\\*: recall minimum 95%\n')
assert md.contains('- ❌ Rule violated by DetectorQualityTest.recallOnTheSideCamera for slice camera=side: recall is 0.900, '
        + 'but expected minimum is 0.950')
return true
