// Builds a consumer project from README.md alone: the complete POM, the source dependencies of
// "Where your data lives" added to its <dependencies>, and the Parquet spec, copied unchanged;
// only the data comes from samples/warehouse (Parquet files partitioned by day).
def readme = new File(readmeFile).getText('UTF-8')

def snippet = { String name ->
    def matcher = readme =~ /(?s)<!-- readme-it:${name}:begin -->\s*```\w*\n(.*?)```\s*<!-- readme-it:${name}:end -->/
    assert matcher.find() : "README.md has no ```...``` block between <!-- readme-it:${name}:begin --> and <!-- readme-it:${name}:end -->"
    return matcher.group(1)
}

def pom = snippet('pom')
def dependencies = snippet('source-dependencies')
// the README names the drivers' versions by hand: they must be the ones this build tests
def versionAfter = { String artifactId ->
    def m = dependencies =~ /(?s)<artifactId>${artifactId}<\/artifactId>\s*<version>([^<]+)<\/version>/
    m.find() ? m.group(1) : null
}
assert versionAfter('duckdb_jdbc') == duckdbVersion : "README.md's duckdb_jdbc ${versionAfter('duckdb_jdbc')} is not the build's ${duckdbVersion}"
assert versionAfter('postgresql') == postgresqlVersion : "README.md's postgresql ${versionAfter('postgresql')} is not the build's ${postgresqlVersion}"
// the project's own <dependencies> is the last one in the POM (the first is dependencyManagement's)
def end = pom.lastIndexOf('</dependencies>')
assert end > 0 : "README.md's POM has no <dependencies>"
new File(basedir, 'pom.xml').setText(pom.substring(0, end) + dependencies + pom.substring(end), 'UTF-8')

def spec = snippet('parquet-spec')
def packageName = (spec =~ /(?m)^package ([\w.]+);/).with { it.find() ? it.group(1) : '' }
def className = (spec =~ /(?m)^(?:public )?class (\w+)/).with { assert it.find(); it.group(1) }
def source = new File(basedir, "src/test/java/${packageName.replace('.', '/')}/${className}.java")
source.parentFile.mkdirs()
source.setText(spec, 'UTF-8')

def target = new File(basedir, 'src/test/resources/predictions')
new File(warehouseData).eachDirMatch(~/day=.*/) { day ->
    def copy = new File(target, day.name)
    copy.mkdirs()
    day.eachFileMatch(~/.*\.parquet/) { file -> new File(copy, file.name).bytes = file.bytes }
}
return true
