package dev.cantata.music;

import dev.cantata.audio.Mixer;
import dev.cantata.audio.Pcm;
import dev.cantata.audio.Resampler;
import dev.cantata.language.LanguageDetector;
import dev.cantata.language.Languages;
import dev.cantata.music.VocalStems.Seat;
import dev.cantata.speech.BuiltInVoices;
import dev.cantata.speech.EspeakEngine;
import dev.cantata.speech.MaryEngine;
import dev.cantata.speech.SpeechException;
import dev.cantata.speech.VoiceProfile;
import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.jspecify.annotations.Nullable;

/**
 * Makes songs: lyrics and style → {@link Composer} → {@link Score} → {@link Arranger} → {@link InstrumentRenderer}
 * (on a second thread) while {@link MarySinger} sings the phrases → {@link Mixer} → {@link Song}. The chain is built
 * here, in {@link #make}, where it can be read top to bottom.
 */
public final class SongEngine {
    public static final double TARGET_LUFS = -14;
    /** The master's true-peak ceiling: 0.2 dB under the −1 dBTP promise, so meters that oversample differently agree. */
    public static final double CEILING_DBTP = -1.2;

    private final Singers singers;
    private final InstrumentRenderer instruments;
    private final boolean harmonies;
    /** How many phrases are sung at once: as many as the speech engine synthesises in parallel. */
    private final int parallelism;

    private final java.util.function.@Nullable Consumer<float[]> dryLead;

    public SongEngine(MaryEngine engine, InstrumentRenderer instruments) {
        this(engine, instruments, true);
    }

    /**
     * An engine that sings harmonies and backing vocals where the genre has them ({@link BackingVocals}), or never
     * ({@code harmonies} false: the lead alone, what {@code cantata bench voice} compares against, to price them).
     */
    public SongEngine(MaryEngine engine, InstrumentRenderer instruments, boolean harmonies) {
        this(engine, null, LanguageDetector.of(Languages.englishOnly()), instruments, harmonies);
    }

    /**
     * An engine that sings English with MaryTTS and the other languages with {@code espeak} (absent: English alone),
     * telling the Latin-script ones apart with {@code detector} (asked once a song).
     */
    public SongEngine(
            MaryEngine engine,
            @Nullable EspeakEngine espeak,
            LanguageDetector detector,
            InstrumentRenderer instruments,
            boolean harmonies) {
        this(
                new Singers(new MarySinger(engine), espeak == null ? null : new EspeakSinger(espeak), detector),
                instruments,
                harmonies,
                engine.engines(),
                null);
    }

    private SongEngine(
            Singers singers,
            InstrumentRenderer instruments,
            boolean harmonies,
            int parallelism,
            java.util.function.@Nullable Consumer<float[]> dryLead) {
        this.singers = singers;
        this.instruments = instruments;
        this.harmonies = harmonies;
        this.parallelism = parallelism;
        this.dryLead = dryLead;
    }

    /** The language {@code lyrics}' Latin-script lines are sung in, among {@code detector}'s (English if none). */
    public static dev.cantata.language.Language latinLanguage(Lyrics lyrics, LanguageDetector detector) {
        return Singers.latinLanguage(lyrics, detector);
    }

    /**
     * This engine, also handing {@code tap} each song's lead vocal as sung, before any phrasing or effect: mono at
     * {@link Song#RATE}, the dry take an engineer mixes from and a recogniser can measure.
     */
    public SongEngine tappingDryLead(java.util.function.Consumer<float[]> tap) {
        return new SongEngine(singers, instruments, harmonies, parallelism, tap);
    }

    /**
     * Makes the song {@code spec} describes.
     *
     * @throws Lyrics.LyricsException when the lyrics cannot be read (the message names the line)
     */
    public Song make(SongSpec spec, Progress progress) throws SpeechException, IOException {
        progress.report(2, "reading the lyrics and the style");
        Lyrics lyrics = spec.instrumental() ? Lyrics.NONE : Lyrics.parse(spec.lyrics());
        return render(lyrics, Style.parse(spec.style()), spec, false, SongSpec.MAX_LENGTH, phrase -> true, progress);
    }

