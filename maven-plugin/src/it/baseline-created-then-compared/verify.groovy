// touchstone:baseline records a run; the next model's run is compared with it and check fails on the
// regression; promoting that run lists what degraded. build.log holds the three invocations in order.
import groovy.json.JsonSlurper

def lines = new File(basedir, 'build.log').readLines()
def version = touchstoneVersion // the plugin's version, an invoker scriptVariable
def store = new File(basedir, 'src/test/touchstone/previous-run')
def spec = 'com.example.detector.DetectorQualityTest'

// 1. no baseline yet: the comparison is skipped (and not counted), then the run is recorded
def created = lines.indexOf("[INFO] Touchstone baseline previous-run created in ${store.absolutePath}: 6 entries".toString())
assert created > 0
assert lines.subList(created + 1, created + 7) == [
    "[INFO]   added     ${spec}#recallHoldsAgainstTheLastRun|camera=front|recall",
    "[INFO]   added     ${spec}#recallHoldsAgainstTheLastRun|camera=rear|recall",
    "[INFO]   added     ${spec}#recallHoldsAgainstTheLastRun|camera=side|recall",
    "[INFO]   added     ${spec}#recallOnEveryCamera|camera=front|recall",
    "[INFO]   added     ${spec}#recallOnEveryCamera|camera=rear|recall",
    "[INFO]   added     ${spec}#recallOnEveryCamera|camera=side|recall",
]*.toString()
// the comparison without a baseline is a skipped test (touchstone.baseline.missing=skip), not a result
assert lines.findIndexOf { it.startsWith('[WARNING] Tests run: 5, Failures: 0, Errors: 0, Skipped: 1') } in (0..<created)
assert lines.findIndexOf { it.contains('recallHoldsAgainstTheLastRun') && it.contains('PASSED') } > created

// 2. the next model against the recorded run: a significant regression on the side camera fails the gate
def regression = lines.indexOf('[ERROR] Check DetectorQualityTest.recallHoldsAgainstTheLastRun failed for slice camera=side: '
        + 'recall is 0.760, but expected not significantly worse than previous-run 0.900 '
        + '(baseline 0.900, delta -0.140, holm-adjusted p=0.023, 95% CI [0.62, 0.86], n=100)')
assert regression > created
assert lines.contains('[INFO] DetectorQualityTest.recallHoldsAgainstTheLastRun  camera=front  recall  0.960  95% [0.865, 0.989]  '
        + 'not significantly worse than previous-run 0.960    1.000  PASSED')
assert lines.contains('[ERROR] Failed to execute goal dev.touchstone:touchstone-maven-plugin:' + version
        + ':check (default) on project baseline-created-then-compared: Touchstone quality gate failed: 1 violation, '
        + 'at most 0 allowed (1 failed check); 6 results: 5 passed, 1 failed, 0 inconclusive, 0 errors -> [Help 1]')

// 3. the team accepts the new model: promoting its run says what changed
def updated = lines.indexOf("[INFO] Touchstone baseline previous-run updated in ${store.absolutePath}: 0 added, 0 removed, "
        .toString() + '0 improved, 2 degraded, 4 unchanged')
assert updated > regression
assert lines.subList(updated + 1, updated + 3) == [
    "[INFO]   degraded  ${spec}#recallHoldsAgainstTheLastRun|camera=side|recall",
    "[INFO]   degraded  ${spec}#recallOnEveryCamera|camera=side|recall",
]*.toString()

// the committed store now holds the new model's values
def stored = new JsonSlurper().parse(new File(store, 'baseline.json'))
assert stored.entries.size() == 6
assert stored.entries.find { it.key == "${spec}#recallOnEveryCamera|camera=side|recall".toString() }.value == 0.76
assert new File(store, 'outcomes').list().length > 0
return true
