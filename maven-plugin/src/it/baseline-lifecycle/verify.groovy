// The baseline lifecycle the README walks through, one invocation per step; build.log holds them in order.
import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').getText('UTF-8')
def lines = log.readLines()
def version = touchstoneVersion // the plugin's version, an invoker scriptVariable
def store = new File(basedir, 'src/test/touchstone/previous-run')
def spec = 'com.example.detector.DetectorQualityTest'
def key = { String check, String camera -> "${spec}#${check}|detector@detections|camera=${camera}|recall".toString() }
def after = { int from, String text ->
    def at = lines.findIndexOf(from) { it.contains(text) }
    assert at >= 0: "no line after ${from} contains: ${text}"
    at
}

// 1. record: one green run records every missing entry, and says so (the check itself is skipped, saying why)
def recorded = after(0, "[touchstone] recorded 3 missing baseline entries in ${store.absolutePath}")
['front': '0.960', 'rear': '0.940', 'side': '0.900'].each { camera, value ->
    assert lines.contains("[touchstone]   added     ${key('recallHoldsAgainstTheLastRun', camera)}  ${value}".toString())
}
assert lines.findIndexOf { it.startsWith('[WARNING] Tests run: 5, Failures: 0, Errors: 0, Skipped: 1') } > 0
def firstGate = after(recorded, '[INFO] Touchstone quality gate passed: 3 results: 3 passed, 0 failed, 0 inconclusive, '
        + "0 errors; 3 baseline entries recorded by this run in ${store.absolutePath}")

// 2. compare: the next release regressed on the side camera: the gate fails
def regression = after(firstGate, '[ERROR] Check DetectorQualityTest.recallHoldsAgainstTheLastRun failed for slice camera=side: '
        + 'recall is 0.760, but expected not significantly worse than previous-run 0.900 '
        + '(baseline 0.900, Δ -0.140, p(worse)=0.023 holm, 95% CI [0.625, 0.858], n=100)')
after(regression, '[ERROR] Failed to execute goal dev.touchstone:touchstone-maven-plugin:' + version
        + ':check (default) on project baseline-lifecycle: Touchstone quality gate failed: 1 violation, '
        + 'at most 0 allowed (1 failed check); 6 results: 5 passed, 1 failed, 0 inconclusive, 0 errors')

// 3. promote: refused; the refusal names what it would bless, with the values
def refused = after(regression, '[ERROR] Failed to execute goal dev.touchstone:touchstone-maven-plugin:' + version
        + ':baseline (default-cli) on project baseline-lifecycle: Touchstone baseline previous-run not updated: the run '
        + 'has 1 result that did not pass, and promoting it would make it the reference of the next builds:')
after(refused, '  FAILED  DetectorQualityTest.recallHoldsAgainstTheLastRun camera=side recall 0.760: 0.900 → 0.760 (−0.140)')
after(refused, 'Promote it anyway with -Dtouchstone.baseline.force=true')

// 4. force: every change, with its values
def forced = after(refused, "[INFO] Touchstone baseline previous-run updated in ${store.absolutePath}: 3 added, "
        + '0 improved, 1 degraded, 2 unchanged, 0 kept, 0 removed')
assert lines[forced + 1..forced + 4] == [
    "[INFO]   degraded  ${key('recallHoldsAgainstTheLastRun', 'side')}  0.900 → 0.760 (−0.140)",
    "[INFO]   added     ${key('recallOnEveryCamera', 'front')}  0.960",
    "[INFO]   added     ${key('recallOnEveryCamera', 'rear')}  0.940",
    "[INFO]   added     ${key('recallOnEveryCamera', 'side')}  0.760",
]*.toString()

// 5. a filtered run: green, and it says how much of the baseline ran
def filtered = after(forced, '[INFO] Touchstone quality gate passed: 3 results: 3 passed, 0 failed, 0 inconclusive, '
        + '0 errors; 3 of 6 baseline entries ran (filtered run)')

// 6. promoting it merges: nothing is lost
def merged = after(filtered, "[INFO] Touchstone baseline previous-run updated in ${store.absolutePath}: 0 added, "
        + '0 improved, 0 degraded, 3 unchanged, 3 kept, 0 removed')

// 7. prune: refused, it would drop the entries of the check that did not run
def pruneRefused = after(merged, 'Touchstone baseline previous-run not updated: pruning would remove 3 entries of checks '
        + 'that did not run (not selected in this run, or removed from the specs):')
after(pruneRefused, "  ${key('recallHoldsAgainstTheLastRun', 'front')}  0.960")

// the committed store holds all six entries, the new release's values, and the outcomes they name
def stored = new JsonSlurper().parse(new File(store, 'baseline.json'))
assert stored.schemaVersion == 2
assert stored.entries.size() == 6
assert stored.entries.find { it.key == key('recallHoldsAgainstTheLastRun', 'side') }.value == 0.76
assert stored.entries.every { new File(store, it.outcomes).isFile() }
return true
