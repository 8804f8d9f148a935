// A results file cut short is a broken setup (MojoExecutionException) that names the file.
def lines = new File(basedir, 'build.log').readLines()
def version = touchstoneVersion // the plugin's version, an invoker scriptVariable
def results = new File(basedir, 'broken-results/results.json')

def prefix = '[ERROR] Failed to execute goal dev.touchstone:touchstone-maven-plugin:' + version + ':check (default) on project ' +
        "invalid-results-file: Cannot read the Touchstone results: results file ${results.absolutePath} is not valid JSON: "
// one line, with the parser's description and the location
assert lines.any { it.startsWith(prefix) && it.endsWith(' at line 3, column 1 -> [Help 1]') }
assert lines.contains('[ERROR] [Help 1] http://cwiki.apache.org/confluence/display/MAVEN/MojoExecutionException')
return true
