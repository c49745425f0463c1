package dev.cantata.music;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.cantata.audio.Mixer;
import java.util.Locale;
import java.util.Optional;

/**
 * The stems a song is mixed from: the four of the split Suno and source separators (Demucs) use, with the voices
 * around the lead apart from it (as a studio session delivers lead and backing vocals). Each knows the level the
 * {@link Mixer} sets it at against the others; on the wire (JSON, file names, URLs) a stem is its lower-case {@link
 * #wireName}.
 */
public enum Stem implements Mixer.Bus {
    VOCALS(-16.0),
    /** Harmonies and backing vowels ({@link BackingVocals}): 7 dB under the lead, as backing voices are mixed. */
    BACKING(-23.0),
    DRUMS(-20.0),
    BASS(-21.0),
    OTHER(-21.5);

    private final double level;

    Stem(double level) {
        this.level = level;
    }

    /** dBFS RMS of its sounding parts, before normalisation: the voice sits on top, the band a few dB under. */
    @Override
    public double level() {
        return level;
    }

    /** The vocals lead: an instrumental song raises the band to fill their place. */
    @Override
    public boolean lead() {
        return this == VOCALS;
    }

    /** {@code vocals}, {@code backing}, {@code drums}, {@code bass} or {@code other}: how files, JSON and URLs name it. */
    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The stem {@code wireName} names, if any. */
    public static Optional<Stem> find(String wireName) {
        for (Stem s : values()) {
            if (s.wireName().equals(wireName)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    /**
     * The stem {@code wireName} names.
     *
     * @throws IllegalArgumentException when it names none
     */
    @JsonCreator
    public static Stem of(String wireName) {
        return find(wireName)
                .orElseThrow(() -> new IllegalArgumentException(
                        "no stem \"" + wireName + "\"; the stems are vocals, backing, drums, bass and other"));
    }
}
