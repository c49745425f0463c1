package dev.cantata.songs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.EnumSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;

final class SongJobsTest {
    static final String SOURCE = "tasks/" + UUID.nameUUIDFromBytes(new byte[] {1}) + "/song-0.wav";

    @Test
    void everyKindOfJobReadsBackAsItWasWritten() throws IOException {
        SongJob[] jobs = {
            new NewSong(
                    "[Verse]\nla la\n",
                    new StyleSource("folk", "tasks/x/input/ref_audio"),
                    95.0,
                    3,
                    7,
                    "Title",
                    SongOutputs.MASTER),
            new NewSong("", StyleSource.words("ambient"), null, 1, 8, null, SongOutputs.PLAYABLE),
            new EditSong(
                    "[00:10.00]line\n",
                    StyleSource.words("rock"),
                    "tasks/x/input/ref_song",
                    "[[10,20]]",
                    2,
                    9,
                    SongOutputs.MASTER),
            new ExtendSong("[Verse]\nmore\n", "pop", SOURCE, 12.5, 10, null, SongOutputs.PLAYABLE)
        };
        for (SongJob job : jobs) {
            String json = SongJobs.write(job);
            assertThat(json).startsWith("{\"job\":");
            assertThat(SongJobs.read(json)).isEqualTo(job);
        }
    }

    @Test
    void theLrcLinesSkippedAreStoredWithTheJobAndNoneIsNotWritten() throws IOException {
        NewSong skipped = new NewSong(
                "[00:10.00]line\n",
                StyleSource.words("folk"),
                95.0,
                1,
                3,
                null,
                SongOutputs.MASTER,
                java.util.List.of("LRC line 2 has no [mm:ss.xx] time tag: \"x\""));
        NewSong none = new NewSong("", StyleSource.words("folk"), 95.0, 1, 3, null, SongOutputs.MASTER);

        assertThat(SongJobs.read(SongJobs.write(skipped)).skippedLines()).isEqualTo(skipped.skippedLines());
        assertThat(SongJobs.write(none)).doesNotContain("skippedLines");
        assertThat(SongJobs.read(SongJobs.write(none)).skippedLines()).isEmpty();
    }

    @Test
    void aSunoClipQueuedByTheFirstShapeIsANewSongWithItsMp3() throws IOException {
        String stored = "{\"edit\":false,\"lyrics\":\"[Verse]\\nMorning rain\\n\",\"prompt\":\"pop rock\","
                + "\"refAudio\":null,\"length\":0.0,\"variations\":1,\"seed\":1234,\"refSong\":null,\"segments\":null,"
                + "\"title\":\"Rain\",\"extendsSong\":null,\"continueAt\":0.0,\"labels\":{\"dialect\":\"suno\","
                + "\"account\":\"default\",\"model\":\"chirp-v4\",\"title\":\"Rain\",\"tags\":\"pop rock\","
                + "\"negative_tags\":\"\",\"description\":\"\",\"type\":\"gen\",\"mp3\":\"yes\"}}";
        assertThat(SongJobs.read(stored))
                .isEqualTo(new NewSong(
                        "[Verse]\nMorning rain\n",
                        StyleSource.words("pop rock"),
                        null,
                        1,
                        1234,
                        "Rain",
                        SongOutputs.PLAYABLE));
    }

    @Test
    void aDiffRhythmSongOfTheFirstShapeKeepsItsLengthReferenceAndVariations() throws IOException {
        String stored = "{\"edit\":false,\"lyrics\":\"[00:01.00]hi\\n\",\"prompt\":null,"
                + "\"refAudio\":\"tasks/a/input/ref_audio\",\"length\":95.0,\"variations\":2,\"seed\":5,\"refSong\":null,"
                + "\"segments\":null,\"title\":null,\"extendsSong\":null,\"continueAt\":0.0,"
                + "\"labels\":{\"dialect\":\"diffrhythm\"}}";
        assertThat(SongJobs.read(stored))
                .isEqualTo(new NewSong(
                        "[00:01.00]hi\n",
                        new StyleSource("", "tasks/a/input/ref_audio"),
                        95.0,
                        2,
                        5,
                        null,
                        SongOutputs.MASTER));
    }

    @Test
    void editsAndExtensionsOfTheFirstShapeBecomeTheirOwnKinds() throws IOException {
        String edit = "{\"edit\":true,\"lyrics\":\"[00:12.00]new\\n\",\"prompt\":\"jazz\",\"refAudio\":null,"
                + "\"length\":95.0,\"variations\":1,\"seed\":6,\"refSong\":\"tasks/b/input/ref_song\","
                + "\"segments\":\"[[10,20]]\",\"title\":null,\"extendsSong\":null,\"continueAt\":0.0,"
                + "\"labels\":{\"dialect\":\"diffrhythm\"}}";
        assertThat(SongJobs.read(edit))
                .isEqualTo(new EditSong(
                        "[00:12.00]new\n",
                        StyleSource.words("jazz"),
                        "tasks/b/input/ref_song",
                        "[[10,20]]",
                        1,
                        6,
                        SongOutputs.MASTER));
        String extend = "{\"edit\":false,\"lyrics\":\"[Verse]\\nagain\\n\",\"prompt\":\"pop\",\"refAudio\":null,"
                + "\"length\":0.0,\"variations\":1,\"seed\":7,\"refSong\":null,\"segments\":null,\"title\":\"T\","
                + "\"extendsSong\":\"" + SOURCE
                + "\",\"continueAt\":20.0,\"labels\":{\"dialect\":\"suno\",\"mp3\":\"yes\"}}";
        assertThat(SongJobs.read(extend))
                .isEqualTo(new ExtendSong("[Verse]\nagain\n", "pop", SOURCE, 20.0, 7, "T", SongOutputs.PLAYABLE));
    }

    @Test
    void aStoredJobThatBreaksTheRulesIsAnErrorNotAJob() {
        assertThatThrownBy(() -> SongJobs.read("{\"job\":\"new\",\"lyrics\":\"\",\"style\":{\"words\":\"x\"},"
                        + "\"seconds\":9000.0,\"variations\":1,\"seed\":1,\"outputs\":[\"wav\"]}"))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("length");
        assertThatThrownBy(() -> SongJobs.read("[1,2]")).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> SongJobs.read("{\"job\":\"sing\"}")).isInstanceOf(IOException.class);
    }

    @Test
    void jobsRefuseWhatNoWorkerCouldRun() {
        assertThatThrownBy(() -> new NewSong("", StyleSource.words("x"), null, 0, 1, null, SongOutputs.MASTER))
                .hasMessageContaining("variations");
        assertThatThrownBy(() -> new ExtendSong("", "x", "tasks/not-a-song.wav", 10, 1, null, SongOutputs.MASTER))
                .hasMessageContaining("master");
        assertThatThrownBy(() -> new ExtendSong("", "x", SOURCE, 0, 1, null, SongOutputs.MASTER))
                .hasMessageContaining("continue_at");
        assertThatThrownBy(() -> new SongOutputs(EnumSet.of(SongOutput.MP3))).hasMessageContaining("master");
    }
}
