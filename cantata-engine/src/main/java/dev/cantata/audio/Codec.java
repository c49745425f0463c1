package dev.cantata.audio;

import java.util.Arrays;
import java.util.Locale;

/** The output formats the speech APIs offer, with the content types their upstreams send. */
public enum Codec {
    MP3("audio/mpeg", "mp3"),
    OPUS("audio/opus", "opus"),
    AAC("audio/aac", "aac"),
    FLAC("audio/flac", "flac"),
    WAV("audio/wav", "wav"),
    PCM("audio/pcm", "pcm");

    private final String contentType;
    private final String extension;

    Codec(String contentType, String extension) {
        this.contentType = contentType;
        this.extension = extension;
    }

    public String contentType() {
        return contentType;
    }

    /** The file extension, which is also the codec's wire name: OpenAI's and FlashTTS's {@code response_format}. */
    public String extension() {
        return extension;
    }

    /** The codec named {@code name} (any case). */
    public static Codec parse(String name) {
        for (Codec codec : values()) {
            if (codec.extension.equals(name.trim().toLowerCase(Locale.ROOT))) {
                return codec;
            }
        }
        throw new IllegalArgumentException("unsupported response_format \"" + name + "\"; use one of "
                + String.join(
                        ", ", Arrays.stream(values()).map(Codec::extension).toList()));
    }
}
