#!/usr/bin/env python3
"""Measure the sung pitch of a Cantata song against its score, and draw it.

usage: sung_pitch.py STEMS_DIR [--png OUT.png] [--window START END]

STEMS_DIR is what `cantata song --stems DIR` writes (vocals.wav and score.json). The vocal stem is tracked with
librosa's pYIN (10 ms hop) and each gesture the singing issue names is measured on the sound, not the score:
  - note accuracy: share of notes >= 150 ms whose median sung pitch is within 25 cents of the score;
  - transitions between adjacent notes a semitone or more apart: 10-90 % glide time, the share with an overshoot
    (over the new note by > 10 cents within 250 ms) and with a preparation (away from it by > 10 cents before);
  - vibrato on notes >= 0.6 s: rate (Hz) and extent (cents, half the peak-to-peak) of the detrended pitch;
  - flatness: cents RMS of the detrended pitch on notes >= 0.3 s without vibrato.
A tool for people (numpy, librosa, matplotlib), never a runtime dependency; the Java tests measure the same gestures.
"""
import json
import sys

import librosa
import numpy as np

HOP = 0.01


def track(path):
    y, sr = librosa.load(path, sr=16000, mono=True)
    f0, voiced, _ = librosa.pyin(y, fmin=70, fmax=700, sr=sr, frame_length=1024, hop_length=int(sr * HOP))
    midi = np.where(voiced, librosa.hz_to_midi(np.nan_to_num(f0, nan=1.0)), np.nan)
    return midi


def notes_of(score):
    return [n for p in score["score"]["phrases"] for n in p["notes"]]


def window(midi, a, b):
    i, j = int(round(a / HOP)), int(round(b / HOP))
    return midi[max(0, i):max(0, min(len(midi), j))]


def detrend(x):
    t = np.arange(len(x))
    ok = ~np.isnan(x)
    if ok.sum() < 10:
        return None
    p = np.polyfit(t[ok], x[ok], 2)
    return (x - np.polyval(p, t)) * 100  # cents


def measure(stems):
    score = json.load(open(f"{stems}/score.json"))
    midi = track(f"{stems}/vocals.wav")
    notes = notes_of(score)
    report = {}
    good = counted = 0
    for n in notes:
        if n["end"] - n["start"] < 0.15:
            continue
        w = window(midi, n["start"] + 0.04, n["end"] - 0.02)
        w = w[~np.isnan(w)]
        if len(w) < 3:
            continue
        counted += 1
        good += abs(np.median(w) - n["pitch"]) * 100 <= 25
    report["notes_within_25_cents"] = round(good / max(1, counted), 3)
    glides, over, prep = [], 0, 0
    transitions = 0
    for a, b in zip(notes, notes[1:]):
        step = b["pitch"] - a["pitch"]
        if abs(step) < 1 or b["start"] - a["end"] > 0.05 or a["end"] - a["start"] < 0.2 or b["end"] - b["start"] < 0.25:
            continue
        seg = window(midi, b["start"] - 0.2, b["start"] + 0.25)
        if np.isnan(seg).mean() > 0.3:
            continue
        transitions += 1
        rel = (seg - a["pitch"]) / step  # 0 at the old note, 1 at the new
        valid = ~np.isnan(rel)
        idx = np.arange(len(rel))
        lo = idx[valid & (rel >= 0.1)]
        hi = idx[valid & (rel >= 0.9)]
        if len(lo) and len(hi):
            glides.append((hi[0] - lo[0]) * HOP)
        after = rel[20:]
        before = rel[:20]
        if np.nanmax(after) * abs(step) * 100 > abs(step) * 100 + 10:
            over += 1
        if np.nanmin(before) * abs(step) * 100 < -10:
            prep += 1
    report["transitions"] = transitions
    report["glide_ms_median"] = round(float(np.median(glides)) * 1000) if glides else None
    report["overshoot_share"] = round(over / max(1, transitions), 3)
    report["preparation_share"] = round(prep / max(1, transitions), 3)
    rates, extents, flat = [], [], []
    for n in notes:
        d = n["end"] - n["start"]
        if d >= 0.6:
            x = detrend(window(midi, n["start"] + 0.3, n["end"] - 0.05))
            if x is None:
                continue
            x = np.nan_to_num(x - np.nanmean(x))
            crossings = np.where(np.diff(np.sign(x)) != 0)[0]
            if len(crossings) >= 3:
                rates.append((len(crossings) - 1) / 2 / ((crossings[-1] - crossings[0]) * HOP))
            extents.append((np.percentile(x, 95) - np.percentile(x, 5)) / 2)
        elif d >= 0.3:
            x = detrend(window(midi, n["start"] + 0.08, n["end"] - 0.05))
            if x is not None:
                flat.append(float(np.sqrt(np.nanmean(x ** 2))))
    report["vibrato_notes"] = len(extents)
    report["vibrato_rate_hz_median"] = round(float(np.median(rates)), 2) if rates else None
    report["vibrato_extent_cents_median"] = round(float(np.median(extents)), 1) if extents else None
    report["short_note_fluctuation_cents_rms"] = round(float(np.median(flat)), 1) if flat else None
    return report, midi, notes


def draw(midi, notes, out, a, b):
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    t = np.arange(len(midi)) * HOP
    fig, ax = plt.subplots(figsize=(16, 5))
    for n in notes:
        if n["end"] > a and n["start"] < b:
            ax.plot([n["start"], n["end"]], [n["pitch"]] * 2, color="0.7", lw=6, solid_capstyle="butt")
    m = (t >= a) & (t <= b)
    ax.plot(t[m], midi[m], color="C3", lw=1)
    ax.set_xlim(a, b)
    ax.set_xlabel("s")
    ax.set_ylabel("MIDI pitch")
    ax.set_title("sung pitch (pYIN, red) over the score (grey)")
    fig.tight_layout()
    fig.savefig(out, dpi=90)


if __name__ == "__main__":
    stems = sys.argv[1]
    report, midi, notes = measure(stems)
    print(json.dumps(report, indent=1))
    if "--png" in sys.argv:
        out = sys.argv[sys.argv.index("--png") + 1]
        a, b = 5.0, 20.0
        if "--window" in sys.argv:
            i = sys.argv.index("--window")
            a, b = float(sys.argv[i + 1]), float(sys.argv[i + 2])
        draw(midi, notes, out, a, b)
