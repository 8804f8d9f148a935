#!/usr/bin/python3
"""Generates the monitoring sample's logged predictions: 30 days of production traffic of two models.

Rerun from this directory (deterministic: seed 20261128, no wall-clock input; needs numpy):

    /usr/bin/python3 generate_logs.py

Days 1..30 are 2026-11-28 .. 2026-12-27 (UTC). Day 24 (2026-12-21) is a Monday, so the last ISO
week (days 24-30) is one calendar week; day 26 (2026-12-23) starts a 5-day window aligned on the
Unix epoch, so days 26-30 are the last Duration.ofDays(5) window and days 1-25 the five before it.

recommendations.csv  a click-prediction model of a recommender, per user segment (new, casual, power),
                     80 impressions a segment a day (7,200 rows):
                       event_time_ms   epoch milliseconds
                       user_segment    new | casual | power
                       session_length  minutes in the session so far (log-normal)
                       device          mobile | desktop | tablet
                       clicked         1 | 0, the label, drawn from the true click probability
                       predicted       1 | 0, the model's prediction (score >= 0.5)
                       score           the model's click probability
                     PLANTED DRIFT: from day 24 on, segment "new" comes from a campaign: sessions are
                     longer (log-normal mu + 0.6) and mostly mobile (80% instead of 50%). The other
                     segments' inputs do not change. The model is the same function of the inputs.
recommendations-training.csv  the training snapshot the drift is measured against: 3,000 rows
                     (1,000 a segment) from the distribution before day 24, same columns without
                     event_time_ms.

sentiment.csv        a sentiment classifier of support messages, per language (en, de, fr, es), 80
                     messages a language a day (9,600 rows):
                       timestamp       ISO-8601 UTC instant
                       language        en | de | fr | es
                       label           positive | negative, drawn from the score (calibrated scores)
                       predicted       positive | negative (score >= 0.5)
                       score           probability of "positive"
                     The score's distance from 0.5 is 0.5 u with u ~ Beta(8.2, 1.8): accuracy about
                     0.91. PLANTED QUALITY DROP: German (de) on days 26-30 (a new product the model
                     has not seen) has u ~ Beta(2.2, 2.8): accuracy about 0.72. The scores stay
                     calibrated, so estimation without labels (CBPE) sees the drop too.
sentiment-validation.csv  the labelled validation set the scores' calibration is checked on: 2,000
                     rows from the stable distribution, same columns without timestamp.
"""
import csv
import datetime
import os

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "src", "test", "resources")
rng = np.random.default_rng(20261128)
DAY1 = datetime.datetime(2026, 11, 28, tzinfo=datetime.timezone.utc)
SEGMENTS = ["new", "casual", "power"]
LANGUAGES = ["en", "de", "fr", "es"]


def click_row(segment, drifted):
    mu = {"new": 1.2, "casual": 1.6, "power": 2.2}[segment] + (0.6 if drifted else 0.0)
    session = float(np.round(rng.lognormal(mu, 0.5), 2))
    p_mobile = 0.8 if drifted else 0.5
    device = rng.choice(["mobile", "desktop", "tablet"], p=[p_mobile, (1 - p_mobile) * 0.7, (1 - p_mobile) * 0.3])
    logit = 2.0 * (np.log(session) - mu + 0.3 * (mu - 1.6)) + {"mobile": 0.6, "desktop": 0.0, "tablet": -0.6}[device]
    if drifted:
        logit += 2.0 * 0.6  # the model is the same function of the inputs: longer sessions score higher
    true_p = 1 / (1 + np.exp(-(logit + rng.normal(0, 0.5))))
    score = 1 / (1 + np.exp(-logit))
    clicked = int(rng.uniform() < true_p)
    return session, str(device), clicked, int(score >= 0.5), float(np.round(score, 4))


def sentiment_row(dropped):
    u = rng.beta(2.2, 2.8) if dropped else rng.beta(8.2, 1.8)
    side = 1 if rng.uniform() < 0.5 else -1
    score = float(np.round(0.5 + side * 0.5 * u, 4))
    score = min(max(score, 0.0001), 0.9999)
    label = "positive" if rng.uniform() < score else "negative"
    return label, "positive" if score >= 0.5 else "negative", score


def moment(day):
    return DAY1 + datetime.timedelta(days=day - 1, seconds=int(rng.integers(0, 86400)))


def write(name, header, rows):
    with open(os.path.join(OUT, name), "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(header)
        w.writerows(rows)


recs = []
for day in range(1, 31):
    for segment in SEGMENTS:
        for _ in range(80):
            t = moment(day)
            recs.append([int(t.timestamp() * 1000), segment, *click_row(segment, segment == "new" and day >= 24)])
recs.sort(key=lambda r: r[0])
write("recommendations.csv", ["event_time_ms", "user_segment", "session_length", "device", "clicked", "predicted",
                              "score"], recs)
write("recommendations-training.csv", ["user_segment", "session_length", "device", "clicked", "predicted", "score"],
      [[segment, *click_row(segment, False)] for segment in SEGMENTS for _ in range(1000)])

sent = []
for day in range(1, 31):
    for language in LANGUAGES:
        for _ in range(80):
            t = moment(day)
            sent.append([t.strftime("%Y-%m-%dT%H:%M:%SZ"), language, *sentiment_row(language == "de" and day >= 26)])
sent.sort(key=lambda r: r[0])
write("sentiment.csv", ["timestamp", "language", "label", "predicted", "score"], sent)
write("sentiment-validation.csv", ["language", "label", "predicted", "score"],
      [[LANGUAGES[i % 4], *sentiment_row(False)] for i in range(2000)])
