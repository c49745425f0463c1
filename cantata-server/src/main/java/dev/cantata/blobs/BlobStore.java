package dev.cantata.blobs;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Files under one root folder, addressed by keys such as {@code tasks/<id>/output.wav}.
 *
 * <p>A write goes to a hidden temporary file in the target folder, is forced to disk, and is renamed over the target
 * in one atomic step, so a reader sees the old file or the whole new one, never half of one, and a crash leaves at
 * most a temporary file that {@link #deleteStaleTemporaries} removes later. Keys are checked: no absolute paths, no
 * {@code ..}, no hidden names, so no key can reach outside the root.
 */
public final class BlobStore {

    /** Writes a blob's content. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9._-]{0,127}");
    private static final String TEMP_PREFIX = ".tmp-";

    private final Path root;

    public BlobStore(Path root) {
        this.root = root.toAbsolutePath().normalize();
        try {
            Files.createDirectories(this.root);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the blob folder " + this.root, e);
        }
    }

    /** Checks a key; every segment is letters, digits, {@code . _ -}, and does not start with a dot. */
    public static String checkKey(String key) {
        String[] segments = key.split("/", -1);
        for (String segment : segments) {
            if (!SEGMENT.matcher(segment).matches() || segment.equals("..")) {
                throw new IllegalArgumentException("invalid blob key: \"" + key + "\"");
            }
        }
        return key;
    }

    /** Writes a blob atomically, replacing any blob of the same key. */
    public void write(String key, Content content) throws IOException {
        Path target = resolve(key);
        Files.createDirectories(target.getParent());
        Path temp = target.resolveSibling(TEMP_PREFIX + UUID.randomUUID() + "-" + target.getFileName());
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                    OutputStream out = Channels.newOutputStream(channel)) {
                content.writeTo(out);
                out.flush();
                channel.force(true);
            }
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                throw new IOException("the blob folder " + root + " does not support atomic renames", e);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** Writes a blob from bytes. */
    public void write(String key, byte[] bytes) throws IOException {
        write(key, out -> out.write(bytes));
    }

    /** Opens a blob for reading. */
    public InputStream open(String key) throws IOException {
        return Files.newInputStream(resolve(key));
    }

    public byte[] read(String key) throws IOException {
        return Files.readAllBytes(resolve(key));
    }

    public boolean exists(String key) {
        return Files.isRegularFile(resolve(key));
    }

    /** The size of a blob in bytes. */
    public long size(String key) throws IOException {
        return Files.size(resolve(key));
    }

    /** The file behind a key, for zero-copy serving; never write to it directly. */
    public Path file(String key) {
        return resolve(key);
    }

    /** Deletes a blob, or a folder of blobs with everything below it; a missing key is not an error. */
    public void delete(String key) throws IOException {
        Path path = resolve(key);
        if (!Files.exists(path)) {
            return;
        }
        Files.walkFileTree(path, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.deleteIfExists(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                if (e != null) {
                    throw e;
                }
                Files.deleteIfExists(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    /** A child of a folder key, with the time it was last modified. */
    public record Entry(String name, Instant modified) {}

    /** The children of a folder key (files and folders, temporaries left out); none if the folder does not exist. */
    public List<Entry> list(String folder) throws IOException {
        Path dir = resolve(folder);
        List<Entry> entries = new ArrayList<>();
        try (DirectoryStream<Path> children = Files.newDirectoryStream(dir)) {
            for (Path child : children) {
                String name = child.getFileName().toString();
                if (!name.startsWith(".")) {
                    entries.add(new Entry(name, Files.getLastModifiedTime(child).toInstant()));
                }
            }
        } catch (NoSuchFileException e) {
            return List.of();
        }
        return entries;
    }

    /** Removes temporaries older than {@code before}: the remains of writes cut short by a crash. */
    public int deleteStaleTemporaries(Instant before) throws IOException {
        int[] deleted = {0};
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                if (file.getFileName().toString().startsWith(TEMP_PREFIX)
                        && attrs.lastModifiedTime().toInstant().isBefore(before)) {
                    Files.deleteIfExists(file);
                    deleted[0]++;
                }
                return FileVisitResult.CONTINUE;
            }
        });
        return deleted[0];
    }

    private Path resolve(String key) {
        Path path = root.resolve(checkKey(key)).normalize();
        if (!path.startsWith(root)) {
            throw new IllegalArgumentException("invalid blob key: \"" + key + "\"");
        }
        return path;
    }
}
