package dev.cantata.music;

import dev.cantata.music.Lyrics.Part;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.jspecify.annotations.Nullable;

/**
 * Writes the {@link Score}: form from the lyric sections, a tempo and key from the style, one chord per bar from a
 * progression per section type, and a melody per line with one note per syllable, stressed syllables on beats, an arch
 * contour and a cadence at the line's end. Repeated lines (a chorus, or a verse line with the same stress pattern in
 * the same place) sing the same melody. Every choice comes from one seeded generator, so the same request and seed
 * give the same score. See {@code docs/song-engine.md}.
 */
public final class Composer {
    static final int[] MAJOR = {0, 2, 4, 5, 7, 9, 11};
    static final int[] MINOR = {0, 2, 3, 5, 7, 8, 10};
    /** Triad quality per scale degree (true = minor); diminished chords are played as minor. */
    private static final boolean[] MAJOR_QUALITY = {false, true, true, false, false, true, true};
    /** In minor the fifth degree is major (harmonic minor), as most songs play it. */
    private static final boolean[] MINOR_QUALITY = {true, true, false, true, false, false, false};

    private static final int[][][] MAJOR_PROGRESSIONS = {
        {{0, 4, 5, 3}, {0, 5, 3, 4}, {5, 3, 0, 4}, {0, 3, 4, 3}}, // verse
        {{3, 4, 0, 5}, {0, 4, 5, 3}, {3, 0, 4, 5}, {0, 3, 5, 4}}, // chorus
        {{3, 4, 3, 4}, {1, 4, 3, 4}, {5, 3, 1, 4}}, // pre-chorus
        {{5, 3, 0, 4}, {3, 4, 5, 5}, {1, 3, 4, 4}} // bridge
    };
    private static final int[][][] MINOR_PROGRESSIONS = {
        {{0, 5, 2, 6}, {0, 3, 6, 2}, {0, 5, 3, 4}, {0, 6, 5, 6}},
        {{5, 6, 0, 0}, {0, 6, 5, 6}, {3, 4, 0, 5}, {5, 2, 6, 0}},
        {{3, 4, 3, 4}, {5, 6, 3, 4}, {3, 5, 6, 4}},
        {{5, 3, 0, 4}, {3, 6, 2, 5}, {5, 6, 4, 4}}
    };

    /**
     * What to compose. {@code low}–{@code high} is the singer's range (MIDI). A {@code continuation} follows music that
     * is already playing: it gets a one-bar lead-in instead of an intro.
     */
    public record Request(
            Lyrics lyrics,
            Style style,
            long seed,
            @Nullable Double length,
            int low,
            int high,
            boolean continuation,
            double maxLength) {
        public Request {
            if (!(maxLength >= SongSpec.MIN_LENGTH && maxLength <= SongSpec.MAX_LENGTH)) {
                throw new IllegalArgumentException("a song's longest length " + maxLength + " s is outside "
                        + SongSpec.MIN_LENGTH + "–" + SongSpec.MAX_LENGTH + " s");
            }
            if (length != null && length > maxLength) {
                throw new IllegalArgumentException("length " + length + " s is over the " + maxLength + " s allowed");
            }
        }

        public Request(
                Lyrics lyrics,
                Style style,
                long seed,
                @Nullable Double length,
                int low,
                int high,
                boolean continuation) {
            this(lyrics, style, seed, length, low, high, continuation, SongSpec.MAX_LENGTH);
        }

        public Request(Lyrics lyrics, Style style, long seed, @Nullable Double length, int low, int high) {
            this(lyrics, style, seed, length, low, high, false);
        }
    }

    private final Request request;
    private final SplittableRandom random;
    private final int key;
    private final boolean minor;
    private final double tempo;
    private final int[] scale;
    private final int[][] progressions = new int[4][];
    private final Map<String, Melody> melodies = new HashMap<>();
    private final List<String> dropped = new ArrayList<>();
    /**
     * The highest note a melody may take: the range's top, or {@link #LIFT} under it in a song whose last chorus
     * lifts, so that chorus is still in range once lifted. Set once the form is known, before any melody.
     */
    private int top;

