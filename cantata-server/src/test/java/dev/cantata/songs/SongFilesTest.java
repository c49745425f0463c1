package dev.cantata.songs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cantata.music.Genre;
import dev.cantata.music.Stem;
import org.junit.jupiter.api.Test;

final class SongFilesTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A song-K.json as the server wrote it while stems were strings and metadata a map. */
    static final String STORED = """
      {"score":{"tempo":120.0,"key":9,"minor":true,"length":40.0,"sections":[],"chords":[],"phrases":[],
                "dropped":[],"grid":[{"at":0.0,"bpm":120.0}]},
       "metadata":{"title":"Morning rain","seed":7,"style":"rock male","genre":"rock","moods":[],
                   "unknown_style_words":[],"tempo":120.0,"key":"A minor","singer":"male","dropped_lines":[],
                   "soundfont":"FluidR3_GM.sf2","lufs":-14.1,"true_peak_dbtp":-1.2,"timings_ms":{"sing":2917}},
       "stems":["vocals","drums","bass","other"]}""";

    @Test
    void aSongSavedBeforeStemsAndMetadataWereTypesStillReads() throws Exception {
        SongFiles.Saved saved = JSON.readValue(STORED, SongFiles.Saved.class);

        assertThat(saved.stems()).containsExactly(Stem.VOCALS, Stem.DRUMS, Stem.BASS, Stem.OTHER);
        assertThat(saved.metadata().genre()).isEqualTo(Genre.ROCK);
        assertThat(saved.metadata().title()).isEqualTo("Morning rain");
        assertThat(saved.score().key()).isEqualTo(9);
        assertThat(saved.stemGainDb()).as("its stems were written at unity").isZero();
        assertThat(saved.arrangement()).as("and its notes not kept").isNull();
    }

    @Test
    void stemsAreWrittenSixDecibelsDownOrLowerUntilNoPeakPassesMinusOneDbfs() {
        float[] quiet = {0.5f, -0.5f};
        float[] loud = {1.9f, -0.2f}; // +5.6 dBFS: at -6 dB it would peak at -0.4 dBFS

        assertThat(SongFiles.stemGain(java.util.List.of(quiet))).isEqualTo(-6.0);
        assertThat(SongFiles.stemGain(java.util.List.of(quiet, loud))).isEqualTo(-7.0);
        double peak = 1.9 * Math.pow(10, SongFiles.stemGain(java.util.List.of(loud)) / 20);
        assertThat(20 * Math.log10(peak)).isLessThanOrEqualTo(SongFiles.STEM_PEAK_DBFS);
    }

    @Test
    void aStemFileSaysTheGainItWasWrittenAt() {
        assertThat(SongFiles.stemTags(Stem.DRUMS, -7))
                .containsEntry("TITLE", "drums")
                .containsEntry("CANTATA_STEM_GAIN_DB", "-7.0")
                .hasEntrySatisfying("COMMENT", c -> assertThat(c).contains("raised 7.0 dB"));
    }

    @Test
    void aSavedSongIsWrittenBackInTheShapeItWasStoredIn() throws Exception {
        JsonNode stored = JSON.readTree(STORED);

        JsonNode written = JSON.readTree(JSON.writeValueAsString(JSON.readValue(STORED, SongFiles.Saved.class)));

        assertThat(written.get("metadata")).isEqualTo(stored.get("metadata"));
        assertThat(written.get("stems")).isEqualTo(stored.get("stems"));
    }

    @Test
    void aStemFileIsNamedByTheStemsWireName() {
        java.util.UUID task = java.util.UUID.fromString("00000000-0000-0000-0000-000000000001");

        assertThat(SongFiles.stem(task, 0, Stem.VOCALS)).endsWith("/song-0.vocals.flac");
    }
}
