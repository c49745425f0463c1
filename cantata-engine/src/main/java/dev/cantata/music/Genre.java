package dev.cantata.music;

import static dev.cantata.music.Genre.Trait.BRIGHT;
import static dev.cantata.music.Genre.Trait.DOUBLED_CHORUS;
import static dev.cantata.music.Genre.Trait.DYNAMIC;
import static dev.cantata.music.Genre.Trait.KEY_CHANGE;
import static dev.cantata.music.Genre.Trait.RISER;
import static dev.cantata.music.Genre.Trait.SEVENTHS;
import static dev.cantata.music.Genre.Trait.STACKED_HOOK;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The genres a style can name, and what each means to the composer, the arranger and the mixer. At least twenty, each
 * with its own groove, instruments and tempo range.
 */
public enum Genre {
    POP(
            "pop",
            List.of("dance pop", "synthpop", "k-pop", "kpop", "j-pop", "jpop"),
            96,
            124,
            Groove.POP,
            BassLine.PULSE,
            Comping.BLOCK,
            0,
            89,
            80,
            33,
            0.3,
            0,
            0.25,
            DOUBLED_CHORUS,
            KEY_CHANGE,
            RISER),
    ROCK(
            "rock",
            List.of("classic rock", "hard rock", "alternative", "alt rock", "grunge"),
            100,
            140,
            Groove.ROCK,
            BassLine.EIGHTHS,
            Comping.POWER,
            29,
            -1,
            30,
            34,
            0.4,
            0,
            0.18,
            BRIGHT,
            DOUBLED_CHORUS),
    METAL(
            "metal",
            List.of("heavy metal", "metalcore", "thrash", "power metal"),
            120,
            170,
            Groove.METAL,
            BassLine.EIGHTHS,
            Comping.POWER,
            30,
            -1,
            30,
            34,
            0.85,
            0,
            0.15,
            BRIGHT,
            DOUBLED_CHORUS),
    PUNK(
            "punk",
            List.of("pop punk", "punk rock"),
            150,
            190,
            Groove.PUNK,
            BassLine.EIGHTHS,
            Comping.POWER,
            29,
            -1,
            29,
            34,
            0.3,
            0,
            0.12,
            BRIGHT,
            DOUBLED_CHORUS),
    FOLK(
            "folk",
            List.of("acoustic", "singer-songwriter", "americana"),
            80,
            112,
            Groove.FOLK,
            BassLine.ROOTS,
            Comping.ARPEGGIO,
            25,
            48,
            73,
            32,
            0.35,
            0,
            0.25),
    COUNTRY(
            "country",
            List.of("bluegrass", "country pop"),
            90,
            130,
            Groove.TRAIN,
            BassLine.ROOTS,
            Comping.STRUM,
            25,
            -1,
            40,
            32,
            0.15,
            0,
            0.2,
            KEY_CHANGE),
    JAZZ(
            "jazz",
            List.of("swing", "bebop", "smooth jazz"),
            100,
            160,
            Groove.SWING,
            BassLine.WALKING,
            Comping.SYNCOPATED,
            0,
            -1,
            65,
            32,
            0.4,
            0.3,
            0.3,
            SEVENTHS),
    BLUES(
            "blues",
            List.of("rhythm and blues", "delta blues"),
            70,
            110,
            Groove.SWING,
            BassLine.WALKING,
            Comping.SYNCOPATED,
            0,
            -1,
            22,
            33,
            0.3,
            0.33,
            0.25,
            SEVENTHS),
    SOUL(
            "soul",
            List.of("r&b", "rnb", "neo soul", "motown"),
            70,
            100,
            Groove.SOUL,
            BassLine.PULSE,
            Comping.BLOCK,
            4,
            49,
            65,
            33,
            0.45,
            0.1,
            0.3,
            SEVENTHS,
            KEY_CHANGE),
    FUNK(
            "funk",
            List.of("disco funk"),
            98,
            118,
            Groove.FUNK,
            BassLine.FUNK,
            Comping.STAB,
            7,
            -1,
            61,
            36,
            0.5,
            0,
            0.15,
            DOUBLED_CHORUS,
            DYNAMIC),
    DISCO(
            "disco",
            List.of("nu disco"),
            112,
            126,
            Groove.FOUR_ON_THE_FLOOR,
            BassLine.OCTAVE,
            Comping.STAB,
            4,
            48,
            48,
            33,
            0.35,
            0,
            0.25,
            BRIGHT,
            RISER),
    ELECTRONIC(
            "electronic",
            List.of("edm", "electro", "techno", "trance", "synthwave", "dance"),
            118,
            132,
            Groove.FOUR_ON_THE_FLOOR,
            BassLine.OCTAVE,
            Comping.PAD,
            81,
            89,
            81,
            38,
            0.55,
            0,
            0.3,
            BRIGHT,
            RISER),
    HOUSE(
            "house",
            List.of("deep house", "tech house"),
            118,
            126,
            Groove.FOUR_ON_THE_FLOOR,
            BassLine.OFFBEAT,
            Comping.STAB,
            4,
            89,
            80,
            38,
            0.45,
            0,
            0.28,
            BRIGHT,
            DOUBLED_CHORUS,
            RISER,
            STACKED_HOOK),
    HIP_HOP(
            "hip hop",
            List.of("hip-hop", "rap", "trap", "boom bap"),
            82,
            98,
            Groove.BOOM_BAP,
            BassLine.SPARSE,
            Comping.PAD,
            4,
            -1,
            81,
            38,
            0.6,
            0.12,
            0.15,
            DOUBLED_CHORUS,
            STACKED_HOOK),
    LOFI(
            "lofi",
            List.of("lo-fi", "chillhop", "chill"),
            70,
            90,
            Groove.LOFI,
            BassLine.SPARSE,
            Comping.BLOCK,
            4,
            89,
            11,
            33,
            0.5,
            0.15,
            0.35,
            SEVENTHS),
    REGGAE(
            "reggae",
            List.of("ska", "dub", "dancehall"),
            70,
            95,
            Groove.ONE_DROP,
            BassLine.OFFBEAT,
            Comping.STAB,
            27,
            -1,
            16,
            33,
            0.35,
            0,
            0.2),
    LATIN(
            "latin",
            List.of("bossa nova", "bossa", "salsa", "samba", "reggaeton"),
            90,
            130,
            Groove.BOSSA,
            BassLine.BOSSA,
            Comping.ARPEGGIO,
            24,
            -1,
            73,
            32,
            0.45,
            0,
            0.25),
    CLASSICAL(
            "classical",
            List.of("orchestral", "cinematic", "epic", "soundtrack", "score"),
            60,
            100,
            Groove.NONE,
            BassLine.LONG,
            Comping.STRINGS,
            48,
            49,
            40,
            43,
            0.5,
            0,
            0.45),
    AMBIENT(
            "ambient",
            List.of("new age", "atmospheric", "drone"),
            60,
            84,
            Groove.NONE,
            BassLine.LONG,
            Comping.PAD,
            89,
            92,
            88,
            38,
            0.5,
            0,
            0.55),
    GOSPEL(
            "gospel",
            List.of("worship", "christian", "choir"),
            70,
            100,
            Groove.SOUL,
            BassLine.PULSE,
            Comping.BLOCK,
            19,
            52,
            0,
            33,
            0.2,
            0.1,
            0.4,
            SEVENTHS,
            KEY_CHANGE),
    INDIE(
            "indie",
            List.of("indie pop", "indie rock", "dream pop", "shoegaze"),
            96,
            128,
            Groove.ROCK,
            BassLine.PULSE,
            Comping.STRUM,
            27,
            89,
            26,
            33,
            0.45,
            0,
            0.3,
            DOUBLED_CHORUS),
    BALLAD(
            "ballad",
            List.of("power ballad", "piano ballad"),
            60,
            80,
            Groove.BALLAD,
            BassLine.LONG,
            Comping.ARPEGGIO,
            0,
            48,
            73,
            33,
            0.4,
            0,
            0.4,
            KEY_CHANGE);