    private Composer(Request request) {
        this.request = request;
        this.top = request.high();
        this.random = new SplittableRandom(request.seed());
        Style style = request.style();
        Genre genre = style.genre();
        this.minor = style.minor() != null ? style.minor() : random.nextDouble() < genre.minor();
        this.key = style.key() != null ? style.key() : random.nextInt(12);
        this.tempo = style.tempo() != null ? style.tempo() : naturalTempo(genre, style.tempoHint());
        this.scale = minor ? MINOR : MAJOR;
        int[][][] table = minor ? MINOR_PROGRESSIONS : MAJOR_PROGRESSIONS;
        for (int i = 0; i < 4; i++) {
            progressions[i] = table[i][random.nextInt(table[i].length)];
        }
    }

    private double naturalTempo(Genre genre, int hint) {
        double span = genre.tempoMax() - genre.tempoMin();
        double base =
                hint < 0 ? genre.tempoMin() : hint > 0 ? genre.tempoMin() + span * 0.66 : genre.tempoMin() + span * 0.3;
        return Math.round(base + random.nextDouble() * span * 0.34);
    }

    /** Composes the song; {@code reader} gives each lyric line's syllables. */
    public static Score compose(Request request, Map<String, LineSyllables> syllables) {
        Composer composer = new Composer(request);
        return request.lyrics().timed() ? composer.timed(syllables) : composer.untimed(syllables);
    }

    // ---------------------------------------------------------------- form

    private record Plan(Part part, String label, List<LineSyllables> lines, int bars) {}

    private static int barsFor(LineSyllables line) {
        return line.syllables().size() > 13 ? 4 : 2;
    }

    private Plan plan(Lyrics.Section section, Map<String, LineSyllables> syllables) {
        List<LineSyllables> lines = new ArrayList<>();
        int bars = 0;
        for (Lyrics.Line line : section.lines()) {
            LineSyllables s = syllables.get(line.text());
            if (s != null && !s.syllables().isEmpty()) {
                lines.add(s);
                bars += barsFor(s);
            }
        }
        if (lines.isEmpty()) {
            // an instrumental section is a break of its own; a tag with nothing to sing under it ("[Verse]" alone)
            // costs nothing, so a text of empty tags cannot stretch a song
            bars = switch (section.part()) {
                case INTRO, OUTRO -> 4;
                case BREAK -> 8;
                default -> 0;
            };
        }
        return new Plan(section.part(), section.label(), lines, bars);
    }

    /**
     * Cuts a song without a requested length to {@code maxLength}: sections are kept in order while they fit, then the
     * lines of the section that does not fit while they do; every line left out is reported, and the song still ends
     * with an outro.
     */
    private void cap(List<Plan> plans, double bar) {
        if (bars(plans) * bar + RING_OUT <= request.maxLength()) {
            return;
        }
        int total = (int) Math.floor((request.maxLength() - RING_OUT) / bar);
        int outroBars = Math.max(1, Math.min(4, total / 4));
        int room = total - outroBars;
        List<Plan> kept = new ArrayList<>();
        int used = 0;
        boolean full = false;
        for (int p = 0; p < plans.size(); p++) {
            Plan plan = plans.get(p);
            boolean last = p == plans.size() - 1;
            if (last && plan.part() == Part.OUTRO && plan.lines().isEmpty()) {
                break; // the closing outro is added below
            }
            if (!full && used + plan.bars() <= room) {
                kept.add(plan);
                used += plan.bars();
                continue;
            }
            List<LineSyllables> fitting = new ArrayList<>();
            int bars = 0;
            for (LineSyllables line : plan.lines()) {
                if (!full && used + bars + barsFor(line) <= room) {
                    fitting.add(line);
                    bars += barsFor(line);
                } else {
                    full = true;
                    dropped.add(line.text());
                }
            }
            if (!fitting.isEmpty()) {
                kept.add(new Plan(plan.part(), plan.label(), fitting, bars));
                used += bars;
            }
            full = true;
        }
        kept.add(new Plan(Part.OUTRO, "Outro", List.of(), outroBars));
        plans.clear();
        plans.addAll(kept);
    }

    /** Seconds the last chord rings after the final bar. */
    private static final double RING_OUT = 2.5;

