package dev.cantata.audio;

import java.util.Arrays;
import java.util.Locale;

/** The output formats the speech APIs offer, with the content types their upstreams send. */
public enum Codec {
    MP3("audio/mpeg", "mp3", true),
    OPUS("audio/opus", "opus", true),
    AAC("audio/aac", "aac", true),
    FLAC("audio/flac", "flac", false),
    WAV("audio/wav", "wav", true),
    PCM("audio/pcm", "pcm", true);

    private final String contentType;
    private final String extension;
    private final boolean streamable;

    Codec(String contentType, String extension, boolean streamable) {
        this.contentType = contentType;
        this.extension = extension;
        this.streamable = streamable;
    }

    /**
     * Whether a streamed encoding, written before the audio's end is known, still makes a file that clients read
     * whole. FLAC's does not: its header (STREAMINFO) holds the sample count, which a stream must leave at 0
     * (unknown), and libsndfile (python soundfile, so most Python clients) refuses such a file and players show no
     * duration. FLAC is therefore always sent whole. A streamed WAV's unknown sizes are read to the end of the file.
     */
    public boolean streamable() {
        return streamable;
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
