package dev.cantata.speech;

/**
 * How a voice differs from the engine's one HMM voice.
 *
 * @param pitch multiplier of the median F0 (0.4–2.0)
 * @param range multiplier of the F0 excursions around it (0.2–3.0); kept for engines that honour it (MaryTTS's HMM
 *     voice ignores prosody range, measured)
 * @param tract vocal-tract length relative to the base voice (0.8–1.3): above 1 darker, longer (male-like)
 * @param rate speaking rate multiplier (0.25–4.0): above 1 faster
 */
public record VoiceProfile(double pitch, double range, double tract, double rate) {
    public static final VoiceProfile NEUTRAL = new VoiceProfile(1, 1, 1, 1);

    public VoiceProfile {
        check("pitch", pitch, 0.4, 2.0);
        check("range", range, 0.2, 3.0);
        check("tract", tract, 0.8, 1.3);
        check("rate", rate, 0.25, 4.0);
    }

    private static void check(String name, double value, double min, double max) {
        if (!(value >= min && value <= max)) {
            throw new IllegalArgumentException(name + " " + value + " is outside " + min + "–" + max);
        }
    }

    /** This profile with pitch and rate multiplied (clamped to the allowed ranges). */
    public VoiceProfile adjusted(double pitchFactor, double rateFactor) {
        return new VoiceProfile(
                clamp(pitch * pitchFactor, 0.4, 2.0), range, tract, clamp(rate * rateFactor, 0.25, 4.0));
    }

    static double clamp(double v, double min, double max) {
        return Math.max(min, Math.min(max, v));
    }
}
