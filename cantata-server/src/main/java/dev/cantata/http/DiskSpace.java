package dev.cantata.http;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * The data folder has room for more songs. A song task writes about 60 MB (a 95 s master is 16 MB, its four FLAC stems
 * and MP3 most of the rest) and SQLite needs room for its write-ahead log, so below {@code minFree} the node is
 * degraded before writes start failing mid-song.
 */
public record DiskSpace(Path folder, long minFree) implements HealthCheck {
    /** 512 MiB: a few songs' worth, enough to finish what is running. */
    public static final long DEFAULT_MIN_FREE = 512L << 20;

    @Override
    public Optional<String> problem() {
        try {
            long free = Files.getFileStore(folder).getUsableSpace();
            return free >= minFree
                    ? Optional.empty()
                    : Optional.of(String.format(
                            Locale.ROOT,
                            "the data folder's disk is nearly full (%d MB free, %d MB wanted)",
                            free >> 20,
                            minFree >> 20));
        } catch (IOException e) {
            return Optional.of("the data folder cannot be read: " + e.getMessage());
        }
    }
}
