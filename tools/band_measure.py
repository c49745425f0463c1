#!/usr/bin/env python3
"""Measure how a rendered song's band plays and how its mix sits, from the files `cantata song --stems DIR` writes.

usage: band_measure.py DIR [PNG]
DIR holds master.wav (or the -o file copied there), drums.wav, bass.wav, other.wav and score.json. Prints, as JSON:
- per stem: onset timing against the score's sixteenth grid (σ of the offset, ms, onsets within 35 ms of a step),
  the spread of onset strengths (σ of the onset peak level, dB), DC, share of energy below 20 Hz (dB), clipped samples;
- the master: short-term loudness (3 s, BS.1770 K-weighting) of each chorus over the verse before it and the mean,
  left/right correlation (whole song), EBU loudness range (LRA, EBU Tech 3342: 3 s windows every 0.1 s, gated at
  -70 LUFS and 20 LU under the mean), integrated loudness.
With PNG, a spectrogram of the master with the sections marked. A tool for people (numpy, scipy, librosa,
soundfile, matplotlib), never a runtime dependency.
"""
import json
import sys

import librosa
import numpy as np
import soundfile as sf
from scipy.signal import lfilter

RATE = 44100


def k_weight(x, rate):
    """BS.1770 K-weighting (shelf then RLB high-pass), the analogue design through the bilinear transform."""
    f0, g, q = 1681.974450955533, 3.999843853973347, 0.7071752369554196
    k = np.tan(np.pi * f0 / rate)
    vh = 10 ** (g / 20)
    vb = vh ** 0.4996667741545416
    a0 = 1 + k / q + k * k
    b = [(vh + vb * k / q + k * k) / a0, 2 * (k * k - vh) / a0, (vh - vb * k / q + k * k) / a0]
    a = [1, 2 * (k * k - 1) / a0, (1 - k / q + k * k) / a0]
    y = lfilter(b, a, x, axis=0)
    f0, q = 38.13547087602444, 0.5003270373238773
    k = np.tan(np.pi * f0 / rate)
    a0 = 1 + k / q + k * k
    return lfilter([1, -2, 1], [1, 2 * (k * k - 1) / a0, (1 - k / q + k * k) / a0], y, axis=0)


def short_term(stereo, rate, window=3.0, hop=0.1):
    """Short-term loudness (LUFS) every hop seconds over window-second blocks; the times are block starts."""
    w = k_weight(stereo, rate)
    power = np.sum(w * w, axis=1)
    prefix = np.concatenate([[0.0], np.cumsum(power)])
    n = int(window * rate)
    h = int(hop * rate)
    starts = np.arange(0, len(power) - n + 1, h)
    ms = (prefix[starts + n] - prefix[starts]) / n
    return starts / rate, -0.691 + 10 * np.log10(ms + 1e-20)


def integrated(stereo, rate):
    t, l = short_term(stereo, rate, 0.4, 0.1)
    p = 10 ** ((l + 0.691) / 10)
    gated = p[l > -70]
    rel = -0.691 + 10 * np.log10(gated.mean()) - 10
    return float(-0.691 + 10 * np.log10(p[(l > -70) & (l > rel)].mean()))


def lra(stereo, rate):
    _, l = short_term(stereo, rate)
    l = l[l > -70]
    p = 10 ** ((l + 0.691) / 10)
    rel = -0.691 + 10 * np.log10(p.mean()) - 20
    l = l[l > rel]
    return float(np.percentile(l, 95) - np.percentile(l, 10))


def section_loudness(stereo, rate, sections):
    """Mean short-term loudness (power mean of 3 s blocks lying inside the section) per section."""
    t, l = short_term(stereo, rate)
    out = []
    for s in sections:
        inside = (t >= s["start"]) & (t + 3.0 <= s["end"])
        if not inside.any():
            out.append(None)
            continue
        p = 10 ** ((l[inside] + 0.691) / 10)
        out.append(float(-0.691 + 10 * np.log10(p.mean())))
    return out


