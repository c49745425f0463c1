package dev.cantata.http.suno;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cantata.http.ApiException;

/**
 * suno-api's {@code /v1/chat/completions}: the last user message describes a song, which is made as an instrumental
 * (upstream hard-codes that), and the answer is Markdown, not OpenAI's JSON.
 */
final class Chat {
    private Chat() {}

    /** The text of the last user message; a 400 when there is none, or when there are too many or it is too long. */
    static String prompt(SunoBody body) {
        JsonNode messages = body.get("messages");
        String prompt = "";
        if (messages.size() > SunoRoutes.MAX_MESSAGES) {
            throw ApiException.badRequest(
                    "messages has " + messages.size() + " entries; the limit is " + SunoRoutes.MAX_MESSAGES,
                    "messages");
        }
        if (messages.isArray()) {
            for (JsonNode m : messages) {
                if ("user".equals(m.path("role").asText()) && m.path("content").isTextual()) {
                    prompt = m.path("content").asText();
                }
            }
        }
        if (prompt.isBlank()) {
            throw ApiException.badRequest("Prompt message is required");
        }
        return SunoBody.checked("messages", prompt, SunoRoutes.MAX_DESCRIPTION);
    }

    /** Upstream's answer: title, cover, the lyrics written for the song, and where to listen. */
    static String markdown(String title, String lyrics, SunoReplies.AudioInfo clip) {
        return "## Song Title: " + title + "\n![Song Cover](" + clip.imageUrl() + ")\n### Lyrics:\n" + lyrics
                + "\n### Listen to the song: " + clip.audioUrl() + "\n";
    }
}
