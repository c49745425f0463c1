package dev.cantata.music;

import com.fasterxml.jackson.annotation.JsonInclude;
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
    /**
     * A note event: when, how long, which program on which channel, pitch and velocity, and how its pitch slides in
     * ({@link Slide#NONE} for most; read as none from arrangements saved before slides).
     */
    public record Event(
            double start,
            double duration,
            int channel,
            int program,
            int pitch,
            int velocity,
            // saved only where a note slides: most do not, and a song keeps thousands of notes
            @JsonInclude(value = JsonInclude.Include.CUSTOM, valueFilter = Slide.Absent.class)
            Slide slide) {
        public Event {
            slide = slide == null ? Slide.NONE : slide;
        }

        /** A note that starts on its pitch. */
        public Event(double start, double duration, int channel, int program, int pitch, int velocity) {
            this(start, duration, channel, program, pitch, velocity, Slide.NONE);
        }

        /** This note on {@code channel}, sliding in as {@code slide} says. */
        Event sliding(Slide slide, int channel) {
            return new Event(start, duration, channel, program, pitch, velocity, slide);
        }

        /** This note starting at {@code start}. */
        Event at(double start) {
            return new Event(start, duration, channel, program, pitch, velocity, slide);
        }

        /** This note lasting {@code duration}. */
        Event lasting(double duration) {
            return new Event(start, duration, channel, program, pitch, velocity, slide);
        }
    }

    /** The events of the three instrument stems. */
    public record Arrangement(List<Event> drums, List<Event> bass, List<Event> other) {}

    /**
     * How much a section plays: verses (and intros and outros) lighter, a pre-chorus lifting into the chorus, choruses
     * and instrumental breaks full, a bridge dropping down to contrast.
     */
    enum Energy {
        LIGHT,
        LIFT,
        FULL,
        DROP;

        static Energy of(Lyrics.Part part) {
            return switch (part) {
                case INTRO, VERSE, OUTRO -> LIGHT;
                case PRE_CHORUS -> LIFT;
                case CHORUS, BREAK -> FULL;
                case BRIDGE -> DROP;
            };
        }
    }

    /**
     * The bar a groove, bass line or comping pattern plays: where it starts, the beat, the genre's swing, its chord and
     * the next bar's, the section's energy, the chord instrument's channel, its voice-led voicing (and, in jazz, the
     * next chord's dominant for the bar's second half, else empty), the groove's kick line (empty without drums), and
     * whether the bass walks into changes by semitones.
     */
    record Bar(
            double start,
            double beat,
            double swing,
            Score.Chord chord,
            Score.Chord next,
            Energy energy,
            int channel,
            List<Integer> voiced,
            List<Integer> approach,
            String kick,
            boolean chromatic) {
        Bar {
            voiced = List.copyOf(voiced);
            approach = List.copyOf(approach);
        }

        /** A full-energy bar on channel 2, the chord in root position, no kick to follow. */
        Bar(double start, double beat, double swing, Score.Chord chord, Score.Chord next) {
            this(
                    start,
                    beat,
                    swing,
                    chord,
                    next,
                    Energy.FULL,
                    2,
                    Voicing.lead(chord.pitchClasses(), List.of()),
                    List.of(),
                    "",
                    false);
        }

        /** The time {@code beats} into the bar, an off-beat eighth delayed by the swing. */
        double at(double beats) {
            double fraction = beats - Math.floor(beats);
            double swung = Math.abs(fraction - 0.5) < 1e-9 ? beats + swing : beats;
            return start + swung * beat;
        }

        /** The same bar played on another channel (a doubled guitar). */
        Bar on(int otherChannel) {
            return new Bar(start, beat, swing, chord, next, energy, otherChannel, voiced, approach, kick, chromatic);
        }
    }

    /** The channel of the second, doubled guitar in choruses (panned opposite the first); 9 is the drums'. */
    static final int DOUBLE_CHANNEL = 10;

    /**
     * The channels the bass's slid notes take in turn ({@link BassSlides}): pitch bend moves a whole channel, so a
     * slide on the bass's own channel would bend the ringing tail of the note before it too.
     */
    static final int SLIDE_CHANNEL = 11;

    static final int SECOND_SLIDE_CHANNEL = 12;

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

    /**
     * Arranges {@code score} in {@code style}; the seed varies the patterns' details and how the players play them
     * ({@link Performer}).
     */
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
        SplittableRandom drummer = random.split();
        String kick = genre.groove().lines().stream()
                .filter(l -> l.drum() == KICK)
                .map(Groove.Line::steps)
                .findFirst()
                .orElse("");
        boolean chromatic = genre.has(Genre.Trait.SEVENTHS) || genre == Genre.FUNK;
        boolean doubled = doubled(genre);
        List<Integer> voiced = List.of();
        List<Score.Span> sections = score.sections();
        for (int s = 0; s < sections.size(); s++) {
            Score.Span span = sections.get(s);
            Energy energy = Energy.of(span.part());
            // the last section's last bar is the ending, which has no fill, so "into" matters only before another
            // section
            Lyrics.Part into = s + 1 < sections.size() ? sections.get(s + 1).part() : Lyrics.Part.OUTRO;
            boolean soft = span.part() == Lyrics.Part.INTRO || span.part() == Lyrics.Part.OUTRO;
            boolean big = energy == Energy.FULL;
            int firstBar = (int) Math.round(span.start() / score.barSeconds());
            for (int b = 0; b < span.bars(); b++) {
                double barStart = span.start() + b * score.barSeconds();
                if (barStart >= score.length() - 0.05) {
                    break;
                }
                Score.Chord chord = score.chordAt(barStart + 1e-6);
                boolean lastBar = b == span.bars() - 1;
                boolean finalBar = lastBar && s == sections.size() - 1;
                int[] pcs = genre == Genre.JAZZ ? Voicing.rootless(chord) : chord.pitchClasses();
                voiced = Voicing.lead(pcs, voiced);
                if (finalBar) {
                    ending(drums, bass, other, barStart, score.barSeconds(), chord, genre, voiced);
                    continue;
                }
                Score.Chord next = score.chordAt(barStart + score.barSeconds() + 1e-6);
                List<Integer> approach = genre == Genre.JAZZ && next.root() != chord.root()
                        ? Voicing.lead(
                                Voicing.rootless(new Score.Chord(0, 0, (next.root() + 7) % 12, false, true, 0)), voiced)
                        : List.of();
                Bar bar = new Bar(barStart, beat, swing, chord, next, energy, 2, voiced, approach, kick, chromatic);
                if (genre.drums() && !(span.part() == Lyrics.Part.INTRO && b < 2)) {
                    double level = soft ? 0.75 : big ? 1.0 : energy == Energy.LIFT ? 0.92 : 0.85;
                    Drummer.play(drums, genre.groove(), bar, level, b, drummer);
                    if (b == 0 && firstBar > 0) {
                        drums.add(new Event(barStart, 1.2, 9, 0, CRASH, big ? 108 : 85));
                    }
                    if (lastBar && span.bars() >= 2) {
                        Drummer.fill(drums, bar, into, drummer);
                    }
                }
                (energy == Energy.DROP ? BassLine.LONG : genre.bass())
                        .play(bass, bar, genre.bassProgram(), energy == Energy.LIGHT ? 0 : bassVariant);
                int velocity = soft ? 64 : big ? 86 : energy == Energy.LIFT ? 80 : 74;
                genre.comp().play(other, bar, genre.compProgram(), velocity, compVariant);
                if (big && doubled) {
                    // the chorus guitar is doubled, a second take panned opposite the first, as records track them
                    genre.comp().play(other, bar.on(DOUBLE_CHANNEL), genre.compProgram(), velocity - 4, compVariant);
                }
                int layer = genre.padProgram() >= 0 ? genre.padProgram() : big ? chorusLayer(genre) : -1;
                if ((big || energy == Energy.DROP) && layer >= 0) {
                    addChord(other, barStart, score.barSeconds(), chord, layer, 3, big ? 60 : 52, 5);
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
        return new Arrangement(
                clip(Performer.perform(drums, genre, seed), score.length()),
                clip(Performer.perform(BassSlides.slide(bass, genre, score, seed), genre, seed), score.length()),
                clip(Performer.perform(other, genre, seed), score.length()));
    }

    /**
     * The song's last bar: a held tonic chord ringing out over two bars with a crash, or in the styles that stop dead
     * (punk, funk, disco, metal, hip hop) a button, one short accented hit on the downbeat and silence.
     */
    private static void ending(
            List<Event> drums,
            List<Event> bass,
            List<Event> other,
            double barStart,
            double barSeconds,
            Score.Chord chord,
            Genre genre,
            List<Integer> voiced) {
        boolean button = genre == Genre.PUNK
                || genre == Genre.FUNK
                || genre == Genre.DISCO
                || genre == Genre.METAL
                || genre == Genre.HIP_HOP;
        double length = button ? barSeconds / 8 : barSeconds * 2;
        for (int n : voiced) {
            other.add(new Event(barStart, length, 0, genre.compProgram(), n, button ? 100 : 80));
        }
        bass.add(new Event(barStart, length, 1, genre.bassProgram(), bassNote(chord.root()), button ? 105 : 90));
        if (genre.drums()) {
            drums.add(new Event(barStart, 1.5, 9, 0, CRASH, button ? 115 : 100));
            drums.add(new Event(barStart, 0.2, 9, 0, KICK, 112));
            if (button) {
                drums.add(new Event(barStart, 0.2, 9, 0, SNARE, 110));
            }
        }
    }

    /** Whether the genre's chorus doubles its guitar: the strummed and power-chord styles. */
    static boolean doubled(Genre genre) {
        return genre.comp() == Comping.POWER || genre.comp() == Comping.STRUM;
    }

    /**
     * What joins a chorus in the genres with no pad of their own and no doubled guitar, so it is fuller than the verse:
     * a string section under funk, reggae, latin and country (as their records add one), a synth pad under hip hop;
     * none in jazz and blues, whose choruses grow by playing harder.
     */
    static int chorusLayer(Genre genre) {
        return switch (genre) {
            case FUNK, REGGAE, LATIN, COUNTRY -> 48;
            case HIP_HOP -> 89;
            default -> -1;
        };
    }

    private static boolean isBass(int program) {
        return program >= 32 && program <= 39;
    }

    private static List<Event> clip(List<Event> events, double length) {
        List<Event> out = new ArrayList<>();
        for (Event e : events) {
            if (e.start() < length - 0.02) {
                out.add(e.lasting(Math.min(e.duration(), length - e.start())));
            }
        }
        return out;
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
