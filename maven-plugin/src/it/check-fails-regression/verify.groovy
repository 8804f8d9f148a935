// A FAILED check: Surefire ignores the test failure (testFailureIgnore), check fails the build with a one-line summary.
def lines = new File(basedir, 'build.log').readLines()
def version = touchstoneVersion // the plugin's version, an invoker scriptVariable
def summary = new File(basedir, 'target/touchstone/summary.md')

// the engine's test failed, and Surefire let the build go on to verify
assert lines.contains('[ERROR] Tests run: 5, Failures: 2, Errors: 0, Skipped: 0')
// failures first in the table
def row = lines.indexOf('[INFO] DetectorQualityTest.recallOnEveryCamera  camera=side   recall    0.900  95% [0.786, 0.957]  above 0.920                               -  FAILED')
assert row > 0
assert lines[row - 1].startsWith('[INFO] ----')
// the violation in the one gate template, at ERROR
assert lines.contains('[ERROR] Check DetectorQualityTest.recallOnEveryCamera failed for slice camera=side: recall is 0.900, but expected above 0.920 (95% CI [0.786, 0.957], n=100)')
// MojoFailureException with the one-line summary
assert lines.contains('[ERROR] Failed to execute goal dev.touchstone:touchstone-maven-plugin:' + version
        + ':check (default) on project check-fails-regression: Touchstone quality gate failed: 1 violation, at most 0 allowed '
        + '(1 failed check); 4 results: 3 passed, 1 failed, 0 inconclusive, 0 errors -> [Help 1]')
assert lines.contains('[ERROR] [Help 1] http://cwiki.apache.org/confluence/display/MAVEN/MojoFailureException')

def md = summary.getText('UTF-8')
assert md.startsWith('## ❌ Touchstone quality gate failed')
assert md.indexOf('### Needs attention (1)') < md.indexOf('<details><summary>✅ Passed (3)</summary>')
// one row per result that needs attention, then each check's evidence folded
assert md.contains('| ❌ | `DetectorQualityTest.recallOnEveryCamera` | camera=side | recall | 0.900 | 95% \\[0.786, 0.957\\] |')
assert md.contains('<details><summary>❌ <code>DetectorQualityTest.recallOnEveryCamera</code>: failed</summary>')
// the evidence: the full message, written from the entry's facts
assert md.contains('```text\nrecall on slice camera=side is 0.900, expected above 0.920: FAILED\n  model    : detector')
assert md.contains('  next step: inspect detector\'s examples in slice camera=side of detections')
return true
