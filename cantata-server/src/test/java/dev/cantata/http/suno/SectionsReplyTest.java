package dev.cantata.http.suno;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cantata.music.Lyrics;
import dev.cantata.music.Score;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code /api/get_sections}'s reply, from a score with a lifted last chorus. */
final class SectionsReplyTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aLiftedChorusIsListedAsAKeyChangeBesideTheKeyTheSongStartsIn() throws Exception {
        Score lifted = new Score(
                120,
                9,
                true,
                16,
                List.of(
                        new Score.Span(Lyrics.Part.CHORUS, "Chorus", 0, 8, 4),
                        new Score.Span(Lyrics.Part.CHORUS, "Chorus", 8, 16, 4)),
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                List.of(new Score.Modulation(8, 11)));

        JsonNode reply = JSON.readTree(JSON.writeValueAsString(SunoReplies.Sections.of(lifted)));

        assertThat(reply.get("key").asText()).isEqualTo("A");
        assertThat(reply.get("mode").asText()).isEqualTo("minor");
        assertThat(reply.get("key_changes")).hasSize(1);
        assertThat(reply.get("key_changes").get(0).get("at_s").asDouble()).isEqualTo(8.0);
        assertThat(reply.get("key_changes").get(0).get("key").asText()).isEqualTo("B");
        Score steady = new Score(120, 9, true, 8, List.of(), List.of(), List.of(), List.of(), List.of());
        assertThat(JSON.readTree(JSON.writeValueAsString(SunoReplies.Sections.of(steady)))
                        .get("key_changes"))
                .isEmpty();
    }
}
