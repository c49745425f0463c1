package dev.cantata.music;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Turns a {@link Score} into note events per stem: drums (General MIDI percussion), bass, and "other" (the chord
 * instrument, a pad in choruses, and every instrument the style names, which plays the intro, instrumental and outro
 * melodies and answers the voice in choruses). Grooves, bass lines and comping come from the genre; a fill closes each
 * section and a crash opens the next.
 */
public final class Arranger {
    /** A note event: when, how long, which program on which channel, pitch and velocity. */
    public record Event(double start, double duration, int channel, int program, int pitch, int velocity) {}

    /** The events of the three instrument stems. */
    public record Arrangement(List<Event> drums, List<Event> bass, List<Event> other) {}

    /**
     * The bar a groove, bass line or comping pattern plays: where it starts, the beat, the genre's swing, its chord and
     * the next bar's.
     */
    record Bar(double start, double beat, double swing, Score.Chord chord, Score.Chord next) {
        /** The time {@code beats} into the bar, an off-beat eighth delayed by the swing. */
        double at(double beats) {
            double fraction = beats - Math.floor(beats);
            double swung = Math.abs(fraction - 0.5) < 1e-9 ? beats + swing : beats;
            return start + swung * beat;
        }
    }

    static final int KICK = 36;
    static final int SNARE = 38;
    static final int HAT = 42;
    static final int OPEN_HAT = 46;
    static final int RIDE = 51;
    static final int CRASH = 49;
    static final int TOM_HIGH = 50;
    static final int TOM_MID = 47;
    static final int TOM_LOW = 45;
    static final int RIM = 37;
    static final int SHAKER = 70;
    static final int CLAP = 39;

    private Arranger() {}

    /** Arranges {@code score} in {@code style}; the seed varies the patterns' details. */
    public static Arrangement arrange(Score score, Style style, long seed) {
        SplittableRandom random = new SplittableRandom(seed ^ 0x5EEDL);
        Genre genre = style.genre();
        List<Event> drums = new ArrayList<>();
        List<Event> bass = new ArrayList<>();
        List<Event> other = new ArrayList<>();
        double beat = score.beatSeconds();
        double swing = genre.swing();
        int bassVariant = random.nextInt(2);
        int compVariant = random.nextInt(2);
        for (Score.Span span : score.sections()) {
            boolean soft = span.part() == Lyrics.Part.INTRO
                    || span.part() == Lyrics.Part.OUTRO
                    || (span.part() == Lyrics.Part.VERSE && random.nextInt(3) == 0);
            boolean big = span.part() == Lyrics.Part.CHORUS || span.part() == Lyrics.Part.BREAK;
            int firstBar = (int) Math.round(span.start() / score.barSeconds());
            for (int b = 0; b < span.bars(); b++) {
                double barStart = span.start() + b * score.barSeconds();
                if (barStart >= score.length() - 0.05) {
                    break;
                }
                Score.Chord chord = score.chordAt(barStart + 1e-6);
                boolean lastBar = b == span.bars() - 1;
                boolean finalBar = lastBar
                        && span.equals(score.sections().get(score.sections().size() - 1));
                if (finalBar) {
                    // the song ends on a held tonic chord
                    addChord(other, barStart, score.barSeconds() * 2, chord, genre.compProgram(), 0, 80, 4);
                    bass.add(new Event(
                            barStart, score.barSeconds() * 2, 1, genre.bassProgram(), bassNote(chord.root()), 90));
                    if (genre.drums()) {
                        drums.add(new Event(barStart, 1.5, 9, 0, CRASH, 100));
                        drums.add(new Event(barStart, 0.2, 9, 0, KICK, 110));
                    }
                    continue;
                }
                Bar bar = new Bar(barStart, beat, swing, chord, score.chordAt(barStart + score.barSeconds() + 1e-6));
                if (genre.drums() && !(soft && span.part() == Lyrics.Part.INTRO && b < 2)) {
                    genre.groove().play(drums, bar, soft ? 0.75 : big ? 1.0 : 0.88);
                    if (b == 0 && firstBar > 0) {
                        drums.add(new Event(barStart, 1.2, 9, 0, CRASH, big ? 105 : 85));
                    }
                    if (lastBar && span.bars() >= 2) {
                        fill(drums, barStart, beat, random);
                    }
                }
                genre.bass().play(bass, bar, genre.bassProgram(), bassVariant);
                genre.comp().play(other, bar, genre.compProgram(), soft ? 62 : big ? 84 : 74, compVariant);
                if (big && genre.padProgram() >= 0) {
                    addChord(other, barStart, score.barSeconds(), chord, genre.padProgram(), 3, 58, 5);
                }
            }
            boolean instrumental = span.part() == Lyrics.Part.INTRO
                    || span.part() == Lyrics.Part.BREAK
                    || span.part() == Lyrics.Part.OUTRO;
            List<Integer> featured = new ArrayList<>(style.instruments());
            if (featured.isEmpty() && instrumental) {
                featured.add(genre.leadProgram());
            }
            for (int f = 0; f < featured.size(); f++) {
                int program = featured.get(f);
                if (program == genre.bassProgram() || isBass(program)) {
                    continue;
                }
                int channel = 4 + f % 5;
                if (instrumental) {
                    lead(other, score, span, program, channel, random);
                } else if (big) {
                    answer(other, score, span, program, channel);
                }
            }
        }
        return new Arrangement(clip(drums, score.length()), clip(bass, score.length()), clip(other, score.length()));
    }

