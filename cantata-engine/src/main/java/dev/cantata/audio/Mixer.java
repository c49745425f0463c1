package dev.cantata.audio;

import java.util.EnumMap;
import java.util.Map;

/**
 * Balances stems and masters their sum. Each stem is set at its level against the others, cleaned (a 4th-order
 * Butterworth high-pass at 30 Hz takes out DC and everything under 20 Hz) and given the master's tone (a low-mid cut and
 * an air lift); the stems are summed, the sum compressed, normalised to the target loudness (BS.1770, our own meter) and
 * limited (look-ahead, iterated until the 4× oversampled true peak is at or below the ceiling). The stems handed back
 * carry the same compressor gain curve and normalisation gain, so they sum to the mix as it enters the limiter:
 * everything the master has that their sum has not is what the limiter took off its peaks, and the last 50 ms fade.
 * All buffers are interleaved stereo of one length.
 */
public final class Mixer {
    /** Where the stems' high-pass is −3 dB: under every instrument's lowest note (E1 is 41 Hz), over the rumble. */
    static final double HIGH_PASS_HZ = 30;

    private Mixer() {}

    /**
     * What the mixer needs to know of a stem, so that it can balance stems without knowing what a song's stems are (the
     * vocabulary belongs to the music that makes them; this package sits below it).
     */
    public interface Bus {
        /** The stem's level against the others: dBFS RMS of its sounding parts, before normalisation. */
        double level();

        /** Whether it is the lead: when no lead sounds, the other stems are raised 1.5 dB to fill its place. */
        boolean lead();
    }

    /**
     * The mastered song and its stems, keyed as given. The stems sum to the mix before the limiter (float, so peaks
     * may exceed full scale: a file of them needs headroom), not to {@code master}.
     */
    public record Master<K extends Enum<K> & Bus>(
            float[] master, EnumMap<K, float[]> stems, double lufs, double truePeak) {}

    /**
     * The bus compressor's ratio: 1.5:1 from 2 dB above the mix's loudness, slow enough to leave transients. It holds
     * the mix together without flattening the sections, whose differences the arrangement made (2:1 from 4 dB under
     * took most of a chorus's lift, measured: +0.8 dB over the verse instead of +2).
     */
    public static final double BUS_RATIO = 1.5;

    /**
     * Masters {@code stems} (at least one, all of one length); the stems are summed in their enum order. {@code busRatio}
     * is the bus compressor's ratio ({@link #BUS_RATIO}; 1 leaves the mix uncompressed before the limiter).
     */
    public static <K extends Enum<K> & Bus> Master<K> master(
            EnumMap<K, float[]> stems, int rate, double targetLufs, double ceilingDbtp, double busRatio) {
        int length = stems.values().iterator().next().length;
        boolean lead = stems.entrySet().stream().anyMatch(s -> s.getKey().lead() && rms(s.getValue()) > 1e-5);
        // the stems are balanced and cleaned side by side (each on its own copy, so the result is the same on any
        // number of cores): on a 95 s song this pass was a third of the mastering's time, one stem after another
        Map<K, float[]> cleaned = stems.entrySet().parallelStream()
                .collect(java.util.stream.Collectors.toConcurrentMap(Map.Entry::getKey, stem -> {
                    float[] copy = stem.getValue().clone();
                    double level = soundingRms(copy);
                    if (level > 1e-6) {
                        double target = stem.getKey().level() + (lead ? 0 : 1.5);
                        scale(copy, Math.pow(10, target / 20) / level);
                    }
                    cleanAndTone(copy, rate);
                    return copy;
                }));
        EnumMap<K, float[]> balanced = new EnumMap<>(stems);
        balanced.replaceAll((key, audio) -> cleaned.get(key));
        float[] mix = new float[length];
        for (float[] stem : balanced.values()) {
            for (int i = 0; i < length; i++) {
                mix[i] += stem[i];
            }
        }
        double before = Loudness.integrated(mix, 2, rate);
        double known = Double.isFinite(before) ? Math.pow(10, (-20 - before) / 20) : 1;
        scale(mix, known); // the compressor sees a known level
        // the bus compressor's gain curve is kept, to be applied to the stems as well
        float[] compression = Dynamics.compression(mix, rate, -18, busRatio, 30, 300);
        Dynamics.apply(mix, compression);
        float[] compressed = mix;
        double gain = 1;
        double ceiling = ceilingDbtp - 0.5;
        float[] out = compressed;
        double lufs = Double.NEGATIVE_INFINITY;
        double peak = 0;
        double level = Loudness.integrated(compressed, 2, rate);
        for (int round = 0; round < 6 && Double.isFinite(level); round++) {
            gain *= round == 0 ? Math.pow(10, (targetLufs - level) / 20) : 1;
            out = compressed.clone();
            scale(out, gain);
            Dynamics.limit(out, rate, Math.pow(10, ceiling / 20), 80);
            // two reads of the same samples, side by side
            float[] limited = out;
            java.util.concurrent.CompletableFuture<Double> truePeak =
                    java.util.concurrent.CompletableFuture.supplyAsync(() -> Loudness.truePeak(limited, 2, rate));
            lufs = Loudness.integrated(out, 2, rate);
            peak = truePeak.join();
            if (peak > ceilingDbtp) {
                ceiling -= peak - ceilingDbtp + 0.05;
                continue;
            }
            if (lufs < targetLufs - 0.4) {
                gain *= Math.pow(10, (targetLufs - lufs) / 20); // the limiter took some loudness: ask for it back
                continue;
            }
            break;
        }
        float finalGain = (float) gain;
        balanced.values().parallelStream().forEach(stem -> {
            // the gains the sum took, in the order it took them: the normalisations and the compressor's curve
            for (int f = 0; f < compression.length; f++) {
                stem[2 * f] = stem[2 * f] * (float) known * compression[f] * finalGain;
                stem[2 * f + 1] = stem[2 * f + 1] * (float) known * compression[f] * finalGain;
            }
            fadeOut(stem, rate, 0.05);
        });
        fadeOut(out, rate, 0.05);
        return new Master<>(out, balanced, lufs, peak);
    }