    private Score untimed(Map<String, LineSyllables> syllables) {
        List<Plan> plans = new ArrayList<>();
        Lyrics lyrics = request.lyrics();
        if (lyrics.instrumental()) {
            List<Part> form = request.continuation()
                    ? List.of(Part.VERSE, Part.CHORUS, Part.OUTRO)
                    : List.of(Part.INTRO, Part.VERSE, Part.CHORUS, Part.VERSE, Part.CHORUS, Part.OUTRO);
            for (Part p : form) {
                plans.add(new Plan(
                        p,
                        p.name().toLowerCase(java.util.Locale.ROOT),
                        List.of(),
                        p == Part.INTRO || p == Part.OUTRO ? 4 : 8));
            }
        } else {
            if (lyrics.sections().get(0).part() != Part.INTRO) {
                plans.add(new Plan(
                        Part.INTRO,
                        request.continuation() ? "Lead-in" : "Intro",
                        List.of(),
                        request.continuation() ? 1 : 4));
            }
            for (Lyrics.Section section : lyrics.sections()) {
                Plan plan = plan(section, syllables);
                if (plan.bars() > 0) {
                    plans.add(plan);
                }
            }
            if (plans.get(plans.size() - 1).part() != Part.OUTRO) {
                plans.add(new Plan(Part.OUTRO, "Outro", List.of(), 4));
            }
        }
        double songTempo = tempo;
        Double target = request.length();
        if (target != null) {
            songTempo = fit(plans, target);
        } else {
            cap(plans, 240.0 / songTempo);
        }
        boolean lift = lifts(plans);
        if (lift) {
            top = request.high() - LIFT;
        }
        Score score = build(plans, songTempo, target);
        return lift ? lifted(score) : score;
    }

    /** How often a genre that lifts its last chorus ({@link Genre.Trait#KEY_CHANGE}) does so: every other song. */
    static final double LIFT_CHANCE = 0.5;
    /** Semitones the last chorus goes up: a whole tone, the usual gear change (a semitone is the other common one). */
    static final int LIFT = 2;

    /**
     * Whether the last chorus lifts a whole tone: when the style asks for it, or the genre does it and the seed
     * chooses it; only in a song with two sung choruses or more (a lift needs a chorus heard before in the old key),
     * never in a continuation (it joins audio in a key of its own).
     */
    private boolean lifts(List<Plan> plans) {
        Boolean asked = request.style().keyChange();
        if (request.continuation() || Boolean.FALSE.equals(asked)) {
            return false;
        }
        long choruses = plans.stream()
                .filter(p -> p.part() == Part.CHORUS && !p.lines().isEmpty())
                .count();
        // a draw of its own, so every other choice of the seed stays where it was
        boolean chosen = asked != null
                || (request.style().genre().has(Genre.Trait.KEY_CHANGE)
                        && new SplittableRandom(request.seed() ^ 0x4B45594348414E47L).nextDouble() < LIFT_CHANCE);
        return choruses >= 2 && chosen;
    }

    /**
     * The score with its last sung chorus, and all after it, {@link #LIFT} semitones higher. The chords move with the
     * lead, so the band, the bass and the harmonies arranged from them follow. The change is direct, on the chorus's
     * downbeat, as the gear change is made on record (a pivot chord in the bar before was tried: the lead sings in
     * that bar in every song of 20 seeds, against the new key's dominant, so it never fitted).
     */
    private Score lifted(Score score) {
        List<Score.Span> choruses = score.sections().stream()
                .filter(s -> s.part() == Part.CHORUS
                        && score.phrases().stream().anyMatch(p -> p.start() >= s.start() - 1e-6 && p.start() < s.end()))
                .toList();
        double at = choruses.get(choruses.size() - 1).start();
        int lifted = Math.floorMod(key + LIFT, 12);
        List<Score.Chord> chords = new ArrayList<>();
        for (Score.Chord c : score.chords()) {
            chords.add(
                    c.start() >= at - 1e-6
                            ? new Score.Chord(
                                    c.start(),
                                    c.end(),
                                    Math.floorMod(c.root() + LIFT, 12),
                                    c.minor(),
                                    c.seventh(),
                                    c.bar())
                            : c);
        }
        List<Score.Phrase> phrases = new ArrayList<>();
        for (Score.Phrase p : score.phrases()) {
            phrases.add(new Score.Phrase(
                    p.text(),
                    p.part(),
                    p.notes().stream()
                            .map(n -> n.start() >= at - 1e-6
                                    ? new Score.Note(n.start(), n.end(), n.pitch() + LIFT, n.syllable())
                                    : n)
                            .toList(),
                    p.words()));
        }
        return new Score(
                score.tempo(),
                score.key(),
                score.minor(),
                score.length(),
                score.sections(),
                chords,
                phrases,
                score.dropped(),
                score.grid(),
                score.voices(),
                List.of(new Score.Modulation(at, lifted)));
    }

