package dev.cantata.http.suno;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cantata.blobs.BlobStore;
import dev.cantata.db.Database;
import dev.cantata.jobs.Task;
import dev.cantata.jobs.TaskStore;
import dev.cantata.music.Stem;
import dev.cantata.testing.SettableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The clip library's SQL on every database Cantata supports: stem clips read as clips and page with them in the feed,
 * the task retention leaves clips out, the clip sweep spares a clip an extension still to be made reads from, and a
 * delete takes a clip's task, files and stem clips, for its account only.
 */
abstract class ClipStoreContract {
    static final Duration LEASE = Duration.ofMinutes(5);
    static final String ACCOUNT = "key:contract";

    @TempDir
    Path dir;

    final SettableClock clock = new SettableClock(Instant.parse("2025-06-01T00:00:00Z"));

    @Nullable
    Database database;

    TaskStore tasks;
    ClipStore store;
    BlobStore blobs;

    /** A database with no clips and no tasks, migrated when it is opened. */
    abstract String url();

    @BeforeEach
    void open() {
        database = Database.open(url());
        tasks = new TaskStore(database, clock);
        store = new ClipStore(database);
        blobs = new BlobStore(dir.resolve("blobs"));
    }

    @AfterEach
    void close() {
        if (database != null) {
            database.close();
        }
    }

    /** A clip whose song task is queued; {@code source} makes it an extension of that clip. */
    SunoClip queued(@Nullable UUID source) {
        return queued(source, null);
    }

    /** A clip whose song task is queued, a version of another when {@code lineage} is given. */
    SunoClip queued(@Nullable UUID source, @Nullable Lineage lineage) {
        Task task = tasks.submit("song", "{}");
        SunoClip clip = new SunoClip(
                task.id(),
                ACCOUNT,
                "chirp-v4",
                "Rain",
                "folk",
                "",
                "",
                source == null ? ClipType.GEN : ClipType.EXTEND,
                "[Verse]\nMorning rain",
                source,
                source == null ? 0 : 12.5,
                clock.instant(),
                null,
                lineage);
        store.insert(clip);
        return clip;
    }

    /** A clip made from {@code parent} as {@code kind} says, whose song task is queued. */
    SunoClip versionOf(SunoClip parent, Lineage.Kind kind) {
        clock.advance(Duration.ofSeconds(1));
        Lineage line = switch (kind) {
            case EXTEND -> Lineage.from(parent.id(), parent.lineage(), kind, 20.0, null, "[Verse]\nOn and on");
            case VARIATION -> Lineage.from(parent.id(), parent.lineage(), kind, null, null, "");
            case REPLACE -> Lineage.from(parent.id(), parent.lineage(), kind, 6.0, 12.5, "A brand new line");
        };
        return queued(kind == Lineage.Kind.EXTEND ? parent.id() : null, line);
    }

    /** Runs the oldest queued task to completion, with a file in its folder. */
    void finishNext() throws Exception {
        var claim = tasks.claim(Set.of("song"), LEASE, 3).orElseThrow();
        String key = Task.blobFolder(claim.task().id()) + "/song-0.wav";
        blobs.write(key, new byte[] {1, 2, 3});
        tasks.complete(claim, "{\"songs\":[]}", List.of(key));
    }

    SunoClip made() throws Exception {
        SunoClip clip = queued(null);
        finishNext();
        return clip;
    }

