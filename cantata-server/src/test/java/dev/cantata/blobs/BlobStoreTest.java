package dev.cantata.blobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

final class BlobStoreTest {
    @TempDir
    Path dir;

    @Test
    void aWrittenBlobReadsBackWhole() throws IOException {
        BlobStore blobs = new BlobStore(dir);

        blobs.write("tasks/a/output.wav", new byte[] {1, 2, 3});

        assertThat(blobs.read("tasks/a/output.wav")).containsExactly(1, 2, 3);
        assertThat(blobs.size("tasks/a/output.wav")).isEqualTo(3);
        assertThat(blobs.exists("tasks/a/output.wav")).isTrue();
    }

    @Test
    void aWriteThatFailsHalfwayLeavesTheOldBlobAndNoTemporary() throws IOException {
        BlobStore blobs = new BlobStore(dir);
        blobs.write("song.wav", new byte[] {7});

        assertThatThrownBy(() -> blobs.write("song.wav", out -> {
                    out.write(new byte[] {1, 2});
                    throw new IOException("encoder died");
                }))
                .hasMessage("encoder died");

        assertThat(blobs.read("song.wav")).containsExactly(7);
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("song.wav");
        }
    }

    @Test
    void aSecondWriteReplacesTheBlob() throws IOException {
        BlobStore blobs = new BlobStore(dir);
        blobs.write("a.txt", new byte[] {1});

        blobs.write("a.txt", new byte[] {2, 2});

        assertThat(blobs.read("a.txt")).containsExactly(2, 2);
    }

    @ParameterizedTest
    @ValueSource(strings = {"../escape", "/etc/passwd", "a/../../b", ".hidden", "a//b", "", "a/b/", "sp ace", "x\\y"})
    void keysThatCouldLeaveTheRootOrHideAFileAreRefused(String key) {
        BlobStore blobs = new BlobStore(dir);

        assertThatThrownBy(() -> blobs.write(key, new byte[] {1}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("invalid blob key");
    }

    @Test
    void deletingAFolderDeletesEverythingBelowIt() throws IOException {
        BlobStore blobs = new BlobStore(dir);
        blobs.write("tasks/a/x.wav", new byte[] {1});
        blobs.write("tasks/a/stems/drums.wav", new byte[] {1});
        blobs.write("tasks/b/x.wav", new byte[] {1});

        blobs.delete("tasks/a");
        blobs.delete("tasks/missing");

        assertThat(blobs.list("tasks")).extracting(BlobStore.Entry::name).containsExactly("b");
    }

    @Test
    void staleTemporariesAreRemovedAndFreshOnesKept() throws IOException {
        BlobStore blobs = new BlobStore(dir);
        Path stale = Files.createDirectories(dir.resolve("tasks/a")).resolve(".tmp-1-output.wav");
        Files.write(stale, new byte[] {1});
        Files.setLastModifiedTime(
                stale, java.nio.file.attribute.FileTime.from(Instant.now().minusSeconds(7200)));
        Path fresh = dir.resolve("tasks/a/.tmp-2-output.wav");
        Files.write(fresh, new byte[] {1});

        assertThat(blobs.deleteStaleTemporaries(Instant.now().minusSeconds(3600)))
                .isEqualTo(1);

        assertThat(stale).doesNotExist();
        assertThat(fresh).exists();
        assertThat(blobs.list("tasks/a")).as("temporaries are never listed").isEmpty();
    }
}
