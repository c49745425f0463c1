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
 * {@link Arranger#SLIDE_CHANNELS} in turn, so their bends leave the notes before them alone.
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
     * {@code bass} with the genre's slides, deterministic per {@code seed}; notes keep their times, pitches and
     * velocities. Dead notes (velocity under 50) never slide.
     */
    static List<Event> slide(List<Event> bass, Genre genre, double beat, long seed) {
        Kind kind = Kind.of(genre);
        if (kind == Kind.NONE) {
            return bass;
        }
        SplittableRandom random = new SplittableRandom(seed ^ 0x534C494445L); // "SLIDE": its own draws
        List<Event> line = new ArrayList<>(bass);
        line.sort(Comparator.comparingDouble(Event::start));
        List<Event> out = new ArrayList<>(line.size());
        int before = -1; // the last sounding note's place in out
        int slides = 0;
        for (Event e : line) {
            Event played = e;
            Event last = before >= 0 ? out.get(before) : null;
            if (last != null && e.velocity() >= 50 && e.pitch() != last.pitch()) {
                double gap = e.start() - (last.start() + last.duration());
                int leap = last.pitch() - e.pitch();
                int channel = Arranger.SLIDE_CHANNELS[slides % Arranger.SLIDE_CHANNELS.length];
                if (kind == Kind.GLIDE && gap < beat + 1e-6 && Math.abs(leap) <= Slide.RANGE) {
                    if (random.nextDouble() < GLIDE_CHANCE) {
                        // an 808 glides between notes that touch: the note before is held into this one
                        out.set(before, last.lasting(Math.max(last.duration(), e.start() - last.start())));
                        played = e.sliding(new Slide(leap, GLIDE_S), channel);
                        slides++;
                    }
                } else if (kind == Kind.SCOOP && onBeat(e.start(), beat) && e.duration() >= beat / 5) {
                    if (random.nextDouble() < SCOOP_CHANCE) {
                        played = e.sliding(new Slide(SCOOP_SEMITONES, SCOOP_S), channel);
                        slides++;
                    }
                }
            }
            out.add(played);
            if (e.velocity() >= 50) {
                before = out.size() - 1;
            }
        }
        return out;
    }

    private static boolean onBeat(double t, double beat) {
        return Math.abs(Math.IEEEremainder(t, beat)) < 1e-3;
    }
}
