package dev.cantata.songs;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cantata.audio.AudioFormatException;
import dev.cantata.audio.Codec;
import dev.cantata.audio.Codecs;
import dev.cantata.audio.WavFile;
import dev.cantata.blobs.BlobStore;
import dev.cantata.jobs.Task;
import dev.cantata.jobs.TaskContext;
import dev.cantata.music.Score;
import dev.cantata.music.Song;
import dev.cantata.music.Stem;
import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A song's files under its task's folder: {@code song-K.wav} (the master, 44.1 kHz 16-bit stereo, whose {@code
 * LIST/INFO} comment names the task and index, so an upload of it can be recognised), {@code song-K.json} (score and
 * metadata) and {@code song-K.STEM.flac} (the stems, lossless). A song read back is exactly the one written, to the
 * 16-bit sample.
 */
public final class SongFiles {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern KEY = Pattern.compile("tasks/([0-9a-f-]{36})/song-(\\d{1,2})\\.wav");
    private static final Pattern MARK = Pattern.compile("Cantata song ([0-9a-f-]{36})/(\\d{1,2})");
    /** The longest song read back (an extension chain grows; see {@link #MAX_EXTENDED_SECONDS}). */
    public static final double MAX_STORED_SECONDS = 3600;
    /** The longest song extended again: its extension must still be readable whole. */
    public static final double MAX_EXTENDED_SECONDS = 1800;
    /** The longest song edited: an edit makes a new song as long as it, and the engine's songs end at 600 s. */
    public static final double MAX_EDIT_SECONDS = 590;

    private final BlobStore blobs;
    private final Codecs codecs;

    public SongFiles(BlobStore blobs, Codecs codecs) {
        this.blobs = blobs;
        this.codecs = codecs;
    }

    /**
     * What was saved with a song besides its audio; {@code stems} are written as their wire names ({@code "vocals"}),
     * as they always were.
     */
    public record Saved(Score score, Song.Metadata metadata, List<Stem> stems) {}

    public static String master(UUID task, int index) {
        return Task.blobFolder(task) + "/" + "song-" + index + ".wav";
    }

    public static String mp3(UUID task, int index) {
        return Task.blobFolder(task) + "/" + "song-" + index + ".mp3";
    }

    public static String stem(UUID task, int index, Stem stem) {
        return Task.blobFolder(task) + "/" + "song-" + index + "." + stem.wireName() + ".flac";
    }

    /** The task and index of a song's master blob key. */
    public static Optional<Origin> origin(String masterKey) {
        Matcher m = KEY.matcher(masterKey);
        return m.matches()
                ? Optional.of(new Origin(UUID.fromString(m.group(1)), Integer.parseInt(m.group(2))))
                : Optional.empty();
    }

    /**
     * Writes song {@code index} of the running task as the files {@code outputs} asks for, and its score; returns the
     * blob keys written.
     */
    public List<String> write(TaskContext context, UUID task, int index, Song song, SongOutputs outputs)
            throws IOException {
        List<String> keys = new ArrayList<>();
        byte[] wav = WavFile.bytes(song.master(), Song.RATE, 2, "Cantata song " + task + "/" + index);
        keys.add(context.writeBlob("song-" + index + ".wav", out -> out.write(wav)));
        if (outputs.has(SongOutput.MP3)) {
            byte[] encoded = codecs.encodeMusic(song.master(), Song.RATE, 2, Codec.MP3);
            keys.add(context.writeBlob("song-" + index + ".mp3", out -> out.write(encoded)));
        }
        List<Stem> stems = new ArrayList<>();
        // FLAC needs ffmpeg; without it the song simply has no stems to give
        if (outputs.has(SongOutput.STEMS) && codecs.complete()) {
            for (Map.Entry<Stem, float[]> stem : song.stems().entrySet()) {
                byte[] flac = codecs.encode(stem.getValue(), Song.RATE, 2, Codec.FLAC);
                keys.add(context.writeBlob(
                        "song-" + index + "." + stem.getKey().wireName() + ".flac", out -> out.write(flac)));
                stems.add(stem.getKey());
            }
        }
        Saved saved = new Saved(song.score(), song.metadata(), stems);
        byte[] json = JSON.writeValueAsBytes(saved);
        keys.add(context.writeBlob("song-" + index + ".json", out -> out.write(json)));
        return keys;
    }

    /** What was saved with song {@code index} of {@code task} (score, metadata, stem names), if it is still there. */
    public Optional<Saved> saved(UUID task, int index) throws IOException {
        String key = Task.blobFolder(task) + "/song-" + index + ".json";
        return blobs.exists(key) ? Optional.of(JSON.readValue(blobs.read(key), Saved.class)) : Optional.empty();
    }

    /** Song {@code index} of {@code task} as written, if its files are still there. */
    public Optional<Song> read(UUID task, int index) throws IOException {
        String folder = Task.blobFolder(task) + "/song-" + index;
        if (!blobs.exists(folder + ".wav") || !blobs.exists(folder + ".json")) {
            return Optional.empty();
        }
        try {
            Saved saved = JSON.readValue(blobs.read(folder + ".json"), Saved.class);
            float[] master = codecs.decodeStereo(blobs.read(folder + ".wav"), Song.RATE, MAX_STORED_SECONDS);
            Map<Stem, float[]> stems = new EnumMap<>(Stem.class);
            for (Stem stem : saved.stems()) {
                float[] audio = codecs.decodeStereo(
                        blobs.read(folder + "." + stem.wireName() + ".flac"), Song.RATE, MAX_STORED_SECONDS);
                stems.put(stem, java.util.Arrays.copyOf(audio, master.length));
            }
            return Optional.of(new Song(master, stems, saved.score(), saved.metadata()));
        } catch (AudioFormatException e) {
            throw new IOException("the stored song " + folder + " cannot be read: " + e.getMessage(), e);
        }
    }

    /** A song this node wrote, recognised from an upload. */
    public record Origin(UUID task, int index) {}

    /**
     * The task and index an uploaded WAV came from, when it is byte for byte a song this node still holds (a file that
     * was edited elsewhere is just a recording, whatever its comment says).
     */
    public Optional<Origin> recognise(byte[] upload) throws IOException {
        Optional<String> comment = WavFile.comment(upload);
        if (comment.isEmpty()) {
            return Optional.empty();
        }
        Matcher m = MARK.matcher(comment.get());
        if (!m.matches()) {
            return Optional.empty();
        }
        UUID task;
        try {
            task = UUID.fromString(m.group(1));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        int index = Integer.parseInt(m.group(2));
        String key = master(task, index);
        if (!blobs.exists(key)
                || blobs.size(key) != upload.length
                || !java.util.Arrays.equals(blobs.read(key), upload)) {
            return Optional.empty();
        }
        return Optional.of(new Origin(task, index));
    }
}
