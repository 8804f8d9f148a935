#!/usr/bin/python3
"""Independent reference values for Touchstone's metrics.

How to rerun (from anywhere; the script writes beside itself):

    /usr/bin/python3 framework/src/test/resources/reference/metrics/generate_metric_reference.py

Needs the Debian packages python3-sklearn (1.2), python3-statsmodels, python3-numpy,
python3-scipy, python3-pandas, r-base-core and r-cran-proc (for `Rscript` and pROC).
The output is deterministic (fixed numpy seed); rerunning must reproduce the committed files
byte for byte. MetricReferenceTest (framework/src/test/java/dev/touchstone/metric/reference/)
compares Touchstone against expected.csv.

What it writes:
  binary_ties.csv  id,label,predicted,score,group  labels person/background, positive `person`;
                   scores rounded to 1 or 2 decimals (many ties); group `roof` has < 15 rows.
  binary01.csv     id,label,predicted,score,group  labels 0/1, positive `1`; continuous scores;
                   group `delta` is tiny and has negatives only (roc_auc undefined there).
  multiclass.csv   id,label,predicted,group  labels cat/dog/bird/fish; `fish` is never predicted
                   and `cow` is predicted but never a label (sklearn's union-of-labels rule).
  regression.csv   id,target,predicted,group  a few targets near (never exactly) zero for MAPE.
  expected.csv     dataset,slice,metric,value,ci_level,ci_low,ci_high,ci_method
  sklearn_conventions.csv  dataset,slice,metric,note: rows whose value rests on a scikit-learn
                   convention for an ill-defined quantity (zero division, a class absent from
                   y_true, MCC with a zero denominator, which sklearn sets to 0.0 silently, ...)
                   or where sklearn raises. Those values are still sklearn's defaults and are in
                   expected.csv; this file only says which ones are conventions, not arithmetic,
                   so the Java test does not insist that Touchstone calls them defined.

Conventions of expected.csv:
  * slice is `overall` or `group=<value>`; every metric is computed on every slice.
  * value: scikit-learn with its DEFAULT zero_division behaviour, formatted with %.17g; `nan`
    where scikit-learn raises (roc_auc on a slice with one class).
  * Binary metrics use the positive class. specificity = TN/(TN+FP) from sklearn's
    confusion_matrix (one-vs-rest for a class of multiclass data); when TN+FP = 0 it is 0.0,
    sklearn's zero_division default for the same ratio (it equals recall of the negative class).
  * log_loss / brier_score take `score` as P(positive); log_loss gets labels=[0, 1] so that a
    one-class slice is still defined. No score is exactly 0 or 1, so clipping never matters.
  * Multiclass averages (macro/micro/weighted) use sklearn's default label set: the union of the
    labels present in y_true and y_pred OF THAT SLICE. Per-class metrics (`precision(class=dog)`)
    are written for every class of the whole dataset on every slice (labels=[c]).
  * size = number of rows in the slice.
  * Intervals: Wilson (statsmodels proportion_confint(method="wilson")) at 0.95 and 0.90 for
    accuracy (correct/n), precision (TP/(TP+FP)), recall (TP/(TP+FN)), specificity (TN/(TN+FP)),
    micro-averaged precision/recall (pooled counts) and per-class precision/recall/specificity;
    for roc_auc at 0.95 and 0.90, the envelope (method `delong+newcombe`) of DeLong's interval
    (pROC ci.auc(method="delong"): auc -/+ z*sd clipped to [0, 1], cross-checked against an
    independent numpy DeLong) and Newcombe's score interval (2006, method 5: the Hanley-McNeil
    variance with both class sizes replaced by their mean, solved for theta with scipy's brentq);
    where pROC cannot (fewer than 2 cases or controls) Newcombe's alone. A metric with an interval has one
    row per level; other metrics have one row with empty ci columns. No interval row is written
    where the reference cannot compute one (0 denominator; pROC needs >= 2 cases and controls).
"""

import csv
import io
import math
import os
import subprocess

from scipy.optimize import brentq
import warnings

import numpy as np
from scipy.stats import norm, rankdata
from sklearn.metrics import (accuracy_score, average_precision_score, balanced_accuracy_score,
                             brier_score_loss, cohen_kappa_score, confusion_matrix, f1_score,
                             fbeta_score, log_loss, matthews_corrcoef, mean_absolute_error,
                             mean_absolute_percentage_error, mean_squared_error, precision_score,
                             r2_score, recall_score, roc_auc_score)
