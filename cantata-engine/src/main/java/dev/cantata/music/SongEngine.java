package dev.cantata.music;

import dev.cantata.audio.Mixer;
import dev.cantata.audio.Pcm;
import dev.cantata.audio.Resampler;
import dev.cantata.speech.BuiltInVoices;
import dev.cantata.speech.MaryEngine;
import dev.cantata.speech.SpeechException;
import dev.cantata.speech.VoiceProfile;
import java.io.IOException;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * Makes songs: lyrics and style → {@link Composer} → {@link Score} → {@link Arranger} → {@link InstrumentRenderer}
 * (on a second thread) while {@link MarySinger} sings the phrases → {@link Mixer} → {@link Song}. The chain is built
 * here, in {@link #make}, where it can be read top to bottom.
 */
public final class SongEngine {
    public static final double TARGET_LUFS = -14;
    /** The master's true-peak ceiling: 0.2 dB under the −1 dBTP promise, so meters that oversample differently agree. */
    public static final double CEILING_DBTP = -1.2;

    private final MarySinger singer;
    private final InstrumentRenderer instruments;
    private final boolean harmonies;

    public SongEngine(MaryEngine engine, InstrumentRenderer instruments) {
        this(engine, instruments, true);
    }

    /**
     * An engine that sings chorus harmonies where the genre has them, or never ({@code harmonies} false: what
     * {@code cantata bench voice} compares against, to price them).
     */
    public SongEngine(MaryEngine engine, InstrumentRenderer instruments, boolean harmonies) {
        this.singer = new MarySinger(engine);
        this.instruments = instruments;
        this.harmonies = harmonies;
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
        VoiceProfile voice = spec.singer() != null
                ? spec.singer()
                : BuiltInVoices.find(male ? "male" : "female").orElseThrow().profile();
        double median =
                spec.singer() != null && spec.singerMedianF0() > 0 ? spec.singerMedianF0() : 168 * voice.pitch();
        int[] range = MarySinger.range(median);

        progress.report(5, "finding the syllables");
        Map<String, LineSyllables> syllables = new HashMap<>();
        for (Lyrics.Line line : lyrics.lines()) {
            if (!syllables.containsKey(line.text())) {
                // a line no voice can pronounce has no syllables: MaryTTS is not asked (it would log an error per word)
                syllables.put(
                        line.text(),
                        dev.cantata.speech.Coverage.of(line.text()).nothingSpoken()
                                ? new LineSyllables(line.text(), List.of())
                                : singer.read(line.text()));
            }
        }

        clock = lap(timings, "syllables", clock);
        progress.report(12, "composing");
        Score score = Composer.compose(
                new Composer.Request(
                        lyrics, style, spec.seed(), spec.length(), range[0], range[1], continuation, maxLength),
                syllables);
        int frames = (int) Math.round(score.length() * Song.RATE);

        Arranger.Arrangement arrangement = Arranger.arrange(score, style, spec.seed());
        CompletableFuture<EnumMap<Stem, float[]>> rendered = CompletableFuture.supplyAsync(() -> {
            try {
                EnumMap<Stem, float[]> stems = new EnumMap<>(Stem.class);
                Map<Integer, InstrumentRenderer.Channel> mix = BandMix.channels(style.genre());
                float[] drums = fit(instruments.render(arrangement.drums(), score.length(), mix), frames * 2);
                float[] bass = fit(instruments.render(arrangement.bass(), score.length(), mix), frames * 2);
                float[] other = fit(instruments.render(arrangement.other(), score.length(), mix), frames * 2);
                BandMix.process(drums, bass, other, style.genre(), score, arrangement.drums(), Song.RATE);
                stems.put(Stem.DRUMS, drums);
                stems.put(Stem.BASS, bass);
                stems.put(Stem.OTHER, other);
                return stems;
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });

        clock = lap(timings, "compose", clock);
        float[] vocal = new float[frames];
        float[] harmony = new float[frames];
        Genre.Singing singing = style.genre().singing();
        List<Score.Phrase> phrases = score.phrases();
        boolean duet = "duet".equals(style.voice()) && spec.singer() == null;
        VoiceProfile second =
                BuiltInVoices.find(male ? "female" : "male").orElseThrow().profile();
        for (int i = 0; i < phrases.size(); i++) {
            progress.report(
                    15 + 55 * i / Math.max(1, phrases.size()), "singing line " + (i + 1) + " of " + phrases.size());
            Score.Phrase phrase = phrases.get(i);
            if (!heard.test(phrase)) {
                continue;
            }
            boolean other = duet && i % 4 >= 2; // duets trade every two lines
            Score.Phrase line = other ? transpose(phrase, male ? 12 : -12) : phrase;
            VoiceProfile who = other ? second : voice;
            MarySinger.Sung sung = singer.sing(line, who, singing);
            place(vocal, Resampler.resample(sung.audio(), Song.RATE), phrase.start() - sung.lead());
            if (harmonies && singing.chorusHarmony() && phrase.part() == Lyrics.Part.CHORUS) {
                // the same singer overdubs a harmony, as choruses are stacked in a studio
                int top = range[1] + (other ? (male ? 12 : -12) : 0) + 4;
                MarySinger.Sung above = singer.sing(Harmony.of(line, score.chords(), top), who, singing);
                place(harmony, Resampler.resample(above.audio(), Song.RATE), phrase.start() - above.lead());
            }
        }

        clock = lap(timings, "sing", clock);
        progress.report(72, "rendering the instruments");
        EnumMap<Stem, float[]> stems = new EnumMap<>(Stem.class);
        stems.put(Stem.VOCALS, vocalStereo(vocal, harmony, style, score, spec.seed()));
        try {
            stems.putAll(rendered.get());
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
        Mixer.Master<Stem> master = Mixer.master(stems, Song.RATE, TARGET_LUFS, CEILING_DBTP);
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
        return new Song(master.master(), master.stems(), score, metadata);
    }

    private static long lap(Map<String, Long> timings, String stage, long since) {
        long now = System.nanoTime();
        timings.put(stage, (now - since) / 1_000_000);
        return now;
    }

    private static Score.Phrase transpose(Score.Phrase phrase, int semitones) {
        return new Score.Phrase(
                phrase.text(),
                phrase.part(),
                phrase.notes().stream()
                        .map(n -> new Score.Note(n.start(), n.end(), n.pitch() - semitones, n.syllable()))
                        .toList(),
                phrase.words());
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

    /** How far under the lead the harmony sits (backing voices are mixed 6–10 dB under it), and where it is panned. */
    private static final float HARMONY_GAIN = (float) Math.pow(10, -7 / 20.0);

    private static final double HARMONY_PAN = 0.35;

    /**
     * The vocal in stereo: phrased (swells, tapers, breaths), through the channel strip, dry in the centre with the
     * genre's plate and delay around it, doubled in the choruses of loud genres; the chorus harmony through the same
     * strip, 7 dB under the lead and panned to one side, with its own plate.
     */
    private static float[] vocalStereo(float[] sung, float[] harmony, Style style, Score score, long seed) {
        float[] dry = sung.clone();
        Phrasing.shape(dry, Song.RATE, score.phrases());
        Phrasing.breathe(dry, Song.RATE, score.phrases(), seed);
        float[] vocal = VocalChain.strip(dry, Song.RATE);
        float @org.jspecify.annotations.Nullable [] backing = null;
        float[] sent = vocal;
        if (sounds(harmony)) {
            float[] shaped = harmony.clone();
            Phrasing.shape(shaped, Song.RATE, score.phrases());
            backing = VocalChain.strip(shaped, Song.RATE);
            sent = new float[vocal.length];
            for (int i = 0; i < sent.length; i++) {
                sent[i] = vocal[i] + backing[i] * HARMONY_GAIN; // the harmony shares the lead's plate and delay
            }
        }
        float[] stereo = VocalChain.withSends(vocal, sent, Song.RATE, style.genre(), score.tempo(), 0.8f);
        if (backing != null) {
            // constant-power pan to the left: left cos, right sin of (1 - pan) π/4
            float left = (float) Math.cos((1 - HARMONY_PAN) * Math.PI / 4) * 0.8f * HARMONY_GAIN;
            float right = (float) Math.sin((1 - HARMONY_PAN) * Math.PI / 4) * 0.8f * HARMONY_GAIN;
            for (int i = 0; i < backing.length; i++) {
                stereo[2 * i] += backing[i] * left;
                stereo[2 * i + 1] += backing[i] * right;
            }
        }
        if (style.genre().has(Genre.Trait.DOUBLED_CHORUS)) {
            int delay = Song.RATE * 18 / 1000;
            for (Score.Phrase phrase : score.phrases()) {
                if (phrase.part() != Lyrics.Part.CHORUS) {
                    continue;
                }
                int from = Math.max(0, (int) ((phrase.start() - 0.2) * Song.RATE));
                int to = Math.min(vocal.length, (int) ((phrase.end() + 0.3) * Song.RATE));
                for (int i = from; i < to; i++) {
                    int src = i - delay;
                    if (src >= 0) {
                        stereo[2 * i] += vocal[src] * 0.35f;
                        stereo[2 * i + 1] += vocal[src] * 0.2f;
                    }
                }
            }
        }
        return stereo;
    }

    private static boolean sounds(float[] audio) {
        for (float x : audio) {
            if (x != 0) {
                return true;
            }
        }
        return false;
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
