package dev.cantata.music;

import java.util.ArrayList;
import java.util.List;

/**
 * Writes the voices sung around the lead into the score, before anything is sung, as an arranger writes the backing
 * parts: chorus harmonies on the lead's words ({@link Harmony}: one over it, or one over and one under for a three-part
 * stack), sustained "ooh"/"aah" pads on the chord tones under the choruses, and in a duet the partner's harmony to the
 * last chorus. Stems, MIDI and edits read these voices from the score, so what is sung is what is written.
 *
 * <p>Every chorus is written the same way from its own chords (no voice leading carried over from the chorus before),
 * so a repeated chorus has the same backing as the first and the singer sings it once ({@link MarySinger}'s cache).
 */
final class BackingVocals {
    /** The upper harmony sits left of the lead, the lower one right: a stack that is wide but keeps the lead central. */
    static final double HIGH_PAN = -0.35;

    static final double LOW_PAN = 0.35;
    /** Pads spread wider than the harmonies, behind them, as a backing section is spread across the stereo field. */
    static final double PAD_PAN = 0.6;
    /** The duet partner sings its harmony right of centre: the duet's two voices stay apart. */
    static final double PARTNER_PAN = 0.25;
    /**
     * A pad note ends this long before the next chord, time for a breath between its vowels; a chord shorter than
     * {@link #PAD_MIN_NOTE} plus this has no pad note of its own (the one before holds over it).
     */
    static final double PAD_GAP = 0.12;

    static final double PAD_MIN_NOTE = 0.5;

    private BackingVocals() {}

    /** Who sings the lead and how: what the backing is written around. */
    record Singers(int low, int high, boolean duet, boolean leadIsMale) {}

    /**
     * The voices around {@code score}'s lead for {@code backing}, in time order. {@code singers} gives the lead's
     * range (MIDI, its melody range) and whether a duet partner (an octave away) sings the last chorus with it.
     */
    static List<Score.Voice> arrange(Score score, Genre genre, Singers singers) {
        Genre.Backing backing = genre.backing();
        List<Score.Voice> voices = new ArrayList<>();
        double lastChorus = lastChorusStart(score);
        for (Score.Phrase phrase : score.phrases()) {
            if (phrase.part() != Lyrics.Part.CHORUS) {
                continue;
            }
            boolean together = singers.duet() && phrase.start() >= lastChorus - 1e-6;
            if (!together && backing.harmonies() == 0) {
                continue;
            }
            Score.Phrase high = Harmony.of(phrase, score.chords(), singers.high() + 4);
            if (together) {
                // both singers sing the last chorus: the partner takes the harmony nearest its own register
                Score.Phrase line = singers.leadIsMale()
                        ? transpose(Harmony.under(phrase, high, score.chords()), 12)
                        : transpose(high, -12);
                voices.add(new Score.Voice(Score.Role.HIGH_HARMONY, true, PARTNER_PAN, line));
                continue;
            }
            voices.add(new Score.Voice(Score.Role.HIGH_HARMONY, false, HIGH_PAN, high));
            if (backing.harmonies() >= 2) {
                voices.add(new Score.Voice(
                        Score.Role.LOW_HARMONY, false, LOW_PAN, Harmony.under(phrase, high, score.chords())));
            }
        }
        if (backing.pads()) {
            for (Score.Span chorus : score.sections()) {
                if (chorus.part() == Lyrics.Part.CHORUS) {
                    voices.addAll(pads(chorus, score.chords(), vowel(genre), singers.low()));
                }
            }
        }
        voices.sort(java.util.Comparator.comparingDouble(v -> v.phrase().start()));
        return voices;
    }

    /** Gospel and soul choirs sing open "aah"s; pop, ballad and indie backing singers the softer "ooh". */
    static String vowel(Genre genre) {
        return genre == Genre.GOSPEL || genre == Genre.SOUL ? "aah" : "ooh";
    }

    /** Where the last chorus starts (infinity when the song has none). */
    static double lastChorusStart(Score score) {
        double start = Double.POSITIVE_INFINITY;
        for (Score.Span span : score.sections()) {
            if (span.part() == Lyrics.Part.CHORUS) {
                start = span.start();
            }
        }
        return start;
    }

    /**
     * Two pad voices over {@code chorus}: each chord's tones in close position at the bottom of the singer's range,
     * the lower voice on the chord tone nearest to where it was (the smallest move, as backing singers voice-lead),
     * the upper one on the next chord tone above it; one sustained vowel a chord.
     */
    static List<Score.Voice> pads(Score.Span chorus, List<Score.Chord> chords, String vowel, int low) {
        List<Score.Note> lower = new ArrayList<>();
        List<Score.Note> upper = new ArrayList<>();
        int previous = low + 3;
        List<Score.Chord> under = chords.stream()
                .filter(c -> c.end() > chorus.start() + 1e-6 && c.start() < chorus.end() - 1e-6)
                .toList();
        for (int i = 0; i < under.size(); i++) {
            Score.Chord chord = under.get(i);
            double start = Math.max(chorus.start(), chord.start());
            double end = Math.min(chorus.end(), chord.end()) - PAD_GAP;
            if (end - start < PAD_MIN_NOTE) {
                continue;
            }
            int[] tones = chord.pitchClasses();
            int bottom = nearestTone(previous, tones, low, low + 9);
            int top = nextToneAbove(bottom, tones);
            int syllable = lower.size();
            lower.add(new Score.Note(start, end, bottom, syllable));
            upper.add(new Score.Note(start, end, top, syllable));
            previous = bottom;
        }
        if (lower.isEmpty()) {
            return List.of();
        }
        return List.of(
                new Score.Voice(Score.Role.PAD, false, -PAD_PAN, vowels(lower, vowel)),
                new Score.Voice(Score.Role.PAD, false, PAD_PAN, vowels(upper, vowel)));
    }

    private static Score.Phrase vowels(List<Score.Note> notes, String vowel) {
        List<Score.Word> words = notes.stream()
                .map(n -> new Score.Word(vowel, n.start(), n.end()))
                .toList();
        return new Score.Phrase(
                String.join(" ", java.util.Collections.nCopies(notes.size(), vowel)), Lyrics.Part.CHORUS, notes, words);
    }

    /** The chord tone in {@code [from, to]} nearest to {@code pitch} (the lower one on a tie). */
    static int nearestTone(int pitch, int[] tones, int from, int to) {
        int best = from;
        int distance = Integer.MAX_VALUE;
        for (int p = from; p <= to; p++) {
            if (Harmony.contains(tones, Math.floorMod(p, 12)) && Math.abs(p - pitch) < distance) {
                best = p;
                distance = Math.abs(p - pitch);
            }
        }
        return best;
    }

    /** The next chord tone strictly above {@code pitch}. */
    static int nextToneAbove(int pitch, int[] tones) {
        for (int p = pitch + 1; p <= pitch + 12; p++) {
            if (Harmony.contains(tones, Math.floorMod(p, 12))) {
                return p;
            }
        }
        return pitch + 12;
    }

    /** {@code phrase} moved by {@code semitones}. */
    static Score.Phrase transpose(Score.Phrase phrase, int semitones) {
        return new Score.Phrase(
                phrase.text(),
                phrase.part(),
                phrase.notes().stream()
                        .map(n -> new Score.Note(n.start(), n.end(), n.pitch() + semitones, n.syllable()))
                        .toList(),
                phrase.words());
    }
}
