// INCONCLUSIVE under the default policy (touchstone.inconclusive=fail): the engine fails the test, check fails the build.
def lines = new File(basedir, 'build.log').readLines()
def version = touchstoneVersion // the plugin's version, an invoker scriptVariable

assert lines.contains('[ERROR] Tests run: 2, Failures: 1, Errors: 0, Skipped: 0')
assert lines.contains('[INFO] DetectorQualityTest.recallOnSideCamera  camera=side  recall    0.900  95% [0.786, 0.957]  above 0.850 with 95% confidence           -  INCONCLUSIVE')
assert lines.contains('[ERROR] Check DetectorQualityTest.recallOnSideCamera inconclusive for slice camera=side: recall is 0.900, '
        + 'but expected above 0.850 with 95% confidence (95% CI [0.786, 0.957], n=100, about 392 examples would decide)')
assert lines.contains('[ERROR] Failed to execute goal dev.touchstone:touchstone-maven-plugin:' + version
        + ':check (default) on project check-inconclusive-fails: Touchstone quality gate failed: 1 violation, at most 0 allowed '
        + '(1 inconclusive check); 2 results: 1 passed, 0 failed, 1 inconclusive, 0 errors -> [Help 1]')

def md = new File(basedir, 'target/touchstone/summary.md').getText('UTF-8')
assert md.contains('<details><summary>⚠️ <code>DetectorQualityTest.recallOnSideCamera</code>: inconclusive</summary>')
assert md.contains('  to decide: about 392 examples (now 100), if the estimate stays where it is')
return true
