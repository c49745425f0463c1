package dev.cantata.voices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cantata.blobs.BlobStore;
import dev.cantata.db.Database;
import dev.cantata.speech.VoiceProfile;
import java.nio.file.Path;
import java.time.InstantSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class SpeakerLibraryTest {
    @TempDir
    Path dir;

    SpeakerLibrary open(Database db) {
        return new SpeakerLibrary(db, new BlobStore(dir.resolve("blobs")), InstantSource.system());
    }

    @Test
    void anAddedSpeakerSurvivesAReopenedDatabase() throws Exception {
        String url = "jdbc:sqlite:" + dir.resolve("db.sqlite");
        try (Database db = Database.open(url)) {
            open(db).add(
                            new SpeakerLibrary.AddedSpeaker("Ann", new VoiceProfile(0.7, 1, 1.1, 0.9), 117, "hello"),
                            new byte[] {1, 2, 3});
        }

        try (Database db = Database.open(url)) {
            SpeakerLibrary library = open(db);
            assertThat(library.names()).contains("female", "Ann");
            assertThat(library.find("Ann").orElseThrow().profile()).isEqualTo(new VoiceProfile(0.7, 1, 1.1, 0.9));
        }
    }

    @Test
    void addingAnExistingNameReplacesItAndItsRecording() throws Exception {
        try (Database db = Database.open("jdbc:sqlite:" + dir.resolve("db.sqlite"))) {
            SpeakerLibrary library = open(db);
            library.add(new SpeakerLibrary.AddedSpeaker("Bo", VoiceProfile.NEUTRAL, 160, null), new byte[] {1});
            library.add(
                    new SpeakerLibrary.AddedSpeaker("Bo", new VoiceProfile(0.6, 1, 1.2, 1), 100, null), new byte[] {2});

            assertThat(library.names().stream().filter("Bo"::equals)).hasSize(1);
            assertThat(library.find("Bo").orElseThrow().profile().pitch()).isEqualTo(0.6);
            assertThat(new BlobStore(dir.resolve("blobs")).list("speakers")).hasSize(1);
        }
    }

    @Test
    void namesAreCheckedAndBuiltInsAreProtected() throws Exception {
        try (Database db = Database.open("jdbc:sqlite:" + dir.resolve("db.sqlite"))) {
            SpeakerLibrary library = open(db);

            assertThatThrownBy(() -> SpeakerLibrary.checkName("../x")).hasMessageContaining("invalid speaker name");
            assertThat(SpeakerLibrary.checkName("Zoë 2")).isEqualTo("Zoë 2");
            assertThatThrownBy(() -> library.delete("male")).hasMessageContaining("built-in");
            assertThat(library.delete("nobody")).isFalse();
            assertThat(library.find("nova"))
                    .as("OpenAI names resolve to built-ins")
                    .isPresent();
        }
    }
}
