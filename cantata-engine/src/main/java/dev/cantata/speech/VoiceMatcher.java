package dev.cantata.speech;

import dev.cantata.audio.Correlation;
import dev.cantata.audio.Fft;
import dev.cantata.audio.Pcm;
import dev.cantata.audio.PitchTracker;
import dev.cantata.audio.Resampler;
import org.jspecify.annotations.Nullable;

/**
 * Turns a reference recording into a {@link VoiceProfile} of the one HMM voice: median F0 (matched in a closed loop:
 * the candidate voice is synthesised and measured, and the pitch corrected, so the result lands on the reference
 * whatever MaryTTS's prosody does), vocal-tract length (the frequency warp that best aligns the reference's long-term
 * spectral envelope with the base voice's), and, when the words of the recording are known, speaking rate (the base
 * voice says the same words, and the two speech durations are compared; syllable counting from energy alone proved
 * text-dependent, so without the words the rate is left as it is). It does not match timbre beyond that, accent, or
 * voice quality (breathiness, creak): the HMM voice stays itself.
 */
public final class VoiceMatcher {
    /** Analysis runs at this rate. */
    public static final int RATE = 16_000;
    /** The shortest reference accepted, in seconds. */
    public static final double MIN_SECONDS = 1.0;

    static final String CALIBRATION_TEXT =
            "The quick brown fox jumps over the lazy dog, and then it runs back home to sleep.";
    private static final int FFT = 1024;
    /** The range of F0 multipliers MaryTTS's HMM voice synthesises cleanly. */
    static final double SYNTH_PITCH_MIN = 0.5;

    static final double SYNTH_PITCH_MAX = 1.8;

    private final SpeechEngine engine;
    private @Nullable VoiceAnalysis base;

    public VoiceMatcher(SpeechEngine engine) {
        this.engine = engine;
    }

    /** Thrown when a recording has too little voiced speech to match. */
    public static final class UnusableReference extends Exception {
        private static final long serialVersionUID = 1L;

        public UnusableReference(String message) {
            super(message);
        }
    }

    /** Analyses a recording (any rate; resampled to 16 kHz). */
    public static VoiceAnalysis analyze(Pcm recording) throws UnusableReference {
        Pcm pcm = Resampler.resample(recording, RATE);
        if (pcm.seconds() < MIN_SECONDS) {
            throw new UnusableReference(String.format(
                    java.util.Locale.ROOT,
                    "the reference recording is %.2f s long; it needs at least %.0f s",
                    pcm.seconds(),
                    MIN_SECONDS));
        }
        if (pcm.peak() < 1e-3) {
            throw new UnusableReference("the reference recording is silent");
        }
        double[] f0 = new PitchTracker(60, 450).track(pcm);
        double voicedSeconds = f0.length * PitchTracker.voicedShare(f0) / 100.0;
        if (voicedSeconds < 0.3) {
            throw new UnusableReference(String.format(
                    java.util.Locale.ROOT,
                    "the reference recording has only %.2f s of voiced speech; it needs at least 0.3 s",
                    voicedSeconds));
        }
        return new VoiceAnalysis(
                PitchTracker.median(f0),
                PitchTracker.quantile(f0, 0.1),
                PitchTracker.quantile(f0, 0.9),
                spectrum(pcm, f0),
                voicedSeconds,
                speechSeconds(pcm));
    }

    /**
     * The profile that makes the base voice sound like {@code reference}.
     *
     * @param referenceText the words spoken in the recording, if known; they let the speaking rate be matched
     */
    public synchronized VoiceProfile match(VoiceAnalysis reference, @Nullable String referenceText)
            throws SpeechException {
        VoiceAnalysis baseline = base();
        double tract = VoiceProfile.clamp(1 / warp(reference.spectrum(), baseline.spectrum()), 0.8, 1.3);
        double rate = 1;
        if (referenceText != null && !referenceText.isBlank() && reference.speechSeconds() > 0.5) {
            Pcm spoken = Resampler.resample(engine.synthesize(referenceText, VoiceProfile.NEUTRAL), RATE);
            rate = VoiceProfile.clamp(speechSeconds(spoken) / reference.speechSeconds(), 0.6, 1.6);
        }
        double pitch = VoiceProfile.clamp(reference.medianF0() / baseline.medianF0(), 0.4, 2.0);
        // The engine synthesises at F0 × pitch × tract (see MaryEngine); below about half the base F0 its voicing
        // degrades (measured: a low voice with a short tract came out 15 % off), so the tract gives way there.
        tract = VoiceProfile.clamp(
                VoiceProfile.clamp(tract, SYNTH_PITCH_MIN / pitch, SYNTH_PITCH_MAX / pitch), 0.8, 1.3);
        VoiceProfile candidate = new VoiceProfile(pitch, 1, tract, rate);
        double measured = measureMedian(candidate);
        if (measured > 0) {
            pitch = VoiceProfile.clamp(pitch * reference.medianF0() / measured, 0.4, 2.0);
        }
        return new VoiceProfile(pitch, 1, tract, rate);
    }

