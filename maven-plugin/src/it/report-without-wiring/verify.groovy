// With only the engine and the plugin, mvn verify touchstone:report renders the Allure report; a second run
// replaces the first one's results instead of adding retries, and the report shows trends over both runs.
import groovy.json.JsonSlurper

def lines = new File(basedir, 'build.log').readLines()
def results = new File(basedir, 'target/allure-results')
def report = new File(basedir, 'target/allure-report')
def json = new JsonSlurper()

assert !lines.any { it.contains('No Allure results') }
assert lines.count("[INFO] Allure report: ${new File(report, 'index.html').absolutePath}".toString()) == 2
assert lines.count('[INFO] Touchstone quality gate passed: 4 results: 4 passed, 0 failed, 0 inconclusive, 0 errors') == 2

// one Allure result per result the gate counts, after two runs too: the first run's were replaced
def written = results.listFiles().findAll { it.name.endsWith('-result.json') }
assert written.size() == 4
def testCases = new File(report, 'data/test-cases').listFiles().collect { json.parse(it) }
assert testCases.size() == 4
assert testCases.every { !it.extra?.retries }

// the Suites tree: spec > check > slice, not a flat list of slices from every check
def suites = json.parse(new File(report, 'data/suites.json'))
assert suites.children*.name == ['com.example.detector.DetectorQualityTest']
def spec = suites.children[0]
assert spec.children*.name as Set == ['recallOnEveryCamera', 'accuracyOverall'] as Set
def perCamera = spec.children.find { it.name == 'recallOnEveryCamera' }
assert perCamera.children*.name as Set == ['recall on camera=front', 'recall on camera=rear', 'recall on camera=side'] as Set
assert perCamera.children.every { it.status == 'passed' }

// each slice: its parameters, its evidence on the page, its chart, and its metric over the two runs
def front = testCases.find { it.name == 'recall on camera=front' }
assert front.parameters.find { it.name == 'slice' }.value == 'camera=front'
assert front.parameters.find { it.name == 'model' }.value == 'detector'
assert front.descriptionHtml.contains('<table')
def attachments = front.testStage.attachments
assert attachments*.name.contains('recall by slice')
def trend = attachments.find { it.name == 'recall over runs' }
assert trend != null
assert new File(report, "data/attachments/${trend.source}").getText('UTF-8').contains('2 runs')

// Allure's own trend: one point per run, and Touchstone's metric history kept with the report
def history = json.parse(new File(report, 'history/history-trend.json'))
assert history.size() == 2
assert history.every { it.data.passed == 4 && it.data.total == 4 }
assert json.parse(new File(report, 'history/touchstone-metrics.json')).runs.size() == 2

// the environment names the model and the data
def environment = json.parse(new File(report, 'widgets/environment.json'))
assert environment.find { it.name == 'model' }.values == ['detector']
assert environment.find { it.name == 'seed' } != null
return true