from statsmodels.stats.proportion import proportion_confint

HERE = os.path.dirname(os.path.abspath(__file__))
SEED = 20240611
LEVELS = (0.95, 0.90)

rng = np.random.default_rng(SEED)


# ----------------------------------------------------------------------------------------------
# datasets
# ----------------------------------------------------------------------------------------------

def write_csv(name, header, rows):
    path = os.path.join(HERE, name)
    with open(path, "w", newline="") as f:
        w = csv.writer(f, lineterminator="\r\n")  # RFC 4180 line ends
        w.writerow(header)
        w.writerows(rows)
    return path


def fmt_score(x, decimals):
    return f"{x:.{decimals}f}"


def make_binary_ties():
    """person/background, scores with 1 or 2 decimals, predicted = score >= 0.5."""
    spec = [  # group, rows, prevalence, separation (higher = better model)
        ("front", 330, 0.40, 1.0),
        ("rear", 260, 0.30, 0.6),
        ("side", 210, 0.35, 0.3),
    ]
    rows = []
    for group, n, prev, sep in spec:
        pos = rng.random(n) < prev
        raw = np.where(pos, rng.normal(0.5 + 0.2 * sep, 0.2, n), rng.normal(0.5 - 0.2 * sep, 0.2, n))
        for is_pos, r in zip(pos, raw):
            decimals = 1 if rng.random() < 0.5 else 2
            s = min(0.99, max(0.01, round(float(r), decimals)))
            rows.append(["person" if is_pos else "background", s, decimals, group])
    # the small group: 12 rows, both classes (>= 2 each, so DeLong is defined), a few errors
    roof = [("person", 0.9), ("person", 0.6), ("person", 0.4), ("person", 0.55), ("person", 0.3),
            ("background", 0.2), ("background", 0.6), ("background", 0.4), ("background", 0.1),
            ("background", 0.35), ("background", 0.45), ("background", 0.55)]
    for label, s in roof:
        rows.append([label, s, 2, "roof"])
    order = rng.permutation(len(rows))  # interleave the groups
    out = []
    for i, k in enumerate(order, start=1):
        label, s, decimals, group = rows[k]
        predicted = "person" if s >= 0.5 else "background"
        out.append([i, label, predicted, fmt_score(s, decimals), group])
    return write_csv("binary_ties.csv", ["id", "label", "predicted", "score", "group"], out)


def make_binary01():
    """0/1 labels, continuous scores (6 decimals), predicted = score >= 0.4."""
    spec = [("alpha", 250, 0.45, 1.6), ("beta", 230, 0.30, 1.0), ("gamma", 110, 0.50, 0.4)]
    rows = []
    for group, n, prev, sep in spec:
        pos = rng.random(n) < prev
        logit = np.where(pos, rng.normal(sep, 1.0, n), rng.normal(-sep, 1.0, n))
        s = 1.0 / (1.0 + np.exp(-logit))
        for is_pos, v in zip(pos, s):
            rows.append([1 if is_pos else 0, min(0.999999, max(0.000001, round(float(v), 6))), group])
    # tiny one-class group: negatives only, one of them predicted positive
    for v in (0.05, 0.12, 0.2, 0.31, 0.08, 0.45, 0.02, 0.27, 0.16):
        rows.append([0, v, "delta"])
    order = rng.permutation(len(rows))
    out = []
    for i, k in enumerate(order, start=1):
        label, s, group = rows[k]
        out.append([i, label, 1 if s >= 0.4 else 0, f"{s:.6f}", group])
    return write_csv("binary01.csv", ["id", "label", "predicted", "score", "group"], out)


