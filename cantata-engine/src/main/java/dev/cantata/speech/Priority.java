package dev.cantata.speech;

/**
 * Who is served first when the engines are all busy, in order: a waiting turn of a higher priority always goes before
 * one of a lower, whatever the order they came in. A listener waits for speech; a song's singer only delays a job
 * that takes a minute anyway; lyric writing runs ahead of a song and can wait for its phrases.
 */
public enum Priority {
    /** Interactive speech: a client is waiting for the first sentence (and voice matching for it). */
    SPEECH,
    /** The phrases of a song being sung. */
    SINGING,
    /** Pronouncing words for lyric writing. */
    WRITING
}
