package dev.cantata.music;

import dev.cantata.music.Arranger.Event;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The slides a bass line makes, by genre, decided on the whole line (a slide depends on the note before it) before
 * the players' feel moves the notes:
 *
 * <ul>
 *   <li>hip hop's 808 glides: where the line changes pitch with the notes close together, the new note starts on the
 *       old pitch and glides to its own (portamento, the trap and boom-bap 808's signature), on about half the
 *       changes;
 *   <li>funk, soul and gospel bassists slide into a note the line moves to on the beat, from a whole step below
 *       (the Motown and James Brown players' slide into "the one"), on about a third of them.
 * </ul>
 *
 * Other genres play without slides: rock, metal and punk pick, jazz walks, house and disco sequence. Slid notes take
 * {@link Arranger#SLIDE_CHANNEL} and {@link Arranger#SECOND_SLIDE_CHANNEL} in turn, so a bend leaves the note just
 * before it alone (the one two slides back is seconds gone in today's lines).
 */
final class BassSlides {
    /** An 808 glide's length: 50–150 ms in trap practice; 90 ms reaches the new note within a sixteenth at 96 bpm. */
    static final double GLIDE_S = 0.09;

    /** A bassist's slide into a note: the finger travels two frets in about 60 ms. */
    static final double SCOOP_S = 0.06;

    static final double SCOOP_SEMITONES = -2;

    /** How often each kind is played where it could be: a gesture on every change would be a mannerism. */
    static final double GLIDE_CHANCE = 0.5;

    static final double SCOOP_CHANCE = 0.35;

    private BassSlides() {}

    /** Which slide a genre's bass makes. */
    enum Kind {
        NONE,
        GLIDE,
        SCOOP;

        static Kind of(Genre genre) {
            return switch (genre) {
                case HIP_HOP -> GLIDE;
                case FUNK, SOUL, GOSPEL -> SCOOP;
                default -> NONE;
            };
        }
    }

    /**
     * {@code bass} with the genre's slides, deterministic per {@code seed}, its notes in the order given (the players'
     * feel runs through them in that order): a slid note keeps its time, pitch and velocity and moves to a slide
     * channel; the note an 808 glides from is held until the glide starts, and no longer (an 808 is one voice). Dead
     * notes (velocity under 50) never slide. A note is on the beat when it falls on one counted from the start of its
     * section, where the arranger starts its bars (a song composed to timed lyrics starts its sections off the grid).
     */
    static List<Event> slide(List<Event> bass, Genre genre, Score score, long seed) {
        Kind kind = Kind.of(genre);
        if (kind == Kind.NONE) {
            return bass;
        }
        double beat = score.beatSeconds();
        SplittableRandom random = new SplittableRandom(seed ^ 0x534C494445L); // "SLIDE": its own draws
        List<Event> out = new ArrayList<>(bass);
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < out.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparingDouble(i -> out.get(i).start())); // stable: chords keep their order
        int before = -1; // the last sounding note's place in out
        int slides = 0;
        for (int i : order) {
            Event e = out.get(i);
            Event last = before >= 0 ? out.get(before) : null;
            if (last != null && e.velocity() >= 50 && e.pitch() != last.pitch()) {
                double gap = e.start() - (last.start() + last.duration());
                int leap = last.pitch() - e.pitch();
                int channel = slides % 2 == 0 ? Arranger.SLIDE_CHANNEL : Arranger.SECOND_SLIDE_CHANNEL;
                if (kind == Kind.GLIDE && gap < beat + 1e-6 && Math.abs(leap) <= Slide.RANGE) {
                    if (random.nextDouble() < GLIDE_CHANCE) {
                        // an 808 glides between notes that touch: the note before is held into this one
                        out.set(before, last.lasting(e.start() - last.start()));
                        out.set(i, e.sliding(new Slide(leap, GLIDE_S), channel));
                        slides++;
                    }
                } else if (kind == Kind.SCOOP && onBeat(e.start(), score) && e.duration() >= beat / 5) {
                    if (random.nextDouble() < SCOOP_CHANCE) {
                        out.set(i, e.sliding(new Slide(SCOOP_SEMITONES, SCOOP_S), channel));
                        slides++;
                    }
                }
            }
            if (e.velocity() >= 50) {
                before = i;
            }
        }
        return out;
    }

    /** Whether {@code t} falls on a beat counted from the start of the section it is in. */
    private static boolean onBeat(double t, Score score) {
        double from = 0;
        for (Score.Span span : score.sections()) {
            if (span.start() <= t + 1e-6) {
                from = span.start();
            }
        }
        return Math.abs(Math.IEEEremainder(t - from, score.beatSeconds())) < 1e-3;
    }
}
