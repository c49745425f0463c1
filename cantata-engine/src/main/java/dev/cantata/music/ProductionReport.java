package dev.cantata.music;

import dev.cantata.audio.Biquad;
import dev.cantata.audio.Loudness;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How a song's band played and how its mix sits, measured on the arrangement it was played from (timing and velocity
 * per role against the grid, strum spread, voice-leading distance) and on its rendered audio (chorus over verse in
 * short-term loudness, master correlation and loudness range, each stem's DC, energy under 20 Hz and clipped
 * samples). What {@code cantata bench production} prints and the tests assert; {@code tools/band_measure.py} measures
 * the audio side independently (librosa onsets, its own K-weighting).
 */
public final class ProductionReport {
    private ProductionReport() {}

    /**
     * One role's playing: onsets counted, σ and mean of their offsets from the nearest grid step (seconds), σ of
     * their velocities (MIDI steps).
     */
    public record Spread(int onsets, double timingSd, double timingMean, double velocitySd) {}

    /** One stem's health: largest channel mean, energy under 20 Hz against the whole (dB), samples at full scale. */
    public record Health(double dc, double below20Db, int clipped) {}

    /**
     * What was measured.
     *
     * @param roles the playing of each role that played, by its lower-case name ({@code kick}, {@code bass}, …)
     * @param strumSpread mean time from the first to the last string of the guitar's strums (seconds), 0 for none
     * @param voiceLeading mean semitones of movement per chord change of the chord instrument ({@link
     *     Voicing#distance}), 0 when it changes no chord
     * @param chorusOverVerse each chorus's short-term loudness over the verse before it, dB
     * @param correlation the master's left/right correlation
     * @param loudnessRange the master's EBU loudness range, LU
     * @param stems each stem's health
     * @param namedPresent whether every instrument the style names plays
     * @param bassSlides how many of the bass's notes slide in ({@link BassSlides}): 808 glides or slides up a step
     */
    public record Report(
            Map<String, Spread> roles,
            double strumSpread,
            double voiceLeading,
            List<Double> chorusOverVerse,
            double correlation,
            double loudnessRange,
            Map<Stem, Health> stems,
            boolean namedPresent,
            int bassSlides) {
        public Report {
            roles = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(roles));
            chorusOverVerse = List.copyOf(chorusOverVerse);
            stems = java.util.Collections.unmodifiableMap(new EnumMap<>(stems));
        }
    }

    /** Measures {@code song}, made in {@code style} (the text it was made from) from {@code seed}. */
    public static Report of(Song song, String style, long seed) {
        Style parsed = Style.parse(style);
        Arranger.Arrangement a = Arranger.arrange(song.score(), parsed, seed);
        List<Arranger.Event> all = new ArrayList<>(a.drums());
        all.addAll(a.bass());
        all.addAll(a.other());
        Map<String, Spread> roles = new LinkedHashMap<>();
        for (Performer.Role role : Performer.Role.values()) {
            List<Arranger.Event> played = firsts(
                    all.stream().filter(e -> Performer.Role.of(e) == role).toList());
            if (!played.isEmpty()) {
                roles.put(
                        role.name().toLowerCase(java.util.Locale.ROOT),
                        spread(played, song.score(), parsed.genre().swing()));
            }
        }
        boolean named = parsed.instruments().stream()
                .filter(p -> p < 32 || p > 39)
                .allMatch(p -> a.other().stream().anyMatch(e -> e.program() == p));
        Map<Stem, Health> health = new EnumMap<>(Stem.class);
        song.stems().forEach((stem, audio) -> health.put(stem, health(audio)));
        return new Report(
                roles,
                strumSpread(a.other()),
                voiceLeading(a.other()),
                chorusOverVerse(song.master(), song.score()),
                Loudness.correlation(song.master()),
                Loudness.range(song.master(), 2, Song.RATE),
                health,
                named,
                (int) a.bass().stream().filter(e -> !e.slide().none()).count());
    }

    /**
     * The events that start a chord or a strum (each channel's first note within 35 ms), so a strum's stagger is not
     * counted as timing spread; single notes are all kept.
     */
    static List<Arranger.Event> firsts(List<Arranger.Event> events) {
        Map<Integer, Double> last = new java.util.HashMap<>();
        List<Arranger.Event> out = new ArrayList<>();
        for (Arranger.Event e : events.stream()
                .sorted(java.util.Comparator.comparingDouble(Arranger.Event::start))
                .toList()) {
            Double since = last.get(e.channel());
            if (since == null || e.start() - since > 0.035) {
                out.add(e);
                last.put(e.channel(), e.start());
            }
        }
        return out;
    }

    /** Offsets from the nearest sixteenth (an off-beat eighth where the genre swings it), within 40 ms of one. */
    static Spread spread(List<Arranger.Event> events, Score score, double swing) {
        double beat = score.beatSeconds();
        List<Double> offsets = new ArrayList<>();
        for (Arranger.Event e : events) {
            double steps = e.start() / (beat / 4);
            double nearest = Math.round(steps) * beat / 4;
            double swung = (Math.floor(e.start() / beat) + 0.5 + swing) * beat;
            double off = e.start() - nearest;
            if (swing > 0 && Math.abs(e.start() - swung) < Math.abs(off)) {
                off = e.start() - swung;
            }
            if (Math.abs(off) < 0.040) {
                offsets.add(off);
            }
        }
        double[] v = events.stream().mapToDouble(Arranger.Event::velocity).toArray();
        double[] o = offsets.stream().mapToDouble(Double::doubleValue).toArray();
        return new Spread(events.size(), sd(o), mean(o), sd(v));
    }

    /** Chords on the guitar's channels: notes starting within 35 ms of the first, three or more of them. */
    private static List<List<Arranger.Event>> chords(List<Arranger.Event> other, int channel) {
        List<Arranger.Event> part = other.stream()
                .filter(e -> e.channel() == channel)
                .sorted(java.util.Comparator.comparingDouble(Arranger.Event::start))
                .toList();
        List<List<Arranger.Event>> chords = new ArrayList<>();
        List<Arranger.Event> current = new ArrayList<>();
        for (Arranger.Event e : part) {
            if (!current.isEmpty() && e.start() - current.get(0).start() > 0.035) {
                if (current.size() >= 3) {
                    chords.add(current);
                }
                current = new ArrayList<>();
            }
            current.add(e);
        }
        if (current.size() >= 3) {
            chords.add(current);
        }
        return chords;
    }

    static double strumSpread(List<Arranger.Event> other) {
        double[] spreads = chords(other, 2).stream()
                .filter(c -> c.get(0).program() >= 24 && c.get(0).program() <= 31) // guitars strum; keys strike
                .mapToDouble(c -> c.get(c.size() - 1).start() - c.get(0).start())
                .toArray();
        return spreads.length == 0 ? 0 : mean(spreads);
    }

    static double voiceLeading(List<Arranger.Event> other) {
        List<Integer> previous = List.of();
        double total = 0;
        int changes = 0;
        for (List<Arranger.Event> chord : chords(other, 2)) {
            // the right hand: the notes of its register (the left hand's root and fifth sit under it)
            List<Integer> notes = chord.stream()
                    .map(Arranger.Event::pitch)
                    .filter(p -> p >= Voicing.LOW && p <= Voicing.HIGH) // not a chorus's doubled top
                    .sorted()
                    .distinct()
                    .toList();
            if (notes.size() >= 3 && !notes.equals(previous)) {
                if (!previous.isEmpty()) {
                    total += Voicing.distance(
                            notes.stream().mapToInt(Integer::intValue).toArray(), previous);
                    changes++;
                }
                previous = notes;
            }
        }
        return changes == 0 ? 0 : total / changes;
    }

    /** Each chorus's mean short-term loudness (power mean of the 3 s windows inside it) over the verse before it. */
    static List<Double> chorusOverVerse(float[] master, Score score) {
        double hop = 0.1;
        double[] st = Loudness.shortTerm(master, 2, Song.RATE, hop);
        List<Double> lifts = new ArrayList<>();
        double verse = Double.NaN;
        for (Score.Span s : score.sections()) {
            double sum = 0;
            int n = 0;
            for (int k = 0; k < st.length; k++) {
                if (k * hop >= s.start() && k * hop + 3 <= s.end()) {
                    sum += Math.pow(10, st[k] / 10);
                    n++;
                }
            }
            if (n == 0) {
                continue;
            }
            double level = 10 * Math.log10(sum / n);
            if (s.part() == Lyrics.Part.VERSE) {
                verse = level;
            } else if (s.part() == Lyrics.Part.CHORUS && !Double.isNaN(verse)) {
                lifts.add(level - verse);
            }
        }
        return lifts;
    }

    static Health health(float[] stereo) {
        int frames = stereo.length / 2;
        double dc = 0;
        int clipped = 0;
        double total = 0;
        double low = 0;
        for (int c = 0; c < 2; c++) {
            double sum = 0;
            Biquad a = Biquad.lowPass(20, 0.707, Song.RATE);
            Biquad b = Biquad.lowPass(20, 0.707, Song.RATE);
            for (int i = 0; i < frames; i++) {
                float x = stereo[2 * i + c];
                sum += x;
                total += x * x;
                double y = b.process(a.process(x));
                low += y * y;
                if (Math.abs(x) >= 1f) {
                    clipped++;
                }
            }
            dc = Math.max(dc, Math.abs(sum / Math.max(1, frames)));
        }
        return new Health(dc, total == 0 ? -200 : 10 * Math.log10(low / total + 1e-20), clipped);
    }

    private static double mean(double[] x) {
        return x.length == 0 ? 0 : java.util.Arrays.stream(x).average().orElse(0);
    }

    private static double sd(double[] x) {
        if (x.length == 0) {
            return 0;
        }
        double m = mean(x);
        return Math.sqrt(java.util.Arrays.stream(x).map(v -> (v - m) * (v - m)).sum() / x.length);
    }
}
