#!/usr/bin/env python3
"""Draw a spectrogram (and the RMS envelope) of an audio file's stretch, to look at what was rendered.

usage: spectrogram.py FILE OUT.png [START END]
A tool for people (numpy, librosa, matplotlib), never a runtime dependency.
"""
import sys

import librosa
import librosa.display
import matplotlib
import numpy as np

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

path, out = sys.argv[1], sys.argv[2]
start = float(sys.argv[3]) if len(sys.argv) > 3 else 0.0
end = float(sys.argv[4]) if len(sys.argv) > 4 else None
y, sr = librosa.load(path, sr=44100, mono=True, offset=start, duration=None if end is None else end - start)
S = librosa.amplitude_to_db(np.abs(librosa.stft(y, n_fft=2048, hop_length=256)), ref=np.max)
rms = librosa.amplitude_to_db(librosa.feature.rms(y=y, frame_length=2048, hop_length=256)[0], ref=1.0)
fig, (a, b) = plt.subplots(2, 1, figsize=(16, 8), sharex=True, gridspec_kw={"height_ratios": [3, 1]})
librosa.display.specshow(S, sr=sr, hop_length=256, x_axis="time", y_axis="log", ax=a, vmin=-90)
a.set_title(f"{path} from {start:.1f} s")
t = np.arange(len(rms)) * 256 / sr
b.plot(t, rms)
b.set_ylabel("RMS dBFS")
b.set_ylim(-90, 0)
fig.tight_layout()
fig.savefig(out, dpi=80)