def make_multiclass():
    labels = ["cat", "dog", "bird", "fish"]
    # rows of the "confusion" distribution: P(predicted | label); fish is never predicted
    predicted_values = ["cat", "dog", "bird", "cow"]
    confusion = {
        "north": {"cat": [0.80, 0.10, 0.04, 0.06], "dog": [0.12, 0.78, 0.05, 0.05],
                  "bird": [0.10, 0.05, 0.80, 0.05], "fish": [0.30, 0.20, 0.40, 0.10]},
        "south": {"cat": [0.65, 0.20, 0.05, 0.10], "dog": [0.20, 0.65, 0.10, 0.05],
                  "bird": [0.15, 0.10, 0.70, 0.05], "fish": [0.35, 0.15, 0.35, 0.15]},
        "east": {"cat": [0.55, 0.25, 0.10, 0.10], "dog": [0.25, 0.55, 0.10, 0.10],
                 "bird": [0.20, 0.15, 0.55, 0.10], "fish": [0.30, 0.30, 0.30, 0.10]},
    }
    spec = [("north", 340, [0.35, 0.30, 0.20, 0.15]), ("south", 300, [0.30, 0.30, 0.25, 0.15]),
            ("east", 230, [0.25, 0.25, 0.25, 0.25])]
    rows = []
    for group, n, prior in spec:
        ys = rng.choice(labels, size=n, p=prior)
        for y in ys:
            p = rng.choice(predicted_values, p=confusion[group][y])
            rows.append([str(y), str(p), group])
    # small group without bird, fish or cow at all: its macro average is over {cat, dog} only
    for y, p in [("cat", "cat"), ("cat", "cat"), ("cat", "dog"), ("dog", "dog"), ("dog", "cat"),
                 ("dog", "dog"), ("cat", "cat"), ("dog", "dog"), ("cat", "cat"), ("dog", "dog"),
                 ("cat", "dog"), ("dog", "dog")]:
        rows.append([y, p, "west"])
    order = rng.permutation(len(rows))
    out = [[i] + rows[k] for i, k in enumerate(order, start=1)]
    return write_csv("multiclass.csv", ["id", "label", "predicted", "group"], out)


def make_regression():
    spec = [("a", 220, 4.0), ("b", 180, 7.0), ("c", 100, 12.0)]
    rows = []
    for group, n, noise in spec:
        t = rng.normal(50.0, 20.0, n)
        p = 2.0 + 0.95 * t + rng.normal(0.0, noise, n)
        rows += [[round(float(a), 3), round(float(b), 3), group] for a, b in zip(t, p)]
    # targets near zero (never exactly zero) and negative targets: MAPE is large but defined
    for t, p in [(0.05, 0.9), (-0.08, 1.3), (0.012, -0.4), (0.3, 0.25), (-1.5, -2.1), (-12.25, -9.5)]:
        rows.append([t, p, "a"])
    for t, p in [(12.5, 11.0), (-3.2, -1.0), (40.125, 44.0), (0.02, 0.5), (7.75, 8.0), (25.0, 19.5),
                 (60.0, 61.25), (3.5, 4.0), (18.0, 15.5), (33.3, 36.6)]:
        rows.append([t, p, "d"])
    order = rng.permutation(len(rows))
    out = [[i] + rows[k] for i, k in enumerate(order, start=1)]
    # repr() keeps the shortest decimal that round-trips; both sides parse the same doubles
    out = [[i, repr(t), repr(p), g] for i, t, p, g in out]
    return write_csv("regression.csv", ["id", "target", "predicted", "group"], out)


# ----------------------------------------------------------------------------------------------
# reference computations
# ----------------------------------------------------------------------------------------------

def read_csv(path):
    with open(path, newline="") as f:
        return list(csv.DictReader(f))


def slices(rows):
    """[(slice name, rows)]: overall first, then groups in sorted order."""
    out = [("overall", rows)]
    for g in sorted({r["group"] for r in rows}):
        out.append((f"group={g}", [r for r in rows if r["group"] == g]))
    return out


class Recorder:
    def __init__(self):
        self.expected = []
        self.warned = []

    def convention(self, dataset, slice_name, metric, note):
        self.warned.append([dataset, slice_name, metric, note])

    def value(self, dataset, slice_name, metric, fn):
        """Evaluates fn() under sklearn's defaults; nan when it raises; records warnings."""
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            try:
                v = float(fn())
            except ValueError as e:
                v = float("nan")
                self.warned.append([dataset, slice_name, metric, f"raises: {e}"])
        for w in caught:
            msg = str(w.message).split(". Use `zero_division`")[0]
            self.warned.append([dataset, slice_name, metric, f"{w.category.__name__}: {msg}"])
        if v == 0.0:
            v = 0.0  # no negative zero in the file
        return v

    def add(self, dataset, slice_name, metric, value, wilson=None, delong=None, method="delong"):
        """wilson = (count, nobs); delong = {level: (low, high)} with the given method name."""
        val = fmt(value)
        if wilson is not None and wilson[1] > 0:
            count, nobs = wilson
            assert math.isclose(count / nobs, value, rel_tol=0, abs_tol=1e-12), \
                (dataset, slice_name, metric, count, nobs, value)
            for level in LEVELS:
                lo, hi = proportion_confint(count, nobs, alpha=1 - level, method="wilson")
                check_wilson(count, nobs, level, lo, hi)
                self.expected.append([dataset, slice_name, metric, val, f"{level:.2f}", fmt(lo), fmt(hi),
                                      "wilson"])
        elif delong:
            for level in LEVELS:
                lo, hi = delong[level]
                self.expected.append([dataset, slice_name, metric, val, f"{level:.2f}", fmt(lo), fmt(hi),
                                      method])
        else:
            self.expected.append([dataset, slice_name, metric, val, "", "", "", ""])


