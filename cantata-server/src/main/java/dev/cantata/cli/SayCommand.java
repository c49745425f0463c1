package dev.cantata.cli;

import dev.cantata.audio.Codec;
import dev.cantata.audio.Codecs;
import dev.cantata.audio.Ffmpeg;
import dev.cantata.audio.Pcm;
import dev.cantata.language.Language;
import dev.cantata.language.Languages;
import dev.cantata.speech.BuiltInVoices;
import dev.cantata.speech.EspeakEngine;
import dev.cantata.speech.LanguageVoices;
import dev.cantata.speech.Level;
import dev.cantata.speech.MaryEngine;
import dev.cantata.speech.Polyglot;
import dev.cantata.speech.Speaker;
import dev.cantata.speech.Voice;
import dev.cantata.speech.VoiceMatcher;
import dev.cantata.speech.VoiceProfile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code cantata say "text" --voice NAME -o out.mp3}: speech from the command line, no server. */
@Command(name = "say", mixinStandardHelpOptions = true, description = "Speak text into an audio file.")
final class SayCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "TEXT", description = "What to say (use - to read standard input).")
    String text = "";

    @Option(names = "--voice", description = "A built-in voice or OpenAI voice name (default female).")
    String voice = "female";

    @Option(names = "--reference", paramLabel = "FILE", description = "Speak in the voice of this recording instead.")
    @Nullable
    Path reference;

    @Option(
            names = {"-o", "--output"},
            paramLabel = "FILE",
            required = true,
            description = "Output file; its extension picks the format (mp3, opus, aac, flac, wav, pcm).")
    Path output = Path.of("out.mp3");

    @Option(names = "--speed", description = "0.25–4.0 (default 1).")
    double speed = 1.0;

    @Option(names = "--pitch", description = "very_low, low, moderate, high, very_high (default moderate).")
    String pitch = "moderate";

    @Option(names = "--rate", description = "Sample rate of the file (default 24000).")
    int rate = 24_000;

    @Option(
            names = "--language",
            description = "The text's language (zh, de, ja, es…; default: found from the text, or the voice's).")
    @Nullable
    String language;

    @Override
    public Integer call() throws Exception {
        String words =
                text.equals("-") ? new String(System.in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8) : text;
        Codec codec;
        Level level;
        try {
            String name = output.getFileName().toString();
            codec = Codec.parse(name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT));
            level = Level.parse(pitch);
        } catch (IllegalArgumentException | StringIndexOutOfBoundsException e) {
            System.err.println("cantata say: " + e.getMessage());
            return 2;
        }
        EspeakEngine espeak = EspeakEngine.find(1).orElse(null);
        Languages languages = espeak != null ? espeak.languages() : Languages.englishOnly();
        LanguageVoices languageVoices = LanguageVoices.of(languages);
        Language asked = null;
        if (language != null) {
            asked = languages.find(language).orElse(null);
            if (asked == null) {
                System.err.println("cantata say: no language \"" + language + "\" here; it speaks "
                        + String.join(
                                ", ",
                                languages.all().stream().map(Language::tag).toList()));
                return 2;
            }
        }
        java.util.Set<Character.UnicodeScript> scripts = espeak != null
                ? dev.cantata.language.LanguageDetector.of(languages).scripts()
                : dev.cantata.speech.Coverage.LATIN;
        dev.cantata.speech.Coverage coverage = dev.cantata.speech.Coverage.of(words, scripts);
        if (coverage.nothingSpoken()) {
            System.err.println("cantata say: the text cannot be spoken: " + coverage.whyNothingSpoken());
            return 2;
        }
        if (!coverage.complete()) {
            System.err.println("cantata say: not spoken: " + coverage.unspokenSummary());
        }
        Voice found =
                BuiltInVoices.find(voice).or(() -> languageVoices.find(voice)).orElse(null);
        if (found == null && reference == null) {
            System.err.println("cantata say: no voice \"" + voice + "\"; built-in voices: "
                    + String.join(
                            ", ", BuiltInVoices.all().stream().map(Voice::name).toList())
                    + "; OpenAI names: " + String.join(", ", BuiltInVoices.OPENAI_NAMES.keySet()));
            return 2;
        }
        Polyglot engine = Polyglot.start(MaryEngine.defaultEngines(), espeak);
        Codecs codecs = new Codecs(Ffmpeg.locate());
        VoiceProfile profile;
        if (asked == null && found != null && reference == null) {
            asked = found.language();
        }
        if (reference != null) {
            Pcm recording = codecs.decode(Files.readAllBytes(reference), VoiceMatcher.RATE, 60);
            profile = new VoiceMatcher(engine).match(VoiceMatcher.analyze(recording), null);
        } else {
            profile = Objects.requireNonNull(found, "checked above: a built-in voice or a --reference")
                    .profile();
        }
        long started = System.nanoTime();
        Pcm pcm = new Speaker(engine).speak(new Speaker.Request(words, profile, level.pitch(), speed, rate, asked));
        Files.write(output, codecs.encode(pcm, codec));
        System.err.printf(
                Locale.ROOT,
                "cantata say: %s, %.2f s of audio in %.2f s%n",
                output,
                pcm.seconds(),
                (System.nanoTime() - started) / 1e9);
        return 0;
    }
}
