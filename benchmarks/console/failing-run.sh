#!/usr/bin/env bash
# How much a failing run prints: the README's failing walk-through (quickstart with
# recallAtNight raised to isAbove(0.9)) and a spec with 25 failing results (night recall, and
# recall with 95% confidence on each of the 24 hours). Each runs `mvn verify` on a copy of
# samples/quickstart, and the console is counted: all lines, the lines of Surefire's "Results:"
# section, and how often one slice's evidence is printed ("  model     :" lines); then the gate
# (touchstone:check) runs in a second build that ignores the test failures, and its summary.md is
# measured.
#
# Install Touchstone first (./mvnw install -DskipTests). Extra arguments go to Maven, e.g.
#   benchmarks/console/failing-run.sh -o -Dmaven.repo.local=/path/to/repo
# The consoles are kept in target/console-<name>.log under this folder.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
OUT="$HERE/target"
mkdir -p "$OUT"
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
SPEC=src/test/java/com/example/detector/PedestrianDetectorQualityTest.java

run() { # name, project dir
    local log="$OUT/console-$1.log"
    (cd "$2" && "$ROOT/mvnw" -B -ntp -Dcheckstyle.skip=true "${@:3}" verify > "$log" 2>&1) || true
    local results
    results=$(awk '/\[INFO\] Results:/{on=1} on && /Tests run:/{exit} on' "$log" | wc -l)
    printf '%-14s %5d console lines, %4d in Surefire'"'"'s Results section, %3d evidence blocks ("model :" lines)\n' \
        "$1" "$(wc -l < "$log")" "$results" "$(grep -c '^ *model *: ' "$log" || true)"
    # the gate (touchstone:check, which runs only when the tests' failures do not stop the build
    # first): summary.md, as a pull-request comment would show it
    (cd "$2" && "$ROOT/mvnw" -B -ntp -Dcheckstyle.skip=true -Dmaven.test.failure.ignore=true "${@:3}" verify \
        > "$OUT/gate-$1.log" 2>&1) || true
    if [ -f "$2/target/touchstone/summary.md" ]; then
        cp "$2/target/touchstone/summary.md" "$OUT/summary-$1.md"
        printf '%-14s summary.md: %6d bytes, %4d lines\n' "$1" "$(wc -c < "$OUT/summary-$1.md")" \
            "$(wc -l < "$OUT/summary-$1.md")"
    fi
}

cp -r "$ROOT/samples/quickstart" "$WORK/walkthrough"
rm -rf "$WORK/walkthrough/target"
sed -i 's/recall().isAbove(0.85)/recall().isAbove(0.9)/' "$WORK/walkthrough/$SPEC"
grep -q 'isAbove(0.9);' "$WORK/walkthrough/$SPEC"
run walkthrough "$WORK/walkthrough" "$@"

cp -r "$ROOT/samples/quickstart" "$WORK/failing25"
rm -rf "$WORK/failing25/target"
cat > "$WORK/failing25/$SPEC" <<'JAVA'
package com.example.detector;

import static dev.touchstone.Touchstone.assertThat;
import static dev.touchstone.Touchstone.where;

import dev.touchstone.annotation.QualityCheck;
import dev.touchstone.annotation.QualitySpec;
import dev.touchstone.data.Dataset;
import dev.touchstone.model.Model;
import java.nio.file.Path;

@QualitySpec
class PedestrianDetectorQualityTest {

    static final Dataset detections = Dataset.fromCsv(Path.of("src/test/resources/detections.csv"))
            .withId("frame_id").withLabel("label").withPrediction("predicted").withScore("score")
            .withPositiveClass("person")
            .withSlice("night", where("hour").isLessThan(6).or(where("hour").isAtLeast(20)));

    static final Model detector = Model.logged("detector-v7", detections);

    @QualityCheck
    void recallAtNight() {
        assertThat(detector).onSlice("night").recall().isAbove(0.9);
    }

    @QualityCheck
    void recallEveryHour() {
        assertThat(detector).onEachSliceOf("hour").recall().withConfidence(0.95).isAbove(0.9);
    }
}
JAVA
run failing25 "$WORK/failing25" "$@"
