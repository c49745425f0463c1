package dev.cantata.music;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

final class StemTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void stemsAreNamedOnTheWireInLowerCase() {
        assertThat(List.of(Stem.values()).stream().map(Stem::wireName))
                .containsExactly("vocals", "backing", "drums", "bass", "other");
    }

    @Test
    void jsonReadsTheStemNamesStoredBeforeStemsWereTypes() throws Exception {
        List<Stem> stems = JSON.readValue("[\"vocals\",\"drums\",\"bass\",\"other\"]", new TypeReference<>() {});

        assertThat(stems).containsExactly(Stem.VOCALS, Stem.DRUMS, Stem.BASS, Stem.OTHER);
        assertThat(JSON.writeValueAsString(stems)).isEqualTo("[\"vocals\",\"drums\",\"bass\",\"other\"]");
    }

    @Test
    void anUnknownStemIsRefusedByName() {
        assertThat(Stem.find("guitar")).isEmpty();
        assertThatThrownBy(() -> Stem.of("guitar")).hasMessageContaining("\"guitar\"");
    }

    @Test
    void theVocalsLeadAndSitAboveTheBand() {
        assertThat(List.of(Stem.values()).stream().filter(Stem::lead)).containsExactly(Stem.VOCALS);
        assertThat(List.of(Stem.BACKING, Stem.DRUMS, Stem.BASS, Stem.OTHER))
                .allSatisfy(s -> assertThat(s.level()).isLessThan(Stem.VOCALS.level()));
    }

    @Test
    void aSongKeepsItsStemsInStemOrderWhateverOrderTheyCameIn() {
        float[] audio = new float[4];
        Map<Stem, float[]> given = new java.util.LinkedHashMap<>();
        given.put(Stem.OTHER, audio);
        given.put(Stem.VOCALS, audio);
        Score score = new Score(120, 0, false, 1, List.of(), List.of(), List.of(), List.of(), List.of());

        Song song = new Song(
                audio,
                given,
                score,
                new Song.Metadata(
                        "t", null, "", null, null, null, 120, null, "C major", null, null, null, null, -14, -1, null,
                        null, null));

        assertThat(song.stems().keySet()).containsExactly(Stem.VOCALS, Stem.OTHER);
        assertThatThrownBy(() -> song.stems().put(Stem.BASS, audio)).isInstanceOf(UnsupportedOperationException.class);
    }
}
