"""Simulated biomarker study for the score-only IT: 240 patients, a poor or good outcome, and two
markers measured on every patient (marker_a separates the outcomes better than marker_b; the two
are correlated, as two assays of one patient are). Binormal model, fixed seed; values rounded to
3 decimals, so some ties occur (DeLong counts a tie as half). Public domain; no real patients.

    /usr/bin/python3 reference/make_biomarkers.py > src/test/resources/biomarkers.csv
"""
import numpy as np

rng = np.random.default_rng(20261206)
n = 240
poor = rng.random(n) < 0.4
shared = rng.normal(size=n)
marker_a = 1.2 * poor + 0.6 * shared + 0.8 * rng.normal(size=n)
marker_b = 0.7 * poor + 0.6 * shared + 0.8 * rng.normal(size=n)
print("patient,outcome,marker_a,marker_b")
for i in range(n):
    print(f"p{i:03d},{'poor' if poor[i] else 'good'},{marker_a[i]:.3f},{marker_b[i]:.3f}")
