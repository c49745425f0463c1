#!/usr/bin/env python3
"""How many sung words an independent recogniser hears, against the same words spoken by the same voice.

usage: intelligibility.py SCORE.json SUNG.wav SPOKEN.wav

SCORE.json is what `cantata song --stems DIR` writes (its "words" are what was sung, in order); SUNG.wav the lead as
sung, dry (`cantata song --dry-vocals FILE`); SPOKEN.wav the same words read by `cantata say` with the song's voice.
Both are cut at their pauses (librosa.effects.split), each stretch decoded by pocketsphinx's stock US English model
(its general language model: nothing here knows the lyrics), and the words heard are aligned with the words meant
(difflib): recall = words matched in order / words meant. The ratio sung/spoken is what singing costs the listener.
A tool for people (numpy, librosa, pocketsphinx), never a runtime dependency.
"""
import difflib
import json
import re
import sys

import librosa
import numpy as np
from pocketsphinx import Decoder

RATE = 16000


def words(text):
    return re.findall(r"[a-z']+", text.lower())


def heard(path, decoder):
    y, _ = librosa.load(path, sr=RATE, mono=True)
    y = y / max(1e-9, float(np.max(np.abs(y)))) * 0.7
    out = []
    for a, b in librosa.effects.split(y, top_db=35, frame_length=1024, hop_length=160):
        if b - a < RATE // 5:
            continue
        pad = RATE // 10
        chunk = y[max(0, a - pad) : b + pad]
        decoder.start_utt()
        decoder.process_raw((chunk * 32767).astype(np.int16).tobytes(), full_utt=True)
        decoder.end_utt()
        if decoder.hyp() is not None:
            out += words(decoder.hyp().hypstr)
    return out


def recall(meant, got):
    matcher = difflib.SequenceMatcher(None, meant, got, autojunk=False)
    return sum(m.size for m in matcher.get_matching_blocks()) / max(1, len(meant))


def main():
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    score = json.load(open(sys.argv[1]))
    meant = words(" ".join(w["word"] for w in score["words"]))
    decoder = Decoder(samprate=RATE)
    sung = heard(sys.argv[2], decoder)
    spoken = heard(sys.argv[3], decoder)
    r_sung = recall(meant, sung)
    r_spoken = recall(meant, spoken)
    print(f"words meant: {len(meant)}")
    print(f"sung:   {100 * r_sung:.0f} % recognised ({' '.join(sung[:24])} ...)")
    print(f"spoken: {100 * r_spoken:.0f} % recognised ({' '.join(spoken[:24])} ...)")
    print(f"sung / spoken: {r_sung / max(1e-9, r_spoken):.2f}")


if __name__ == "__main__":
    main()
