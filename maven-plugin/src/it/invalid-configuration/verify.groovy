// A threshold that is not a number is a broken setup (MojoExecutionException) that names the key and the value.
def lines = new File(basedir, 'build.log').readLines()
def version = touchstoneVersion // the plugin's version, an invoker scriptVariable

assert lines.contains('[ERROR] Failed to execute goal dev.touchstone:touchstone-maven-plugin:' + version
        + ':check (default) on project invalid-configuration: Invalid Touchstone configuration: '
        + "rules.rule[1].limits.limit[1].minimum = 'ninety' is not a number: expected a number such as 0.9 or a percentage "
        + 'such as 90% -> [Help 1]')
assert lines.contains('[ERROR] [Help 1] http://cwiki.apache.org/confluence/display/MAVEN/MojoExecutionException')
return true