def fmt(x):
    x = float(x)
    if math.isnan(x):
        return "nan"
    return "%.17g" % x


def check_wilson(count, nobs, level, lo, hi):
    """Textbook Wilson score interval, as an independent check of statsmodels."""
    z = norm.ppf(1 - (1 - level) / 2)
    p = count / nobs
    centre = (p + z * z / (2 * nobs)) / (1 + z * z / nobs)
    half = z / (1 + z * z / nobs) * math.sqrt(p * (1 - p) / nobs + z * z / (4 * nobs * nobs))
    assert abs(centre - half - lo) < 1e-12 and abs(centre + half - hi) < 1e-12, (count, nobs, lo, hi)


def numpy_delong(y01, score, level):
    """DeLong et al. (1988) with mid-rank placements; pROC clips the normal interval to [0, 1]."""
    pos, neg = score[y01 == 1], score[y01 == 0]
    m, n = len(pos), len(neg)
    all_ranks = rankdata(np.concatenate([pos, neg]))
    pos_ranks, neg_ranks = rankdata(pos), rankdata(neg)
    v10 = (all_ranks[:m] - pos_ranks) / n          # per case: share of controls below (ties 1/2)
    v01 = 1.0 - (all_ranks[m:] - neg_ranks) / m    # per control: share of cases above
    auc = v10.mean()
    var = v10.var(ddof=1) / m + v01.var(ddof=1) / n
    z = norm.ppf(1 - (1 - level) / 2)
    sd = math.sqrt(var)
    return auc, min(1.0, max(0.0, auc - z * sd)), max(0.0, min(1.0, auc + z * sd))


def newcombe_auc(auc, m, n, level):
    """Newcombe (2006) method 5: solve (A - t)^2 = z^2 V(t) with V the Hanley-McNeil variance at
    both class sizes equal to N* = (m + n) / 2."""
    z = norm.ppf(1 - (1 - level) / 2)
    ns = (m + n) / 2.0
    w = lambda t: t * (1 + (ns - 1) * ((1 - t) / (2 - t) + t / (1 + t))) / (m * n)
    if auc >= 1:
        return brentq(lambda t: (1 - t) - z * z * w(t), 0.0, 1.0, xtol=1e-15, rtol=1e-15), 1.0
    if auc <= 0:
        return 0.0, brentq(lambda t: t - z * z * w(1 - t), 0.0, 1.0, xtol=1e-15, rtol=1e-15)
    f = lambda t: (auc - t) ** 2 - z * z * (1 - t) * w(t)
    return (brentq(f, 0.0, auc, xtol=1e-15, rtol=1e-15), brentq(f, auc, 1.0, xtol=1e-15, rtol=1e-15))


def proc_delong(path, positive, negative):
    out = subprocess.run(["Rscript", os.path.join(HERE, "delong_reference.R"), path, "label", "score",
                          positive, negative, "group"], check=True, capture_output=True, text=True).stdout
    result = {}
    for r in csv.DictReader(io.StringIO(out)):
        level = round(float(r["level"]), 2)
        result.setdefault(r["slice"], {})[level] = (float(r["auc"]), float(r["low"]), float(r["high"]))
    return result