    /**
     * The score {@link #make} would sing {@code spec} from, composed without singing or playing anything (the one
     * engine call is the singer's reading of each line into syllables): where every line and word falls, so plain
     * lyrics can be given back as a timed LRC. The same spec made into a song follows this score.
     */
    public Score compose(SongSpec spec) throws SpeechException {
        Lyrics lyrics = spec.instrumental() ? Lyrics.NONE : Lyrics.parse(spec.lyrics());
        Style style = Style.parse(spec.style());
        boolean male = "male".equals(style.voice());
        VoiceProfile voice = leadVoice(spec, male);
        int[] range = range(spec, voice);
        return Composer.compose(
                new Composer.Request(
                        lyrics, style, spec.seed(), spec.length(), range[0], range[1], false, SongSpec.MAX_LENGTH),
                syllables(singers.forLyrics(lyrics), lyrics));
    }

    /** Who sings the lead: the spec's singer, or the built-in voice of the style's sex. */
    private static VoiceProfile leadVoice(SongSpec spec, boolean male) {
        VoiceProfile singer = spec.singer();
        return singer != null
                ? singer
                : BuiltInVoices.find(male ? "male" : "female").orElseThrow().profile();
    }

    /** The lead's range (MIDI): about an octave around where the voice speaks ({@link MarySinger#range}). */
    private static int[] range(SongSpec spec, VoiceProfile voice) {
        double median =
                spec.singer() != null && spec.singerMedianF0() > 0 ? spec.singerMedianF0() : 168 * voice.pitch();
        return MarySinger.range(median);
    }

    /** Each distinct line's syllables, as the singer reads it. */
    private static Map<String, LineSyllables> syllables(Singer singer, Lyrics lyrics) throws SpeechException {
        Map<String, LineSyllables> syllables = new HashMap<>();
        for (Lyrics.Line line : lyrics.lines()) {
            if (!syllables.containsKey(line.text())) {
                // a line no voice can pronounce has no syllables: MaryTTS is not asked (it would log an error per word)
                syllables.put(
                        line.text(),
                        dev.cantata.speech.Coverage.of(line.text(), dev.cantata.speech.Coverage.SUNG)
                                        .nothingSpoken()
                                ? new LineSyllables(line.text(), List.of())
                                : singer.read(line.text()));
            }
        }
        return syllables;
    }