    @Test
    void aStemClipReadsAsAClipOfItsOwnAndPagesWithTheClipsNewestFirst() throws Exception {
        SunoClip clip = made();
        clock.advance(Duration.ofSeconds(5));
        UUID vocalsId = UUID.randomUUID();
        UUID drumsId = UUID.randomUUID();

        SunoClip vocals = store.insertStem(vocalsId, clip, Stem.VOCALS, clock.instant());
        clock.advance(Duration.ofSeconds(5));
        SunoClip drums = store.insertStem(drumsId, clip, Stem.DRUMS, clock.instant());
        SunoClip again = store.insertStem(vocalsId, clip, Stem.VOCALS, clock.instant());

        assertThat(vocals.type()).isEqualTo(ClipType.STEM);
        assertThat(vocals.stem()).isEqualTo(Stem.VOCALS);
        assertThat(vocals.source()).isEqualTo(clip.id());
        assertThat(vocals.task()).isEqualTo(clip.id());
        assertThat(vocals.account()).isEqualTo(ACCOUNT);
        assertThat(vocals.lyrics()).isEqualTo(clip.lyrics());
        assertThat(drums.lyrics()).as("nothing is sung in the drums").isEmpty();
        assertThat(again).as("asked again, the clip made first").isEqualTo(vocals);
        assertThat(store.find(drumsId)).contains(drums);
        assertThat(store.find(clip.id()).orElseThrow().stem()).isNull();
        assertThat(store.feed(ACCOUNT, 0, 2)).extracting(SunoClip::id).containsExactly(drumsId, vocalsId);
        assertThat(store.feed(ACCOUNT, 1, 2)).extracting(SunoClip::id).containsExactly(clip.id());
        assertThat(store.feed("key:someone-else", 0, 20)).isEmpty();
    }

    @Test
    void theTaskRetentionLeavesClipsToTheLibrary() throws Exception {
        SunoClip clip = made();
        Task scratch = tasks.submit("song", "{}");
        finishNext();
        clock.advance(Duration.ofDays(2));

        List<Task> due = tasks.finishedBefore(clock.instant(), 10, List.of(ClipStore.TABLE));

        assertThat(due).extracting(Task::id).containsExactly(scratch.id());
        assertThat(tasks.finishedBefore(clock.instant(), 10))
                .extracting(Task::id)
                .contains(clip.id());
    }

    @Test
    void everyVersionOfASongIsListedFromItsFirstClipOldestFirstAndOutlivesTheClipsItWasMadeFrom() throws Exception {
        SunoClip first = made();
        SunoClip replaced = versionOf(first, Lineage.Kind.REPLACE);
        SunoClip variation = versionOf(replaced, Lineage.Kind.VARIATION);
        SunoClip extension = versionOf(variation, Lineage.Kind.EXTEND);
        SunoClip unrelated = made();

        SunoClip read = store.find(replaced.id()).orElseThrow();
        assertThat(read.lineage()).isEqualTo(replaced.lineage());
        assertThat(read.lineage().root()).isEqualTo(first.id());
        assertThat(store.find(extension.id()).orElseThrow().lineage())
                .isEqualTo(
                        new Lineage(variation.id(), first.id(), Lineage.Kind.EXTEND, 20.0, null, "[Verse]\nOn and on"));
        assertThat(store.find(first.id()).orElseThrow().lineage()).isNull();
        assertThat(store.versions(first.id()))
                .extracting(SunoClip::id)
                .containsExactly(first.id(), replaced.id(), variation.id(), extension.id());
        assertThat(store.versions(unrelated.id())).extracting(SunoClip::id).containsExactly(unrelated.id());

        tasks.delete(first.id()); // its row goes with its task; the versions still name it as their root
        assertThat(store.versions(first.id()))
                .extracting(SunoClip::id)
                .containsExactly(replaced.id(), variation.id(), extension.id());
    }

    @Test
    void theClipSweepSparesAClipASectionStillToBeReplacedReadsFrom() throws Exception {
        SunoClip source = made();
        SunoClip replaced = versionOf(source, Lineage.Kind.REPLACE);
        ClipLibrary library = new ClipLibrary(store, tasks, blobs, Duration.ofDays(7));
        clock.advance(Duration.ofDays(8));

        assertThat(store.pendingReaders(source.id())).containsExactly(replaced.id());
        assertThat(library.sweep(clock.instant())).isZero();

        finishNext(); // the section is made: nothing reads from its source any more
        assertThat(library.sweep(clock.instant())).isEqualTo(1);
        assertThat(store.find(source.id())).isEmpty();
        assertThat(store.find(replaced.id()).orElseThrow().lineage().parent()).isEqualTo(source.id());
    }