    /** What a genre does beyond its patterns and instruments. */
    public enum Trait {
        /** Chords other than the tonic carry a seventh. */
        SEVENTHS,
        /** Recordings of it are bright (spectral centroid above 2.5 kHz), which a reference's analysis listens for. */
        BRIGHT,
        /**
         * The vocal is doubled (18 ms, off centre) in choruses, as loud genres track them and as hip hop, house and
         * funk stack their hooks (their bands add least to a chorus: without it, their second choruses measured +0.7,
         * +1.1 and +1.4 dB over the verse, under the +1.5 dB aimed for).
         */
        DOUBLED_CHORUS,
        /**
         * The hook is stacked three deep: a second double, right of centre, beside the first. Hip hop's hooks are
         * tracked as stacks of takes while its verses are one voice; with one double its second chorus measured
         * +1.3 dB over the rapped verse, which is the loud part of the song (a verse ridden 2 dB deeper gained
         * 0.1 dB). House vocals are stacks too; its second chorus measured +1.3 dB with one double once long vowels
         * were held at full voice ({@link HeldVowels}), +1.9 with the stack (95 s, seed 3, {@code bench production}).
         */
        STACKED_HOOK,
        /**
         * A white-noise riser sweeps up into each chorus ({@link Riser}), as pop and dance records build into their
         * hooks and drops; bands that play their build leave it to the drum fill.
         */
        RISER,
        /**
         * The last chorus may lift a step, the "truck driver's gear change" of pop, ballads, country, soul and gospel
         * (common in chart pop from the 1960s to the 1990s, usually up a semitone or a whole tone: Whitney Houston's
         * "I Will Always Love You" goes up a whole tone into its last chorus).
         */
        KEY_CHANGE,
        /**
         * Mastered without the bus compressor, as jazz records keep their dynamics: country and jazz records read 6–8 LU
         * of loudness range, rock and EDM 5–6, hip hop 5 or less (Craig Anderton, PreSonus blog, "Mastering: What LRA
         * Means to You"; acoustic, jazz and classical 8–15 LU in other mastering guides). With it a 95 s jazz song read
         * 4.4 LU, without it 4.8 (the limiter still holds −14 LUFS and −1 dBTP). A ballad without it read 5.8 LU, but its
         * chorus rose 3.2 dB over its verse, past the 3 dB aimed for, so ballads keep the compressor (5.3 LU).
         */
        DYNAMIC
    }