    /** Adjusts tempo and form so the song fills {@code target} seconds; returns the tempo. */
    private double fit(List<Plan> plans, double target) {
        Genre genre = request.style().genre();
        double chosen = tempo;
        if (request.style().tempo() == null) {
            // the tempo moves within the genre's natural range; beyond it the form changes instead (a song played far
            // too fast or slow for its genre is worse than one with a section more or less)
            double ideal = bars(plans) * 240.0 / target;
            chosen = Math.round(Math.max(genre.tempoMin(), Math.min(genre.tempoMax(), ideal)));
        }
        double bar = 240.0 / chosen;
        grow(plans, bar, target);
        // too long: the outro shrinks to two bars before any sung section goes
        while (bars(plans) * bar > target + 0.25 && plans.size() > 2) {
            Plan outro = plans.get(plans.size() - 1);
            if (outro.part() == Part.OUTRO && outro.bars() > 2) {
                plans.set(plans.size() - 1, new Plan(Part.OUTRO, outro.label(), outro.lines(), 2));
                continue;
            }
            Plan removed = plans.remove(plans.size() - 2);
            removed.lines().forEach(l -> dropped.add(l.text()));
        }
        return chosen;
    }

    /** Grows the form by whole bars towards {@code target} seconds of {@code bar}-second bars, never past it. */
    private void grow(List<Plan> plans, double bar, double target) {
        int guard = 0;
        // the form grows by whole bars that still fit: an intro doubled past the target used to be paid for with the
        // last chorus (a 95 s jazz song of two verses and two choruses lost its second chorus and ended 13 s early)
        for (int room = fitting(plans, bar, target); room > 1 && guard++ < 64; room = fitting(plans, bar, target)) {
            Plan first = plans.get(0);
            if (first.part() == Part.INTRO && first.lines().isEmpty() && first.bars() < 8 && !request.continuation()) {
                int grown = Math.min(8, first.bars() + room / 2 * 2); // phrases of two bars
                plans.set(0, new Plan(Part.INTRO, first.label(), List.of(), grown));
                continue;
            }
            int outro = plans.size() - 1;
            Plan lastChorus = null;
            for (Plan p : plans) {
                if (p.part() == Part.CHORUS && !p.lines().isEmpty()) {
                    lastChorus = p;
                }
            }
            if (lastChorus != null && lastChorus.bars() <= room && guard % 2 == 1) {
                plans.add(outro, lastChorus); // sing the chorus once more
            } else {
                plans.add(outro, new Plan(Part.BREAK, "Instrumental", List.of(), Math.min(8, room / 2 * 2)));
            }
        }
    }

    /** Whole bars the form can still grow by without passing {@code target} (a quarter second of slack). */
    private static int fitting(List<Plan> plans, double bar, double target) {
        return (int) Math.floor((target + 0.25) / bar) - bars(plans);
    }

    private static int bars(List<Plan> plans) {
        return plans.stream().mapToInt(Plan::bars).sum();
    }

    private Score build(List<Plan> plans, double songTempo, @Nullable Double target) {
        double bar = 240.0 / songTempo;
        List<Score.Span> spans = new ArrayList<>();
        List<Score.Chord> chords = new ArrayList<>();
        List<Score.Phrase> phrases = new ArrayList<>();
        int barIndex = 0;
        for (int s = 0; s < plans.size(); s++) {
            Plan plan = plans.get(s);
            double start = barIndex * bar;
            int[] progression = progressions[progressionOf(plan.part())];
            boolean last = s == plans.size() - 1;
            for (int b = 0; b < plan.bars(); b++) {
                int degree = last && b >= plan.bars() - 2 ? 0 : progression[b % progression.length];
                chords.add(chord(degree, (barIndex + b) * bar, (barIndex + b + 1) * bar, barIndex + b));
            }
            int lineBar = barIndex;
            for (int i = 0; i < plan.lines().size(); i++) {
                LineSyllables line = plan.lines().get(i);
                int lineBars = barsFor(line);
                boolean cadence = i == plan.lines().size() - 1;
                phrases.add(phrase(plan.part(), i, line, lineBar * bar, lineBars, songTempo, cadence, chords));
                lineBar += lineBars;
            }
            barIndex += plan.bars();
            spans.add(new Score.Span(plan.part(), plan.label(), start, barIndex * bar, plan.bars()));
        }
        double length = target != null ? target : barIndex * bar + RING_OUT; // the last chord rings out
        return new Score(songTempo, key, minor, length, spans, chords, phrases, dropped, List.of());
    }