def binary_reference(rec, dataset, path, positive, negative):
    proc = proc_delong(path, positive, negative)
    for slice_name, rows in slices(read_csv(path)):
        y = np.array([r["label"] for r in rows])
        p = np.array([r["predicted"] for r in rows])
        s = np.array([float(r["score"]) for r in rows])
        y01 = (y == positive).astype(int)
        tn, fp, fn, tp = confusion_matrix(y, p, labels=[negative, positive]).ravel()
        n = len(rows)
        v = lambda metric, fn_: rec.value(dataset, slice_name, metric, fn_)

        rec.add(dataset, slice_name, "accuracy", v("accuracy", lambda: accuracy_score(y, p)), wilson=(tp + tn, n))
        rec.add(dataset, slice_name, "precision",
                v("precision", lambda: precision_score(y, p, pos_label=positive)), wilson=(tp, tp + fp))
        rec.add(dataset, slice_name, "recall",
                v("recall", lambda: recall_score(y, p, pos_label=positive)), wilson=(tp, tp + fn))
        rec.add(dataset, slice_name, "f1", v("f1", lambda: f1_score(y, p, pos_label=positive)))
        for beta in (2.0, 0.5):
            m = f"fbeta({beta})"
            rec.add(dataset, slice_name, m, v(m, lambda: fbeta_score(y, p, beta=beta, pos_label=positive)))
        spec = tn / (tn + fp) if tn + fp > 0 else 0.0
        if tn + fp == 0:
            rec.convention(dataset, slice_name, "specificity", "convention: TN+FP = 0, set to 0.0")
        spec_sk = v("specificity", lambda: recall_score(y, p, pos_label=negative))
        assert spec == spec_sk, (dataset, slice_name, spec, spec_sk)
        rec.add(dataset, slice_name, "specificity", spec, wilson=(tn, tn + fp))
        rec.add(dataset, slice_name, "balanced_accuracy",
                v("balanced_accuracy", lambda: balanced_accuracy_score(y, p)))
        rec.add(dataset, slice_name, "mcc", v("mcc", lambda: matthews_corrcoef(y, p)))
        mcc_convention(rec, dataset, slice_name, y, p)
        rec.add(dataset, slice_name, "cohen_kappa", v("cohen_kappa", lambda: cohen_kappa_score(y, p)))

        auc = v("roc_auc", lambda: roc_auc_score(y01, s))
        delong = None
        if slice_name in proc:
            delong = {}
            for level in LEVELS:
                r_auc, r_lo, r_hi = proc[slice_name][level]
                n_auc, n_lo, n_hi = numpy_delong(y01, s, level)
                assert abs(r_auc - auc) < 1e-12 and abs(n_auc - auc) < 1e-12, (slice_name, auc, r_auc, n_auc)
                assert abs(r_lo - n_lo) < 1e-12 and abs(r_hi - n_hi) < 1e-12, (slice_name, r_lo, n_lo, r_hi, n_hi)
                delong[level] = (r_lo, r_hi)
        else:
            assert math.isnan(auc) or min(y01.sum(), n - y01.sum()) < 2, slice_name
        envelope = None
        if not math.isnan(auc):
            envelope = {}
            for level in LEVELS:
                n_lo, n_hi = newcombe_auc(auc, int(y01.sum()), int(n - y01.sum()), level)
                d_lo, d_hi = delong[level] if delong else (n_lo, n_hi)
                envelope[level] = (min(d_lo, n_lo), max(d_hi, n_hi))
        rec.add(dataset, slice_name, "roc_auc", auc, delong=envelope, method="delong+newcombe")
        rec.add(dataset, slice_name, "average_precision",
                v("average_precision", lambda: average_precision_score(y01, s)))
        rec.add(dataset, slice_name, "log_loss", v("log_loss", lambda: log_loss(y01, s, labels=[0, 1])))
        rec.add(dataset, slice_name, "brier_score",
                v("brier_score", lambda: brier_score_loss(y01, s, pos_label=1)))
        rec.add(dataset, slice_name, "size", n)


