package dev.cantata.speech;

import java.util.Arrays;
import java.util.Locale;

/**
 * FlashTTS's five-step pitch and speed scale. Each step is audible and the scale is monotonic: pitch multiplies the
 * median F0, speed divides the duration.
 */
public enum Level {
    VERY_LOW(0.80, 0.70),
    LOW(0.90, 0.85),
    MODERATE(1.0, 1.0),
    HIGH(1.12, 1.2),
    VERY_HIGH(1.25, 1.45);

    private final double pitch;
    private final double speed;

    Level(double pitch, double speed) {
        this.pitch = pitch;
        this.speed = speed;
    }

    public double pitch() {
        return pitch;
    }

    public double speed() {
        return speed;
    }

    /** The wire name, e.g. {@code very_low}. */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The level whose {@link #wire()} name is {@code value} (exactly). */
    public static Level parse(String value) {
        for (Level level : values()) {
            if (level.wire().equals(value)) {
                return level;
            }
        }
        throw new IllegalArgumentException("\"" + value + "\" is not one of "
                + String.join(", ", Arrays.stream(values()).map(Level::wire).toList()));
    }
}
