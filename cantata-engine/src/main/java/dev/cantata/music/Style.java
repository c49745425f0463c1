package dev.cantata.music;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A style read from free text: tags ({@code pop metal male melancholic}) or a sentence ({@code folk, acoustic guitar,
 * harmonica, touching}). Everything it recognises is kept; every word it does not know is listed in {@link #unknown}.
 *
 * @param genre the first genre named (pop when none)
 * @param moods mood words recognised, in order
 * @param instruments General MIDI programs named (to be heard)
 * @param voice {@code male}, {@code female} or {@code duet}, or null to let the genre decide
 * @param tempo explicit BPM, or null
 * @param tempoHint -1 slow, +1 fast, 0 none (from words like {@code slow}, {@code upbeat} or moods)
 * @param key tonic pitch class 0–11, or null
 * @param minor explicit mode, or null
 * @param keyChange whether the last chorus lifts a step: true when the style asks for a key change, false when it
 *     forbids one (or the song must stay in the key of audio it joins), null to let the genre and the seed decide
 */
public record Style(
        Genre genre,
        List<String> moods,
        List<Integer> instruments,
        @Nullable String voice,
        @Nullable Double tempo,
        int tempoHint,
        @Nullable Integer key,
        @Nullable Boolean minor,
        @Nullable Boolean keyChange,
        List<String> unknown,
        String text) {

    /** Mood words and what they imply: tempo direction and minor-key weight. */
    static final Map<String, double[]> MOODS = new LinkedHashMap<>();

    static {
        for (String m : List.of(
                "happy",
                "joyful",
                "uplifting",
                "cheerful",
                "bright",
                "playful",
                "hopeful",
                "triumphant",
                "energetic",
                "euphoric",
                "party",
                "fun")) {
            MOODS.put(m, new double[] {1, -0.3});
        }
        for (String m : List.of(
                "sad",
                "melancholic",
                "melancholy",
                "dark",
                "somber",
                "lonely",
                "heartbroken",
                "moody",
                "haunting",
                "nostalgic",
                "bittersweet",
                "angry",
                "aggressive",
                "tense",
                "mysterious")) {
            MOODS.put(m, new double[] {-0.5, 0.4});
        }
        for (String m : List.of(
                "calm",
                "peaceful",
                "relaxing",
                "dreamy",
                "romantic",
                "tender",
                "touching",
                "gentle",
                "soft",
                "warm",
                "emotional",
                "epic",
                "powerful",
                "intense",
                "chill",
                "mellow")) {
            MOODS.put(
                    m, new double[] {m.equals("epic") || m.equals("powerful") || m.equals("intense") ? 0.5 : -0.6, 0});
        }
    }

    /** General MIDI names (as words) and common aliases → programs. */
    static final Map<String, Integer> INSTRUMENTS = new LinkedHashMap<>();

    static {
        String[] gm = {
            "acoustic grand piano",
            "bright acoustic piano",
            "electric grand piano",
            "honky-tonk piano",
            "electric piano",
            "electric piano 2",
            "harpsichord",
            "clavinet",
            "celesta",
            "glockenspiel",
            "music box",
            "vibraphone",
            "marimba",
            "xylophone",
            "tubular bells",
            "dulcimer",
            "drawbar organ",
            "percussive organ",
            "rock organ",
            "church organ",
            "reed organ",
            "accordion",
            "harmonica",
            "tango accordion",
            "nylon guitar",
            "steel guitar",
            "jazz guitar",
            "clean guitar",
            "muted guitar",
            "overdriven guitar",
            "distortion guitar",
            "guitar harmonics",
            "acoustic bass",
            "fingered bass",
            "picked bass",
            "fretless bass",
            "slap bass",
            "slap bass 2",
            "synth bass",
            "synth bass 2",
            "violin",
            "viola",
            "cello",
            "contrabass",
            "tremolo strings",
            "pizzicato strings",
            "orchestral harp",
            "timpani",
            "string ensemble",
            "string ensemble 2",
            "synth strings",
            "synth strings 2",
            "choir aahs",
            "voice oohs",
            "synth voice",
            "orchestra hit",
            "trumpet",
            "trombone",
            "tuba",
            "muted trumpet",
            "french horn",
            "brass section",
            "synth brass",
            "synth brass 2",
            "soprano sax",
            "alto sax",
            "tenor sax",
            "baritone sax",
            "oboe",
            "english horn",
            "bassoon",
            "clarinet",
            "piccolo",
            "flute",
            "recorder",
            "pan flute",
            "blown bottle",
            "shakuhachi",
            "whistle",
            "ocarina",
            "square lead",
            "saw lead",
            "calliope lead",
            "chiff lead",
            "charang",
            "voice lead",
            "fifths lead",
            "bass lead",
            "new age pad",
            "warm pad",
            "polysynth",
            "choir pad",
            "bowed pad",
            "metallic pad",
            "halo pad",
            "sweep pad",
            "rain",
            "soundtrack",
            "crystal",
            "atmosphere",
            "brightness",
            "goblins",
            "echoes",
            "sci-fi",
            "sitar",
            "banjo",
            "shamisen",
            "koto",
            "kalimba",
            "bagpipe",
            "fiddle",
            "shanai",
            "tinkle bell",
            "agogo",
            "steel drums",
            "woodblock",
            "taiko drum",
            "melodic tom",
            "synth drum",
            "reverse cymbal"
        };
        for (int i = 0; i < gm.length; i++) {
            INSTRUMENTS.put(gm[i], i);
        }
        Object[][] aliases = {
            {"piano", 0},
            {"grand piano", 0},
            {"keys", 4},
            {"rhodes", 4},
            {"wurlitzer", 5},
            {"organ", 16},
            {"hammond", 16},
            {"guitar", 25},
            {"acoustic guitar", 25},
            {"classical guitar", 24},
            {"spanish guitar", 24},
            {"electric guitar", 27},
            {"distorted guitar", 30},
            {"bass guitar", 33},
            {"bass", 33},
            {"upright bass", 32},
            {"double bass", 32},
            {"strings", 48},
            {"orchestra", 48},
            {"harp", 46},
            {"choir", 52},
            {"sax", 65},
            {"saxophone", 65},
            {"horns", 61},
            {"brass", 61},
            {"synth", 81},
            {"synthesizer", 81},
            {"synths", 81},
            {"pad", 89},
            {"pads", 89},
            {"bells", 14},
            {"mandolin", 105},
            {"ukulele", 24},
            {"horn", 60},
            {"cello", 42},
            {"violins", 48},
            {"trumpets", 56},
            {"flutes", 73},
            {"steel drum", 114},
            {"accordion", 21},
            {"harmonica", 22},
            {"banjo", 105},
            {"fiddle", 110},
            {"sitar", 104},
            {"kalimba", 108},
            {"marimba", 12},
            {"vibes", 11},
            {"glockenspiel", 9},
            {"flute", 73},
            {"clarinet", 71},
            {"trumpet", 56},
            {"violin", 40},
            {"viola", 41}
        };
        for (Object[] alias : aliases) {
            INSTRUMENTS.put((String) alias[0], (Integer) alias[1]);
        }
    }

    private static final List<String> MALE = List.of("male", "man", "boy", "baritone", "tenor");
    private static final List<String> FEMALE = List.of("female", "woman", "girl", "soprano", "alto");
    private static final List<String> SLOW = List.of("slow", "slower", "downtempo");
    private static final List<String> FAST = List.of("fast", "upbeat", "uptempo", "driving");

    /**
     * The words {@link #parse} knows, by what they set (genres with their other names, moods, instruments, voices,
     * tempo, mode), in the order it lists them: what a front end offers while a style is typed. Tempo in BPM ({@code
     * 120 bpm}) and a key ({@code in D minor}) are read too.
     */
    public static Map<String, List<String>> vocabulary() {
        Map<String, List<String>> words = new LinkedHashMap<>();
        List<String> genres = new ArrayList<>();
        for (Genre g : Genre.values()) {
            genres.add(g.wireName());
            genres.addAll(g.aliases());
        }
        words.put("genres", List.copyOf(genres));
        words.put("moods", List.copyOf(MOODS.keySet()));
        words.put("instruments", List.copyOf(INSTRUMENTS.keySet()));
        List<String> voices = new ArrayList<>(MALE);
        voices.addAll(FEMALE);
        voices.add("duet");
        words.put("voices", List.copyOf(voices));
        List<String> tempo = new ArrayList<>(SLOW);
        tempo.addAll(FAST);
        words.put("tempo", List.copyOf(tempo));
        words.put("mode", List.of("major", "minor"));
        words.put("key_change", List.of("key change", "modulation", "no key change"));
        return words;
    }

    private static final String[] NOTE_NAMES = {"c", "c#", "d", "d#", "e", "f", "f#", "g", "g#", "a", "a#", "b"};
    private static final Set<String> FILLER = Set.of(
            "a",
            "an",
            "the",
            "and",
            "with",
            "of",
            "in",
            "on",
            "style",
            "song",
            "music",
            "track",
            "vocals",
            "vocal",
            "voice",
            "beat",
            "beats",
            "feel",
            "vibe",
            "vibes",
            "sound",
            "like",
            "some",
            "very",
            "bit",
            "little",
            "key",
            "tempo",
            "instrumental",
            "singer",
            "sung",
            "by",
            "for",
            "to",
            "featuring",
            "feat",
            "lots",
            "heavy",
            "light");
    private static final Pattern BPM = Pattern.compile("(\\d{2,3})\\s*(?:bpm|beats per minute)");
    private static final Pattern KEY =
            Pattern.compile("\\b(?:in\\s+)?([a-g])\\s*(#|sharp|b|flat)?\\s+(major|minor|maj|min)\\b");
    /** A key change asked for ("key change", "modulation", "truck driver's gear change"), or refused with "no". */
    private static final Pattern KEY_CHANGE = Pattern.compile(
            " (no |without )?(?:a |any )?(?:key changes?|key lift|modulations?|modulating|modulates|truck driver'?s?"
                    + " gear change) ");

    /**
     * This style with its tempo, key and mode fixed, as a continuation or an edit needs them to match existing audio
     * (a tempo need not be a whole number there), and so without a key change of its own.
     */
    public Style pinned(double bpm, int tonic, boolean minorMode) {
        return new Style(
                genre,
                moods,
                instruments,
                voice,
                bpm,
                tempoHint,
                Math.floorMod(tonic, 12),
                minorMode,
                false,
                unknown,
                text);
    }

    /** Reads a style from free text; never fails, unknown words are kept in {@link #unknown}. */
    public static Style parse(String text) {
        String t = " "
                + text.toLowerCase(Locale.ROOT)
                        .replaceAll("[,;/|+.!()\\[\\]]", " ")
                        .replaceAll("\\s+", " ") + " ";
        Set<String> used = new LinkedHashSet<>();
        Double tempo = null;
        Matcher bpm = BPM.matcher(t);
        if (bpm.find()) {
            tempo = (double) Math.max(40, Math.min(220, Integer.parseInt(bpm.group(1))));
            t = t.replace(bpm.group(), " ");
        }
        Integer key = null;
        Boolean minor = null;
        Matcher k = KEY.matcher(t);
        if (k.find()) {
            int pc = java.util.Arrays.asList(NOTE_NAMES).indexOf(k.group(1));
            if (k.group(2) != null) {
                pc += k.group(2).equals("#") || k.group(2).equals("sharp") ? 1 : -1;
            }
            key = Math.floorMod(pc, 12);
            minor = k.group(3).startsWith("min");
            t = t.replace(k.group(), " ");
        }
        Boolean keyChange = null;
        Matcher change = KEY_CHANGE.matcher(t);
        if (change.find()) {
            keyChange = change.group(1) == null;
            t = t.replace(change.group(), " ");
        }
        Genre genre = null;
        // longest names first, so "hip hop" wins over "hop" and "acoustic guitar" over "guitar"
        List<Map.Entry<String, Genre>> genreNames = new ArrayList<>();
        for (Genre g : Genre.values()) {
            genreNames.add(Map.entry(g.wireName(), g));
            g.aliases().forEach(a -> genreNames.add(Map.entry(a, g)));
        }
        genreNames.sort((a, b) -> b.getKey().length() - a.getKey().length());
        List<Integer> instruments = new ArrayList<>();
        List<Map.Entry<String, Integer>> instrumentNames = new ArrayList<>(INSTRUMENTS.entrySet());
        instrumentNames.sort((a, b) -> b.getKey().length() - a.getKey().length());
        for (Map.Entry<String, Integer> name : instrumentNames) {
            String needle = " " + name.getKey() + " ";
            if (t.contains(needle) && !(name.getKey().equals("bass") && t.contains(" bass drop "))) {
                if (!instruments.contains(name.getValue())) {
                    instruments.add(name.getValue());
                }
                t = t.replace(needle, " ");
            }
        }
        int firstGenreAt = Integer.MAX_VALUE;
        for (Map.Entry<String, Genre> name : genreNames) {
            String needle = " " + name.getKey() + " ";
            int at = t.indexOf(needle);
            if (at >= 0) {
                if (at < firstGenreAt) {
                    firstGenreAt = at;
                    genre = name.getValue();
                }
                t = t.replace(needle, " ");
            }
        }
        List<String> moods = new ArrayList<>();
        String voice = null;
        int hint = 0;
        double moodTempo = 0;
        double moodMinor = 0;
        List<String> unknown = new ArrayList<>();
        for (String word : t.strip().split(" ")) {
            if (word.isEmpty() || used.contains(word)) {
                continue;
            }
            used.add(word);
            if (MOODS.containsKey(word)) {
                moods.add(word);
                moodTempo += MOODS.get(word)[0];
                moodMinor += MOODS.get(word)[1];
            } else if (MALE.contains(word)) {
                voice = "male";
            } else if (FEMALE.contains(word)) {
                voice = voice == null ? "female" : voice;
            } else if (word.equals("duet")) {
                voice = "duet";
            } else if (SLOW.contains(word)) {
                hint = -1;
            } else if (FAST.contains(word)) {
                hint = 1;
            } else if (word.equals("major")) {
                minor = minor == null ? Boolean.FALSE : minor;
            } else if (word.equals("minor")) {
                minor = minor == null ? Boolean.TRUE : minor;
            } else if (!FILLER.contains(word) && !word.matches("\\d+")) {
                unknown.add(word);
            }
        }
        if (hint == 0 && Math.abs(moodTempo) >= 0.5) {
            hint = moodTempo > 0 ? 1 : -1;
        }
        if (minor == null && Math.abs(moodMinor) >= 0.35) {
            minor = moodMinor > 0;
        }
        return new Style(
                genre == null ? Genre.POP : genre,
                moods,
                instruments,
                voice,
                tempo,
                hint,
                key,
                minor,
                keyChange,
                unknown,
                text);
    }
}
