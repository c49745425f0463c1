package dev.cantata.speech;

import dev.cantata.audio.AudioFormatException;
import dev.cantata.audio.Pcm;
import dev.cantata.audio.PitchTracker;
import dev.cantata.audio.Resampler;
import dev.cantata.audio.TimeStretch;
import dev.cantata.audio.WavFile;
import dev.cantata.language.Language;
import dev.cantata.language.Languages;
import dev.cantata.language.Mandarin;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.Character.UnicodeScript;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * espeak-ng, Debian's formant synthesiser of about a hundred languages, as a supervised process: one {@code espeak-ng
 * --stdout} per piece of text, fed on standard input (so no text is ever an argument or markup: SSML is off), its WAV
 * read from standard output, killed when it overruns {@link #TIMEOUT_SECONDS}. A process rather than the C library
 * through the foreign-function API: that API is final only from Java 22 (Cantata's language level is 21), espeak-ng
 * keeps global state (one call at a time per process), and a crash in a process costs one request instead of the
 * server. Measured on this machine: a sentence costs 80 ms, start-up included, against MaryTTS's 300 ms.
 *
 * <p>A {@link VoiceProfile} is made as for MaryTTS: its F0 (the base voice's 167 Hz times {@code pitch}) is reached with
 * espeak-ng's own voices (its male base below 135 Hz, its female variant {@code +f2} above) and its pitch parameter,
 * through a table measured on this espeak-ng (median F0 by librosa pYIN); the vocal tract by resampling: synthesised
 * with F0 and rate times L, then declared at 1/L of its rate.
 */
public final class EspeakEngine {
    private static final Logger LOG = LoggerFactory.getLogger(EspeakEngine.class);
    /** The program, found on the PATH. */
    static final String PROGRAM = "espeak-ng";
    /** The longest a piece may take: a 280-character piece takes about 0.1 s. */
    static final long TIMEOUT_SECONDS = 20;
    /** espeak-ng's default speed, words per minute: rate 1. */
    static final double BASE_WPM = 175;
    /** MaryTTS's base voice speaks at a median F0 of about this: a profile's pitch 1. */
    static final double BASE_F0 = 167;
    /** Below this F0 the male voice is used, above it the female variant. */
    static final double FEMALE_FROM_HZ = 135;
    /**
     * Median F0 (Hz) at espeak-ng's pitch parameter 0, 25, 50, 75, 99, measured on espeak-ng 1.51 (Mandarin pinyin
     * sentence, pYIN): the male base voice, and the female variant {@code +f2}. German measured the same within 4 %.
     */
    private static final double[] PITCH_STEPS = {0, 25, 50, 75, 99};

    private static final double[] MALE_F0 = {61, 74, 90, 119, 159};
    private static final double[] FEMALE_F0 = {102, 130, 168, 223, 298};
    /**
     * The RMS of speech (its 20 ms frames above -40 dBFS) that espeak-ng's audio is brought to: MaryTTS's, measured at
     * -14 dB on English sentences, where espeak-ng's own is about -19 dB; so a mixed text does not jump in loudness
     * between its languages.
     */
    static final double SPEECH_RMS_DB = -14;
    /** Peaks stay under this after levelling (espeak-ng's plosives peak 10-12 dB over its speech RMS). */
    static final double PEAK = 0.95;
    /** A calibration needs at least this much voiced speech. */
    static final double CALIBRATION_VOICED_SECONDS = 0.6;
    /**
     * What each voice reads to be calibrated: numbers, which every espeak-ng language reads in its own words. A fixed
     * text, not the first one a voice is asked for, so what a voice says never depends on what it said before: calibrated
     * on whichever text came first, a French line sang its first note 25 cents flat when sung on a fresh engine and in
     * tune after other French (EspeakSingerTest alone and in its class, measured).
     */
    static final String CALIBRATION_TEXT = "1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 20, 100.";

    private final Languages languages;
    private final Semaphore slots;
    /** Per espeak-ng voice (language and variant), how its pitch parameter maps to F0, measured on its first use. */
    private final Map<String, Calibration> calibrations = new ConcurrentHashMap<>();

    private EspeakEngine(Languages languages, int parallel) {
        this.languages = languages;
        this.slots = new Semaphore(parallel, true);
    }

    /**
     * espeak-ng on this machine, with its languages, or empty when it is not installed (or does not answer): then
     * Cantata speaks English alone, and says so where text in other languages is asked for.
     */
    public static Optional<EspeakEngine> find(int parallel) {
        try {
            Process process = new ProcessBuilder(PROGRAM, "--voices")
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            process.getOutputStream().close();
            String list = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                LOG.warn("{} --voices did not answer: speaking English only", PROGRAM);
                return Optional.empty();
            }
            Languages languages = Languages.of(list);
            LOG.info("espeak-ng speaks {} languages", languages.all().size() - 1);
            return Optional.of(new EspeakEngine(languages, Math.max(1, parallel)));
        } catch (IOException e) {
            LOG.info("{} is not installed ({}): speaking English only", PROGRAM, e.getMessage());
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** The languages it speaks, English among them (which MaryTTS speaks). */
    public Languages languages() {
        return languages;
    }

    /**
     * Speaks {@code text} in {@code language} with {@code voice}. Mandarin Hanzi are read as pinyin ({@link Mandarin});
     * in Japanese, which espeak-ng reads in kana only, kanji are left out (it would name each "Chinese letter").
     *
     * @throws ClientGone when {@code gone} became true while the call waited for a slot
     * @throws SpeechException when espeak-ng fails, overruns, or gives no audio
     */
    public Pcm speak(String text, Language language, VoiceProfile voice, BooleanSupplier gone) throws SpeechException {
        String said = prepared(SpeechText.clean(text), language);
        double tract = voice.tract();
        double f0 = BASE_F0 * voice.pitch() * tract;
        boolean female = f0 >= FEMALE_FROM_HZ;
        double[] table = female ? FEMALE_F0 : MALE_F0;
        String name = language.espeakVoice() + (female ? "+f2" : "");
        int wpm = (int) Math.round(Math.max(80, Math.min(450, BASE_WPM * voice.rate() * tract)));
        acquire(gone);
        try {
            Calibration use = calibration(name, table);
            int pitch = use.parameter(f0, table);
            Pcm spoken = run(command(name, pitch, wpm), said);
            double measured = medianF0(spoken);
            // what the voice cannot reach (French has no female variant: measured, +f2 changes nothing), and what the
            // curve misses (a sentence's intonation moves its median up to 11 % from the calibration's, measured on
            // Spanish), measured on the audio itself, is shifted by resampling, its length kept by time-stretching
            double residual = f0 / (Double.isNaN(measured) ? use.f0At(pitch, table) : measured);
            if (Math.abs(Math.log(residual)) > Math.log(1.03)) {
                spoken = TimeStretch.stretch(
                        new Pcm(spoken.samples(), (int) Math.round(spoken.sampleRate() * residual)), residual);
            }
            Pcm level = levelled(spoken);
            return tract == 1.0 ? level : new Pcm(level.samples(), (int) Math.round(level.sampleRate() / tract));
        } finally {
            slots.release();
        }
    }

    /**
     * How one espeak-ng voice's pitch parameter maps to F0: median F0 measured at its ends (0 and 99), the curve in
     * between shaped as the measured table. Languages set their own base pitch and range (German's male voice measured
     * 64-169 Hz, Mandarin's 61-159, French's female variant the same as its male), so each voice is measured once, on
     * {@link #CALIBRATION_TEXT}.
     */
    record Calibration(double low, double high) {
        double f0At(int pitch, double[] table) {
            return low * Math.pow(high / low, shape(pitch, table));
        }

        int parameter(double hz, double[] table) {
            if (hz <= low) {
                return 0;
            }
            if (hz >= high) {
                return 99;
            }
            double target = Math.log(hz / low) / Math.log(high / low);
            int best = 0;
            for (int p = 1; p <= 99; p++) {
                if (Math.abs(shape(p, table) - target) < Math.abs(shape(best, table) - target)) {
                    best = p;
                }
            }
            return best;
        }

        /** Where {@code pitch} lies between the table's ends, on a log scale: 0 at pitch 0, 1 at 99. */
        private static double shape(int pitch, double[] table) {
            return Math.log(EspeakEngine.f0At(pitch, table) / table[0]) / Math.log(table[table.length - 1] / table[0]);
        }
    }

    /** {@code voice}'s calibration, measured on {@link #CALIBRATION_TEXT} the first time it is asked for. */
    private Calibration calibration(String voice, double[] table) throws SpeechException {
        Calibration known = calibrations.get(voice);
        if (known == null) {
            // two callers may both measure a new voice: the text is fixed, so both measure the same
            known = calibrate(voice, table);
            calibrations.putIfAbsent(voice, known);
        }
        return known;
    }

    /**
     * {@code voice}'s median F0 on {@link #CALIBRATION_TEXT} at pitch 0 and 99; the table's own ends where that text has
     * too little voiced speech to tell (a language that reads no digits).
     */
    private static Calibration calibrate(String voice, double[] table) throws SpeechException {
        int wpm = (int) BASE_WPM;
        double low = medianF0(run(command(voice, 0, wpm), CALIBRATION_TEXT));
        double high = medianF0(run(command(voice, 99, wpm), CALIBRATION_TEXT));
        if (Double.isNaN(low) || Double.isNaN(high) || high < low * 1.2) {
            LOG.debug("espeak-ng voice {}: not calibrated, its numbers too short or too flat", voice);
            return new Calibration(table[0], table[table.length - 1]);
        }
        LOG.debug("espeak-ng voice {}: median F0 {} Hz at pitch 0, {} Hz at 99", voice, low, high);
        return new Calibration(low, high);
    }

    /** Median F0 of {@code pcm}, or NaN when it has less than {@link #CALIBRATION_VOICED_SECONDS} of voiced speech. */
    private static double medianF0(Pcm pcm) {
        double[] track = new PitchTracker(50, 500).track(Resampler.resample(pcm, 16_000));
        boolean enough = track.length * PitchTracker.voicedShare(track) / 100.0 >= CALIBRATION_VOICED_SECONDS;
        return enough ? PitchTracker.median(track) : Double.NaN;
    }

    private static List<String> command(String voice, int pitch, int wpm) {
        return List.of(
                PROGRAM,
                "-b",
                "1",
                "-v",
                voice,
                "-p",
                Integer.toString(pitch),
                "-s",
                Integer.toString(wpm),
                "--stdout");
    }

    /** {@code pcm} brought to {@link #SPEECH_RMS_DB} over its speech frames, its peaks under {@link #PEAK}. */
    static Pcm levelled(Pcm pcm) {
        float[] x = pcm.samples();
        int frame = Math.max(1, pcm.sampleRate() / 50);
        double energy = 0;
        long counted = 0;
        double floor = Math.pow(10, -40 / 10.0);
        for (int start = 0; start + frame <= x.length; start += frame) {
            double sum = 0;
            for (int i = start; i < start + frame; i++) {
                sum += x[i] * (double) x[i];
            }
            if (sum / frame > floor) {
                energy += sum;
                counted += frame;
            }
        }
        double peak = pcm.peak();
        if (counted == 0 || peak <= 0) {
            return pcm;
        }
        double rms = Math.sqrt(energy / counted);
        double gain = Math.min(Math.pow(10, SPEECH_RMS_DB / 20) / rms, PEAK / peak);
        float[] out = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = (float) (x[i] * gain);
        }
        return new Pcm(out, pcm.sampleRate());
    }

    /** The table's median F0 at pitch parameter {@code pitch}: {@link #pitchParameter}'s inverse. */
    static double f0At(int pitch, double[] f0) {
        for (int i = 1; i < PITCH_STEPS.length; i++) {
            if (pitch <= PITCH_STEPS[i]) {
                double t = (pitch - PITCH_STEPS[i - 1]) / (PITCH_STEPS[i] - PITCH_STEPS[i - 1]);
                return f0[i - 1] * Math.pow(f0[i] / f0[i - 1], t);
            }
        }
        return f0[f0.length - 1];
    }

    private void acquire(BooleanSupplier gone) throws SpeechException {
        try {
            while (!slots.tryAcquire(EnginePool.POLL_MILLIS, TimeUnit.MILLISECONDS)) {
                if (gone.getAsBoolean()) {
                    throw new ClientGone();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SpeechException("interrupted while waiting for espeak-ng", e);
        }
        if (gone.getAsBoolean()) {
            slots.release();
            throw new ClientGone();
        }
    }

    private static Pcm run(List<String> command, String text) throws SpeechException {
        return run(command, text, TIMEOUT_SECONDS);
    }

    /** Runs {@code command} on {@code text}, killed after {@code timeoutSeconds}; its standard output is a WAV. */
    static Pcm run(List<String> command, String text, long timeoutSeconds) throws SpeechException {
        Process process;
        try {
            process = new ProcessBuilder(command)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
        } catch (IOException e) {
            throw new SpeechException("espeak-ng did not start: " + e.getMessage(), e);
        }
        try {
            // the text is small (a piece), but it is written on its own thread so that a full pipe can never block
            Thread writer = Thread.ofVirtual().start(() -> {
                try (OutputStream in = process.getOutputStream()) {
                    in.write(text.getBytes(StandardCharsets.UTF_8));
                } catch (IOException e) {
                    LOG.debug("espeak-ng closed its input early: {}", e.getMessage());
                }
            });
            // read on a thread of its own, so the timeout holds even when espeak-ng hangs without closing its output
            java.util.concurrent.FutureTask<byte[]> reading = new java.util.concurrent.FutureTask<>(() -> {
                try (InputStream out = process.getInputStream()) {
                    return out.readAllBytes();
                }
            });
            Thread.ofVirtual().start(reading);
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                throw new SpeechException("espeak-ng took longer than " + timeoutSeconds + " s");
            }
            byte[] wav = reading.get(timeoutSeconds, TimeUnit.SECONDS);
            writer.join();
            if (process.exitValue() != 0) {
                throw new SpeechException("espeak-ng failed with exit code " + process.exitValue());
            }
            return WavFile.read(wav, 3600);
        } catch (AudioFormatException
                | java.util.concurrent.ExecutionException
                | java.util.concurrent.TimeoutException e) {
            throw new SpeechException("espeak-ng gave no audio: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SpeechException("interrupted while espeak-ng spoke", e);
        } finally {
            process.destroyForcibly();
        }
    }

    /** What espeak-ng is given for {@code text} in {@code language}. */
    static String prepared(String text, Language language) {
        if (language.mandarin()) {
            return Mandarin.pinyin(text);
        }
        if (language.tag().equals("ja")) {
            StringBuilder kana = new StringBuilder(text.length());
            text.codePoints()
                    .forEach(cp -> kana.appendCodePoint(
                            Character.isLetter(cp) && UnicodeScript.of(cp) == UnicodeScript.HAN ? ' ' : cp));
            return kana.toString();
        }
        return text;
    }

    /** espeak-ng's pitch parameter (0–99) for median F0 {@code hz}, log-interpolated in a measured table. */
    static int pitchParameter(double hz, double[] f0) {
        if (hz <= f0[0]) {
            return 0;
        }
        for (int i = 1; i < f0.length; i++) {
            if (hz <= f0[i]) {
                double t = Math.log(hz / f0[i - 1]) / Math.log(f0[i] / f0[i - 1]);
                return (int) Math.round(PITCH_STEPS[i - 1] + t * (PITCH_STEPS[i] - PITCH_STEPS[i - 1]));
            }
        }
        return 99;
    }
}
