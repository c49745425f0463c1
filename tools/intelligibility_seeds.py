#!/usr/bin/env python3
"""Sung-word recognition over several songs: the figure intelligibility.py gives for one song, as a mean and spread.

usage: intelligibility_seeds.py CANTATA_DIR LYRICS.txt STYLE VOICE SECONDS SEED [SEED...]

Makes one song per seed with CANTATA_DIR/cantata (`song --dry-vocals`), the lyrics read once by `cantata say` with
VOICE (each line a sentence), and prints each song's recall, their mean and standard deviation, and the spoken recall.
Why several: one song's figure moves by up to 16 points between renders whose rhythms differ in a few notes (pop
female, 95 s, seed 7: 14 % and 30 %, measured 2026-12-04), so a change in the singing is only seen in a mean over
several seeds. Work files go to a temporary folder. A tool for people (numpy, librosa, pocketsphinx), never a runtime
dependency.
"""
import os
import statistics
import subprocess
import sys
import tempfile

from pocketsphinx import Decoder

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from intelligibility import RATE, heard, recall, words  # noqa: E402


def sung_words(score_path):
    import json

    with open(score_path) as f:
        return words(" ".join(w["word"] for w in json.load(f)["words"]))


def main():
    if len(sys.argv) < 7:
        sys.exit(__doc__)
    cantata = os.path.join(os.path.abspath(sys.argv[1]), "cantata")
    lyrics, style, voice, seconds = os.path.abspath(sys.argv[2]), sys.argv[3], sys.argv[4], sys.argv[5]
    seeds = sys.argv[6:]
    with open(lyrics) as f:
        lines = [x.strip() for x in f if x.strip() and not x.lstrip().startswith("[")]
    decoder = Decoder(samprate=RATE)
    with tempfile.TemporaryDirectory() as work:
        spoken_wav = os.path.join(work, "spoken.wav")
        subprocess.run([cantata, "say", ". ".join(lines) + ".", "--voice", voice, "-o", spoken_wav],
                       check=True, capture_output=True)
        spoken = heard(spoken_wav, decoder)
        recalls = []
        spoken_recalls = []
        for seed in seeds:
            stems = os.path.join(work, seed)
            dry = os.path.join(work, seed + "-dry.wav")
            subprocess.run([cantata, "song", "--lyrics", lyrics, "--style", style, "--length", seconds,
                            "--seed", seed, "-o", os.path.join(work, seed + ".wav"), "--stems", stems,
                            "--dry-vocals", dry], check=True, capture_output=True)
            meant = sung_words(os.path.join(stems, "score.json"))
            recalls.append(recall(meant, heard(dry, decoder)))
            spoken_recalls.append(recall(meant, spoken))
            print(f"seed {seed}: sung {100 * recalls[-1]:.0f} % of {len(meant)} words", flush=True)
    sd = statistics.stdev(recalls) if len(recalls) > 1 else 0.0
    print(f"sung: mean {100 * statistics.mean(recalls):.1f} %, sd {100 * sd:.1f} over {len(recalls)} songs")
    print(f"spoken: {100 * statistics.mean(spoken_recalls):.1f} %")


if __name__ == "__main__":
    main()