    /**
     * Makes a song from lyrics and a style already read; {@code spec} gives length, seed, title and singer. Only the
     * phrases {@code heard} accepts are sung (an edit that keeps most of a song needs only the lines in its segments);
     * the score keeps them all. The song is at most {@code maxLength} seconds, whatever the lyrics would take.
     */
    Song render(
            Lyrics lyrics,
            Style style,
            SongSpec spec,
            boolean continuation,
            double maxLength,
            java.util.function.Predicate<Score.Phrase> heard,
            Progress progress)
            throws SpeechException, IOException {
        Map<String, Long> timings = new LinkedHashMap<>();
        long clock = System.nanoTime();
        boolean male = "male".equals(style.voice());
        VoiceProfile voice = leadVoice(spec, male);
        int[] range = range(spec, voice);

        progress.report(5, "finding the syllables");
        Singer singer = singers.forLyrics(lyrics);
        Map<String, LineSyllables> syllables = syllables(singer, lyrics);

        clock = lap(timings, "syllables", clock);
        progress.report(12, "composing");
        Score composed = Composer.compose(
                new Composer.Request(
                        lyrics, style, spec.seed(), spec.length(), range[0], range[1], continuation, maxLength),
                syllables);
        boolean duet = "duet".equals(style.voice()) && spec.singer() == null;
        Score score = harmonies
                ? composed.withVoices(BackingVocals.arrange(
                        composed, style.genre(), new BackingVocals.Singers(range[0], range[1], duet, male)))
                : composed;
        int frames = (int) Math.round(score.length() * Song.RATE);

        Arranger.Arrangement arrangement = Arranger.arrange(score, style, spec.seed());
        // the band plays on threads of its own while the phrases are sung: its three renders (independent
        // synthesizers over one soundbank) as many at once as the song has engines, then the band's mix
        long bandStart = System.nanoTime();
        java.util.concurrent.ExecutorService players = java.util.concurrent.Executors.newFixedThreadPool(parallelism);
        Map<Integer, InstrumentRenderer.Channel> channels = BandMix.channels(style.genre());
        CompletableFuture<float[]> drumsPlayed = played(arrangement.drums(), score.length(), channels, frames, players);
        CompletableFuture<float[]> bassPlayed = played(arrangement.bass(), score.length(), channels, frames, players);
        CompletableFuture<float[]> otherPlayed = played(arrangement.other(), score.length(), channels, frames, players);
        CompletableFuture<EnumMap<Stem, float[]>> rendered = CompletableFuture.allOf(
                        drumsPlayed, bassPlayed, otherPlayed)
                .thenApply( // on the thread that finished the last render: the pool takes no new tasks
                        done -> {
                            float[] drums = drumsPlayed.join();
                            float[] bass = bassPlayed.join();
                            float[] other = otherPlayed.join();
                            BandMix.process(drums, bass, other, style.genre(), score, arrangement.drums(), Song.RATE);
                            EnumMap<Stem, float[]> stems = new EnumMap<>(Stem.class);
                            stems.put(Stem.DRUMS, drums);
                            stems.put(Stem.BASS, bass);
                            stems.put(Stem.OTHER, other);
                            return stems;
                        });
        // the band's own wall time, beside the singing: read after the join below
        CompletableFuture<Long> band = rendered.thenApply(done -> (System.nanoTime() - bandStart) / 1_000_000);
        players.shutdown(); // its threads end once the queued renders are done

        clock = lap(timings, "compose", clock);
        VoiceProfile second =
                BuiltInVoices.find(male ? "female" : "male").orElseThrow().profile();
        Takes sung = sing(
                singer,
                score,
                heard,
                voice,
                duet ? second : null,
                male,
                style.genre().singing(),
                progress);
        if (dryLead != null) {
            dryLead.accept(sung.lead().clone());
        }
        clock = lap(timings, "sing", clock);
        progress.report(72, "rendering the instruments");
        EnumMap<Stem, float[]> stems = new EnumMap<>(Stem.class);
        // the backing's chain runs on the other core while the lead's does
        CompletableFuture<float[]> backing =
                CompletableFuture.supplyAsync(() -> VocalStems.backing(sung.backing(), style, score, frames));
        stems.put(Stem.VOCALS, VocalStems.lead(sung.lead(), style, score, spec.seed()));
        clock = lap(timings, "lead_chain", clock);
        try {
            stems.put(Stem.BACKING, backing.get());
            stems.putAll(rendered.get());
            timings.put("band", band.get());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while rendering the instruments", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof java.io.UncheckedIOException u
                    ? u.getCause()
                    : new IOException("rendering the instruments failed: " + e.getCause(), e.getCause());
        }
        if (spec.length() != null) {
            for (float[] stem : stems.values()) {
                Mixer.fadeOut(stem, Song.RATE, 1.5); // a requested length may cut into music: end it gently
            }
        }

        clock = lap(timings, "instruments_wait", clock);
        progress.report(85, "mixing and mastering");
        Mixer.Master<Stem> master = Mixer.master(
                stems,
                Song.RATE,
                TARGET_LUFS,
                CEILING_DBTP,
                style.genre().has(Genre.Trait.DYNAMIC) ? 1 : Mixer.BUS_RATIO);
        lap(timings, "mix", clock);

        Song.Metadata metadata = new Song.Metadata(
                spec.title() != null ? spec.title() : title(lyrics),
                spec.seed(),
                style.text(),
                style.genre(),
                style.moods(),
                style.unknown(),
                score.tempo(),
                null,
                keyName(score.key(), score.minor()),
                spec.singer() != null ? "custom" : duet ? "duet" : male ? "male" : "female",
                score.dropped(),
                lyrics.unsung(),
                instruments.soundfont(),
                Math.round(master.lufs() * 10) / 10.0,
                Math.round(master.truePeak() * 10) / 10.0,
                timings,
                null,
                null);
        progress.report(100, "done");
        return new Song(master.master(), master.stems(), score, metadata, arrangement);
    }