    /**
     * How the genre's singers move their pitch ({@link PitchContour}).
     *
     * @param vibratoCents the vibrato's extent on long notes, cents either side of the note
     * @param vibratoRate its rate, Hz
     * @param scoop how often a note sung after a breath is scooped into from below, 0–1
     */
    public record Singing(double vibratoCents, double vibratoRate, double scoop) {}

    /**
     * The genre's singing. Extents follow what is measured of each tradition: wide in classical and gospel (60–80
     * cents, Prame 1997), clear in soul and ballads, moderate in pop, little in rock and electronic styles, almost none
     * in punk and hip hop, where the voice is near speech; scoops belong to soul, gospel, blues, jazz and country.
     */
    public Singing singing() {
        return switch (this) {
            case CLASSICAL -> new Singing(70, 6.0, 0);
            case GOSPEL -> new Singing(65, 5.8, 0.5);
            case SOUL -> new Singing(55, 5.6, 0.5);
            case BALLAD -> new Singing(50, 5.6, 0.15);
            case JAZZ, BLUES -> new Singing(45, 5.4, 0.45);
            case COUNTRY -> new Singing(40, 5.6, 0.35);
            case POP, FOLK, LATIN, INDIE, REGGAE, DISCO -> new Singing(38, 5.6, 0.1);
            case FUNK -> new Singing(35, 5.8, 0.35);
            case ROCK, METAL -> new Singing(30, 5.8, 0.1);
            case ELECTRONIC, HOUSE, AMBIENT, LOFI -> new Singing(30, 5.5, 0);
            case PUNK, HIP_HOP -> new Singing(12, 5.8, 0);
        };
    }

    /**
     * What is sung around the lead ({@link BackingVocals}).
     *
     * @param harmonies how many harmony voices sing the chorus words with the lead: 0, 1 (a third to a sixth over
     *     it) or 2 (one over, one under: a three-part stack)
     * @param pads whether backing singers hold "ooh"/"aah" chords under the choruses
     * @param runs whether phrase-final long notes may become a run of several notes on one vowel (melisma)
     */
    public record Backing(int harmonies, boolean pads, boolean runs) {}

