package dev.cantata.music;

import dev.cantata.speech.Coverage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Song lyrics: sections of lines, each line optionally with the time it must start at (LRC). Parsed from Suno's
 * section markup ({@code [Verse 1]}, {@code [Chorus]}, free lines, blank lines between stanzas) or from LRC
 * ({@code [mm:ss.xx]line}; {@code [mm:ss]}, {@code [mm:ss.x]}, {@code [mm:ss.xxx]} too; metadata tags ignored).
 */
public record Lyrics(List<Section> sections, boolean timed) {

    /** What part of a song a section is. */
    public enum Part {
        INTRO,
        VERSE,
        PRE_CHORUS,
        CHORUS,
        BRIDGE,
        BREAK,
        OUTRO;

        static Part of(String name) {
            String n = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
            if (n.startsWith("intro")) {
                return INTRO;
            }
            if (n.startsWith("prechorus") || n.startsWith("build")) {
                return PRE_CHORUS;
            }
            if (n.startsWith("chorus") || n.startsWith("refrain") || n.startsWith("hook")) {
                return CHORUS;
            }
            if (n.startsWith("bridge") || n.startsWith("middle")) {
                return BRIDGE;
            }
            if (n.startsWith("outro") || n.startsWith("end") || n.startsWith("coda")) {
                return OUTRO;
            }
            if (n.startsWith("instrumental")
                    || n.startsWith("break")
                    || n.startsWith("solo")
                    || n.startsWith("interlude")) {
                return BREAK;
            }
            return VERSE;
        }
    }

    /** One line to sing; {@code at} is its LRC start in seconds, if timed. */
    public record Line(String text, @Nullable Double at) {}

    /** A section with its lines (an instrumental section has none). */
    public record Section(Part part, String label, List<Line> lines) {
        public Section {
            lines = List.copyOf(lines);
        }
    }

    public Lyrics {
        sections = List.copyOf(sections);
    }

    public static final Lyrics NONE = new Lyrics(List.of(), false);

    /** True when there is nothing to sing. */
    public boolean instrumental() {
        return sections.stream().allMatch(s -> s.lines().isEmpty());
    }

    public List<Line> lines() {
        return sections.stream().flatMap(s -> s.lines().stream()).toList();
    }

    /**
     * A line, or part of one, that is not sung because the voices cannot pronounce it ({@link Coverage}).
     *
     * @param line the lyric line
     * @param skipped the characters left out (the whole line when none of it is sung)
     * @param reason what they are, e.g. {@code "4 characters in Han script (Chinese, Japanese)"}
     */
    public record Unsung(String line, String skipped, String reason) {}

    /**
     * What is sung, in which language, for people: {@code "Sung in Chinese (Mandarin), 8 lines, and English, 2
     * lines."}; empty for an instrumental or lyrics none of which can be sung.
     */
    public String sungLanguages() {
        int mandarin = 0;
        int english = 0;
        for (Line line : lines()) {
            if (Coverage.of(line.text(), Coverage.SUNG).nothingSpoken()) {
                continue;
            }
            if (Singers.isMandarin(line.text())) {
                mandarin++;
            } else {
                english++;
            }
        }
        List<String> parts = new ArrayList<>();
        if (mandarin > 0) {
            parts.add("Chinese (Mandarin), " + mandarin + (mandarin == 1 ? " line" : " lines"));
        }
        if (english > 0) {
            parts.add("English, " + english + (english == 1 ? " line" : " lines"));
        }
        return parts.isEmpty() ? "" : "Sung in " + String.join(", and ", parts) + ".";
    }

    /** The lines, or parts of lines, the voices cannot pronounce, in order; each distinct line once. */
    public List<Unsung> unsung() {
        List<Unsung> out = new ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (Line line : lines()) {
            Coverage coverage = Coverage.of(line.text(), Coverage.SUNG);
            if (!coverage.complete() && seen.add(line.text())) {
                String skipped =
                        coverage.nothingSpoken() ? line.text() : Coverage.unspokenText(line.text(), Coverage.SUNG);
                out.add(new Unsung(line.text(), skipped, coverage.unspokenSummary()));
            }
        }
        return out;
    }

    /**
     * These lyrics, if a voice can sing some of them: lyrics whose every line holds nothing the voices pronounce would
     * make a song of silent vocals, so they are refused with what they hold.
     */
    private Lyrics singable() {
        List<Line> all = lines();
        if (all.isEmpty()
                || all.stream()
                        .anyMatch(l -> !Coverage.of(l.text(), Coverage.SUNG).nothingSpoken())) {
            return this;
        }
        StringBuilder text = new StringBuilder();
        all.forEach(l -> text.append(l.text()).append('\n'));
        throw new LyricsException(
                "no line can be sung: " + Coverage.of(text, Coverage.SUNG).whyNothingSung());
    }

