#!/usr/bin/env bash
# Touchstone vs pandas + scikit-learn on the same CSV (see README.md).
#
#   benchmarks/run.sh                 # 10 million rows, builds first
#   ROWS=1000000 benchmarks/run.sh    # a smaller file
#   SKIP_BUILD=1 benchmarks/run.sh    # reuse the last build
#
# Environment: ROWS (10000000), SEED (42), SMALL_ROWS (10000, for the bootstrap scaling check),
# XMX (2g), BUILD_DIR (target; the -Dbuild.dir.name of the build), SKIP_BUILD, SKIP_PYTHON,
# HYPERFINE_RUNS (3; only used when hyperfine is installed), PYTHON (/usr/bin/python3).
# Everything the run writes goes to benchmarks/$BUILD_DIR/bench-results/; the data files go to
# benchmarks/data/ (git-ignored) and are reused when they exist.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(dirname "$HERE")"
ROWS="${ROWS:-10000000}"
SMALL_ROWS="${SMALL_ROWS:-10000}"
SEED="${SEED:-42}"
XMX="${XMX:-2g}"
BUILD_DIR="${BUILD_DIR:-target}"
PYTHON="${PYTHON:-/usr/bin/python3}"
HYPERFINE_RUNS="${HYPERFINE_RUNS:-3}"
DATA="$HERE/data"
CSV="$DATA/predictions-${ROWS}-seed${SEED}.csv"
SMALL_CSV="$DATA/predictions-${SMALL_ROWS}-seed${SEED}.csv"
OUT="$HERE/$BUILD_DIR/bench-results"
TIME=/usr/bin/time

step() { printf '\n=== %s ===\n' "$*"; }

[[ -x "$TIME" ]] || { echo "need GNU time at $TIME (apt-get install -y time)" >&2; exit 1; }
mkdir -p "$DATA" "$OUT"

if [[ -z "${SKIP_BUILD:-}" ]]; then
  step "build (framework + benchmarks)"
  (cd "$ROOT" && ./mvnw -q -DskipTests -Dbuild.dir.name="$BUILD_DIR" install -pl benchmarks -am)
fi
CLASSPATH_FILE="$HERE/$BUILD_DIR/benchmark.classpath"
[[ -f "$CLASSPATH_FILE" ]] || { echo "no $CLASSPATH_FILE: build first" >&2; exit 1; }
CP="$HERE/$BUILD_DIR/classes:$(cat "$CLASSPATH_FILE")"
JAVA=(java -cp "$CP")

step "data"
for spec in "$ROWS:$CSV" "$SMALL_ROWS:$SMALL_CSV"; do
  n="${spec%%:*}"; file="${spec#*:}"
  if [[ -f "$file" ]]; then
    echo "reusing $file"
  else
    "${JAVA[@]}" dev.touchstone.benchmarks.GenerateData "$n" "$file" "$SEED"
  fi
done
# both tools read the file from the page cache, not the disk
cat "$CSV" > /dev/null

: > "$OUT/loadavg.txt"
loadavg() { printf '%s %s; ' "$1" "$(cut -d' ' -f1 /proc/loadavg)" >> "$OUT/loadavg.txt"; }

step "Touchstone (java -Xmx$XMX)"
loadavg touchstone
"$TIME" -v -o "$OUT/java.time" \
  java -Xmx"$XMX" -Xlog:gc:file="$OUT/java-gc.log"::filecount=0 -cp "$CP" \
  dev.touchstone.benchmarks.EvaluateBenchmark "$CSV" --json "$OUT/java.json" | tee "$OUT/java.out"

if [[ -z "${SKIP_PYTHON:-}" ]]; then
  step "pandas + scikit-learn ($PYTHON)"
  loadavg pandas+sklearn
  "$TIME" -v -o "$OUT/python.time" \
    "$PYTHON" "$HERE/python/sklearn_baseline.py" "$CSV" --seed "$SEED" --json "$OUT/python.json" \
    | grep -v '^{' | tee "$OUT/python.out"
fi

step "F1 bootstrap interval: cost at $SMALL_ROWS vs $ROWS rows"
java -Xmx"$XMX" -cp "$CP" dev.touchstone.benchmarks.BootstrapScaling "$SMALL_CSV" "$CSV" \
  --json "$OUT/bootstrap.json" | tee "$OUT/bootstrap.out"

