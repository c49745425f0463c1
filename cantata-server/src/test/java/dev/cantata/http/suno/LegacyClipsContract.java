package dev.cantata.http.suno;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cantata.db.Database;
import dev.cantata.jobs.TaskStore;
import dev.cantata.songs.ExtendSong;
import dev.cantata.songs.NewSong;
import dev.cantata.songs.SongJobs;
import dev.cantata.songs.SongOutputs;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.InstantSource;
import java.util.List;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * A database written by Cantata before clips had a table of their own (migrations up to V3, Suno fields as labels in
 * the task input) opens with its clips in the feed and its jobs readable, on every database Cantata supports.
 */
abstract class LegacyClipsContract {
    static final UUID GEN = UUID.fromString("00000000-0000-4000-8000-000000000001");
    static final UUID EXTENSION = UUID.fromString("00000000-0000-4000-8000-000000000002");
    static final UUID DIFFRHYTHM = UUID.fromString("00000000-0000-4000-8000-000000000003");

    /** An empty database to migrate; {@link #bind} is how its ids are bound. */
    abstract String url();

    abstract String migrations();

    abstract Object bind(UUID id);

    /** The input JSON today's (the first) song jobs were stored as, with the Suno labels of the time. */
    static String firstShape(String lyrics, String extendsSong, double continueAt, String labels) {
        return "{\"edit\":false,\"lyrics\":\"" + lyrics + "\",\"prompt\":\"pop rock\",\"refAudio\":null,\"length\":0.0,"
                + "\"variations\":1,\"seed\":42,\"refSong\":null,\"segments\":null,\"title\":\"Rain\",\"extendsSong\":"
                + extendsSong + ",\"continueAt\":" + continueAt + ",\"labels\":{" + labels + "}}";
    }

    @Test
    void clipsQueuedBeforeTheClipTableAreInTheFeedAndTheirJobsStillRead() throws Exception {
        Flyway.configure()
                .dataSource(url(), null, null)
                .locations(migrations())
                .target("3")
                .load()
                .migrate();
        try (Connection c = DriverManager.getConnection(url())) {
            insert(
                    c,
                    GEN,
                    1000,
                    firstShape(
                            "[Verse]\\nMorning rain\\n",
                            "null",
                            0.0,
                            "\"dialect\":\"suno\","
                                    + "\"account\":\"key:abc\",\"model\":\"chirp-v4\",\"title\":\"Rain\",\"tags\":\"pop rock\","
                                    + "\"negative_tags\":\"jazz\",\"description\":\"a rainy song\",\"type\":\"gen\",\"mp3\":\"yes\""));
            insert(
                    c,
                    EXTENSION,
                    2000,
                    firstShape(
                            "[Verse]\\nMore rain\\n",
                            "\"tasks/" + GEN + "/song-0.wav\"",
                            20.5,
                            "\"dialect\":\"suno\",\"account\":\"key:abc\",\"model\":\"chirp-v4\",\"title\":\"Rain\","
                                    + "\"tags\":\"pop rock\",\"negative_tags\":\"\",\"description\":\"\",\"type\":\"extend\",\"mp3\":\"yes\""));
            insert(c, DIFFRHYTHM, 3000, firstShape("", "null", 0.0, "\"dialect\":\"diffrhythm\""));
        }
        try (Database database = Database.open(url())) {
            List<SunoClip> feed = new ClipStore(database).feed("key:abc", 0, 20);
            assertThat(feed).extracting(SunoClip::id).containsExactly(EXTENSION, GEN);
            SunoClip extension = feed.get(0);
            assertThat(extension.type()).isEqualTo(ClipType.EXTEND);
            assertThat(extension.source()).isEqualTo(GEN);
            assertThat(extension.continueAt()).isEqualTo(20.5);
            // the versions table (V9) learns the extensions made before it
            assertThat(extension.lineage())
                    .isEqualTo(new Lineage(GEN, GEN, Lineage.Kind.EXTEND, 20.5, null, "[Verse]\nMore rain\n"));
            assertThat(new ClipStore(database).versions(GEN))
                    .extracting(SunoClip::id)
                    .containsExactly(GEN, EXTENSION);
            SunoClip gen = feed.get(1);
            assertThat(gen)
                    .extracting(
                            SunoClip::model,
                            SunoClip::title,
                            SunoClip::tags,
                            SunoClip::negativeTags,
                            SunoClip::description,
                            SunoClip::type,
                            SunoClip::lyrics)
                    .containsExactly(
                            "chirp-v4",
                            "Rain",
                            "pop rock",
                            "jazz",
                            "a rainy song",
                            ClipType.GEN,
                            "[Verse]\nMorning rain\n");
            assertThat(gen.source()).isNull();
            assertThat(new ClipStore(database).find(DIFFRHYTHM)).isEmpty();

            TaskStore tasks = new TaskStore(database, InstantSource.system());
            assertThat(SongJobs.read(tasks.find(GEN).orElseThrow().input()))
                    .isInstanceOf(NewSong.class)
                    .extracting(j -> j.outputs())
                    .isEqualTo(SongOutputs.PLAYABLE);
            assertThat(SongJobs.read(tasks.find(EXTENSION).orElseThrow().input()))
                    .isInstanceOf(ExtendSong.class);
            assertThat(SongJobs.read(tasks.find(DIFFRHYTHM).orElseThrow().input())
                            .outputs())
                    .isEqualTo(SongOutputs.MASTER);

            tasks.delete(GEN);
            assertThat(new ClipStore(database).find(GEN))
                    .as("a clip goes with its task")
                    .isEmpty();
        }
    }

    private void insert(Connection c, UUID id, long created, String input) throws Exception {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO tasks (id, kind, input, status, progress, stage,"
                + " created_at) VALUES (?, 'song', ?, 'queued', 0, 'queued', ?)")) {
            s.setObject(1, bind(id));
            s.setString(2, input);
            s.setLong(3, created);
            s.executeUpdate();
        }
    }
}
