// touchstone:report renders the Allure HTML report of the specs; a second report carries the history over
// (trends); -Dtouchstone.report.single-file=true writes one self-contained index.html.
import groovy.json.JsonSlurper

def lines = new File(basedir, 'build.log').readLines()
def report = new File(basedir, 'target/allure-report')
def single = new File(basedir, 'target/allure-single-file')

// 1. and 2.: the path of index.html, printed by both runs; the second carried the first one's history over
assert lines.count("[INFO] Allure report: ${new File(report, 'index.html').absolutePath}".toString()) == 2
assert lines.count("[INFO] Allure history carried over from ${new File(report, 'history').absolutePath}".toString()) == 1
assert new File(report, 'index.html').isFile()

// the Allure data lists the spec, its checks, and under the per-slice check its own test and its slices
def suites = new JsonSlurper().parse(new File(report, 'data/suites.json'))
def spec = suites.children.find { it.name == 'com.example.detector.DetectorQualityTest' }
assert spec != null
assert spec.children*.name as Set == ['accuracyOverall', 'recallOnEveryCamera'] as Set
def perCamera = spec.children.find { it.name == 'recallOnEveryCamera' }
assert perCamera.children*.name as Set == ['recallOnEveryCamera()', 'camera=front', 'camera=rear', 'camera=side'] as Set
assert spec.children.every { check -> check.children.every { it.status == 'passed' } }
// allure-junit-platform wrote the results; the engine added its evidence to them and wrote none of its own
assert new File(report, 'data/test-cases').list().size() == 5

// trends: one point per report generated from these results
def trend = new JsonSlurper().parse(new File(report, 'history/history-trend.json'))
assert trend.size() == 2
assert trend.every { it.data.passed == 5 && it.data.total == 5 }

// 3.: one file, with the same data embedded
assert lines.contains("[INFO] Allure report: ${new File(single, 'index.html').absolutePath}".toString())
assert single.list() as List == ['index.html']
def html = new File(single, 'index.html').getText('UTF-8')
def embedded = (html =~ /d\('data\/suites.json','([A-Za-z0-9+\/=]+)'\)/)
assert embedded.find()
assert new String(embedded.group(1).decodeBase64(), 'UTF-8').contains('"name":"recallOnEveryCamera()"')

// the commandline was unpacked under target, and the gate ran too
assert new File(basedir, 'target/allure-commandline/allure-commandline-2.34.1/.unpacked').isFile()
assert lines.contains('[INFO] Touchstone quality gate passed: 4 results: 4 passed, 0 failed, 0 inconclusive, 0 errors')
return true
