package dev.cantata.music;

import java.util.ArrayList;
import java.util.List;

/**
 * The symbolic song: everything the arranger, the singer and the mixer need, and what extend, edit, stems and aligned
 * lyrics read later. Times are seconds from the start of the song.
 *
 * @param tempo beats per minute (4/4) where the song starts
 * @param key tonic pitch class 0–11
 * @param length the song's exact length in seconds
 * @param grid where the beats are: a composed song has one entry at 0; an extension that changed tempo has two
 * @param phrases the lead's lines
 * @param voices what is sung besides the lead (harmonies, backing vowels), in time order; a song stored before there
 *     were any reads back with none
 * @param modulations where the key changes after the start (a last chorus lifted a step), in time order; the mode
 *     stays; a song stored before there were any reads back with none
 */
public record Score(
        double tempo,
        int key,
        boolean minor,
        double length,
        List<Span> sections,
        List<Chord> chords,
        List<Phrase> phrases,
        List<String> dropped,
        List<Tempo> grid,
        List<Voice> voices,
        List<Modulation> modulations) {

    public Score {
        sections = List.copyOf(sections);
        chords = List.copyOf(chords);
        phrases = List.copyOf(phrases);
        dropped = List.copyOf(dropped);
        grid = grid.isEmpty() ? List.of(new Tempo(0, tempo)) : List.copyOf(grid);
        voices = voices == null ? List.of() : List.copyOf(voices);
        modulations = modulations == null ? List.of() : List.copyOf(modulations);
    }

    /** A score with the lead alone. */
    public Score(
            double tempo,
            int key,
            boolean minor,
            double length,
            List<Span> sections,
            List<Chord> chords,
            List<Phrase> phrases,
            List<String> dropped,
            List<Tempo> grid) {
        this(tempo, key, minor, length, sections, chords, phrases, dropped, grid, List.of(), List.of());
    }

    /** This score with {@code voices} sung besides the lead. */
    public Score withVoices(List<Voice> voices) {
        return new Score(tempo, key, minor, length, sections, chords, phrases, dropped, grid, voices, modulations);
    }

    /** The key from {@code at} seconds on: tonic pitch class 0–11, in the score's mode. */
    public record Modulation(double at, int key) {}

    /** The tonic in force at {@code time} (within a microsecond): the last modulation started by then, else the key. */
    public int keyAt(double time) {
        int tonic = key;
        for (Modulation m : modulations) {
            if (m.at() <= time + 1e-6) {
                tonic = m.key();
            }
        }
        return tonic;
    }

    /** What a voice besides the lead sings. */
    public enum Role {
        /** A harmony line a third to a sixth over the lead (under it near the top of the range), on the lead's words. */
        HIGH_HARMONY,
        /** A third voice, a chord tone a third to a sixth under the lead, on the lead's words. */
        LOW_HARMONY,
        /** Sustained backing vowels ("ooh", "aah") on the chord tones, one note a chord. */
        PAD
    }

    /**
     * A line sung besides the lead, with its own notes. {@code partner} says the duet's other singer sings it (an
     * octave from the lead, as its notes are written); otherwise the lead's own singer overdubs it, as choruses are
     * stacked in a studio. {@code pan} is where it sits, −1 left to 1 right.
     */
    public record Voice(Role role, boolean partner, double pan, Phrase phrase) {}

    /** Beats of {@code bpm} per minute from {@code at} seconds on (one of them falls on {@code at}). */
    public record Tempo(double at, double bpm) {
        double beat() {
            return 60 / bpm;
        }
    }

    /** A section of the song in time. */
    public record Span(Lyrics.Part part, String label, double start, double end, int bars) {}

    /**
     * A chord: root pitch class, minor or major triad, optional seventh. The seventh is always the minor seventh: a
     * minor chord becomes m7 and a major one a dominant 7, the colour of the blues, soul and gospel genres that add
     * sevenths (a major seventh on IV would suit jazz, but no genre asks for it).
     */
    public record Chord(double start, double end, int root, boolean minor, boolean seventh, int bar) {
        /** Pitch classes of the chord. */
        public int[] pitchClasses() {
            int third = minor ? 3 : 4;
            return seventh
                    ? new int[] {root, (root + third) % 12, (root + 7) % 12, (root + 10) % 12}
                    : new int[] {root, (root + third) % 12, (root + 7) % 12};
        }
    }

    /** One sung note: a syllable on a pitch. */
    public record Note(double start, double end, int pitch, int syllable) {
        public double duration() {
            return end - start;
        }

        public double hz() {
            return 440 * Math.pow(2, (pitch - 69) / 12.0);
        }
    }

    /** A word and when it is sung (from its first syllable's onset to its last note's end). */
    public record Word(String word, double start, double end) {}

    /** One lyric line as sung. */
    public record Phrase(String text, Lyrics.Part part, List<Note> notes, List<Word> words) {
        public Phrase {
            notes = List.copyOf(notes);
            words = List.copyOf(words);
        }

        public double start() {
            return notes.get(0).start();
        }

        public double end() {
            return notes.get(notes.size() - 1).end();
        }

        /**
         * What of this phrase starts in {@code [from, to)}: its notes and words that start there (ends clipped to
         * {@code to}); the text is the words kept when some are not. Empty when no note starts there.
         */
        java.util.Optional<Phrase> window(double from, double to) {
            List<Note> kept = notes.stream()
                    .filter(n -> n.start() >= from && n.start() < to)
                    .map(n -> new Note(n.start(), Math.min(to, n.end()), n.pitch(), n.syllable()))
                    .toList();
            if (kept.isEmpty()) {
                return java.util.Optional.empty();
            }
            List<Word> keptWords = words.stream()
                    .filter(w -> w.start() >= from && w.start() < to)
                    .map(w -> new Word(w.word(), w.start(), Math.min(to, w.end())))
                    .toList();
            String line = kept.size() == notes.size()
                    ? text
                    : String.join(" ", keptWords.stream().map(Word::word).toList());
            return java.util.Optional.of(new Phrase(line, part, kept, keptWords));
        }

        /** This phrase {@code seconds} later. */
        Phrase shifted(double seconds) {
            return new Phrase(
                    text,
                    part,
                    notes.stream()
                            .map(n -> new Note(n.start() + seconds, n.end() + seconds, n.pitch(), n.syllable()))
                            .toList(),
                    words.stream()
                            .map(w -> new Word(w.word(), w.start() + seconds, w.end() + seconds))
                            .toList());
        }
    }

    public double beatSeconds() {
        return 60.0 / tempo;
    }

    public double barSeconds() {
        return 4 * beatSeconds();
    }

    /** Every word of the song in order. */
    public List<Word> words() {
        return phrases.stream().flatMap(p -> p.words().stream()).toList();
    }

    /** The first beat at or after {@code time} (within a microsecond), never past the song's end. */
    public double beatAtOrAfter(double time) {
        return Math.min(nextBeat(time), length);
    }

    /** The beat grid in force at {@code time} (within a microsecond): the last entry of {@link #grid} started by then. */
    public Tempo tempoAt(double time) {
        Tempo region = grid.get(0);
        for (Tempo t : grid) {
            if (t.at() <= time + 1e-6) {
                region = t;
            }
        }
        return region;
    }

    /** The first beat at or after {@code time} (within a microsecond), after the song's end too. */
    public double nextBeat(double time) {
        Tempo region = tempoAt(time);
        double beats = Math.ceil((time - region.at()) / region.beat() - 1e-6);
        double beat = region.at() + Math.max(0, beats) * region.beat();
        for (Tempo t : grid) { // a tempo change before that beat starts a new grid
            if (t.at() > time + 1e-6 && t.at() < beat) {
                beat = t.at();
            }
        }
        return beat;
    }

    /** The last beat at or before {@code time}. */
    public double beatAtOrBefore(double time) {
        Tempo region = tempoAt(time);
        double beats = Math.floor((time - region.at()) / region.beat() + 1e-6);
        return Math.max(0, region.at() + Math.max(0, beats) * region.beat());
    }

    /**
     * What of this score starts in {@code [from, to)}: sections and chords clipped to the window, notes and words that
     * start in it (ends clipped to {@code to}), phrases reduced to those notes. Times and length are unchanged.
     */
    public Score window(double from, double to) {
        List<Span> spans = new ArrayList<>();
        for (Span s : sections) {
            if (s.end() > from && s.start() < to) {
                spans.add(new Span(s.part(), s.label(), Math.max(from, s.start()), Math.min(to, s.end()), s.bars()));
            }
        }
        List<Chord> kept = new ArrayList<>();
        for (Chord c : chords) {
            if (c.end() > from && c.start() < to) {
                kept.add(new Chord(
                        Math.max(from, c.start()), Math.min(to, c.end()), c.root(), c.minor(), c.seventh(), c.bar()));
            }
        }
        List<Phrase> sung = new ArrayList<>();
        for (Phrase p : phrases) {
            p.window(from, to).ifPresent(sung::add);
        }
        List<Voice> others = new ArrayList<>();
        for (Voice v : voices) {
            v.phrase().window(from, to).ifPresent(w -> others.add(new Voice(v.role(), v.partner(), v.pan(), w)));
        }
        return new Score(tempo, key, minor, length, spans, kept, sung, dropped, grid, others, modulations);
    }

    /** This score {@code seconds} later, {@code newLength} long. */
    public Score shifted(double seconds, double newLength) {
        return new Score(
                tempo,
                key,
                minor,
                newLength,
                sections.stream()
                        .map(s -> new Span(s.part(), s.label(), s.start() + seconds, s.end() + seconds, s.bars()))
                        .toList(),
                chords.stream()
                        .map(c -> new Chord(
                                c.start() + seconds, c.end() + seconds, c.root(), c.minor(), c.seventh(), c.bar()))
                        .toList(),
                phrases.stream().map(p -> p.shifted(seconds)).toList(),
                dropped,
                grid.stream().map(t -> new Tempo(t.at() + seconds, t.bpm())).toList(),
                voices.stream()
                        .map(v -> new Voice(
                                v.role(), v.partner(), v.pan(), v.phrase().shifted(seconds)))
                        .toList(),
                modulations.stream()
                        .map(m -> new Modulation(m.at() + seconds, m.key()))
                        .toList());
    }

    /**
     * Pieces of scores (windows of them, in song time) as one score {@code length} long, in time order; tempo, key and
     * mode are the first piece's, the beat grid and the keys are every piece's from where that piece starts.
     */
    static Score merge(List<Score> pieces, List<Double> starts, double length) {
        Score first = pieces.get(0);
        List<Span> spans = new ArrayList<>();
        List<Chord> chords = new ArrayList<>();
        List<Phrase> phrases = new ArrayList<>();
        List<Voice> voices = new ArrayList<>();
        List<String> dropped = new ArrayList<>();
        List<Tempo> grid = new ArrayList<>();
        List<Modulation> keys = new ArrayList<>();
        for (int i = 0; i < pieces.size(); i++) {
            Score p = pieces.get(i);
            double from = starts.get(i);
            double to = i + 1 < starts.size() ? starts.get(i + 1) : length;
            spans.addAll(p.sections());
            chords.addAll(p.chords());
            phrases.addAll(p.phrases());
            voices.addAll(p.voices());
            p.dropped().stream().filter(d -> !dropped.contains(d)).forEach(dropped::add);
            // a piece starts on one of its own beats (joins and seams are placed on beats), so its grid restarts there
            grid.add(new Tempo(from, p.tempoAt(from).bpm()));
            p.grid().stream().filter(t -> t.at() > from + 1e-6 && t.at() < to).forEach(grid::add);
            keys.add(new Modulation(from, p.keyAt(from)));
            p.modulations().stream()
                    .filter(m -> m.at() > from + 1e-6 && m.at() < to)
                    .forEach(keys::add);
        }
        spans.sort(java.util.Comparator.comparingDouble(Span::start));
        chords.sort(java.util.Comparator.comparingDouble(Chord::start));
        phrases.sort(java.util.Comparator.comparingDouble(Phrase::start));
        voices.sort(java.util.Comparator.comparingDouble(v -> v.phrase().start()));
        List<Tempo> beats = new ArrayList<>();
        for (Tempo t : grid) { // an entry that continues the grid before it says nothing new
            Tempo last = beats.isEmpty() ? null : beats.get(beats.size() - 1);
            double offBeat = last == null ? 1 : Math.abs(Math.IEEEremainder(t.at() - last.at(), last.beat()));
            if (last == null || Math.abs(last.bpm() - t.bpm()) > 1e-9 || offBeat > 1e-6) {
                beats.add(t);
            }
        }
        List<Modulation> changes = new ArrayList<>();
        int tonic = first.key();
        for (Modulation m : keys) { // a piece in the key already sounding changes nothing
            if (m.key() != tonic) {
                changes.add(m);
                tonic = m.key();
            }
        }
        return new Score(
                first.tempo(),
                first.key(),
                first.minor(),
                length,
                spans,
                chords,
                phrases,
                dropped,
                beats,
                voices,
                changes);
    }

    /** The chord sounding at {@code time}. */
    public Chord chordAt(double time) {
        return chordAt(chords, time);
    }

    /** The chord of {@code chords} (in time order) sounding at {@code time}: the last one started by then. */
    static Chord chordAt(List<Chord> chords, double time) {
        Chord found = chords.get(0);
        for (Chord c : chords) {
            if (c.start() <= time + 1e-9) {
                found = c;
            }
        }
        return found;
    }
}
