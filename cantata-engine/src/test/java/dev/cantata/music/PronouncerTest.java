package dev.cantata.music;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cantata.speech.MaryEngine;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

final class PronouncerTest {
    static Pronouncer pronouncer;

    @BeforeAll
    static void start() throws Exception {
        pronouncer = new Pronouncer(MaryEngine.start());
    }

    @Test
    void wordsThatRhymeShareTheirStressedVowelAndWhatFollows() throws Exception {
        Map<String, Pronouncer.Word> w = pronouncer.lookUp(
                List.of("night", "light", "tonight", "sea", "free", "morning", "warning", "home", "heart"));

        assertThat(w.get("night").rhyme())
                .isEqualTo(w.get("light").rhyme())
                .isEqualTo(w.get("tonight").rhyme());
        assertThat(w.get("sea").rhyme()).isEqualTo(w.get("free").rhyme());
        assertThat(w.get("morning").rhyme()).isEqualTo(w.get("warning").rhyme());
        assertThat(w.get("home").rhyme()).isNotEqualTo(w.get("heart").rhyme());
        assertThat(w.get("sea").rhyme()).isNotEqualTo(w.get("night").rhyme());
    }

    @Test
    void syllablesStressAndPartOfSpeechComeFromTheLexicon() throws Exception {
        List<Pronouncer.Word> words = pronouncer.pronounce("The morning walk along the sea.");

        assertThat(words)
                .extracting(Pronouncer.Word::text)
                .containsExactly("The", "morning", "walk", "along", "the", "sea");
        assertThat(words.get(1).syllables()).hasSize(2);
        assertThat(words.get(1).stressed()).isZero();
        assertThat(words.get(3).stressed()).isEqualTo(1);
        assertThat(words.get(5).pos()).startsWith("NN");
    }
}
