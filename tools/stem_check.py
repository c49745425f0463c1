#!/usr/bin/env python3
"""Checks a song's stems: DC, energy under 20 Hz, peaks and clipping, and how their sum compares with the master.

    tools/stem_check.py MASTER STEM [STEM ...] [--gain-db G]

Stems are read as written (float WAV, 24-bit FLAC, ...). --gain-db is the gain the stems were written at (Suno's
FLAC stems say it in their CANTATA_STEM_GAIN_DB tag; the CLI's float WAVs are at 0 dB): it is undone before the sum is
compared with the master. The sum of the stems is the mix before the limiter, so the master differs from it only where
the limiter took peaks down (and in the last 50 ms fade); the residual is reported as dB under the master.
"""
import argparse
import numpy as np
import soundfile as sf


def sub20_db(x, rate):
    # Hann-windowed (a plain DFT's leakage from a 50 Hz bass would read as sub-20 Hz energy), one-sided power
    spectrum = np.abs(np.fft.rfft(x * np.hanning(len(x)), axis=0)) ** 2
    spectrum[1:-1] *= 2
    freqs = np.fft.rfftfreq(x.shape[0], 1 / rate)
    total = spectrum.sum()
    return 10 * np.log10(max(spectrum[freqs < 20].sum(), 1e-30) / max(total, 1e-30))


def main():
    p = argparse.ArgumentParser()
    p.add_argument("master")
    p.add_argument("stems", nargs="+")
    p.add_argument("--gain-db", type=float, default=0.0)
    a = p.parse_args()
    master, rate = sf.read(a.master, dtype="float64", always_2d=True)
    total = np.zeros_like(master)
    undo = 10 ** (-a.gain_db / 20)
    print(f"{'stem':<28} {'subtype':<8} {'DC L/R':>18} {'<20 Hz':>9} {'peak dBFS':>10} {'at full scale':>14}")
    for path in a.stems:
        info = sf.info(path)
        x, r = sf.read(path, dtype="float64", always_2d=True)
        assert r == rate, f"{path}: {r} Hz, the master is {rate} Hz"
        n = min(len(x), len(total))
        total[:n] += x[:n] * undo
        dc = x.mean(axis=0)
        peak = np.abs(x).max()
        # a sample at full scale is one a fixed-point file could not hold: clipped
        full = int((np.abs(x) >= (1.0 if info.subtype == "FLOAT" else 1.0 - 2.0 ** -15)).sum())
        print(f"{path.split('/')[-1]:<28} {info.subtype:<8} {dc[0]:>+9.2e}/{dc[1]:>+8.2e}"
              f" {sub20_db(x.mean(axis=1), rate):>7.1f}dB {20 * np.log10(max(peak, 1e-12)):>10.2f} {full:>14}")
    n = min(len(master), len(total))
    residual = master[:n] - total[:n]
    ms = np.mean(master[:n] ** 2)
    print(f"sum of stems: peak {20 * np.log10(np.abs(total).max()):.2f} dBFS (the master's"
          f" {20 * np.log10(np.abs(master).max()):.2f})")
    print(f"master - sum: {10 * np.log10(max(np.mean(residual ** 2), 1e-30) / ms):.1f} dB under the master,"
          f" largest {np.abs(residual).max():.4f}; samples where they differ by over 1e-3:"
          f" {100 * np.mean(np.abs(residual).max(axis=1) > 1e-3):.2f} %")


if __name__ == "__main__":
    main()
