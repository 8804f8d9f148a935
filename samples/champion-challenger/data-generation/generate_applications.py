#!/usr/bin/python3
"""Generates the sample's logged predictions: src/test/resources/applications.csv.

Two fraud models scored the same 6,000 loan applications: the champion in production and a
challenger. The challenger ranks better overall, but on the 'south' region it misses fraud the
champion caught (a real regression); on the small 'islands' region it is a little worse by
chance only. Rerun from this folder with: /usr/bin/python3 generate_applications.py
Deterministic: the same seed gives the same file.
"""
import csv
import math
import random

SEED = 11
REGIONS = [("north", 1700), ("south", 1700), ("east", 1300), ("west", 1240), ("islands", 60)]


def main():
    rng = random.Random(SEED)
    rows = []
    i = 0
    for region, count in REGIONS:
        for _ in range(count):
            fraud = rng.random() < 0.3
            channel = "web" if rng.random() < 0.6 else "branch"
            # both models see the same evidence; the challenger sees it more sharply...
            z = rng.gauss(1.3 if fraud else -1.3, 1.0)
            champion_score = 1 / (1 + math.exp(-(z + rng.gauss(0, 0.45))))
            challenger_score = 1 / (1 + math.exp(-(1.15 * z + rng.gauss(0, 0.30))))
            # ...except in the south, where it misses a share of the fraud the champion catches
            if region == "south" and fraud and rng.random() < 0.14:
                challenger_score = min(challenger_score, 0.2 + 0.2 * rng.random())
            rows.append([f"app-{i:05d}", "fraud" if fraud else "legit",
                         "fraud" if champion_score >= 0.5 else "legit", f"{champion_score:.4f}",
                         "fraud" if challenger_score >= 0.5 else "legit", f"{challenger_score:.4f}",
                         region, channel])
            i += 1
    with open("../src/test/resources/applications.csv", "w", newline="", encoding="utf-8") as f:
        out = csv.writer(f, lineterminator="\n")
        out.writerow(["application_id", "label", "champion_pred", "champion_score", "challenger_pred",
                      "challenger_score", "region", "channel"])
        out.writerows(rows)


if __name__ == "__main__":
    main()
