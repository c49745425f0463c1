package dev.cantata.speech;

import dev.cantata.audio.Pcm;
import dev.cantata.audio.Resampler;
import dev.cantata.language.Language;
import dev.cantata.language.LanguageDetector;
import dev.cantata.language.Punctuation;
import dev.cantata.language.Run;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.jspecify.annotations.Nullable;

/**
 * Speech in every language of the node: English by MaryTTS (its engine pool, with the pool's turns and priorities),
 * the rest by espeak-ng. A text is cut into runs of one language ({@link LanguageDetector#runs}), each run spoken by
 * the engine that knows it and the audio joined, so English words inside Chinese are spoken in English. Without
 * espeak-ng, a run in another language is left silent (the HTTP layer refuses text of which nothing would be heard).
 */
public final class Polyglot implements SpeechEngine {
    private final SpeechEngine english;
    private final @Nullable EspeakEngine espeak;
    private final LanguageDetector detector;
    /** The language this view speaks its text in, or null to detect it per call. */
    private final @Nullable Language language;

    private Polyglot(
            SpeechEngine english,
            @Nullable EspeakEngine espeak,
            LanguageDetector detector,
            @Nullable Language language) {
        this.english = english;
        this.espeak = espeak;
        this.detector = detector;
        this.language = language;
    }

    /**
     * MaryTTS with {@code engines} engines ({@link MaryEngine#start(int)}) and the machine's espeak-ng, if it has one,
     * told apart by {@code detector}.
     */
    public static Polyglot start(int engines, @Nullable EspeakEngine espeak, LanguageDetector detector)
            throws SpeechException {
        return of(MaryEngine.start(engines), espeak, detector);
    }

    /** {@link #start(int, EspeakEngine, LanguageDetector)} with a detector over {@code espeak}'s languages. */
    public static Polyglot start(int engines, @Nullable EspeakEngine espeak) throws SpeechException {
        return start(
                engines,
                espeak,
                LanguageDetector.of(
                        espeak != null ? espeak.languages() : dev.cantata.language.Languages.englishOnly()));
    }

    /** English by {@code english}, the other languages by {@code espeak} (absent: English alone). */
    public static Polyglot of(SpeechEngine english, @Nullable EspeakEngine espeak, LanguageDetector detector) {
        return new Polyglot(english, espeak, detector, null);
    }

    /** The detector, with the languages this node speaks. */
    public LanguageDetector detector() {
        return detector;
    }

    @Override
    public Pcm synthesize(String text, VoiceProfile voice) throws SpeechException {
        return synthesize(text, voice, () -> false);
    }

    @Override
    public Pcm synthesize(String text, VoiceProfile voice, BooleanSupplier gone) throws SpeechException {
        Language of = language != null ? language : detector.detect(text);
        List<Run> runs = detector.runs(text, of);
        if (runs.size() == 1 && runs.get(0).language().english()) {
            return english.synthesize(text, voice, gone);
        }
        List<Pcm> spoken = new ArrayList<>();
        int rate = 0;
        for (Run run : runs) {
            if (run.text().isBlank()) {
                continue;
            }
            Pcm pcm;
            if (run.language().english()) {
                if (Coverage.of(run.text()).nothingSpoken()) {
                    continue;
                }
                pcm = english.synthesize(Punctuation.ascii(run.text()), voice, gone);
            } else if (espeak != null) {
                pcm = espeak.speak(run.text(), run.language(), voice, gone);
            } else {
                continue;
            }
            spoken.add(pcm);
            rate = Math.max(rate, pcm.sampleRate());
        }
        if (spoken.isEmpty()) {
            return english.synthesize(text, voice, gone);
        }
        List<Pcm> even = new ArrayList<>(spoken.size());
        for (Pcm pcm : spoken) {
            even.add(Resampler.resample(pcm, rate));
        }
        return Pcm.concat(even, rate);
    }

    @Override
    public SpeechEngine client(Priority priority) {
        return new Polyglot(english.client(priority), espeak, detector, language);
    }

    @Override
    public SpeechEngine speaking(Language language) {
        return new Polyglot(english, espeak, detector, language);
    }

    @Override
    public Language languageOf(String text) {
        return detector.detect(text);
    }

    @Override
    public int parallelism() {
        return english.parallelism();
    }
}
