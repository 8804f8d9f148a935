// Builds the consumer project from README.md: the complete POM, allure.properties and the first
// spec are the README's own snippets (between <!-- readme-it:NAME:begin/end --> markers), copied
// unchanged; only the data comes from the quickstart sample.
def readme = new File(readmeFile).getText('UTF-8')

def snippet = { String name, boolean required ->
    def matcher = readme =~ /(?s)<!-- readme-it:${name}:begin -->\s*```\w*\n(.*?)```\s*<!-- readme-it:${name}:end -->/
    if (!matcher.find()) {
        assert !required : "README.md has no ```...``` block between <!-- readme-it:${name}:begin --> and <!-- readme-it:${name}:end -->"
        return null
    }
    return matcher.group(1)
}

def pom = snippet('pom', true)
// the README names released versions by hand: they must be the ones this build tests
def versionOf = { String tag -> (pom =~ /<${tag}>([^<]+)<\/${tag}>/).with { it.find() ? it.group(1) : null } }
def dependencyVersion = { String artifactId ->
    def m = pom =~ /(?s)<artifactId>${artifactId}<\/artifactId>\s*<version>([^<]+)<\/version>/
    m.find() ? m.group(1) : null
}
assert versionOf('touchstone.version') == touchstoneVersion : "README.md's consumer POM names Touchstone ${versionOf('touchstone.version')}, the build is ${touchstoneVersion}"
assert dependencyVersion('junit-bom') == junitVersion : "README.md's junit-bom ${dependencyVersion('junit-bom')} is not the build's ${junitVersion}"
assert dependencyVersion('allure-junit-platform') == allureVersion : "README.md's allure-junit-platform ${dependencyVersion('allure-junit-platform')} is not the build's ${allureVersion}"
assert dependencyVersion('maven-surefire-plugin') == surefireVersion : "README.md's Surefire ${dependencyVersion('maven-surefire-plugin')} is not the build's ${surefireVersion}"
new File(basedir, 'pom.xml').setText(pom, 'UTF-8')

def properties = snippet('allure-properties', false)
if (properties != null) {
    def file = new File(basedir, 'src/test/resources/allure.properties')
    file.parentFile.mkdirs()
    file.setText(properties, 'UTF-8')
}

def spec = snippet('spec', true)
def packageName = (spec =~ /(?m)^package ([\w.]+);/).with { it.find() ? it.group(1) : '' }
def className = (spec =~ /(?m)^(?:public )?class (\w+)/).with { assert it.find(); it.group(1) }
def source = new File(basedir, "src/test/java/${packageName.replace('.', '/')}/${className}.java")
source.parentFile.mkdirs()
source.setText(spec, 'UTF-8')

def data = new File(basedir, 'src/test/resources/detections.csv')
data.parentFile.mkdirs()
data.bytes = new File(quickstartData).bytes
return true
