package dev.cantata.music;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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

    private static final Pattern TIME = Pattern.compile("\\[(\\d{1,3}):(\\d{2})(?:[.:](\\d{1,3}))?\\]");
    private static final Pattern META =
            Pattern.compile("\\[(ti|ar|al|au|by|length|offset|re|ve|#)\\s*:[^\\]]*\\]", Pattern.CASE_INSENSITIVE);
    private static final Pattern SECTION = Pattern.compile("\\[([^\\]\\d:][^\\]]*)\\]\\s*");

    /** Parses either format: a text whose first meaningful line starts with a time tag is LRC. */
    public static Lyrics parse(String text) {
        String normalised = text.replace("\r\n", "\n").replace('\r', '\n');
        for (String raw : normalised.split("\n")) {
            String line = raw.strip();
            if (line.isEmpty() || META.matcher(line).matches()) {
                continue;
            }
            return TIME.matcher(line).lookingAt() ? parseLrc(normalised) : parseMarkup(normalised);
        }
        return NONE;
    }

    /** Parses LRC. A line that is neither empty, metadata nor {@code [time]text} is an error naming its number. */
    public static Lyrics parseLrc(String text) {
        List<Line> lines = new ArrayList<>();
        String[] raw = text.replace("\r\n", "\n").replace('\r', '\n').split("\n");
        double previous = -1;
        for (int i = 0; i < raw.length; i++) {
            String line = raw[i].strip();
            if (line.isEmpty() || META.matcher(line).matches()) {
                continue;
            }
            Matcher m = TIME.matcher(line);
            if (!m.lookingAt()) {
                throw new LyricsException(
                        "LRC line " + (i + 1) + " has no [mm:ss.xx] time tag: \"" + abbreviate(line) + "\"");
            }
            int seconds = Integer.parseInt(m.group(2));
            if (seconds >= 60) {
                throw new LyricsException("LRC line " + (i + 1) + " has " + seconds + " seconds in its time tag");
            }
            double fraction = m.group(3) == null ? 0 : Double.parseDouble("0." + m.group(3));
            double at = Integer.parseInt(m.group(1)) * 60 + seconds + fraction;
            String words = line.substring(m.end()).strip();
            while (TIME.matcher(words).lookingAt()) { // repeated tags ("[00:10][00:40]chorus") keep the first time
                words = words.substring(TIME.matcher(words)
                                .results()
                                .findFirst()
                                .orElseThrow()
                                .end())
                        .strip();
            }
            if (at < previous) {
                throw new LyricsException(
                        "LRC line " + (i + 1) + " starts at " + m.group() + ", before the line above it");
            }
            previous = at;
            if (!words.isEmpty()) {
                lines.add(new Line(words, at));
            }
        }
        return new Lyrics(lines.isEmpty() ? List.of() : List.of(new Section(Part.VERSE, "LRC", lines)), true);
    }

    /** Parses Suno-style markup; text before any tag, and stanzas without tags, become verses and choruses. */
    public static Lyrics parseMarkup(String text) {
        List<Section> sections = new ArrayList<>();
        Part part = null;
        String label = "";
        List<Line> lines = new ArrayList<>();
        boolean tagged = false;
        for (String raw : text.replace("\r\n", "\n").split("\n")) {
            String line = raw.strip();
            Matcher m = SECTION.matcher(line);
            if (m.lookingAt()) {
                if (part != null || !lines.isEmpty()) {
                    sections.add(
                            new Section(part == null ? Part.VERSE : part, label.isEmpty() ? "Verse" : label, lines));
                }
                label = m.group(1).strip();
                part = Part.of(label);
                lines = new ArrayList<>();
                tagged = true;
                line = line.substring(m.end()).strip();
                if (line.isEmpty()) {
                    continue;
                }
            }
            if (line.isEmpty()) {
                if (!tagged && !lines.isEmpty()) { // untagged stanzas split at blank lines
                    sections.add(new Section(Part.VERSE, "Verse", lines));
                    lines = new ArrayList<>();
                }
                continue;
            }
            line = line.replaceAll("^\\((.*)\\)$", "$1"); // "(ooh)" backing lines are sung too
            if (!line.isBlank()) {
                lines.add(new Line(line, null));
            }
        }
        if (part != null || !lines.isEmpty()) {
            sections.add(new Section(part == null ? Part.VERSE : part, label.isEmpty() ? "Verse" : label, lines));
        }
        return new Lyrics(tagged ? sections : chorusesFromRepeats(sections), false);
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