    /**
     * The genre's backing vocals. Three-part stacks and sustained vowel pads are the sound of gospel and soul choirs
     * and of produced pop; ballads and indie use pads with one harmony; the band genres that sing a chorus together
     * (rock, country, folk, funk…) add one harmony; runs belong to gospel, soul, ballads and the blues. Metal, punk,
     * jazz, hip hop, classical and the electronic styles keep one voice: their choruses are a unison, a shout or a
     * single singer.
     */
    public Backing backing() {
        return switch (this) {
            case GOSPEL, SOUL -> new Backing(2, true, true);
            case POP -> new Backing(2, true, false);
            case BALLAD -> new Backing(1, true, true);
            case INDIE -> new Backing(1, true, false);
            case BLUES -> new Backing(1, false, true);
            case COUNTRY, FOLK, LATIN, REGGAE, DISCO, FUNK, ROCK -> new Backing(1, false, false);
            case CLASSICAL, JAZZ, METAL, ELECTRONIC, HOUSE, AMBIENT, LOFI, PUNK, HIP_HOP ->
                new Backing(0, false, false);
        };
    }

    private final String wireName;

    @SuppressWarnings("ImmutableEnumChecker") // List.copyOf: unmodifiable, though its type cannot say so
    private final List<String> aliases;

    private final int tempoMin;
    private final int tempoMax;
    private final Groove groove;
    private final BassLine bass;
    private final Comping comp;
    private final int compProgram;
    private final int padProgram;
    private final int leadProgram;
    private final int bassProgram;
    private final double minor;
    private final double swing;
    private final double reverb;

    @SuppressWarnings("ImmutableEnumChecker") // an unmodifiable copy, as aliases
    private final Set<Trait> traits;

    Genre(
            String wireName,
            List<String> aliases,
            int tempoMin,
            int tempoMax,
            Groove groove,
            BassLine bass,
            Comping comp,
            int compProgram,
            int padProgram,
            int leadProgram,
            int bassProgram,
            double minor,
            double swing,
            double reverb,
            Trait... traits) {
        this.wireName = wireName;
        this.aliases = List.copyOf(aliases);
        this.tempoMin = tempoMin;
        this.tempoMax = tempoMax;
        this.groove = groove;
        this.bass = bass;
        this.comp = comp;
        this.compProgram = compProgram;
        this.padProgram = padProgram;
        this.leadProgram = leadProgram;
        this.bassProgram = bassProgram;
        this.minor = minor;
        this.swing = swing;
        this.reverb = reverb;
        EnumSet<Trait> set = EnumSet.noneOf(Trait.class);
        set.addAll(List.of(traits));
        this.traits = java.util.Collections.unmodifiableSet(set);
    }

    /** The genre's name as a style names it and as JSON writes it, e.g. {@code "hip hop"}. */
    @JsonValue
    public String wireName() {
        return wireName;
    }

    /** Other names a style may use for it. */
    public List<String> aliases() {
        return aliases;
    }

    /** Slowest natural tempo, BPM. */
    public int tempoMin() {
        return tempoMin;
    }

    /** Fastest natural tempo, BPM. */
    public int tempoMax() {
        return tempoMax;
    }

    Groove groove() {
        return groove;
    }

    BassLine bass() {
        return bass;
    }

    Comping comp() {
        return comp;
    }

    /** General MIDI program of the chord instrument. */
    public int compProgram() {
        return compProgram;
    }

    /** Program of the sustained layer in choruses, or -1 for none. */
    public int padProgram() {
        return padProgram;
    }

    /** Program that plays intro and instrumental melodies. */
    public int leadProgram() {
        return leadProgram;
    }

    /** Program of the bass. */
    public int bassProgram() {
        return bassProgram;
    }

    /** How likely a minor key is, 0–1. */
    public double minor() {
        return minor;
    }

    /** 0 for straight eighths, up to about 0.33 (of a beat) for a triplet shuffle. */
    public double swing() {
        return swing;
    }

    /** Vocal reverb send, 0–1. */
    public double reverb() {
        return reverb;
    }

    public boolean has(Trait trait) {
        return traits.contains(trait);
    }

    /** Whether it has drums at all. */
    public boolean drums() {
        return groove != Groove.NONE;
    }

    /** The genre whose {@link #wireName} is {@code wireName}, if any (aliases are {@link Style}'s business). */
    public static Optional<Genre> find(String wireName) {
        for (Genre g : values()) {
            if (g.wireName.equals(wireName)) {
                return Optional.of(g);
            }
        }
        return Optional.empty();
    }

    /**
     * The genre {@code wireName} names.
     *
     * @throws IllegalArgumentException when it names none
     */
    @JsonCreator
    public static Genre of(String wireName) {
        return find(wireName).orElseThrow(() -> new IllegalArgumentException("no genre \"" + wireName + "\""));
    }
}
