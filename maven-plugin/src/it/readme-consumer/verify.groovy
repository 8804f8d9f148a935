// The README's consumer project builds as documented, under the Maven this execution runs
// (mavenVersionPrefix: the wrapper's 3.9 in the default execution, Debian's 3.8 in the other).
def log = new File(basedir, 'build.log').getText('UTF-8')
def lines = log.readLines()

assert log.contains("Apache Maven ${mavenVersionPrefix}") : "not built with Maven ${mavenVersionPrefix}"

// verify and test touchstone:check: the specs ran and the gate passed, twice
def passed = lines.findAll { it ==~ /\[INFO\] Touchstone quality gate passed: \d+ results: \d+ passed, 0 failed, 0 inconclusive, 0 errors/ }
assert passed.size() == 2 : "expected the gate to pass in verify and in test touchstone:check: ${passed}"
assert new File(basedir, 'target/touchstone/results.json').isFile()
assert new File(basedir, 'target/touchstone/summary.md').isFile()
assert new File(basedir, 'target/surefire-reports/TEST-com.example.detector.PedestrianDetectorQualityTest.xml').isFile()

// touchstone:baseline promoted the run
assert lines.any { it ==~ /\[INFO\] Touchstone baseline previous-run created in .*: 5 entries/ }
assert new File(basedir, 'src/test/touchstone/previous-run/baseline.json').isFile()

// touchstone:report rendered the Allure report
assert lines.contains("[INFO] Allure report: ${new File(basedir, 'target/allure-report/index.html').absolutePath}".toString())

// item 8: every output is readable as the process umask allows (not owner-only), like any build output
// (a plain new file and directory, not temporary ones: Java creates those owner-only)
def Files = java.nio.file.Files
def referenceFile = new File(basedir, 'target/umask-reference.txt')
def referenceDir = new File(basedir, 'target/umask-reference')
assert referenceFile.createNewFile() && referenceDir.mkdir()
def filePermissions = Files.getPosixFilePermissions(referenceFile.toPath())
def dirPermissions = Files.getPosixFilePermissions(referenceDir.toPath())
['target/touchstone/results.json', 'target/touchstone/summary.md',
 'src/test/touchstone/previous-run/baseline.json', 'target/allure-report/index.html'].each {
    assert Files.getPosixFilePermissions(new File(basedir, it).toPath()) == filePermissions : "${it} is not written with the umask"
}
['target/touchstone', 'src/test/touchstone/previous-run', 'target/allure-results', 'target/allure-report'].each {
    assert Files.getPosixFilePermissions(new File(basedir, it).toPath()) == dirPermissions : "${it} is not created with the umask"
}
new File(basedir, 'target/allure-results').eachFile { f ->
    assert Files.getPosixFilePermissions(f.toPath()) == (f.isDirectory() ? dirPermissions : filePermissions) : "${f} is not written with the umask"
}
return true
