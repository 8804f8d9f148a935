#!/usr/bin/python3
"""Screenshots of the Allure report Touchstone produces, in a headless Chromium.

Builds copies of two samples the way a new user wires them (the engine and the plugin only: the
allure-junit-platform dependency and allure.properties are taken out), runs
`mvn verify touchstone:report` (twice for the quickstart, so the trends have two runs), serves each
report on loopback and screenshots: the overview, a failed comparison (champion-challenger), a
passed slice, the per-slice chart of a comparison, and a metric over two runs.

Usage, from the repository root after `./mvnw install -DskipTests`:
    /usr/bin/python3 samples/report-screenshots/take.py [output-dir] [-- extra maven args]
Needs Debian's chromium (apt-get install -y chromium). Writes PNGs to output-dir
(default target/report-screenshots).
"""
import http.server
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser") or "/usr/bin/chromium"


def unwired_copy(sample: str, into: Path) -> Path:
    """The sample, outside the reactor, without Allure's listener or allure.properties."""
    target = into / sample
    shutil.copytree(ROOT / "samples" / sample, target, ignore=shutil.ignore_patterns("target"))
    pom = (target / "pom.xml").read_text(encoding="utf-8")
    pom = re.sub(r"\s*<dependency>\s*(<!--[^>]*-->\s*)?<groupId>io\.qameta\.allure</groupId>.*?</dependency>", "",
                 pom, flags=re.S)
    pom = pom.replace("</parent>", "  <relativePath>%s</relativePath>\n  </parent>" % (ROOT / "samples" / "pom.xml"), 1)
    (target / "pom.xml").write_text(pom, encoding="utf-8")
    properties = target / "src/test/resources/allure.properties"
    if properties.exists():
        properties.unlink()
    return target


def version() -> str:
    pom = (ROOT / "pom.xml").read_text(encoding="utf-8")
    return re.search(r"<artifactId>touchstone-parent</artifactId>\s*<version>([^<]+)</version>", pom).group(1)


# by its coordinates: a sample need not declare the plugin (champion-challenger does not)
REPORT = "dev.touchstone:touchstone-maven-plugin:%s:report" % version()


def mvn(project: Path, maven_args, *goals):
    command = [str(ROOT / "mvnw"), "-B", "-ntp", "-f", str(project / "pom.xml"), *maven_args, *goals,
               "-Dmaven.test.failure.ignore=true", "-Dtouchstone.haltOnFailure=false", "-Dcheckstyle.skip=true"]
    print("$", " ".join(command), flush=True)
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL)


class Server:
    """The report over HTTP on loopback (Allure's page loads its data with XHR, which file:// refuses)."""

    def __init__(self, directory: Path):
        handler = lambda *a, **k: http.server.SimpleHTTPRequestHandler(*a, directory=str(directory), **k)
        http.server.SimpleHTTPRequestHandler.log_message = lambda *a: None
        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()
        self.url = "http://127.0.0.1:%d/" % self.httpd.server_address[1]

    def close(self):
        self.httpd.shutdown()


def shoot(url: str, png: Path, width=1440, height=1000):
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run([CHROMIUM, "--headless=new", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                        "--user-data-dir=" + profile, "--window-size=%d,%d" % (width, height),
                        "--virtual-time-budget=15000", "--screenshot=" + str(png), url],
                       check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=180)
    print("wrote", png, flush=True)


def leaves(node, path=()):
    for child in node.get("children", []):
        if "children" in child:
            yield from leaves(child, path + (child["name"],))
        else:
            yield path, child


def test_case(report: Path, uid: str):
    return json.loads((report / "data/test-cases" / (uid + ".json")).read_text(encoding="utf-8"))


def attachment(report: Path, case, name_suffix: str):
    for a in case.get("testStage", {}).get("attachments", []):
        if a["name"].endswith(name_suffix):
            return a
    return None


def main():
    args = sys.argv[1:]
    maven_args = []
    if "--" in args:
        maven_args = args[args.index("--") + 1:]
        args = args[:args.index("--")]
    out = Path(args[0] if args else ROOT / "target/report-screenshots").resolve()
    out.mkdir(parents=True, exist_ok=True)
    # TOUCHSTONE_SCREENSHOTS_WORK=<dir of an earlier run>: shoot its reports again without building
    reuse = os.environ.get("TOUCHSTONE_SCREENSHOTS_WORK")
    work = Path(reuse) if reuse else Path(tempfile.mkdtemp(prefix="touchstone-screenshots-"))
    quickstart = work / "quickstart"
    challenger = work / "champion-challenger"
    if not reuse:
        unwired_copy("quickstart", work)
        mvn(quickstart, maven_args, "verify", REPORT)
        mvn(quickstart, maven_args, "verify", REPORT)
        unwired_copy("champion-challenger", work)
        mvn(challenger, maven_args, "verify", REPORT)

    report = quickstart / "target/allure-report"
    server = Server(report)
    try:
        shoot(server.url + "index.html#", out / "1-overview.png")
        suites = json.loads((report / "data/suites.json").read_text(encoding="utf-8"))
        passed = next(c for p, c in leaves(suites) if c["status"] == "passed" and " on camera=" in c["name"])
        shoot(server.url + "index.html#suites/%s/%s/" % (passed["parentUid"], passed["uid"]), out / "3-passed-slice.png")
        trend = None
        for _, c in leaves(suites):
            trend = attachment(report, test_case(report, c["uid"]), " over runs")
            if trend:
                break
        if trend:
            shoot(server.url + "data/attachments/" + trend["source"], out / "5-trend-after-two-runs.png", 900, 520)
    finally:
        server.close()

    report = challenger / "target/allure-report"
    server = Server(report)
    try:
        suites = json.loads((report / "data/suites.json").read_text(encoding="utf-8"))
        failed = next(c for p, c in leaves(suites) if c["status"] == "failed")
        shoot(server.url + "index.html#suites/%s/%s/" % (failed["parentUid"], failed["uid"]),
              out / "2-failed-comparison.png")
        chart = attachment(report, test_case(report, failed["uid"]), " by slice")
        if chart:
            shoot(server.url + "data/attachments/" + chart["source"], out / "4-comparison-chart.png", 900, 640)
    finally:
        server.close()
    print("screenshots in", out)


if __name__ == "__main__":
    main()