    @Test
    void theClipSweepSparesAClipAnExtensionStillToBeMadeReadsFrom() throws Exception {
        SunoClip source = made();
        SunoClip other = made();
        SunoClip extension = queued(source.id());
        ClipLibrary library = new ClipLibrary(store, tasks, blobs, Duration.ofDays(7));
        clock.advance(Duration.ofDays(8));

        assertThat(store.pendingReaders(source.id())).containsExactly(extension.id());
        assertThat(library.sweep(clock.instant())).isEqualTo(1);

        assertThat(store.find(other.id())).isEmpty();
        assertThat(tasks.find(other.id())).isEmpty();
        assertThat(blobs.exists(Task.blobFolder(other.id()) + "/song-0.wav")).isFalse();
        assertThat(store.find(source.id())).isPresent();

        finishNext(); // the extension is made: nothing reads from its source any more
        assertThat(store.pendingReaders(source.id())).isEmpty();
        assertThat(library.sweep(clock.instant())).isEqualTo(1);
        assertThat(store.find(source.id())).isEmpty();
        assertThat(store.find(extension.id())).as("finished just now").isPresent();
    }

    @Test
    void withoutAClipRetentionTheClipSweepDeletesNothing() throws Exception {
        SunoClip clip = made();
        clock.advance(Duration.ofDays(3650));

        assertThat(new ClipLibrary(store, tasks, blobs, null).sweep(clock.instant()))
                .isZero();
        assertThat(store.find(clip.id())).isPresent();
    }

    @Test
    void aClipGoesWithItsTaskAndFilesAndOnlyForItsAccount() throws Exception {
        SunoClip clip = made();
        SunoClip sibling = made();
        ClipLibrary library = new ClipLibrary(store, tasks, blobs, null);

        ClipLibrary.Deleted notMine =
                library.delete("key:someone-else", List.of(clip.id().toString()));
        ClipLibrary.Deleted mine = library.delete(
                ACCOUNT, List.of(clip.id().toString(), "x", clip.id().toString()));

        assertThat(notMine.deleted()).isEmpty();
        assertThat(notMine.notFound()).containsExactly(clip.id().toString());
        assertThat(mine.deleted()).containsExactly(clip.id());
        assertThat(mine.notFound()).containsExactly("x");
        assertThat(store.find(clip.id())).isEmpty();
        assertThat(tasks.find(clip.id())).isEmpty();
        assertThat(blobs.exists(Task.blobFolder(clip.id()) + "/song-0.wav")).isFalse();
        assertThat(store.find(sibling.id())).isPresent();
        assertThat(blobs.exists(Task.blobFolder(sibling.id()) + "/song-0.wav")).isTrue();
    }

    @Test
    void aClipsStemClipsGoWithItAndAStemClipGoesAlone() throws Exception {
        SunoClip clip = made();
        UUID vocals = store.insertStem(UUID.randomUUID(), clip, Stem.VOCALS, clock.instant())
                .id();
        UUID bass = store.insertStem(UUID.randomUUID(), clip, Stem.BASS, clock.instant())
                .id();
        ClipLibrary library = new ClipLibrary(store, tasks, blobs, null);

        ClipLibrary.Deleted one = library.delete(ACCOUNT, List.of(bass.toString()));
        ClipLibrary.Deleted notMine =
                library.delete("key:someone-else", List.of(clip.id().toString()));
        ClipLibrary.Deleted all = library.delete(ACCOUNT, List.of(clip.id().toString(), bass.toString(), "x"));

        assertThat(one.deleted()).containsExactly(bass);
        assertThat(notMine.deleted()).isEmpty();
        assertThat(notMine.notFound()).containsExactly(clip.id().toString());
        assertThat(all.deleted()).containsExactlyInAnyOrder(clip.id(), vocals);
        assertThat(all.notFound()).containsExactly(bass.toString(), "x");
        assertThat(store.find(vocals)).isEmpty();
        assertThat(store.stemsOf(clip.id())).isEmpty();
        assertThat(tasks.find(clip.id())).isEmpty();
        assertThat(blobs.list("tasks")).isEmpty();
    }
}
