package dev.cantata.speech;

/**
 * A named voice.
 *
 * @param name what clients call it ({@code female}, {@code narrator}, or an added speaker's name)
 * @param description a line for listings
 * @param profile how it sounds
 */
public record Voice(String name, String description, VoiceProfile profile) {}