    /**
     * Takes DC and the subsonic out of {@code stereo} and gives it the master's tone, in place, in one pass over it (the
     * stems are long: four sections in one loop cost a quarter of the memory traffic of four). The cleaning is a
     * 4th-order Butterworth high-pass at {@link #HIGH_PASS_HZ} (two biquads, Q 0.541 and 1.307): −14 dB at 20 Hz, −38 dB
     * at 10 Hz, 0.07 dB down at 50 Hz. Soundfont samples and the synthesizer's filters leave DC that would otherwise
     * reach a stem (measured: 0.036 on the chord instruments of a pop-rock song). The tone, −1.5 dB at 300 Hz and +1 dB
     * above 8 kHz, is linear, so the sum of the stems gets it once.
     */
    static void cleanAndTone(float[] stereo, int rate) {
        for (int c = 0; c < 2; c++) {
            Biquad low = Biquad.highPass(HIGH_PASS_HZ, 0.5412, rate);
            Biquad lower = Biquad.highPass(HIGH_PASS_HZ, 1.3066, rate);
            Biquad mud = Biquad.peaking(300, 1.0, -1.5, rate);
            Biquad air = Biquad.highShelf(8000, 0.707, 1.0, rate);
            for (int i = c; i < stereo.length; i += 2) {
                stereo[i] = (float) air.process(mud.process(lower.process(low.process(stereo[i]))));
            }
        }
    }

    static void scale(float[] x, double g) {
        for (int i = 0; i < x.length; i++) {
            x[i] *= (float) g;
        }
    }

    static double rms(float[] x) {
        double s = 0;
        for (float v : x) {
            s += v * v;
        }
        return x.length == 0 ? 0 : Math.sqrt(s / x.length);
    }

    /** RMS over the 50 ms windows that are not near-silent, so a stem that plays half the song is judged by that half. */
    static double soundingRms(float[] x) {
        int window = 4410;
        double total = 0;
        int counted = 0;
        double loudest = 0;
        double[] levels = new double[x.length / window];
        for (int w = 0; w < levels.length; w++) {
            double s = 0;
            for (int i = w * window; i < (w + 1) * window; i++) {
                s += x[i] * x[i];
            }
            levels[w] = s / window;
            loudest = Math.max(loudest, levels[w]);
        }
        for (double l : levels) {
            if (l > loudest * 1e-3) {
                total += l;
                counted++;
            }
        }
        return counted == 0 ? 0 : Math.sqrt(total / counted);
    }

    /** A linear fade over the last {@code seconds}. */
    public static void fadeOut(float[] stereo, int rate, double seconds) {
        int frames = stereo.length / 2;
        int n = Math.min(frames, (int) (seconds * rate));
        for (int i = 0; i < n; i++) {
            float g = (float) i / n;
            int frame = frames - 1 - i;
            stereo[2 * frame] *= g;
            stereo[2 * frame + 1] *= g;
        }
    }
}
