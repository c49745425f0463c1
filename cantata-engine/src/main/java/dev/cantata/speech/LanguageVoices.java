package dev.cantata.speech;

import dev.cantata.language.Language;
import dev.cantata.language.Languages;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The voices that speak one language whatever their text looks like: Mandarin's {@code zh-female} and {@code zh-male}
 * (the built-in female and male voices' profiles), and for every other language of the node a voice named by its tag
 * ({@code de}, {@code fr-fr}, {@code ja}) with the female profile. The built-in voices and OpenAI's names follow the
 * text's language instead; these are for a client that has no language field to send and wants German read as German
 * even when it is two words long.
 */
public final class LanguageVoices {
    private final Map<String, Voice> voices;

    private LanguageVoices(Map<String, Voice> voices) {
        this.voices = Collections.unmodifiableMap(voices);
    }

    /** None: a node that speaks English alone. */
    public static LanguageVoices none() {
        return new LanguageVoices(Map.of());
    }

    /** The voices of {@code languages}' languages but English. */
    public static LanguageVoices of(Languages languages) {
        VoiceProfile female = BuiltInVoices.find("female").orElseThrow().profile();
        VoiceProfile male = BuiltInVoices.find("male").orElseThrow().profile();
        Map<String, Voice> voices = new LinkedHashMap<>();
        for (Language language : languages.all()) {
            if (language.english()) {
                continue;
            }
            if (language.mandarin()) {
                voices.put("zh-female", new Voice("zh-female", "Mandarin, female (espeak-ng)", female, language));
                voices.put("zh-male", new Voice("zh-male", "Mandarin, male (espeak-ng)", male, language));
            } else if (BuiltInVoices.find(language.tag()).isEmpty()) {
                voices.put(
                        language.tag(), new Voice(language.tag(), language.name() + " (espeak-ng)", female, language));
            }
        }
        return new LanguageVoices(voices);
    }

    /** Every voice, Mandarin's first. */
    public List<Voice> all() {
        return new ArrayList<>(voices.values());
    }

    /** The voice called {@code name} (any case). */
    public Optional<Voice> find(String name) {
        return Optional.ofNullable(voices.get(name.strip().toLowerCase(Locale.ROOT)));
    }
}