    private static boolean isBass(int program) {
        return program >= 32 && program <= 39;
    }

    private static List<Event> clip(List<Event> events, double length) {
        List<Event> out = new ArrayList<>();
        for (Event e : events) {
            if (e.start() < length - 0.02) {
                out.add(new Event(
                        e.start(),
                        Math.min(e.duration(), length - e.start()),
                        e.channel(),
                        e.program(),
                        e.pitch(),
                        e.velocity()));
            }
        }
        return out;
    }

    // ---------------------------------------------------------------- drums

    private static void fill(List<Event> out, double barStart, double beat, SplittableRandom random) {
        out.removeIf(e -> e.start() >= barStart + 2 * beat - 1e-6
                && e.start() < barStart + 4 * beat - 1e-6
                && (e.pitch() == SNARE || e.pitch() == HAT || e.pitch() == RIDE));
        int[] toms = random.nextBoolean()
                ? new int[] {SNARE, SNARE, TOM_HIGH, TOM_HIGH, TOM_MID, TOM_MID, TOM_LOW, TOM_LOW}
                : new int[] {SNARE, SNARE, SNARE, SNARE, TOM_HIGH, TOM_MID, TOM_LOW, SNARE};
        for (int i = 0; i < 8; i++) {
            out.add(new Event(barStart + (2 + i * 0.25) * beat, 0.12, 9, 0, toms[i], 70 + i * 5));
        }
    }

    // ---------------------------------------------------------------- bass

    static int bassNote(int pitchClass) {
        return 36 + Math.floorMod(pitchClass - 4, 12) + 4; // E1..D#2 region, the bass's low octave
    }

    // ---------------------------------------------------------------- chords and leads

    /** Chord tones voiced around middle C (root position, closed). */
    static int[] voicing(Score.Chord chord, int low) {
        int[] pcs = chord.pitchClasses();
        int[] notes = new int[pcs.length];
        int base = low + Math.floorMod(pcs[0] - low, 12);
        for (int i = 0; i < pcs.length; i++) {
            int n = base + Math.floorMod(pcs[i] - pcs[0], 12);
            notes[i] = n;
        }
        return notes;
    }

    private static void addChord(
            List<Event> out,
            double start,
            double duration,
            Score.Chord chord,
            int program,
            int channel,
            int velocity,
            int octaveShift) {
        for (int n : voicing(chord, 12 * octaveShift + 7)) {
            out.add(new Event(start, duration, channel, program, n, velocity));
        }
    }

    /** An instrumental melody over a section: chord tones on the beats, steps between, a rest every other bar. */
    private static void lead(
            List<Event> out, Score score, Score.Span span, int program, int channel, SplittableRandom random) {
        double beat = score.beatSeconds();
        int previous = 67;
        for (int b = 0; b < span.bars(); b++) {
            double barStart = span.start() + b * score.barSeconds();
            Score.Chord chord = score.chordAt(barStart + 1e-6);
            int[] tones = voicing(chord, 64);
            int notes = b % 2 == 0 ? 4 : 2;
            for (int i = 0; i < notes; i++) {
                int target = tones[random.nextInt(tones.length)];
                while (Math.abs(target - previous) > 7) {
                    target += target > previous ? -12 : 12;
                }
                double duration = notes == 4 ? beat * 0.95 : beat * 1.9;
                out.add(new Event(
                        barStart + i * (notes == 4 ? beat : 2 * beat), duration, channel, program, target, 88));
                previous = target;
            }
        }
    }

    /** In choruses a named instrument answers the voice: long chord tones where the voice breathes. */
    private static void answer(List<Event> out, Score score, Score.Span span, int program, int channel) {
        for (int b = 1; b < span.bars(); b += 2) {
            double barStart = span.start() + b * score.barSeconds();
            Score.Chord chord = score.chordAt(barStart + 1e-6);
            int[] tones = voicing(chord, 67);
            out.add(new Event(
                    barStart + 2 * score.beatSeconds(),
                    score.beatSeconds() * 1.8,
                    channel,
                    program,
                    tones[b % tones.length],
                    80));
        }
    }
}
