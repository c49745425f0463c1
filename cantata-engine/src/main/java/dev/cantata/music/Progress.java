package dev.cantata.music;

/** Hears how far a song has come: a percentage and the stage in words. */
@FunctionalInterface
public interface Progress {
    Progress NONE = (percent, stage) -> {};

    void report(int percent, String stage);
}
