package dev.cantata.http;

import dev.cantata.language.Language;
import dev.cantata.language.Languages;
import dev.cantata.speech.Coverage;
import dev.cantata.speech.SpeechException;
import dev.cantata.voices.Voices;
import io.javalin.http.Context;
import java.util.Base64;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Field rules the speech dialects share: sampling fields, text, reference audio given inline or uploaded. */
public final class SpeechInputs {
    private static final Logger LOG = LoggerFactory.getLogger(SpeechInputs.class);

    /** The longest text accepted in one request, in characters (OpenAI's limit is 4096; FlashTTS has none). */
    public static final int MAX_TEXT = 20_000;

    private SpeechInputs() {}

    /**
     * Checks the types of the LLM sampling fields the upstream servers take, as pydantic does ({@code top_k: 50.0} is
     * an int, {@code 1.5} is not). Upstream bounds none of them, so neither does Cantata; MaryTTS's HMM voice generates
     * its parameters deterministically, so they change nothing.
     */
    public static void samplingFields(Fields fields) {
        fields.number("temperature", 0.9);
        fields.integer("top_k");
        fields.number("top_p", 0.95);
        fields.number("repetition_penalty", 1.0);
        fields.integer("max_tokens");
        fields.integer("length_threshold");
        fields.integer("window_size");
    }

    /**
     * Decodes reference audio sent as text: base64 (with or without a {@code data:} prefix). URLs are refused: fetching
     * them would let any client make this server call other hosts.
     */
    public static byte[] inlineAudio(String value, String field) {
        String v = value.strip();
        if (v.startsWith("http://") || v.startsWith("https://")) {
            throw ApiException.badRequest(
                    field
                            + ": reference audio by URL is disabled on this server; send it as base64 or as a file upload",
                    field);
        }
        int comma = v.startsWith("data:") ? v.indexOf(',') : -1;
        if (comma >= 0) {
            v = v.substring(comma + 1);
        }
        byte[] bytes;
        try {
            bytes = Base64.getMimeDecoder().decode(v);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(field + ": invalid base64 audio data: " + e.getMessage(), field);
        }
        if (bytes.length < 64) {
            throw ApiException.badRequest(field + ": invalid base64 audio data: too short to be a recording", field);
        }
        return bytes;
    }

    /**
     * The reference recording of a request: an upload in {@code fileField} or base64 in {@code inlineField}, exactly one.
     */
    public static byte[] recording(Fields fields, String fileField, String inlineField) {
        String inline = fields.inline(inlineField);
        byte[] upload = fields.file(fileField, maxReferenceBytes());
        if (upload != null && inline != null) {
            throw ApiException.badRequest("send " + inlineField + " or " + fileField + ", not both", fileField);
        }
        if (upload != null) {
            return upload;
        }
        if (inline != null) {
            return inlineAudio(inline, inlineField);
        }
        throw ApiException.badRequest(
                "a reference recording is required: " + inlineField + " (base64) or " + fileField + " (upload)",
                fileField);
    }

    /** Checks text: present, not blank, not too long. */
    public static String text(@Nullable String text, String field) {
        if (text == null || text.isBlank()) {
            throw ApiException.badRequest(field + " is empty: there is nothing to say", field);
        }
        if (text.length() > MAX_TEXT) {
            throw ApiException.badRequest(
                    field + " is " + text.length() + " characters; the limit is " + MAX_TEXT, field);
        }
        return text;
    }

    /** The header that names what of a reply's text was not spoken (ASCII: {@link Coverage#unspokenSummary}). */
    public static final String UNSPOKEN_HEADER = "X-Cantata-Unspoken";

    /**
     * Checks that the voices can say something of {@code text}: text in scripts no language of the node reads (all but
     * Latin without espeak-ng; Cherokee's syllabary is read, Tifinagh is not) or only emoji is a 400 naming what it
     * holds. Text of
     * which only part is spoken is answered, with {@value #UNSPOKEN_HEADER} saying what was skipped.
     * OpenAI-style callers get the code {@code unsupported_language}; FastAPI callers see the message.
     */
    public static void speakable(Context ctx, Voices voices, String text, String field) throws SpeechException {
        Coverage coverage = Coverage.of(text, voices.detector().scripts());
        if (coverage.nothingSpoken()) {
            throw new ApiException(400, field + ": " + coverage.whyNothingSpoken(), field, "unsupported_language");
        }
        if (!coverage.complete()) {
            String skipped = coverage.unspokenSummary() + " not spoken";
            ctx.header(UNSPOKEN_HEADER, skipped);
            LOG.info("{} {}: {}", ctx.method(), ctx.path(), skipped);
        }
    }

    /**
     * The language a client asks for in {@code field} ({@code zh}, {@code de-DE}, {@code German}…), null when it sends
     * none; a language the node does not speak is a 400 that names some it does.
     */
    public static @Nullable Language language(Voices voices, @Nullable String value, String field)
            throws SpeechException {
        if (value == null || value.isBlank() || value.strip().equalsIgnoreCase("auto")) {
            return null;
        }
        Languages languages = voices.detector().languages();
        return languages
                .find(value)
                .orElseThrow(() -> new ApiException(
                        400,
                        field + ": \"" + Text.echo(value) + "\" is not a language this server speaks; it speaks "
                                + String.join(
                                        ", ",
                                        languages.all().stream()
                                                .limit(12)
                                                .map(Language::tag)
                                                .toList())
                                + (languages.all().size() > 12
                                        ? " and " + (languages.all().size() - 12)
                                                + " more (GET /server_info lists them)"
                                        : ""),
                        field,
                        "unsupported_language"));
    }

    /** The largest reference recording accepted. */
    public static long maxReferenceBytes() {
        return dev.cantata.audio.Codecs.MAX_UPLOAD_BYTES;
    }

    /** Matches a voice to recording bytes, turning unusable audio into a 400. */
    public static Voices.Match match(Voices voices, byte[] audio, @Nullable String referenceText, String field)
            throws Exception {
        try {
            return voices.match(audio, referenceText);
        } catch (dev.cantata.audio.AudioFormatException e) {
            throw ApiException.badRequest(field + ": " + e.getMessage(), field);
        }
    }
}
