#!/usr/bin/env python3
"""Check a lifted last chorus on the rendered audio, not on the score.

usage: key_change.py STEMS_DIR [--png OUT.png]

STEMS_DIR is what `cantata song --stems DIR` writes. For the score's first modulation it compares the first sung
chorus with the lifted one (the chorus that starts where the key changes):
  - the lead: for each note of the lifted chorus, the median pYIN pitch of the vocal stem against the same note of the
    first chorus (same line, same syllable), in cents; a whole-tone lift is +200;
  - the band: the chroma (CQT) of bass + other summed over each chorus, and the circular shift in semitones that best
    maps the first chorus's chroma onto the lifted one's (correlation); the same for the backing-vocal stem;
  - the key each chorus is heard in (Krumhansl-Schmuckler profiles on the master's chroma).
A tool for people (numpy, librosa, matplotlib), never a runtime dependency.
"""
import json
import sys

import librosa
import numpy as np

NAMES = ["C", "C#", "D", "D#", "E", "F", "F#", "G", "G#", "A", "A#", "B"]
# Krumhansl & Kessler (1982) key profiles
MAJOR = np.array([6.35, 2.23, 3.48, 2.33, 4.38, 4.09, 2.52, 5.19, 2.39, 3.66, 2.29, 2.88])
MINOR = np.array([6.33, 2.68, 3.52, 5.38, 2.60, 3.53, 2.54, 4.75, 3.98, 2.69, 3.34, 3.17])
SR = 22050


def chroma(path, start, end):
    y, _ = librosa.load(path, sr=SR, mono=True, offset=start, duration=end - start)
    c = librosa.feature.chroma_cqt(y=y, sr=SR)
    return c.sum(axis=1)


def key_of(profile):
    best = None
    for tonic in range(12):
        for name, ref in (("major", MAJOR), ("minor", MINOR)):
            r = np.corrcoef(profile, np.roll(ref, tonic))[0, 1]
            if best is None or r > best[0]:
                best = (r, NAMES[tonic] + " " + name)
    return best[1]


def shift(a, b):
    scores = [np.corrcoef(np.roll(a, k), b)[0, 1] for k in range(12)]
    k = int(np.argmax(scores))
    return (k if k <= 6 else k - 12), scores[k]


def main():
    folder = sys.argv[1]
    png = sys.argv[sys.argv.index("--png") + 1] if "--png" in sys.argv else None
    saved = json.load(open(folder + "/score.json"))
    score = saved.get("score", saved)
    if not score.get("modulations"):
        print("no key change in this score")
        return
    at = score["modulations"][0]["at"]
    choruses = [s for s in score["sections"] if s["part"] == "CHORUS"]
    first = choruses[0]
    lifted = next(s for s in choruses if abs(s["start"] - at) < 1e-3)
    print(f"key {NAMES[score['key']]} -> {NAMES[score['modulations'][0]['key']]} at {at:.2f} s")

    y, sr = librosa.load(folder + "/vocals.wav", sr=16000, mono=True)
    f0, voiced, _ = librosa.pyin(y, fmin=70, fmax=700, sr=sr, frame_length=1024, hop_length=160)
    midi = np.where(voiced, librosa.hz_to_midi(np.nan_to_num(f0, nan=1.0)), np.nan)

    def sung(note):
        a, b = int(note["start"] * 100) + 4, int(note["end"] * 100) - 2
        seg = midi[a:b]
        seg = seg[~np.isnan(seg)]
        return float(np.median(seg)) if len(seg) >= 5 else None

    def lines(span):
        return [p for p in score["phrases"] if span["start"] - 1e-3 <= p["notes"][0]["start"] < span["end"]]

    diffs = []
    for before, after in zip(lines(first), lines(lifted)):
        for n0, n1 in zip(before["notes"], after["notes"]):
            if n1["end"] - n1["start"] < 0.15:
                continue
            a, b = sung(n0), sung(n1)
            if a is not None and b is not None:
                diffs.append(100 * (b - a))
    diffs = np.array(diffs)
    print(f"lead: {len(diffs)} notes, lifted chorus sung {np.median(diffs):+.0f} cents (median) over the first; "
          f"{np.mean(np.abs(diffs - 200) <= 25) * 100:.0f} % within 25 cents of +200")

    band = {}
    for name, span in (("first", first), ("lifted", lifted)):
        band[name] = chroma(folder + "/bass.wav", span["start"], span["end"]) + chroma(
            folder + "/other.wav", span["start"], span["end"])
    k, r = shift(band["first"], band["lifted"])
    print(f"band: chroma of the lifted chorus is the first's moved {k:+d} semitones (r = {r:.3f})")
    import os

    if os.path.exists(folder + "/backing.wav"):
        k, r = shift(chroma(folder + "/backing.wav", first["start"], first["end"]),
                     chroma(folder + "/backing.wav", lifted["start"], lifted["end"]))
        print(f"backing vocals: chroma moved {k:+d} semitones (r = {r:.3f})")
    for name, span in (("first", first), ("lifted", lifted)):
        print(f"  {name} chorus ({span['start']:.1f}-{span['end']:.1f} s) heard in "
              f"{key_of(band[name])}")

    if png:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt

        t = np.arange(len(midi)) * 0.01
        fig, ax = plt.subplots(2, 1, figsize=(14, 7))
        ax[0].plot(t, midi, ".", ms=1, label="sung (pYIN)")
        for p in score["phrases"]:
            for n in p["notes"]:
                ax[0].hlines(n["pitch"], n["start"], n["end"], colors="r", lw=1)
        ax[0].axvline(at, color="k", ls="--")
        ax[0].set_ylabel("MIDI")
        ax[0].set_title("lead against the score (red); dashed: the key change")
        x = np.arange(12)
        ax[1].bar(x - 0.2, band["first"] / band["first"].max(), 0.4, label="first chorus")
        ax[1].bar(x + 0.2, band["lifted"] / band["lifted"].max(), 0.4, label="lifted chorus")
        ax[1].set_xticks(x, NAMES)
        ax[1].legend()
        ax[1].set_title("band chroma (bass + other)")
        fig.tight_layout()
        fig.savefig(png, dpi=90)


if __name__ == "__main__":
    main()
