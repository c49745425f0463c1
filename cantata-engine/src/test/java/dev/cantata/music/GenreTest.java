package dev.cantata.music;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

final class GenreTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static List<String> with(Genre.Trait trait) {
        return Arrays.stream(Genre.values())
                .filter(g -> g.has(trait))
                .map(Genre::wireName)
                .toList();
    }

    @Test
    void traitsBelongToTheGenresWhoseNamesOnceDecidedThem() {
        assertThat(with(Genre.Trait.SEVENTHS)).containsExactlyInAnyOrder("jazz", "blues", "soul", "lofi", "gospel");
        assertThat(with(Genre.Trait.BRIGHT))
                .containsExactlyInAnyOrder("metal", "rock", "punk", "electronic", "house", "disco");
        assertThat(with(Genre.Trait.DOUBLED_CHORUS))
                .containsExactlyInAnyOrder("rock", "metal", "punk", "pop", "indie", "hip hop", "house", "funk");
        assertThat(with(Genre.Trait.KEY_CHANGE))
                .containsExactlyInAnyOrder("pop", "ballad", "country", "soul", "gospel");
    }

    @Test
    void onlyOrchestralAndAmbientMusicPlaysWithoutDrums() {
        assertThat(Arrays.stream(Genre.values()).filter(g -> !g.drums()).map(Genre::wireName))
                .containsExactlyInAnyOrder("classical", "ambient");
    }

    @Test
    void everyGenreIsFoundByItsNameAndStyleReadsIt() {
        for (Genre g : Genre.values()) {
            assertThat(Genre.of(g.wireName())).isEqualTo(g);
            assertThat(Style.parse(g.wireName()).genre()).isEqualTo(g);
        }
        assertThatThrownBy(() -> Genre.of("polka")).hasMessageContaining("polka");
    }

    @Test
    void jsonWritesAGenreAsTheNameAStyleUses() throws Exception {
        assertThat(JSON.writeValueAsString(Genre.HIP_HOP)).isEqualTo("\"hip hop\"");
        assertThat(JSON.readValue("\"hip hop\"", Genre.class)).isEqualTo(Genre.HIP_HOP);
    }

    @Test
    void everyTempoRangeRunsUpwards() {
        assertThat(Genre.values()).allSatisfy(g -> assertThat(g.tempoMin()).isLessThan(g.tempoMax()));
    }
}
