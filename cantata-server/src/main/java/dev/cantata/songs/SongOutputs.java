package dev.cantata.songs;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;

/** The files a song job writes for each song it makes. The master WAV is always among them. */
public record SongOutputs(Set<SongOutput> files) {
    /** The master and stems: what a song needs to be edited or continued later. */
    public static final SongOutputs MASTER = new SongOutputs(EnumSet.of(SongOutput.WAV, SongOutput.STEMS));
    /** The master, stems and an MP3 to play. */
    public static final SongOutputs PLAYABLE =
            new SongOutputs(EnumSet.of(SongOutput.WAV, SongOutput.STEMS, SongOutput.MP3));

    public SongOutputs {
        if (!files.contains(SongOutput.WAV)) {
            throw new IllegalArgumentException("every song keeps its master WAV; asked for " + files);
        }
        files = Set.copyOf(EnumSet.copyOf(files));
    }

    @JsonCreator
    static SongOutputs of(Collection<SongOutput> files) {
        return new SongOutputs(EnumSet.copyOf(files));
    }

    @JsonValue
    Set<SongOutput> json() {
        return EnumSet.copyOf(files);
    }

    public boolean has(SongOutput file) {
        return files.contains(file);
    }
}