    /** Timed lyrics with every line {@code seconds} later (lines moved before zero are dropped); untimed ones as they are. */
    public Lyrics shifted(double seconds) {
        if (!timed) {
            return this;
        }
        List<Section> moved = new ArrayList<>();
        for (Section section : sections) {
            List<Line> lines = new ArrayList<>();
            for (Line line : section.lines()) {
                if (line.at() != null && line.at() + seconds >= 0) {
                    lines.add(new Line(line.text(), line.at() + seconds));
                }
            }
            moved.add(new Section(section.part(), section.label(), lines));
        }
        return new Lyrics(moved, true);
    }

    /** A lyrics text that breaks a rule; the message names the line. */
    public static final class LyricsException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        LyricsException(String message) {
            super(message);
        }
    }

    /**
     * The most a song's lyrics may hold, chosen from what the longest song ({@value SongSpec#MAX_LENGTH} s) can sing.
     * A line takes two bars (four when long), so even at 160 bpm a 600 s song holds about 200 lines: more is not a song
     * but an attack or a mistake. Forty sections leave 15 s a section at that length. A sung line of 300 characters
     * is some 75 syllables, more than the four bars a long line gets can carry.
     */
    public static final int MAX_LINES = 200;
    /** See {@link #MAX_LINES}. */
    public static final int MAX_SECTIONS = 40;
    /** See {@link #MAX_LINES}. */
    public static final int MAX_LINE_CHARACTERS = 300;
    /** The whole text: every line at its longest, with room for tags and blank lines. */
    public static final int MAX_CHARACTERS = 100_000;

    private static final java.util.Set<String> META_TAGS =
            java.util.Set.of("ti", "ar", "al", "au", "by", "length", "offset", "re", "ve", "#");

    /**
     * Parses either format: a text whose first meaningful line starts with a time tag is LRC.
     *
     * @throws LyricsException when the text breaks a rule or a limit ({@link #MAX_LINES} and the others); the message
     *     names the line and the limit
     */
    public static Lyrics parse(String text) {
        String[] raw = lines(text);
        for (String r : raw) {
            String line = r.strip();
            if (line.isEmpty() || isMeta(line)) {
                continue;
            }
            return (time(line, 0) != null ? parseLrc(raw) : parseMarkup(raw)).singable();
        }
        return NONE;
    }

    /** Parses LRC. A line that is neither empty, metadata nor {@code [time]text} is an error naming its number. */
    public static Lyrics parseLrc(String text) {
        return parseLrc(lines(text)).singable();
    }

    private static Lyrics parseLrc(String[] raw) {
        Lrc lrc = readLrc(raw);
        if (!lrc.skipped().isEmpty()) {
            throw new LyricsException(lrc.skipped().get(0).toString());
        }
        return lrc.lyrics();
    }

    /** An LRC line that was not read, and why. */
    public record SkippedLine(int number, String reason) {
        /** {@code LRC line 3 has no [mm:ss.xx] time tag: "…"}. */
        @Override
        public String toString() {
            return "LRC line " + number + " " + reason;
        }
    }

    /**
     * LRC lyrics read as DiffRhythm's reader reads them, which skips every line it cannot parse: the lyrics, the lines
     * skipped, and the file without them ({@code kept}, which {@link #parse} reads as these lyrics).
     */
    public record Lrc(Lyrics lyrics, List<SkippedLine> skipped, String kept) {
        public Lrc {
            skipped = List.copyOf(skipped);
        }
    }

    /**
     * Reads LRC leniently: a line that is neither empty, metadata nor {@code [mm:ss.xx]text}, or that starts before
     * the line above it (which Cantata cannot sing in order), is skipped and reported with its number. Seconds past 59
     * count on, as upstream counts them ({@code [00:75.00]} is 75 s).
     *
     * @throws LyricsException when the text is over a limit ({@link #MAX_LINES} and the others), or when no line it
     *     read can be sung
     */
    public static Lrc readLrc(String text) {
        Lrc lrc = readLrc(lines(text));
        lrc.lyrics().singable();
        return lrc;
    }

    private static Lrc readLrc(String[] raw) {
        List<Line> lines = new ArrayList<>();
        List<SkippedLine> skipped = new ArrayList<>();
        StringBuilder kept = new StringBuilder();
        double previous = -1;
        for (int i = 0; i < raw.length; i++) {
            String line = raw[i].strip();
            if (line.isEmpty() || isMeta(line)) {
                kept.append(raw[i]).append('\n');
                continue;
            }
            Time time = time(line, 0);
            if (time == null) {
                skipped.add(new SkippedLine(i + 1, "has no [mm:ss.xx] time tag: \"" + abbreviate(line) + "\""));
                continue;
            }
            if (time.at() < previous) {
                skipped.add(new SkippedLine(
                        i + 1, "starts at " + line.substring(0, time.end()) + ", before the line above it"));
                continue;
            }
            int at = skipSpace(line, time.end());
            for (Time repeated = time(line, at); repeated != null; repeated = time(line, at)) {
                at = skipSpace(line, repeated.end()); // repeated tags ("[00:10][00:40]chorus") keep the first time
            }
            String words = clean(line.substring(at)).strip();
            previous = time.at();
            kept.append(raw[i]).append('\n');
            if (!words.isEmpty()) {
                checkLine(i, words);
                lines.add(new Line(words, time.at()));
                if (lines.size() > MAX_LINES) {
                    throw tooManyLines();
                }
            }
        }
        Lyrics lyrics = new Lyrics(lines.isEmpty() ? List.of() : List.of(new Section(Part.VERSE, "LRC", lines)), true);
        return new Lrc(lyrics, skipped, kept.toString());
    }

    /** Parses Suno-style markup; text before any tag, and stanzas without tags, become verses and choruses. */
    public static Lyrics parseMarkup(String text) {
        return parseMarkup(lines(text)).singable();
    }

    private static Lyrics parseMarkup(String[] raw) {
        List<Section> sections = new ArrayList<>();
        Part part = null;
        String label = "";
        List<Line> lines = new ArrayList<>();
        boolean tagged = false;
        int count = 0;
        for (int i = 0; i < raw.length; i++) {
            String line = raw[i].strip();
            int close = sectionTagEnd(line);
            if (close > 0) {
                if (part != null || !lines.isEmpty()) {
                    addSection(sections, part, label, lines);
                }
                label = clean(line.substring(1, close)).strip();
                if (label.length() > MAX_LABEL) {
                    throw new LyricsException("lyrics line " + (i + 1) + " has a section tag of " + label.length()
                            + " characters; a tag has at most " + MAX_LABEL);
                }
                part = Part.of(label);
                lines = new ArrayList<>();
                tagged = true;
                line = line.substring(close + 1).strip();
                if (line.isEmpty()) {
                    continue;
                }
            }
            if (line.isEmpty()) {
                if (!tagged && !lines.isEmpty()) { // untagged stanzas split at blank lines
                    addSection(sections, Part.VERSE, "Verse", lines);
                    lines = new ArrayList<>();
                }
                continue;
            }
            if (line.length() >= 2 && line.charAt(0) == '(' && line.charAt(line.length() - 1) == ')') {
                line = line.substring(1, line.length() - 1); // "(ooh)" backing lines are sung too
            }
            line = clean(line).strip();
            if (!line.isEmpty()) {
                checkLine(i, line);
                lines.add(new Line(line, null));
                if (++count > MAX_LINES) {
                    throw tooManyLines();
                }
            }
        }
        if (part != null || !lines.isEmpty()) {
            addSection(sections, part, label, lines);
        }
        return new Lyrics(tagged ? sections : chorusesFromRepeats(sections), false);
    }

    /** A section tag longer than this is not a tag anyone means. */
    static final int MAX_LABEL = 60;

    private static void addSection(List<Section> sections, @Nullable Part part, String label, List<Line> lines) {
        if (sections.size() == MAX_SECTIONS) {
            throw new LyricsException("the lyrics have more than " + MAX_SECTIONS
                    + " sections (tags or stanzas); a song of at most " + SongSpec.MAX_LENGTH + " s holds "
                    + MAX_SECTIONS);
        }
        sections.add(new Section(part == null ? Part.VERSE : part, label.isEmpty() ? "Verse" : label, lines));
    }

    private static LyricsException tooManyLines() {
        return new LyricsException("the lyrics have more than " + MAX_LINES + " lines to sing; a song of at most "
                + SongSpec.MAX_LENGTH + " s holds " + MAX_LINES);
    }

    private static void checkLine(int index, String line) {
        if (line.length() > MAX_LINE_CHARACTERS) {
            throw new LyricsException("lyrics line " + (index + 1) + " has " + line.length()
                    + " characters; a line has at most " + MAX_LINE_CHARACTERS + ": \"" + abbreviate(line) + "\"");
        }
    }

    /** The text's lines, after refusing a text too long to be lyrics (before any work in proportion to it). */
    private static String[] lines(String text) {
        if (text.length() > MAX_CHARACTERS) {
            throw new LyricsException(
                    "the lyrics are " + text.length() + " characters long; at most " + MAX_CHARACTERS + " are read");
        }
        return text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
    }

    /**
     * Where the closing bracket of a section tag at the start of {@code line} is, or -1. A tag is {@code [name]} whose
     * name does not start with a digit or a colon (those are LRC times) and holds no bracket.
     */
    private static int sectionTagEnd(String line) {
        if (line.length() < 3 || line.charAt(0) != '[') {
            return -1;
        }
        char first = line.charAt(1);
        if (first == ']' || first == ':' || (first >= '0' && first <= '9')) {
            return -1;
        }
        for (int i = 1; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == ']') {
                return i;
            }
            if (c == '[') {
                return -1;
            }
        }
        return -1;
    }

    /** A whole line {@code [ti: …]}: LRC metadata, ignored. */
    private static boolean isMeta(String line) {
        if (line.length() < 3 || line.charAt(0) != '[' || line.charAt(line.length() - 1) != ']') {
            return false;
        }
        int colon = line.indexOf(':');
        if (colon < 0 || line.indexOf(']') != line.length() - 1) {
            return false;
        }
        String name = line.substring(1, colon).strip().toLowerCase(Locale.ROOT);
        return META_TAGS.contains(name);
    }

    /** An LRC time tag: where it ends, and its time. */
    private record Time(int end, double at) {}

    /** Reads {@code [m:ss]}, {@code [mm:ss.x]}, {@code [mmm:ss.xxx]} (or {@code :} before the fraction) at {@code from}. */
    private static @Nullable Time time(String line, int from) {
        int i = from;
        if (i >= line.length() || line.charAt(i) != '[') {
            return null;
        }
        i++;
        int minutes = 0;
        int digits = 0;
        while (i < line.length() && isDigit(line.charAt(i)) && digits < 4) {
            minutes = minutes * 10 + (line.charAt(i++) - '0');
            digits++;
        }
        if (digits < 1 || digits > 3 || i >= line.length() || line.charAt(i) != ':') {
            return null;
        }
        i++;
        if (i + 2 > line.length() || !isDigit(line.charAt(i)) || !isDigit(line.charAt(i + 1))) {
            return null;
        }
        int seconds = (line.charAt(i) - '0') * 10 + (line.charAt(i + 1) - '0');
        i += 2;
        double fraction = 0;
        if (i < line.length() && (line.charAt(i) == '.' || line.charAt(i) == ':')) {
            i++;
            int numerator = 0;
            int denominator = 1;
            while (i < line.length() && isDigit(line.charAt(i)) && denominator <= 1000) {
                numerator = numerator * 10 + (line.charAt(i++) - '0');
                denominator *= 10;
            }
            if (denominator == 1 || denominator > 1000) {
                return null;
            }
            fraction = numerator / (double) denominator; // as exact as parsing "0.xx"
        }
        if (i >= line.length() || line.charAt(i) != ']') {
            return null;
        }
        return new Time(i + 1, minutes * 60 + seconds + fraction);
    }

    private static int skipSpace(String line, int from) {
        int at = from;
        while (at < line.length() && Character.isWhitespace(line.charAt(at))) {
            at++;
        }
        return at;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /**
     * A lyric's text as it may be sung: noncharacters and lone surrogates dropped (they carry no sound and MaryTTS's
     * XML cannot hold them), control characters (tabs, C1 controls) made spaces, every other character kept.
     */
    static String clean(String text) {
        String clean = dev.cantata.speech.SpeechText.clean(text);
        StringBuilder out = new StringBuilder(clean.length());
        for (int i = 0; i < clean.length(); i++) {
            char c = clean.charAt(i);
            if (Character.isISOControl(c)) {
                out.append(' ');
            } else if (c != '\uFFFD') { // what is left of a lone surrogate
                out.append(c);
            }
        }
        return out.toString();
    }

    /** Untagged stanzas: one that occurs more than once is the chorus. */
    private static List<Section> chorusesFromRepeats(List<Section> stanzas) {
        List<Section> out = new ArrayList<>();
        for (Section s : stanzas) {
            long same =
                    stanzas.stream().filter(o -> o.lines().equals(s.lines())).count();
            out.add(same > 1 ? new Section(Part.CHORUS, "Chorus", s.lines()) : s);
        }
        return out;
    }

    private static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 37) + "...";
    }
}