    private static int progressionOf(Part part) {
        return switch (part) {
            case CHORUS, INTRO, OUTRO, BREAK -> 1;
            case PRE_CHORUS -> 2;
            case BRIDGE -> 3;
            default -> 0;
        };
    }

    private Score.Chord chord(int degree, double start, double end, int bar) {
        int root = Math.floorMod(key + scale[degree % 7], 12);
        boolean chordMinor = (minor ? MINOR_QUALITY : MAJOR_QUALITY)[degree % 7];
        boolean seventh = request.style().genre().has(Genre.Trait.SEVENTHS) && degree != 0;
        return new Score.Chord(start, end, root, chordMinor, seventh, bar);
    }

    // ---------------------------------------------------------------- LRC

    /** A line's time; every line of timed (LRC) lyrics has one. */
    private static double at(Lyrics.Line line) {
        return java.util.Objects.requireNonNull(line.at(), "a line of timed lyrics without its time");
    }

    private Score timed(Map<String, LineSyllables> syllables) {
        double bar = 240.0 / tempo;
        List<Lyrics.Line> lines = request.lyrics().lines();
        Double target = request.length();
        double lastAt = lines.isEmpty() ? 0 : at(lines.get(lines.size() - 1));
        double length = target != null ? target : Math.min(request.maxLength(), lastAt + 4 * bar + 2);
        int totalBars = (int) Math.ceil(length / bar) + 1;
        List<Score.Chord> chords = new ArrayList<>();
        double firstAt = lines.isEmpty() ? length : at(lines.get(0));
        for (int b = 0; b < totalBars; b++) {
            int[] progression = progressions[b * bar >= firstAt ? 0 : 1];
            chords.add(chord(progression[b % 4], b * bar, (b + 1) * bar, b));
        }
        List<Score.Phrase> phrases = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Lyrics.Line line = lines.get(i);
            LineSyllables s = syllables.get(line.text());
            double at = at(line);
            if (at >= length - 0.5) {
                dropped.add(line.text());
                continue;
            }
            if (s == null || s.syllables().isEmpty()) {
                continue;
            }
            double next = i + 1 < lines.size() ? Math.min(at(lines.get(i + 1)), length) : length;
            Score.Phrase phrase = phrase(Part.VERSE, i, s, at, barsFor(s), tempo, i == lines.size() - 1, chords);
            phrases.add(fitBefore(breathBefore(phrase, s, next - bar / 4, bar / 8), s, at, next - 0.08));
        }
        double lastEnd =
                phrases.isEmpty() ? firstAt : phrases.get(phrases.size() - 1).end();
        List<Score.Span> spans = new ArrayList<>();
        if (firstAt > 0) {
            spans.add(
                    new Score.Span(Part.INTRO, "Intro", 0, Math.min(firstAt, length), (int) Math.round(firstAt / bar)));
        }
        spans.add(new Score.Span(Part.VERSE, "LRC", Math.min(firstAt, length), Math.min(lastEnd, length), (int)
                Math.round((lastEnd - firstAt) / bar)));
        spans.add(new Score.Span(
                Part.OUTRO, "Outro", Math.min(lastEnd, length), length, (int) Math.round((length - lastEnd) / bar)));
        return new Score(tempo, key, minor, length, spans, chords, phrases, dropped, List.of());
    }

    /**
     * Takes a breath before {@code limit} out of the phrase's last note, as a singer cuts a held note to breathe before
     * the next line, keeping at least {@code shortest} of it; the rest of the line keeps its grid.
     */
    private static Score.Phrase breathBefore(Score.Phrase phrase, LineSyllables line, double limit, double shortest) {
        List<Score.Note> notes = new ArrayList<>(phrase.notes());
        Score.Note last = notes.get(notes.size() - 1);
        double end = Math.max(limit, last.start() + shortest);
        if (last.end() <= end) {
            return phrase;
        }
        notes.set(notes.size() - 1, new Score.Note(last.start(), end, last.pitch(), last.syllable()));
        return new Score.Phrase(phrase.text(), phrase.part(), notes, words(line, notes));
    }

    /** Squeezes a phrase that starts at {@code start} so it ends by {@code limit}. */
    private static Score.Phrase fitBefore(Score.Phrase phrase, LineSyllables line, double start, double limit) {
        double end = phrase.end();
        if (end <= limit) {
            return phrase;
        }
        double factor = Math.max(0.05, (limit - start) / (end - start));
        List<Score.Note> notes = new ArrayList<>();
        for (Score.Note n : phrase.notes()) {
            notes.add(new Score.Note(
                    start + (n.start() - start) * factor, start + (n.end() - start) * factor, n.pitch(), n.syllable()));
        }
        return new Score.Phrase(phrase.text(), phrase.part(), notes, words(line, notes));
    }

    /** Each word from its first syllable's note start to its last syllable's note end. */
    static List<Score.Word> words(LineSyllables line, List<Score.Note> notes) {
        List<Score.Note> spans = MarySinger.syllableSpans(notes); // a syllable sung on a run ends with its last note
        List<Score.Word> words = new ArrayList<>();
        for (int i = 0; i < line.syllables().size(); i++) {
            LineSyllables.Syllable s = line.syllables().get(i);
            Score.Note note = spans.get(i);
            if (i > 0 && line.syllables().get(i - 1).word() == s.word()) {
                Score.Word w = words.remove(words.size() - 1);
                words.add(new Score.Word(w.word(), w.start(), note.end()));
            } else {
                words.add(new Score.Word(s.wordText(), note.start(), note.end()));
            }
        }
        return words;
    }

    // ---------------------------------------------------------------- melody

    /** A line's melody independent of where it is sung: rhythm in sixteenths and pitches as scale steps. */
    private record Melody(int[] onsets, int[] lengths, int[] steps) {}

    private Score.Phrase phrase(
            Part part,
            int index,
            LineSyllables line,
            double start,
            int bars,
            double songTempo,
            boolean cadence,
            List<Score.Chord> chords) {
        String stress = stressPattern(line);
        String cacheKey = part == Part.CHORUS ? "chorus:" + line.text() : part + ":" + index + ":" + stress;
        Melody melody =
                melodies.computeIfAbsent(cacheKey, k -> melody(part, line, bars, start, songTempo, cadence, chords));
        double sixteenth = 15.0 / songTempo;
        double swing = request.style().genre().swing();
        List<Score.Note> notes = new ArrayList<>();
        int low = request.low();
        int tonic = tonic();
        for (int i = 0; i < melody.steps().length; i++) {
            double noteStart = start + swung(melody.onsets()[i], swing) * sixteenth;
            double noteEnd = start + swung(melody.onsets()[i] + melody.lengths()[i], swing) * sixteenth;
            int pitch = Math.max(low, Math.min(top, midi(tonic, melody.steps()[i])));
            notes.add(new Score.Note(noteStart, noteEnd, pitch, i));
        }
        if (request.style().genre().backing().runs() && !notes.isEmpty()) {
            int last = melody.steps().length - 1;
            // a draw of its own, so the melody's random stream (and every song without runs) stays as it was
            long draw = new SplittableRandom(request.seed() * 0x9E3779B97F4A7C15L + cacheKey.hashCode()).nextLong();
            notes = withRun(notes, melody.steps()[last], draw, sixteenth, tonic);
        }
        return new Score.Phrase(line.text(), part, notes, words(line, notes));
    }

    /** The shortest note of a run: pYIN and listeners need about 150 ms to hear a pitch as a note of its own. */
    static final double RUN_NOTE = 0.15;
    /** The run's target keeps at least this much of the note, so the phrase still ends on a held pitch. */
    static final double RUN_TARGET = 0.25;

    /**
     * A run into the phrase's last note, on its vowel, as soul, gospel and ballad singers end a line: half the lines
     * that end on a long enough note ({@code draw} decides which), as a turn (the step above, the note, the step below,
     * then the note held) or a fall from two steps above. The run's notes are a sixteenth each, 150–200 ms; the note
     * keeps its syllable on every one of them.
     */
    private List<Score.Note> withRun(List<Score.Note> notes, int step, long draw, double sixteenth, int tonic) {
        Score.Note target = notes.get(notes.size() - 1);
        if (Math.floorMod(draw, 2) != 0) {
            return notes;
        }
        int[] shape = Math.floorMod(draw >> 1, 2) == 0 ? new int[] {1, 0, -1} : new int[] {2, 1};
        double each = Math.max(RUN_NOTE, Math.min(0.2, sixteenth));
        if (target.duration() - shape.length * each < RUN_TARGET) {
            return notes;
        }
        List<Score.Note> out = new ArrayList<>(notes.subList(0, notes.size() - 1));
        double t = target.start();
        for (int offset : shape) {
            int pitch = Math.max(request.low(), Math.min(top, midi(tonic, step + offset)));
            out.add(new Score.Note(t, t + each, pitch, target.syllable()));
            t += each;
        }
        out.add(new Score.Note(t, target.end(), target.pitch(), target.syllable()));
        return out;
    }

    /** Swing delays the off-beat eighth (the third sixteenth of each beat). */
    private static double swung(int sixteenths, double swing) {
        return sixteenths % 4 == 2 ? sixteenths + 2 * swing : sixteenths;
    }

    private static String stressPattern(LineSyllables line) {
        StringBuilder s = new StringBuilder();
        line.syllables().forEach(x -> s.append(x.stressed() ? '1' : '0'));
        return s.toString();
    }

    /** The tonic the melody moves around: the key's note nearest a fourth above the bottom of the range. */
    private int tonic() {
        int around = request.low() + 5;
        int below = around - Math.floorMod(around - key, 12);
        return around - below <= 6 ? below : below + 12;
    }

    private Melody melody(
            Part part,
            LineSyllables line,
            int bars,
            double start,
            double songTempo,
            boolean cadence,
            List<Score.Chord> chords) {
        int n = line.syllables().size();
        int available = bars * 16 - 4; // in sixteenths, keeping a breath at the end of the line
        int[] onsets = new int[n];
        int[] lengths = new int[n];
        rhythm(line, available, part == Part.CHORUS ? 4 : 2, onsets, lengths);
        lengths[n - 1] = Math.max(lengths[n - 1], Math.min(8, available - onsets[n - 1]));
        // contour: from a start step to a peak (or a trough) about 60 % through, then to the cadence
        int minStep = -stepsIn(tonic() - request.low());
        int maxStep = stepsIn(top - tonic());
        int startStep = random.nextInt(Math.max(1, Math.min(5, maxStep - 1)));
        int peak = random.nextInt(4) == 0
                ? Math.max(minStep + 1, startStep - 2 - random.nextInt(2))
                : Math.min(maxStep - 1, startStep + 2 + random.nextInt(3));
        double sixteenth = 15.0 / songTempo;
        int[] steps = new int[n];
        int previous = startStep;
        for (int i = 0; i < n; i++) {
            double f = n == 1 ? 1 : i / (double) (n - 1);
            double target = f < 0.6
                    ? startStep + (peak - startStep) * (f / 0.6)
                    : peak + (cadenceStep(cadence) - peak) * ((f - 0.6) / 0.4);
            if (onsets[i] % 4 != 0 && random.nextInt(3) == 0) {
                target += random.nextBoolean() ? 1 : -1; // neighbour and passing tones between the beats
            }
            Score.Chord chord = Score.chordAt(chords, start + onsets[i] * sixteenth);
            int step;
            if (i == n - 1) {
                step = nearestChordStep(
                        cadence ? 0 : (int) Math.round(target),
                        cadence ? new int[] {key} : chord.pitchClasses(),
                        minStep,
                        maxStep);
            } else if (onsets[i] % 4 == 0) {
                step = nearestChordStep((int) Math.round(target), chord.pitchClasses(), minStep, maxStep);
            } else {
                step = (int) Math.round(target);
            }
            step = Math.max(previous - 3, Math.min(previous + 3, step));
            step = Math.max(minStep, Math.min(maxStep, step));
            if (i >= 2 && i < n - 1 && step == steps[i - 1] && step == steps[i - 2]) {
                // a third repeat of one pitch: move a step towards the contour (or away from the edge)
                int away = target >= step ? 1 : -1;
                step = step + away > maxStep || step + away < minStep ? step - away : step + away;
            }
            steps[i] = step;
            previous = step;
        }
        return new Melody(onsets, lengths, steps);
    }

    /**
     * Places syllables on a sixteenth grid so every stressed syllable starts on the {@code grid} (in sixteenths): the
     * unstressed ones before the first stress lead into it, those between two stresses share the gap as eighths
     * (sixteenths when the line is crowded), and spare room lengthens the stressed notes a grid step at a time, from the
     * first. A line with too many syllables for that falls back to even sixteenths.
     *
     * <p>Choruses put their stresses on the beat (grid 4) and hold them; the other parts tell their story on eighths
     * (grid 2, a stress on the beat or the off-beat between), as pop verses do. A beat per stressed word is far slower
     * than speech (0.6 s at 101 bpm, where speech takes about 0.2 s a syllable), and the recogniser loses the words: on
     * eighths the bench's pop song read 22.5 % of its sung words against 17.1 % (pocketsphinx on the dry vocal, mean of
     * seeds 1-8, {@code tools/intelligibility_seeds.py}, 2026-12-07; better on 7 seeds of 8). Verses on sixteenths
     * (0.15 s at 101 bpm) were worse than either, 12.5 %: the grid goes no finer.
     */
    private void rhythm(LineSyllables line, int available, int grid, int[] onsets, int[] lengths) {
        int n = line.syllables().size();
        List<Integer> stresses = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (line.syllables().get(i).stressed()) {
                stresses.add(i);
            }
        }
        if (stresses.isEmpty()) {
            stresses.add(0);
        }
        for (int unit : new int[] {2, 1}) {
            // grid steps needed after each stress: the stressed note plus the unstressed notes until the next stress
            int pickup = stresses.get(0);
            int lead = (int) Math.ceil(pickup * unit / 4.0) * 4;
            int[] gaps = new int[stresses.size()];
            int total = lead;
            for (int s = 0; s < stresses.size(); s++) {
                int until = s + 1 < stresses.size() ? stresses.get(s + 1) : n;
                int notes = until - stresses.get(s);
                gaps[s] = Math.max(grid, (int) Math.ceil(notes * unit / (double) grid) * grid);
                total += gaps[s];
            }
            if (total > available) {
                continue;
            }
            for (int s = 0; total + grid <= available * 0.85 && s < gaps.length * 2; s++) {
                gaps[s % gaps.length] += grid;
                total += grid;
            }
            int position = lead - pickup * unit;
            for (int i = 0; i < pickup; i++) {
                onsets[i] = position;
                lengths[i] = unit;
                position += unit;
            }
            for (int s = 0; s < stresses.size(); s++) {
                int first = stresses.get(s);
                int until = s + 1 < stresses.size() ? stresses.get(s + 1) : n;
                int beatStart = position;
                int others = until - first - 1;
                int stressedLength = gaps[s] - others * unit;
                onsets[first] = beatStart;
                lengths[first] = stressedLength;
                position = beatStart + stressedLength;
                for (int i = first + 1; i < until; i++) {
                    onsets[i] = position;
                    lengths[i] = unit;
                    position += unit;
                }
            }
            return;
        }
        int unit = Math.max(1, available / n);
        for (int i = 0; i < n; i++) {
            onsets[i] = i * unit;
            lengths[i] = unit;
        }
    }

    private int cadenceStep(boolean cadence) {
        return cadence ? 0 : 2 + 2 * random.nextInt(2);
    }

    /** Scale steps from the tonic that fit in {@code semitones} (0 when there is no room). */
    private int stepsIn(int semitones) {
        int steps = 0;
        while (semitones > 0 && scale[(steps + 1) % 7] + 12 * ((steps + 1) / 7) <= semitones) {
            steps++;
        }
        return steps;
    }

    private int midi(int tonic, int step) {
        return tonic + scale[Math.floorMod(step, 7)] + 12 * Math.floorDiv(step, 7);
    }

    /** The scale step nearest {@code target} whose pitch class is in {@code pitchClasses}. */
    private int nearestChordStep(int target, int[] pitchClasses, int minStep, int maxStep) {
        int best = target;
        int bestDistance = Integer.MAX_VALUE;
        for (int step = minStep; step <= maxStep; step++) {
            int pc = Math.floorMod(key + scale[Math.floorMod(step, 7)], 12);
            for (int c : pitchClasses) {
                if (c == pc && Math.abs(step - target) < bestDistance) {
                    bestDistance = Math.abs(step - target);
                    best = step;
                }
            }
        }
        return best;
    }
}
