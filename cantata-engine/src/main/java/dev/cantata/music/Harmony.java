package dev.cantata.music;

import java.util.ArrayList;
import java.util.List;

/**
 * A harmony line for a sung phrase, as a backing singer or an arranger writes one: each note gets the nearest tone of
 * the chord under it that lies a third to a fifth above the melody (3–7 semitones), so the line moves with the chords
 * instead of in strict parallel and never doubles the melody's pitch or rubs against it by a second. Where that would
 * climb out of the singer's range, the nearest chord tone a third to a sixth below (3–9 semitones) is taken instead.
 * The harmony keeps the lead's rhythm and syllables, so both voices say each word together.
 */
final class Harmony {
    private Harmony() {}

    /**
     * The harmony of {@code lead} over {@code chords}, within {@code top} (the highest MIDI pitch the voice sings, a
     * few semitones over its melody range).
     */
    static Score.Phrase of(Score.Phrase lead, List<Score.Chord> chords, int top) {
        List<Score.Note> notes = new ArrayList<>();
        for (Score.Note note : lead.notes()) {
            int[] tones = Score.chordAt(chords, note.start() + 0.01).pitchClasses();
            int pitch = above(note.pitch(), tones);
            if (pitch < 0 || pitch > top) {
                pitch = below(note.pitch(), tones);
            }
            notes.add(new Score.Note(note.start(), note.end(), pitch, note.syllable()));
        }
        return new Score.Phrase(lead.text(), lead.part(), notes, lead.words());
    }

    /**
     * The third voice of a three-part stack: each note of {@code lead} gets the nearest tone of the chord under it a
     * third to a sixth below (3–9 semitones), so the stack is the melody with a chord tone over and under it. Where
     * the upper harmony {@code high} (of the same notes) had to go under the melody itself, this voice takes the chord
     * tone under that one, so the two harmonies never sing one pitch.
     */
    static Score.Phrase under(Score.Phrase lead, Score.Phrase high, List<Score.Chord> chords) {
        List<Score.Note> notes = new ArrayList<>();
        for (int i = 0; i < lead.notes().size(); i++) {
            Score.Note note = lead.notes().get(i);
            int[] tones = Score.chordAt(chords, note.start() + 0.01).pitchClasses();
            int pitch = below(note.pitch(), tones);
            int other = high.notes().get(i).pitch();
            if (pitch == other) {
                pitch = below(other, tones);
            }
            notes.add(new Score.Note(note.start(), note.end(), pitch, note.syllable()));
        }
        return new Score.Phrase(lead.text(), lead.part(), notes, lead.words());
    }

    /** The lowest chord tone 3 to 7 semitones over {@code pitch}, or −1. */
    static int above(int pitch, int[] chordTones) {
        for (int interval = 3; interval <= 7; interval++) {
            if (contains(chordTones, Math.floorMod(pitch + interval, 12))) {
                return pitch + interval;
            }
        }
        return -1;
    }

    /** The highest chord tone 3 to 9 semitones under {@code pitch}; a sixth below when there is none. */
    static int below(int pitch, int[] chordTones) {
        for (int interval = 3; interval <= 9; interval++) {
            if (contains(chordTones, Math.floorMod(pitch - interval, 12))) {
                return pitch - interval;
            }
        }
        return pitch - 8;
    }

    /** Whether {@code pitchClass} is one of a chord's {@code tones}. */
    static boolean contains(int[] tones, int pitchClass) {
        for (int t : tones) {
            if (t == pitchClass) {
                return true;
            }
        }
        return false;
    }
}