    /** The base voice's own analysis, made once. */
    public synchronized VoiceAnalysis base() throws SpeechException {
        if (base == null) {
            try {
                base = analyze(engine.synthesize(CALIBRATION_TEXT, VoiceProfile.NEUTRAL));
            } catch (UnusableReference e) {
                throw new SpeechException("the base voice could not be analysed: " + e.getMessage(), e);
            }
        }
        return base;
    }

    private double measureMedian(VoiceProfile profile) throws SpeechException {
        Pcm pcm = Resampler.resample(engine.synthesize(CALIBRATION_TEXT, profile), RATE);
        return PitchTracker.median(new PitchTracker(50, 500).track(pcm));
    }

    /** Long-term log-magnitude spectrum of voiced frames, smoothed over about 300 Hz so harmonics do not show. */
    static double[] spectrum(Pcm pcm, double[] f0) {
        int hop = RATE / 100;
        double[] sum = new double[FFT / 2 + 1];
        int frames = 0;
        for (int i = 0; i < f0.length; i++) {
            if (f0[i] <= 0 || i * hop + FFT > pcm.length()) {
                continue;
            }
            double[] mag = Fft.magnitudes(pcm.samples(), i * hop, FFT);
            for (int k = 0; k < mag.length; k++) {
                sum[k] += mag[k] * mag[k];
            }
            frames++;
        }
        double[] log = new double[sum.length];
        for (int k = 0; k < sum.length; k++) {
            log[k] = Math.log(sum[k] / Math.max(1, frames) + 1e-12);
        }
        int half = (int) Math.round(150.0 * FFT / RATE);
        double[] smooth = new double[log.length];
        for (int k = 0; k < log.length; k++) {
            double s = 0;
            int n = 0;
            for (int j = Math.max(0, k - half); j <= Math.min(log.length - 1, k + half); j++) {
                s += log[j];
                n++;
            }
            smooth[k] = s / n;
        }
        return smooth;
    }

    /**
     * The factor α such that the reference's envelope at f looks most like the base's at f/α over 300–4000 Hz: α above
     * 1 means higher formants, a shorter tract.
     */
    static double warp(double[] reference, double[] base) {
        double bestAlpha = 1;
        double bestCorrelation = Double.NEGATIVE_INFINITY;
        double binHz = RATE / (double) FFT;
        for (double alpha = 0.75; alpha <= 1.3001; alpha += 0.01) {
            int from = (int) (300 / binHz);
            int to = (int) (4000 / binHz);
            double[] a = new double[to - from];
            double[] b = new double[to - from];
            for (int k = from; k < to; k++) {
                a[k - from] = reference[k];
                b[k - from] = interpolate(base, k / alpha);
            }
            double c = Correlation.pearson(a, b);
            if (c > bestCorrelation) {
                bestCorrelation = c;
                bestAlpha = alpha;
            }
        }
        return bestAlpha;
    }

    private static double interpolate(double[] v, double index) {
        int i = (int) Math.floor(index);
        if (i < 0) {
            return v[0];
        }
        if (i >= v.length - 1) {
            return v[v.length - 1];
        }
        double t = index - i;
        return v[i] * (1 - t) + v[i + 1] * t;
    }

    /** Seconds from the first to the last 10 ms frame louder than 5 % of the loudest. */
    static double speechSeconds(Pcm pcm) {
        double[] rms = pcm.frameRms(pcm.sampleRate() / 100);
        double max = 0;
        for (double v : rms) {
            max = Math.max(max, v);
        }
        int first = -1;
        int last = -1;
        for (int i = 0; i < rms.length; i++) {
            if (rms[i] > 0.05 * max) {
                if (first < 0) {
                    first = i;
                }
                last = i;
            }
        }
        return first < 0 ? 0 : (last - first + 1) / 100.0;
    }
}