    private static long lap(Map<String, Long> timings, String stage, long since) {
        long now = System.nanoTime();
        timings.put(stage, (now - since) / 1_000_000);
        return now;
    }

    /** The sung tracks of a song: the lead, and the voices around it by where they sit. */
    private record Takes(float[] lead, Map<Seat, float[]> backing) {}

    /**
     * One phrase to sing: its notes as sung (transposing keeps their times, so it is placed at its own start), by
     * whom, and the track it goes to (null: the lead's).
     */
    private record Take(
            Score.Phrase line, VoiceProfile who, @Nullable Seat seat) {}

    /**
     * Sings the lead's phrases and the voices around it that {@code heard} accepts, {@link #parallelism} at a time
     * (phrases are independent: each is synthesised alone, then placed in order, so the samples do not depend on how
     * many sing at once). In a duet ({@code partner} given) the partner takes every other pair of lines, an octave
     * from the lead, and both sing the last chorus.
     */
    private Takes sing(
            Singer singer,
            Score score,
            java.util.function.Predicate<Score.Phrase> heard,
            VoiceProfile voice,
            @Nullable VoiceProfile partner,
            boolean male,
            Genre.Singing singing,
            Progress progress)
            throws SpeechException, IOException {
        List<Take> takes = new ArrayList<>();
        List<Score.Phrase> phrases = score.phrases();
        double together = partner == null ? Double.POSITIVE_INFINITY : BackingVocals.lastChorusStart(score);
        for (int i = 0; i < phrases.size(); i++) {
            Score.Phrase phrase = phrases.get(i);
            if (!heard.test(phrase)) {
                continue;
            }
            if (partner != null && i % 4 >= 2 && phrase.start() < together - 1e-6) { // a duet trades two lines
                takes.add(new Take(BackingVocals.transpose(phrase, male ? 12 : -12), partner, null));
            } else {
                takes.add(new Take(phrase, voice, null));
            }
        }
        for (Score.Voice v : score.voices()) {
            if (heard.test(v.phrase())) {
                VoiceProfile who = v.partner() && partner != null ? partner : voice;
                for (Score.Phrase line : v.role() == Score.Role.PAD ? eachNote(v.phrase()) : List.of(v.phrase())) {
                    takes.add(new Take(line, who, Seat.of(v)));
                }
            }
        }
        int frames = (int) Math.round(score.length() * Song.RATE);
        float[] lead = new float[frames];
        Map<Seat, float[]> backing = new LinkedHashMap<>();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(parallelism);
        try {
            List<CompletableFuture<MarySinger.Sung>> sung = new ArrayList<>();
            int[] sources = sources(takes);
            HarmonyTake made = new HarmonyTake();
            for (int k = 0; k < takes.size(); k++) {
                Take take = takes.get(k);
                int source = sources[k];
                sung.add(
                        source < 0
                                ? CompletableFuture.supplyAsync(() -> sungOrThrown(singer, take, singing), pool)
                                : sung.get(source)
                                        .thenApplyAsync(
                                                s -> made.derive(
                                                        s, takes.get(source).line(), take.line()),
                                                pool));
            }
            for (int k = 0; k < takes.size(); k++) {
                progress.report(
                        15 + 55 * k / Math.max(1, takes.size()),
                        takes.get(k).seat() == null
                                ? "singing line " + (k + 1) + " of " + takes.size()
                                : "singing the backing vocals, " + (k + 1) + " of " + takes.size());
                MarySinger.Sung one = sung.get(k).get();
                Take take = takes.get(k);
                float[] track =
                        take.seat() == null ? lead : backing.computeIfAbsent(take.seat(), p -> new float[frames]);
                place(
                        track,
                        Resampler.resample(one.audio(), Song.RATE),
                        take.line().start() - one.lead());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while singing", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof SpeechException s) {
                throw s;
            }
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IOException("singing failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
        return new Takes(lead, backing);
    }

    /**
     * For each take, the take before it that it is made from ({@link HarmonyTake}): the same singer on the same words
     * and rhythm, a harmony's interval away, and itself sung rather than made; −1 where none is, so it is sung.
     */
    private static int[] sources(List<Take> takes) {
        int[] sources = new int[takes.size()];
        for (int k = 0; k < takes.size(); k++) {
            sources[k] = -1;
            Take take = takes.get(k);
            for (int j = 0; j < k && take.seat() != null; j++) {
                Take source = takes.get(j);
                if (sources[j] < 0
                        && source.who().equals(take.who())
                        && HarmonyTake.derivable(source.line(), take.line())) {
                    sources[k] = j;
                    break;
                }
            }
        }
        return sources;
    }

    /**
     * A phrase sung on a pool thread, its {@link SpeechException} carried out in a {@link
     * java.util.concurrent.CompletionException}, which {@link CompletableFuture#get} unwraps: the caller's {@link
     * ExecutionException} holds the speech exception itself, for it and everything made from it.
     */
    private static MarySinger.Sung sungOrThrown(Singer singer, Take take, Genre.Singing singing) {
        try {
            return singer.sing(take.line(), take.who(), singing);
        } catch (SpeechException e) {
            throw new java.util.concurrent.CompletionException(e);
        }
    }

    /**
     * A pad's notes as phrases of one vowel each: backing singers breathe and sound each chord anew, and a held chord
     * that comes back (the same pitch for as long) is then sung once for the whole song, from the singer's cache.
     */
    private static List<Score.Phrase> eachNote(Score.Phrase pad) {
        List<Score.Phrase> notes = new ArrayList<>();
        for (int i = 0; i < pad.notes().size(); i++) {
            Score.Note n = pad.notes().get(i);
            Score.Word word = pad.words().get(i);
            notes.add(new Score.Phrase(
                    word.word(), pad.part(), List.of(new Score.Note(n.start(), n.end(), n.pitch(), 0)), List.of(word)));
        }
        return notes;
    }

    /** Adds {@code audio} into {@code track} starting at {@code seconds}, with 5 ms fades so no join clicks. */
    static void place(float[] track, Pcm audio, double seconds) {
        int offset = (int) Math.round(seconds * Song.RATE);
        float[] x = audio.samples();
        int fade = Song.RATE / 200;
        for (int i = 0; i < x.length; i++) {
            int at = offset + i;
            if (at < 0 || at >= track.length) {
                continue;
            }
            double g = Math.min(1, Math.min((i + 1) / (double) fade, (x.length - i) / (double) fade));
            track[at] += (float) (x[i] * g);
        }
    }

    /** {@code events} played by {@link #instruments} on one of {@code players}, {@code frames} long. */
    private CompletableFuture<float[]> played(
            List<Arranger.Event> events,
            double seconds,
            Map<Integer, InstrumentRenderer.Channel> channels,
            int frames,
            java.util.concurrent.Executor players) {
        return CompletableFuture.supplyAsync(
                () -> {
                    try {
                        return fit(instruments.render(events, seconds, channels), frames * 2);
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                },
                players);
    }

    private static float[] fit(float[] audio, int length) {
        return audio.length == length ? audio : java.util.Arrays.copyOf(audio, length);
    }

    private static String title(Lyrics lyrics) {
        List<Lyrics.Line> lines = lyrics.lines();
        if (lines.isEmpty()) {
            return "Untitled instrumental";
        }
        String first = lines.get(0).text().replaceAll("[^\\p{L}\\p{N}' ]", "").strip();
        return first.isEmpty() ? "Untitled" : first.substring(0, Math.min(first.length(), 40));
    }

    static String keyName(int key, boolean minor) {
        String[] names = {"C", "C#", "D", "Eb", "E", "F", "F#", "G", "Ab", "A", "Bb", "B"};
        return names[key] + (minor ? " minor" : " major").toLowerCase(Locale.ROOT);
    }
}
