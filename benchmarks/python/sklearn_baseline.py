#!/usr/bin/python3
"""The Touchstone benchmark's computation, done the usual Python way.

Reads the CSV written by dev.touchstone.benchmarks.GenerateData with pandas, and on every slice
(overall, camera=<each value>, weather=<each value>) computes accuracy, precision, recall, F1 and
ROC AUC with scikit-learn, each with a 95% confidence interval:

* accuracy, precision, recall: Wilson score interval, statsmodels
  ``proportion_confint(method="wilson")``;
* ROC AUC: DeLong's variance (written below with numpy), normal interval clipped to [0, 1], as
  pROC's ``ci.auc(method="delong")``;
* F1: percentile bootstrap with 10,000 resamples. To be fair to pandas + scikit-learn it resamples
  the four confusion-matrix cells with ``numpy.random.Generator.multinomial``, exactly as
  Touchstone does, instead of resampling the rows (10,000 x 10 million rows would take hours).

Prints a table, a timing breakdown and, as its last line, one JSON object with every figure.

Usage: /usr/bin/python3 sklearn_baseline.py data.csv [--seed 42] [--resamples 10000]
       [--confidence 0.95] [--json out.json] [--categorical]

``--categorical`` reads the two slice columns as pandas ``category`` (a tuned variant; the
default is plain ``pd.read_csv(path)`` as most users write it).
"""

import time

_T_START = time.perf_counter()

import argparse  # noqa: E402
import json  # noqa: E402
import math  # noqa: E402
import resource  # noqa: E402
import sys  # noqa: E402
from statistics import NormalDist  # noqa: E402

import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import sklearn  # noqa: E402
from sklearn.metrics import (  # noqa: E402
    accuracy_score,
    confusion_matrix,
    f1_score,
    precision_score,
    recall_score,
    roc_auc_score,
)
from statsmodels.stats.proportion import proportion_confint  # noqa: E402

_T_IMPORTED = time.perf_counter()

SLICE_COLUMNS = ("camera", "weather")
METRICS = ("accuracy", "precision", "recall", "f1", "roc_auc")


def wilson(successes, n, level):
    """Wilson score interval without continuity correction (NaN when n == 0)."""
    if n == 0:
        return math.nan, math.nan
    low, high = proportion_confint(successes, n, alpha=1.0 - level, method="wilson")
    return float(low), float(high)


def delong_interval(y_true, y_score, level):
    """ROC AUC and its DeLong interval, from the placement values of the two classes.

    For a positive with score s, its placement among the negatives is
    V10 = (#negatives below s + 0.5 * #negatives equal to s) / n_neg; for a negative with score s,
    V01 = (#positives above s + 0.5 * #positives equal to s) / n_pos. The AUC is mean(V10) (=
    mean(V01)) and DeLong's variance is var(V10) / n_pos + var(V01) / n_neg (sample variances).
    Counting below/equal is done with two binary searches on the sorted scores of the other class.
    The interval is AUC +- z * sqrt(variance), clipped to [0, 1] (pROC ci.auc, method "delong").
    """
    positives = np.sort(y_score[y_true == 1])
    negatives = np.sort(y_score[y_true == 0])
    m, n = positives.size, negatives.size
    if m < 2 or n < 2:
        return math.nan, math.nan, math.nan
    v10 = (np.searchsorted(negatives, positives, side="left")
           + np.searchsorted(negatives, positives, side="right")) / (2.0 * n)
    v01 = 1.0 - (np.searchsorted(positives, negatives, side="left")
                 + np.searchsorted(positives, negatives, side="right")) / (2.0 * m)
    auc = float(v10.mean())
    variance = float(v10.var(ddof=1) / m + v01.var(ddof=1) / n)
    z = NormalDist().inv_cdf(0.5 + level / 2.0)
    half = z * math.sqrt(variance)
    return auc, max(0.0, auc - half), min(1.0, auc + half)


def bootstrap_f1(tp, fp, fn, tn, resamples, level, rng):
    """Percentile bootstrap interval of F1 by multinomial resampling of the confusion cells."""
    n = tp + fp + fn + tn
    if n == 0:
        return math.nan, math.nan
    cells = rng.multinomial(n, np.array([tp, fp, fn, tn], dtype=np.float64) / n, size=resamples)
    numerator = 2.0 * cells[:, 0]
    denominator = numerator + cells[:, 1] + cells[:, 2]
    with np.errstate(invalid="ignore", divide="ignore"):
        f1 = np.where(denominator > 0, numerator / denominator, np.nan)
    if np.isnan(f1).all():
        return math.nan, math.nan
    tail = (1.0 - level) / 2.0 * 100.0
    low, high = np.nanpercentile(f1, [tail, 100.0 - tail])
    return float(low), float(high)


