// Without junit-bom, allure-junit-platform's JUnit 5.10 artifacts meet the engine's 5.14: the Jupiter
// engine fails to discover tests, and the touchstone engine has said which artifacts differ and what to import.
def log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains("TestEngine with ID 'junit-jupiter' failed to discover tests")
def warning = log.readLines().find { it.startsWith('[touchstone] warning: JUnit artifacts of different releases on the test classpath (') }
assert warning != null : 'the engine did not name the JUnit mix'
assert warning.contains('junit-jupiter-api 5.10.')
assert warning.contains("Import org.junit:junit-bom:${junitVersion} in <dependencyManagement>")
return true