def chorus_over_verse(stereo, rate, sections):
    levels = section_loudness(stereo, rate, sections)
    lifts = []
    verse = None
    for s, level in zip(sections, levels):
        if level is None:
            continue
        if s["part"] == "VERSE":
            verse = level
        elif s["part"] == "CHORUS" and verse is not None:
            lifts.append(round(level - verse, 2))
    return lifts, [None if v is None else round(v, 2) for v in levels]


def timing(mono, rate, tempo, offset=0.0):
    """Onset offsets (ms) from the nearest sixteenth step, and onset strengths (dB)."""
    env = librosa.onset.onset_strength(y=mono, sr=rate, hop_length=128)
    frames = librosa.onset.onset_detect(onset_envelope=env, sr=rate, hop_length=128, backtrack=False, units="frames")
    times = librosa.frames_to_time(frames, sr=rate, hop_length=128)
    step = 60.0 / tempo / 4
    rel = (times - offset) / step
    off = (rel - np.round(rel)) * step * 1000
    near = np.abs(off) < 35
    strengths = 20 * np.log10(env[frames] + 1e-9)
    return off[near], strengths[near]


def stem_health(stereo):
    dc = float(np.abs(stereo.mean(axis=0)).max())
    spec = np.abs(np.fft.rfft(stereo.mean(axis=1))) ** 2
    freqs = np.fft.rfftfreq(len(stereo), 1 / RATE)
    sub = float(10 * np.log10(spec[freqs < 20].sum() / (spec.sum() + 1e-20) + 1e-20))
    clipped = int(np.sum(np.abs(stereo) >= 0.99997))
    return {"dc": round(dc, 4), "below_20hz_db": round(sub, 1), "clipped": clipped}


def main():
    folder = sys.argv[1]
    score = json.load(open(f"{folder}/score.json"))["score"]
    tempo = score["grid"][0]["bpm"]
    sections = score["sections"]
    report = {"tempo": tempo}
    for stem in ("drums", "bass", "other"):
        x, rate = sf.read(f"{folder}/{stem}.wav", always_2d=True)
        off, strength = timing(x.mean(axis=1), rate, tempo)
        report[stem] = {
            "onsets": int(len(off)),
            "timing_sd_ms": round(float(np.std(off)), 2),
            "timing_mean_ms": round(float(np.mean(off)), 2),
            "strength_sd_db": round(float(np.std(strength)), 2),
            **stem_health(x),
        }
    master, rate = sf.read(f"{folder}/master.wav", always_2d=True)
    lifts, levels = chorus_over_verse(master, rate, sections)
    corr = float(np.corrcoef(master[:, 0], master[:, 1])[0, 1])
    side = master[:, 0] - master[:, 1]
    mid = master[:, 0] + master[:, 1]
    report["master"] = {
        "lufs": round(integrated(master, rate), 2),
        "chorus_over_verse_db": lifts,
        "section_short_term_lufs": levels,
        "correlation": round(corr, 3),
        "side_over_mid_db": round(float(10 * np.log10(np.sum(side**2) / np.sum(mid**2))), 1),
        "lra_lu": round(lra(master, rate), 2),
    }
    print(json.dumps(report, indent=1))
    if len(sys.argv) > 2:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt

        y = master.mean(axis=1)
        S = librosa.amplitude_to_db(np.abs(librosa.stft(y, n_fft=2048, hop_length=512)), ref=np.max)
        t, st = short_term(master, rate)
        fig, (a, b) = plt.subplots(2, 1, figsize=(16, 8), sharex=True, gridspec_kw={"height_ratios": [3, 1]})
        librosa.display.specshow(S, sr=rate, hop_length=512, x_axis="time", y_axis="log", ax=a, vmin=-80)
        for s in sections:
            a.axvline(s["start"], color="w", lw=0.8)
            a.text(s["start"] + 0.3, 8000, s["label"], color="w")
        b.plot(t + 1.5, st)
        b.set_ylabel("short-term LUFS")
        b.set_ylim(-30, -8)
        fig.tight_layout()
        fig.savefig(sys.argv[2], dpi=70)


if __name__ == "__main__":
    main()
