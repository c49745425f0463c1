package dev.cantata.http.suno;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cantata.audio.AudioFormatException;
import dev.cantata.audio.Codecs;
import dev.cantata.http.ApiException;
import dev.cantata.music.ReferenceStyle;
import java.io.IOException;
import java.util.Base64;
import org.jspecify.annotations.Nullable;

/**
 * Cantata's optional {@code reference_audio} on {@code custom_generate}: a recording whose tempo, key, loudness and
 * brightness the song follows (the tags refine it), as DiffRhythm's {@code ref_audio} is, but in JSON: base64, or a
 * {@code data:} URL as a browser's {@code FileReader} makes one.
 */
final class ReferenceUpload {
    /** A reference is only checked here (its length, not silent): 8 kHz mono is enough, as DiffRhythm's check. */
    private static final int CHECK_RATE = 8_000;

    private ReferenceUpload() {}

    /**
     * The recording's bytes, checked as DiffRhythm checks {@code ref_audio} (a format ffmpeg reads, at least 10 s, not
     * silent) before anything is spent; null when the field is absent or empty; a 400 naming the field otherwise.
     */
    static byte @Nullable [] read(SunoBody body, Codecs codecs) throws IOException {
        JsonNode value = body.get("reference_audio");
        if (value.isMissingNode()
                || value.isNull()
                || (value.isTextual() && value.asText().isBlank())) {
            return null;
        }
        if (!value.isTextual()) {
            throw ApiException.badRequest("reference_audio must be base64 text", "reference_audio");
        }
        String text = value.asText().strip();
        if (text.startsWith("data:") && text.contains(",")) {
            text = text.substring(text.indexOf(',') + 1);
        }
        byte[] bytes;
        try {
            bytes = Base64.getMimeDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("reference_audio is not base64: " + e.getMessage(), "reference_audio");
        }
        try {
            ReferenceStyle.check(codecs.decode(bytes, CHECK_RATE, ReferenceStyle.MAX_SECONDS));
        } catch (AudioFormatException | IllegalArgumentException e) {
            throw ApiException.badRequest("reference_audio: " + e.getMessage(), "reference_audio");
        }
        return bytes;
    }
}