def multiclass_reference(rec, dataset, path):
    all_rows = read_csv(path)
    classes = sorted({r["label"] for r in all_rows} | {r["predicted"] for r in all_rows})
    for slice_name, rows in slices(all_rows):
        y = np.array([r["label"] for r in rows])
        p = np.array([r["predicted"] for r in rows])
        n = len(rows)
        cm = confusion_matrix(y, p, labels=classes)
        correct = int(np.trace(cm))
        v = lambda metric, fn_: rec.value(dataset, slice_name, metric, fn_)

        rec.add(dataset, slice_name, "accuracy", v("accuracy", lambda: accuracy_score(y, p)), wilson=(correct, n))
        scorers = [("precision", lambda **kw: precision_score(y, p, **kw)),
                   ("recall", lambda **kw: recall_score(y, p, **kw)),
                   ("f1", lambda **kw: f1_score(y, p, **kw)),
                   ("fbeta(2.0)", lambda **kw: fbeta_score(y, p, beta=2.0, **kw)),
                   ("fbeta(0.5)", lambda **kw: fbeta_score(y, p, beta=0.5, **kw))]
        # Touchstone's names: f1(macro), f1(class=dog); F-beta folds the averaging into its
        # parentheses: fbeta(2.0, macro), fbeta(2.0, class=dog).
        def averaged_name(name, averaging):
            return f"{name[:-1]}, {averaging})" if name.startswith("fbeta(") else f"{name}({averaging})"

        for name, scorer in scorers:
            for average in ("macro", "micro", "weighted"):
                m = averaged_name(name, average)
                wilson = (correct, n) if average == "micro" and name in ("precision", "recall") else None
                rec.add(dataset, slice_name, m, v(m, lambda: scorer(average=average)), wilson=wilson)
            for i, c in enumerate(classes):
                m = averaged_name(name, f"class={c}")
                tp, fp, fn = cm[i, i], cm[:, i].sum() - cm[i, i], cm[i, :].sum() - cm[i, i]
                wilson = {"precision": (tp, tp + fp), "recall": (tp, tp + fn)}.get(name)
                rec.add(dataset, slice_name, m, v(m, lambda: scorer(labels=[c], average=None)[0]), wilson=wilson)
        for i, c in enumerate(classes):
            tp, fp, fn = cm[i, i], cm[:, i].sum() - cm[i, i], cm[i, :].sum() - cm[i, i]
            tn = n - tp - fp - fn
            spec = tn / (tn + fp) if tn + fp > 0 else 0.0
            if tn + fp == 0:
                rec.convention(dataset, slice_name, f"specificity(class={c})", "convention: TN+FP = 0, set to 0.0")
            rec.add(dataset, slice_name, f"specificity(class={c})", spec, wilson=(tn, tn + fp))
        rec.add(dataset, slice_name, "balanced_accuracy",
                v("balanced_accuracy", lambda: balanced_accuracy_score(y, p)))
        rec.add(dataset, slice_name, "mcc", v("mcc", lambda: matthews_corrcoef(y, p)))
        mcc_convention(rec, dataset, slice_name, y, p)
        rec.add(dataset, slice_name, "cohen_kappa", v("cohen_kappa", lambda: cohen_kappa_score(y, p)))
        rec.add(dataset, slice_name, "size", n)


def mcc_convention(rec, dataset, slice_name, y, p):
    """sklearn returns MCC = 0.0 without a warning when its denominator is 0 (one class only in
    y_true or in y_pred); record that as a convention."""
    if len(set(y)) < 2 or len(set(p)) < 2:
        rec.convention(dataset, slice_name, "mcc",
                       "convention: MCC denominator is 0 (one class in y_true or y_pred); sklearn returns 0.0 silently")


def regression_reference(rec, dataset, path):
    for slice_name, rows in slices(read_csv(path)):
        t = np.array([float(r["target"]) for r in rows])
        p = np.array([float(r["predicted"]) for r in rows])
        v = lambda metric, fn_: rec.value(dataset, slice_name, metric, fn_)
        rec.add(dataset, slice_name, "mae", v("mae", lambda: mean_absolute_error(t, p)))
        rec.add(dataset, slice_name, "mse", v("mse", lambda: mean_squared_error(t, p)))
        rec.add(dataset, slice_name, "rmse", v("rmse", lambda: mean_squared_error(t, p, squared=False)))
        rec.add(dataset, slice_name, "r2", v("r2", lambda: r2_score(t, p)))
        rec.add(dataset, slice_name, "mape", v("mape", lambda: mean_absolute_percentage_error(t, p)))
        rec.add(dataset, slice_name, "size", len(rows))


def main():
    rec = Recorder()
    binary_reference(rec, "binary_ties", make_binary_ties(), "person", "background")
    binary_reference(rec, "binary01", make_binary01(), "1", "0")
    multiclass_reference(rec, "multiclass", make_multiclass())
    regression_reference(rec, "regression", make_regression())
    write_csv("expected.csv", ["dataset", "slice", "metric", "value", "ci_level", "ci_low", "ci_high", "ci_method"],
              rec.expected)
    write_csv("sklearn_conventions.csv", ["dataset", "slice", "metric", "note"], rec.warned)
    counts = {}
    for row in rec.expected:
        counts[row[0]] = counts.get(row[0], 0) + 1
    print(f"expected.csv: {len(rec.expected)} rows {counts}; sklearn_conventions.csv: {len(rec.warned)} rows")


if __name__ == "__main__":
    main()
