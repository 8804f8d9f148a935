// Every check passed: the table (header, rule line, one row per result), the one-line verdict and summary.md.
def lines = new File(basedir, 'build.log').readLines()
def results = new File(basedir, 'target/touchstone/results.json')
def summary = new File(basedir, 'target/touchstone/summary.md')

def expected = [
    "[INFO] Touchstone results: ${results.absolutePath}",
    '[INFO] check                                    slice         metric    value  interval            expected / baseline                 p-value  verdict',
    '[INFO] ---------------------------------------  ------------  --------  -----  ------------------  ----------------------------------  -------  -------',
    '[INFO] DetectorQualityTest.accuracyOverall      overall       accuracy  0.946  95% [0.915, 0.967]  at least 0.850 with 95% confidence        -  PASSED',
    '[INFO] DetectorQualityTest.recallOnEveryCamera  camera=front  recall    0.960  95% [0.865, 0.989]  above 0.850                               -  PASSED',
    '[INFO] DetectorQualityTest.recallOnEveryCamera  camera=rear   recall    0.940  95% [0.837, 0.980]  above 0.850                               -  PASSED',
    '[INFO] DetectorQualityTest.recallOnEveryCamera  camera=side   recall    0.900  95% [0.786, 0.957]  above 0.850                               -  PASSED',
    "[INFO] Touchstone summary: ${summary.absolutePath}",
    '[INFO] Touchstone quality gate passed: 4 results: 4 passed, 0 failed, 0 inconclusive, 0 errors',
]*.toString()
def start = lines.indexOf(expected[0])
assert start >= 0 : 'no results line in build.log'
assert lines.subList(start, start + expected.size()) == expected
assert lines.contains('[INFO] BUILD SUCCESS')
// a gate warning is "[WARNING] Check <name> ..."; Maven's own "[WARNING] Checksum validation failed" is not one
assert !lines.any { it.startsWith('[ERROR]') || it.startsWith('[WARNING] Check ') }

def md = summary.getText('UTF-8')
assert md.startsWith('## ✅ Touchstone quality gate passed\n\nTouchstone quality gate passed: 4 results: 4 passed')
assert !md.contains('Needs attention')
assert md.contains('<details><summary>✅ Passed (4)</summary>')
assert md.contains('| `DetectorQualityTest.recallOnEveryCamera` | camera=side | recall | 0.900 | 95% \\[0.786, 0.957\\] | above 0.850 | - | PASSED |')
return true
