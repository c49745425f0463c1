package dev.cantata.http.suno;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cantata.http.ApiException;
import java.util.ArrayList;
import java.util.List;

/**
 * suno-api's {@code /v1/chat/completions}: the last user message describes a song, which is made as an instrumental
 * (upstream hard-codes that), and the answer is Markdown, not OpenAI's JSON.
 */
final class Chat {
    /** What the lyrics section says of a song with no words sung, as Suno marks an instrumental. */
    static final String INSTRUMENTAL = "[Instrumental]";

    private Chat() {}

    /**
     * The text of the last user message: its {@code content} as a string, or as OpenAI's list of parts, whose text parts
     * are joined by new lines (image and other parts are left out). A 400 when there is no text, or when there are too
     * many messages or it is too long.
     */
    static String prompt(SunoBody body) {
        JsonNode messages = body.get("messages");
        if (messages.size() > SunoRoutes.MAX_MESSAGES) {
            throw ApiException.badRequest(
                    "messages has " + messages.size() + " entries; the limit is " + SunoRoutes.MAX_MESSAGES,
                    "messages");
        }
        JsonNode last = null;
        if (messages.isArray()) {
            for (JsonNode m : messages) {
                if ("user".equals(m.path("role").asText())) {
                    last = m;
                }
            }
        }
        String prompt = last == null ? "" : text(last.path("content"));
        if (prompt.isBlank()) {
            throw ApiException.badRequest("Prompt message is required");
        }
        return SunoBody.checked("messages", prompt, SunoRoutes.MAX_DESCRIPTION);
    }

    private static String text(JsonNode content) {
        if (content.isTextual()) {
            return content.asText();
        }
        List<String> parts = new ArrayList<>();
        if (content.isArray()) {
            for (JsonNode part : content) {
                if ("text".equals(part.path("type").asText())
                        && part.path("text").isTextual()) {
                    parts.add(part.path("text").asText());
                }
            }
        }
        return String.join("\n", parts);
    }

    /**
     * Upstream's answer, from the clip as polling shows it: title, cover, the lyrics that are sung (for an instrumental,
     * which the chat's songs are, {@value #INSTRUMENTAL}), and where to listen.
     */
    static String markdown(SunoReplies.AudioInfo clip) {
        String lyrics = clip.lyric().isBlank() ? INSTRUMENTAL : clip.lyric();
        return "## Song Title: " + clip.title() + "\n![Song Cover](" + clip.imageUrl() + ")\n### Lyrics:\n" + lyrics
                + "\n### Listen to the song: " + clip.audioUrl() + "\n";
    }
}
