package dev.cantata.speech;

import dev.cantata.language.LanguageDetector;
import dev.cantata.language.Languages;

/** The machine's espeak-ng for tests, found once (`./cantata test` installs it). */
public final class EspeakVoices {
    private static EspeakEngine engine;
    private static LanguageDetector detector;

    private EspeakVoices() {}

    /** espeak-ng, which the tests need. */
    public static synchronized EspeakEngine engine() {
        if (engine == null) {
            engine = EspeakEngine.find(2)
                    .orElseThrow(() -> new IllegalStateException(
                            "espeak-ng is not installed: `./cantata test` installs it (apt-get install espeak-ng)"));
        }
        return engine;
    }

    /** Its languages. */
    public static Languages languages() {
        return engine().languages();
    }

    /** A detector over its languages, loaded once. */
    public static synchronized LanguageDetector detector() {
        if (detector == null) {
            detector = LanguageDetector.of(languages());
        }
        return detector;
    }
}
