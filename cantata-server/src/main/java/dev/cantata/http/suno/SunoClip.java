package dev.cantata.http.suno;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What the Suno dialect keeps of a clip besides its song task (a row of {@code suno_clips}).
 *
 * @param id the clip's id, which is its task's
 * @param account whose credits paid for it and whose feed lists it
 * @param model the model name the client asked for, echoed
 * @param title as asked (the made song's title wins once there is one)
 * @param tags the style tags as sent
 * @param negativeTags as sent (their words were taken out of the style)
 * @param description the description the lyrics were written from ({@code gpt_description_prompt}), or empty
 * @param type {@link ClipType#GEN} or {@link ClipType#EXTEND}
 * @param lyrics what is sung ({@code prompt}); empty for an instrumental
 * @param source the clip an extension continues, or null
 * @param continueAt where it continues it, seconds (0 when not an extension)
 */
record SunoClip(
        UUID id,
        String account,
        String model,
        String title,
        String tags,
        String negativeTags,
        String description,
        ClipType type,
        String lyrics,
        @Nullable UUID source,
        double continueAt,
        Instant createdAt) {
    SunoClip {
        if (type == ClipType.CONCAT) {
            throw new IllegalArgumentException("concat is a view of a chain, not a stored clip");
        }
        if ((type == ClipType.EXTEND) != (source != null)) {
            throw new IllegalArgumentException("an extension, and only an extension, names the clip it continues");
        }
    }
}
