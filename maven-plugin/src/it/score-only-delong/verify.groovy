// Two score-only models on the same examples: Touchstone's ROC AUC, interval and paired DeLong test are
// R's pROC values (reference/proc_reference.properties, written by reference/proc_reference.R).
import groovy.json.JsonSlurper

def reference = new Properties()
new File(basedir, 'reference/proc_reference.properties').withInputStream { reference.load(it) }
def ref = { String key -> Double.parseDouble(reference.getProperty(key)) }
def close = { double actual, double expected, String what ->
    assert Math.abs(actual - expected) <= 1e-9 : "${what}: Touchstone ${actual}, pROC ${expected}"
}

def results = new JsonSlurper().parse(new File(basedir, 'target/touchstone/results.json'))
def entry = { String check -> results.checks.find { it.check == check } }

['markerARanksPatients': 'marker_a', 'markerBRanksPatients': 'marker_b'].each { check, marker ->
    def e = entry(check)
    assert e.verdict == 'PASSED'
    close(e.value, ref("${marker}.auc"), "${marker} AUC")
    assert e.interval.method == 'delong+newcombe'
    // the envelope of pROC's DeLong interval and Newcombe's method 5
    close(e.interval.low, ref("${marker}.envelope.low"), "${marker} interval low")
    close(e.interval.high, ref("${marker}.envelope.high"), "${marker} interval high")
}

def paired = entry('markerAIsNotWorseThanMarkerB')
assert paired.verdict == 'PASSED'
assert paired.test.name == 'delong-paired'
assert paired.baseline.paired == true
close(paired.value, ref('marker_a.auc'), 'marker_a AUC')
close(paired.baseline.value, ref('marker_b.auc'), 'marker_b AUC')
close(paired.test.statistic, ref('paired.z'), 'paired DeLong z')
close(paired.test.pValue, ref('paired.p.less'), 'paired DeLong one-sided p')

assert new File(basedir, 'build.log').readLines().contains(
        '[INFO] Touchstone quality gate passed: 3 results: 3 passed, 0 failed, 0 inconclusive, 0 errors')
return true
