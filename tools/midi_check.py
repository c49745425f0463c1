#!/usr/bin/env python3
"""Prints what a Standard MIDI File holds, per track, as mido reads it: what a DAW will see.

    tools/midi_check.py SONG.mid

For each track: its name, channels, programs, note count, pitch range, velocity spread, lyric events (the first few)
and its first and last note in seconds (by the file's own tempo map); for the file: type, resolution, tempos, time and
key signatures, markers and length.
"""
import sys
import mido


def main():
    mid = mido.MidiFile(sys.argv[1])
    print(f"type {mid.type}, {len(mid.tracks)} tracks, {mid.ticks_per_beat} ticks a quarter, {mid.length:.2f} s")
    tempo_map = []  # (tick, tempo) from every track: the conductor's, in a type 1 file
    for track in mid.tracks:
        tick = 0
        for m in track:
            tick += m.time
            if m.type == "set_tempo":
                tempo_map.append((tick, m.tempo))
    tempo_map.sort()

    def seconds(tick):
        t, last_tick, tempo = 0.0, 0, 500000
        for at, value in tempo_map:
            if at > tick:
                break
            t += mido.tick2second(at - last_tick, mid.ticks_per_beat, tempo)
            last_tick, tempo = at, value
        return t + mido.tick2second(tick - last_tick, mid.ticks_per_beat, tempo)

    for i, track in enumerate(mid.tracks):
        tick = 0
        notes, velocities, pitches, lyrics, channels, programs, metas = 0, [], [], [], set(), [], []
        first = last = None
        for m in track:
            tick += m.time
            if m.type == "note_on" and m.velocity > 0:
                notes += 1
                velocities.append(m.velocity)
                pitches.append(m.note)
                channels.add(m.channel + 1)
                first = tick if first is None else first
                last = tick
            elif m.type == "program_change":
                programs.append(m.program + 1)
            elif m.type == "lyrics":
                lyrics.append(m.text)
            elif m.type in ("set_tempo", "time_signature", "key_signature", "marker"):
                metas.append(m)
        print(f"track {i}: {track.name!r}")
        if metas:
            tempos = [round(mido.tempo2bpm(m.tempo), 2) for m in metas if m.type == "set_tempo"]
            sigs = [f"{m.numerator}/{m.denominator}" for m in metas if m.type == "time_signature"]
            keys = [m.key for m in metas if m.type == "key_signature"]
            markers = [m.text for m in metas if m.type == "marker"]
            print(f"  tempo {tempos} BPM, time {sigs}, key {keys}, markers {markers}")
        if notes:
            v = sorted(velocities)
            print(f"  channel {sorted(channels)}, program(s) {sorted(set(programs)) or '-'} (GM, from 1),"
                  f" {notes} notes, pitch {min(pitches)}-{max(pitches)}, velocity {v[0]}-{v[-1]}"
                  f" (median {v[len(v) // 2]}), {seconds(first):.2f}-{seconds(last):.2f} s")
        if lyrics:
            print(f"  {len(lyrics)} lyric events: {' '.join(lyrics[:16])} ...")


if __name__ == "__main__":
    main()
