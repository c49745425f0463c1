package dev.cantata.songs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A song job's stored JSON. Written tagged ({@code {"job":"new",…}}); read tagged, or in the first shape, which tasks
 * queued before the tag existed still hold (one record with an {@code edit} flag, nullable parts and string labels).
 */
public final class SongJobs {
    private static final ObjectMapper JSON = new ObjectMapper();

    private SongJobs() {}

    public static String write(SongJob job) {
        try {
            return JSON.writeValueAsString(job);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a song job always serialises", e);
        }
    }

    /**
     * The job a task's input holds.
     *
     * @throws IOException if it is neither shape, or does not pass the job's checks
     */
    public static SongJob read(String json) throws IOException {
        JsonNode node = JSON.readTree(json);
        if (node == null || !node.isObject()) {
            throw new IOException("a song job is a JSON object, not: " + abbreviated(json));
        }
        try {
            return node.has("job")
                    ? JSON.treeToValue(node, SongJob.class)
                    : JSON.treeToValue(node, FirstShape.class).job();
        } catch (IllegalArgumentException e) {
            throw new IOException("the stored song job is not valid: " + e.getMessage(), e);
        }
    }

    private static String abbreviated(String json) {
        return json.length() <= 80 ? json : json.substring(0, 80) + "…";
    }

    /**
     * The first stored shape (until the typed jobs). {@code labels.mp3 = "yes"} asked for an MP3; the Suno dialect's
     * other labels were moved into its clip table by migration V4.
     */
    record FirstShape(
            boolean edit,
            String lyrics,
            @Nullable String prompt,
            @Nullable String refAudio,
            double length,
            int variations,
            long seed,
            @Nullable String refSong,
            @Nullable String segments,
            @Nullable String title,
            @Nullable String extendsSong,
            double continueAt,
            @Nullable Map<String, String> labels) {

        SongJob job() {
            SongOutputs outputs =
                    labels != null && "yes".equals(labels.get("mp3")) ? SongOutputs.PLAYABLE : SongOutputs.MASTER;
            String words = prompt == null ? "" : prompt;
            if (extendsSong != null) {
                return new ExtendSong(lyrics, words, extendsSong, continueAt, seed, title, outputs);
            }
            StyleSource style = new StyleSource(words, refAudio);
            if (edit) {
                if (refSong == null || segments == null) {
                    throw new IllegalArgumentException("an edit without its song or segments");
                }
                return new EditSong(lyrics, style, refSong, segments, variations, seed, outputs);
            }
            return new NewSong(lyrics, style, length > 0 ? length : null, variations, seed, title, outputs);
        }
    }
}
