// Surefire 3.2.5 with usePhrasedTestCaseMethodName (the README's setting for Surefire 3.0 to 3.4): one
// test case per slice, named by the check and the slice, and no warning from the gate.
def lines = new File(basedir, 'build.log').readLines()
def xml = new File(basedir, 'target/surefire-reports/TEST-com.example.detector.DetectorQualityTest.xml').getText('UTF-8')
def names = (xml =~ /<testcase name="([^"]*)"/).collect { it[1] } as Set
assert names.containsAll(['recallOnEveryCamera() camera=front', 'recallOnEveryCamera() camera=rear',
        'recallOnEveryCamera() camera=side']) : names
assert !lines.any { it.contains('reports every slice of a check under') }
assert lines.contains('[INFO] Touchstone quality gate passed: 4 results: 4 passed, 0 failed, 0 inconclusive, 0 errors')
return true
