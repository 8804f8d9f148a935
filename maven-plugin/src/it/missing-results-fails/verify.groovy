// No results file under -Dtouchstone.failIfNoResults=true: a quality failure (no evidence to pass on).
def lines = new File(basedir, 'build.log').readLines()
def version = touchstoneVersion // the plugin's version, an invoker scriptVariable
def results = new File(basedir, 'target/touchstone/results.json')

assert lines.contains(('[ERROR] Failed to execute goal dev.touchstone:touchstone-maven-plugin:' + version
        + ":check (default) on project missing-results-fails: No Touchstone results at ${results.absolutePath}: "
        + 'the quality gate has no evidence to pass on (touchstone.failIfNoResults=true) -> [Help 1]').toString())
assert lines.contains('[ERROR] [Help 1] http://cwiki.apache.org/confluence/display/MAVEN/MojoFailureException')
return true