if command -v hyperfine > /dev/null && [[ -z "${SKIP_PYTHON:-}" ]] && (( HYPERFINE_RUNS > 0 )); then
  step "hyperfine: end-to-end, $HYPERFINE_RUNS runs each"
  hyperfine --runs "$HYPERFINE_RUNS" --export-json "$OUT/hyperfine.json" \
    -n touchstone "java -Xmx$XMX -cp $CP dev.touchstone.benchmarks.EvaluateBenchmark $CSV" \
    -n pandas+sklearn "$PYTHON $HERE/python/sklearn_baseline.py $CSV --seed $SEED"
fi

step "summary"
"$PYTHON" - "$OUT" <<'PY'
import json, os, re, sys

out = sys.argv[1]

def gnu_time(name):
    """Wall seconds, CPU seconds (user + system) and max RSS (MB) from `/usr/bin/time -v`."""
    path = os.path.join(out, name + ".time")
    if not os.path.exists(path):
        return None
    text = open(path).read()
    wall = 0.0
    for part in re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (\S+)", text).group(1).split(":"):
        wall = wall * 60 + float(part)
    cpu = sum(float(re.search(p + r": ([\d.]+)", text).group(1))
              for p in (r"User time \(seconds\)", r"System time \(seconds\)"))
    rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", text).group(1)) / 1024
    return {"wall": wall, "cpu": cpu, "rss": rss}

def load(name):
    path = os.path.join(out, name + ".json")
    return json.load(open(path)) if os.path.exists(path) else None

def gc_peak(path):
    """Largest heap occupancy before a collection in a -Xlog:gc log, in MB."""
    peak = 0.0
    if os.path.exists(path):
        for m in re.finditer(r"(\d+)([KMG])->\d+[KMG]\(\d+[KMG]\)", open(path).read()):
            peak = max(peak, int(m.group(1)) * {"K": 1 / 1024, "M": 1, "G": 1024}[m.group(2)])
    return peak

java, py, boot = load("java"), load("python"), load("bootstrap")
jt, pt = gnu_time("java"), gnu_time("python")
loads = open(os.path.join(out, "loadavg.txt")).read().strip() if os.path.exists(os.path.join(out, "loadavg.txt")) else "?"
print(f"rows: {java['rows']:,}   machine: {os.cpu_count()} cores; load average before each tool: {loads}")
print(f"Touchstone      load {java['load_s']:6.2f} s  eval {java['eval_s']:6.2f} s  load+eval {java['total_s']:6.2f} s  "
      f"process: wall {jt['wall']:6.2f} s, CPU {jt['cpu']:6.2f} s, max RSS {jt['rss']:.0f} MB")
print(f"                heap peak {java['heap_peak_mb']:.0f} MB (sum of pool peaks), largest heap before a GC "
      f"{gc_peak(os.path.join(out, 'java-gc.log')):.0f} MB, live heap with data {java['live_heap_mb']:.0f} MB, "
      f"max heap {java['heap_max_mb']:.0f} MB")
print("                evaluation per metric (all slices): " + ", ".join(
      f"{k} {v:.2f} s" for k, v in java["eval_s_per_metric"].items()))
if py and pt:
    print(f"pandas+sklearn  load {py['load_s']:6.2f} s  eval {py['eval_s']:6.2f} s  load+eval {py['total_s']:6.2f} s  "
          f"process: wall {pt['wall']:6.2f} s, CPU {pt['cpu']:6.2f} s, max RSS {pt['rss']:.0f} MB")
    print(f"speed-up, end-to-end (process wall time):  {pt['wall'] / jt['wall']:.1f}x")
    print(f"speed-up, load+evaluation (in process):    {py['total_s'] / java['total_s']:.1f}x")
    print(f"CPU time ratio (user+system):              {pt['cpu'] / jt['cpu']:.1f}x")
    ours = {(r["slice"], r["metric"]): r for r in java["results"]}
    worst = {}
    for r in py["results"]:
        o = ours[(r["slice"], r["metric"])]
        for field in ("value", "low", "high"):
            key = (r["method"], field)
            worst[key] = max(worst.get(key, 0.0), abs(o[field] - r[field]))
    print(f"agreement over {len(py['results'])} values (largest |Touchstone - Python|): " + "; ".join(
        f"{m} {f} {d:.1e}" for (m, f), d in sorted(worst.items())))
if boot:
    for size in boot["sizes"]:
        print(f"F1 bootstrap interval ({boot['resamples']:,} resamples) at {size['rows']:>10,} rows: "
              f"median {size['median_ms']:.2f} ms, min {size['min_ms']:.2f} ms ({size['repetitions']} repetitions)")
PY
