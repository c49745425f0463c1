package dev.cantata.speech;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The voices every Cantata has, all made from the one HMM voice by F0 shift, vocal-tract length and rate, and the
 * OpenAI and Orpheus voice names mapped onto them. The base voice speaks at a median F0 of about 167 Hz.
 */
public final class BuiltInVoices {
    private static final List<Voice> VOICES = List.of(
            new Voice(
                    "female",
                    "Clear female voice (the base voice), median F0 about 167 Hz",
                    new VoiceProfile(1.0, 1, 1.0, 1.0)),
            new Voice("male", "Male voice: F0 about 110 Hz, longer vocal tract", new VoiceProfile(0.66, 1, 1.18, 0.96)),
            new Voice(
                    "deep",
                    "Deep male voice: F0 about 90 Hz, long tract, unhurried",
                    new VoiceProfile(0.54, 1, 1.26, 0.9)),
            new Voice(
                    "bright",
                    "Bright, lively female voice: F0 about 205 Hz, short tract",
                    new VoiceProfile(1.23, 1, 0.9, 1.06)),
            new Voice("soft", "Soft, slow female voice: F0 about 152 Hz", new VoiceProfile(0.91, 1, 1.03, 0.86)),
            new Voice(
                    "narrator", "Calm narrator: F0 about 122 Hz, measured pace", new VoiceProfile(0.73, 1, 1.12, 0.9)),
            new Voice(
                    "child",
                    "Child-like voice: F0 about 240 Hz, shortest tract",
                    new VoiceProfile(1.44, 1, 0.82, 1.04)),
            new Voice("elder", "Older, slower voice: F0 about 135 Hz", new VoiceProfile(0.81, 1, 1.08, 0.8)),
            new Voice("warm", "Warm, low female voice: F0 about 142 Hz", new VoiceProfile(0.85, 1, 1.07, 0.95)),
            new Voice("crisp", "Crisp, quick voice: F0 about 183 Hz, faster", new VoiceProfile(1.1, 1, 0.94, 1.15)));

    /** OpenAI's voice names and the built-in voice each speaks with. */
    public static final Map<String, String> OPENAI_NAMES;

    static {
        Map<String, String> names = new LinkedHashMap<>();
        names.put("alloy", "warm");
        names.put("ash", "male");
        names.put("ballad", "elder");
        names.put("coral", "female");
        names.put("echo", "narrator");
        names.put("fable", "crisp");
        names.put("onyx", "deep");
        names.put("nova", "bright");
        names.put("sage", "soft");
        names.put("shimmer", "child");
        names.put("verse", "male");
        names.put("marin", "female");
        names.put("cedar", "deep");
        OPENAI_NAMES = java.util.Collections.unmodifiableMap(names);
    }

    /**
     * The English voices of FlashTTS's Orpheus engine and the built-in voice each speaks with: by sex (tara, leah,
     * jess, mia and zoe are women, leo, dan and zac men), each on a different voice, so that a client's dialogue of
     * Orpheus voices still tells its speakers apart.
     */
    public static final Map<String, String> ORPHEUS_NAMES;

    static {
        Map<String, String> names = new LinkedHashMap<>();
        names.put("tara", "female");
        names.put("leah", "bright");
        names.put("jess", "soft");
        names.put("leo", "male");
        names.put("dan", "deep");
        names.put("mia", "warm");
        names.put("zac", "narrator");
        names.put("zoe", "crisp");
        ORPHEUS_NAMES = java.util.Collections.unmodifiableMap(names);
    }

    private BuiltInVoices() {}

    public static List<Voice> all() {
        return VOICES;
    }

    /** The built-in voice called {@code name}, or the one an OpenAI or Orpheus name maps to (any case). */
    public static Optional<Voice> find(String name) {
        String key = name.trim().toLowerCase(Locale.ROOT);
        String target = OPENAI_NAMES.getOrDefault(key, ORPHEUS_NAMES.getOrDefault(key, key));
        return VOICES.stream().filter(v -> v.name().equals(target)).findFirst();
    }
}
