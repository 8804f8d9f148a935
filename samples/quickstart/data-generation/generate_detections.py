#!/usr/bin/python3
"""Generates the sample's logged predictions: src/test/resources/detections.csv.

A pedestrian detector (v7) scored frames from four cameras at all hours; a person is the
positive class. Night frames (hour < 6 or >= 20) are harder, the 'side' camera is noisier.
Rerun from this folder with: /usr/bin/python3 generate_detections.py
Deterministic: the same seed gives the same file.
"""
import csv
import math
import random

SEED = 7
ROWS = 4000
CAMERAS = [("front", 0.35), ("rear", 0.30), ("left", 0.20), ("side", 0.15)]
WEATHER = [("clear", 0.6), ("rain", 0.25), ("fog", 0.15)]


def pick(rng, choices):
    x = rng.random()
    for value, p in choices:
        x -= p
        if x < 0:
            return value
    return choices[-1][0]


def main():
    rng = random.Random(SEED)
    with open("../src/test/resources/detections.csv", "w", newline="", encoding="utf-8") as f:
        out = csv.writer(f, lineterminator="\n")
        out.writerow(["frame_id", "label", "predicted", "score", "hour", "camera", "weather", "note"])
        for i in range(ROWS):
            hour = rng.randrange(24)
            camera = pick(rng, CAMERAS)
            weather = pick(rng, WEATHER)
            night = hour < 6 or hour >= 20
            person = rng.random() < 0.4
            # separation of the score distributions: lower at night, in fog and on the side camera
            signal = 3.2 - (0.7 if night else 0) - (0.6 if weather == "fog" else 0) - (0.4 if camera == "side" else 0)
            z = rng.gauss(signal / 2 if person else -signal / 2, 1.0)
            score = 1 / (1 + math.exp(-1.6 * z))
            predicted = "person" if score >= 0.5 else "background"
            note = ""
            if rng.random() < 0.01:
                note = 'operator comment, "partially occluded"'
            out.writerow([f"f{i:05d}", "person" if person else "background", predicted,
                          f"{score:.4f}", hour, camera, weather, note])


if __name__ == "__main__":
    main()