def evaluate_slice(name, frame, level, resamples, rng):
    """The five metrics of one slice, as a list of result dicts."""
    y = frame["label"].to_numpy()
    y_pred = frame["predicted"].to_numpy()
    score = frame["score"].to_numpy()
    size = int(y.size)

    tn, fp, fn, tp = (int(v) for v in confusion_matrix(y, y_pred, labels=[0, 1]).ravel())
    rows = []

    def add(metric, value, n, low, high, method):
        rows.append({"slice": name, "metric": metric, "value": float(value), "n": int(n),
                     "low": low, "high": high, "level": level, "method": method})

    low, high = wilson(tp + tn, size, level)
    add("accuracy", accuracy_score(y, y_pred), size, low, high, "wilson")

    low, high = wilson(tp, tp + fp, level)
    add("precision", precision_score(y, y_pred, pos_label=1, zero_division=0), size, low, high, "wilson")

    low, high = wilson(tp, tp + fn, level)
    add("recall", recall_score(y, y_pred, pos_label=1, zero_division=0), size, low, high, "wilson")

    low, high = bootstrap_f1(tp, fp, fn, tn, resamples, level, rng)
    add("f1", f1_score(y, y_pred, pos_label=1, zero_division=0), size, low, high, "bootstrap-percentile")

    auc = roc_auc_score(y, score)
    delong_auc, low, high = delong_interval(y, score, level)
    if not math.isclose(auc, delong_auc, rel_tol=1e-9, abs_tol=1e-12):
        raise AssertionError(f"{name}: sklearn AUC {auc} != DeLong placement AUC {delong_auc}")
    add("roc_auc", auc, size, low, high, "delong")
    return rows


def fmt(x):
    return "     nan" if x is None or (isinstance(x, float) and math.isnan(x)) else f"{x:.6f}"


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("csv")
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--resamples", type=int, default=10_000)
    parser.add_argument("--confidence", type=float, default=0.95)
    parser.add_argument("--json", help="also write the JSON line to this file")
    parser.add_argument("--categorical", action="store_true",
                        help="read the slice columns as pandas 'category' (tuned variant)")
    args = parser.parse_args(argv)

    t0 = time.perf_counter()
    if args.categorical:
        frame = pd.read_csv(args.csv, dtype={c: "category" for c in SLICE_COLUMNS})
    else:
        frame = pd.read_csv(args.csv)
    t_loaded = time.perf_counter()

    rng = np.random.default_rng(args.seed)
    results = evaluate_slice("overall", frame, args.confidence, args.resamples, rng)
    for column in SLICE_COLUMNS:
        for value, group in frame.groupby(column, sort=True, observed=True):
            results += evaluate_slice(f"{column}={value}", group, args.confidence, args.resamples, rng)
    t_evaluated = time.perf_counter()

    print(f"{'slice':<16} {'metric':<10} {'n':>10} {'value':>9} {'low':>9} {'high':>9}  method")
    for r in results:
        print(f"{r['slice']:<16} {r['metric']:<10} {r['n']:>10} {fmt(r['value']):>9} "
              f"{fmt(r['low']):>9} {fmt(r['high']):>9}  {r['method']}")

    max_rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0
    timing = {
        "imports_s": _T_IMPORTED - _T_START,
        "load_s": t_loaded - t0,
        "eval_s": t_evaluated - t_loaded,
        "total_s": t_evaluated - t0,
        "process_s": t_evaluated - _T_START,
    }
    print()
    print(f"pandas {pd.__version__}, scikit-learn {sklearn.__version__}, numpy {np.__version__}, "
          f"python {sys.version.split()[0]}; {len(frame):,} rows, {len(results)} metric values")
    print(f"imports {timing['imports_s']:.2f} s | load (read_csv) {timing['load_s']:.2f} s | "
          f"evaluation {timing['eval_s']:.2f} s | load+evaluation {timing['total_s']:.2f} s | "
          f"process {timing['process_s']:.2f} s | max RSS {max_rss_mb:.0f} MB")

    record = {"tool": "pandas+sklearn", "csv": args.csv, "rows": int(len(frame)),
              "categorical": bool(args.categorical), "resamples": args.resamples,
              "seed": args.seed, **{k: round(v, 4) for k, v in timing.items()},
              "max_rss_mb": round(max_rss_mb, 1), "results": results}
    line = json.dumps(record, allow_nan=True)
    if args.json:
        with open(args.json, "w", encoding="utf-8") as out:
            out.write(line + "\n")
    print(line)


if __name__ == "__main__":
    main()
