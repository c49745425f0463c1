package dev.cantata.music;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

final class SongTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Metadata as the engine wrote it when it was a map: a made song, then extended and edited. */
    static final String MADE = """
      {"title":"Morning rain upon the window","seed":7,"style":"rock male","genre":"rock","moods":[],
       "unknown_style_words":["wobbly"],"tempo":120.0,"key":"A minor","singer":"male",
       "dropped_lines":["Hold on, hold on"],"soundfont":"FluidR3_GM.sf2","lufs":-14.1,"true_peak_dbtp":-1.2,
       "timings_ms":{"syllables":166,"compose":9,"sing":2917,"instruments_wait":3854,"mix":1011},
       "extended_at":30.5,"edited_segments":[[2.0,6.5],[10.0,12.0]]}""";

    /** Metadata of an edited recording as it was written: fewer keys, a measured tempo and beat phase. */
    static final String RECORDING = """
      {"title":"Edited recording","style":"hip hop 90 bpm in a minor","tempo":89.9,"beat_phase":0.231,
       "key":"A minor","edited_segments":[[4.0,8.0]],"lufs":-13.8,"true_peak_dbtp":-1.0}""";

    @Test
    void metadataStoredBeforeItWasTypedReadsBackField() throws Exception {
        Song.Metadata m = JSON.readValue(MADE, Song.Metadata.class);

        assertThat(m.title()).isEqualTo("Morning rain upon the window");
        assertThat(m.seed()).isEqualTo(7L);
        assertThat(m.genre()).isEqualTo(Genre.ROCK);
        assertThat(m.unknownStyleWords()).containsExactly("wobbly");
        assertThat(m.tempo()).isEqualTo(120.0);
        assertThat(m.droppedLines()).containsExactly("Hold on, hold on");
        assertThat(m.truePeakDbtp()).isEqualTo(-1.2);
        assertThat(m.timingsMs()).containsKeys("syllables", "mix");
        assertThat(m.extendedAt()).isEqualTo(30.5);
        assertThat(m.editedSegments()).containsExactly(new Song.Metadata.Edit(2, 6.5), new Song.Metadata.Edit(10, 12));
    }

    @Test
    void metadataIsWrittenWithTheKeysItWasStoredUnder() throws Exception {
        for (String stored : List.of(MADE, RECORDING)) {
            JsonNode written = JSON.readTree(JSON.writeValueAsString(JSON.readValue(stored, Song.Metadata.class)));

            assertThat(written).isEqualTo(JSON.readTree(stored));
        }
    }

    @Test
    void anEditedRecordingHasNoEngineFields() throws Exception {
        Song.Metadata m = JSON.readValue(RECORDING, Song.Metadata.class);

        assertThat(m.beatPhase()).isEqualTo(0.231);
        assertThat(m.seed()).isNull();
        assertThat(m.genre()).isNull();
        assertThat(m.droppedLines()).isNull();
    }

    @Test
    void metadataWithoutATitleOrStyleReadsAsUntitledWithNoStyle() throws Exception {
        Song.Metadata m = JSON.readValue(
                "{\"tempo\":100,\"key\":\"C major\",\"lufs\":-14,\"true_peak_dbtp\":-1,"
                        + "\"a_key_from_a_later_version\":1}",
                Song.Metadata.class);

        assertThat(m.title()).isEqualTo("Untitled");
        assertThat(m.style()).isEmpty();
    }

    @Test
    void timingsKeepTheOrderTheStagesRanIn() throws Exception {
        Song.Metadata m = JSON.readValue(MADE, Song.Metadata.class);

        assertThat(m.withTitle("again").timingsMs().keySet())
                .containsExactly("syllables", "compose", "sing", "instruments_wait", "mix");
    }
}
