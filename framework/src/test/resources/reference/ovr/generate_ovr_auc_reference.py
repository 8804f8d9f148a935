#!/usr/bin/python3
"""Reference values for one-vs-rest ROC AUC on multi-class data.

How to rerun (writes beside itself; deterministic, byte for byte):

    /usr/bin/python3 framework/src/test/resources/reference/ovr/generate_ovr_auc_reference.py

Needs Debian's python3-sklearn (1.2) and python3-numpy. OneVsRestAucReferenceTest
(framework/src/test/java/dev/touchstone/metric/reference/) compares Touchstone with expected.csv.

What it writes:
  scores.csv    id,label,p_bird,p_cat,p_dog,group  labels bird/cat/dog with per-class
                probabilities (a softmax of noisy logits, rounded to 3 decimals so ties occur;
                p_dog = 1 - p_bird - p_cat);
                group `mixed` has all three classes, `tiny` has 9 rows, `nobird` has no bird.
  expected.csv  slice,metric,value,bootstrap_se
                metric roc_auc(macro), roc_auc(weighted) from
                sklearn.metrics.roc_auc_score(y, P, multi_class="ovr", average=...), and
                roc_auc(class=c) from roc_auc_score(y == c, P[:, c]); value `nan` where
                scikit-learn raises (a class absent from the slice); log_loss from
                sklearn.metrics.log_loss(y, P, labels=[0, 1, 2]) (multi-class, per-class probabilities). bootstrap_se: the standard
                deviation of the statistic over 4000 row resamples (seed 7), a rough independent
                check of the delong-ovr standard error (not an exact reference).
"""
import csv
import os

import numpy as np
from sklearn.metrics import log_loss, roc_auc_score

HERE = os.path.dirname(os.path.abspath(__file__))
CLASSES = ["bird", "cat", "dog"]


def data():
    rng = np.random.default_rng(2026)
    rows = []
    groups = ["mixed"] * 420 + ["tiny"] * 9 + ["nobird"] * 120
    for i, group in enumerate(groups):
        if group == "nobird":
            label = int(rng.integers(1, 3))
        elif group == "tiny":
            label = i % 3
        else:
            label = int(rng.choice(3, p=[0.2, 0.35, 0.45]))
        logits = rng.normal(0.0, 1.0, 3)
        logits[label] += 1.2
        p = np.exp(logits) / np.exp(logits).sum()
        p = np.round(p, 3)
        p[2] = round(1.0 - p[0] - p[1], 3)  # still sums to 1, as scikit-learn requires
        rows.append((f"x{i}", CLASSES[label], p[0], p[1], p[2], group))
    return rows


def metrics(y, P):
    out = {}
    present = set(y)
    for average in ["macro", "weighted"]:
        name = f"roc_auc({average})"
        if len(present) < 3:
            out[name] = float("nan")
        else:
            out[name] = roc_auc_score(y, P, multi_class="ovr", average=average, labels=[0, 1, 2])
    out["log_loss"] = log_loss(y, P, labels=[0, 1, 2])
    for c, cls in enumerate(CLASSES):
        name = f"roc_auc(class={cls})"
        positive = (y == c)
        out[name] = roc_auc_score(positive, P[:, c]) if 0 < positive.sum() < len(y) else float("nan")
    return out


def bootstrap_se(y, P, name, rng):
    values = []
    n = len(y)
    for _ in range(4000):
        idx = rng.integers(0, n, n)
        try:
            values.append(metrics(y[idx], P[idx])[name])
        except ValueError:
            continue
    values = np.array([v for v in values if not np.isnan(v)])
    return float(np.std(values, ddof=1)) if len(values) > 100 else float("nan")


def main():
    rows = data()
    with open(os.path.join(HERE, "scores.csv"), "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["id", "label", "p_bird", "p_cat", "p_dog", "group"])
        for r in rows:
            w.writerow([r[0], r[1], f"{r[2]:.3f}", f"{r[3]:.3f}", f"{r[4]:.3f}", r[5]])
    y_all = np.array([CLASSES.index(r[1]) for r in rows])
    P_all = np.array([[r[2], r[3], r[4]] for r in rows])
    g_all = np.array([r[5] for r in rows])
    slices = [("overall", np.ones(len(rows), dtype=bool))] + [
        (f"group={g}", g_all == g) for g in ["mixed", "nobird", "tiny"]]
    with open(os.path.join(HERE, "expected.csv"), "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["slice", "metric", "value", "bootstrap_se"])
        for name, mask in slices:
            y, P = y_all[mask], P_all[mask]
            for metric, value in metrics(y, P).items():
                se = float("nan")
                if name in ("overall", "group=mixed") and metric.startswith("roc_auc(") and not np.isnan(value):
                    se = bootstrap_se(y, P, metric, np.random.default_rng(7))
                w.writerow([name, metric, "%.17g" % value, "%.6g" % se])


if __name__ == "__main__":
    main()
