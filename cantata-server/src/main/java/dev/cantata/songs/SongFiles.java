package dev.cantata.songs;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cantata.audio.AudioFormatException;
import dev.cantata.audio.Codec;
import dev.cantata.audio.Codecs;
import dev.cantata.audio.WavFile;
import dev.cantata.blobs.BlobStore;
import dev.cantata.jobs.Task;
import dev.cantata.jobs.TaskContext;
import dev.cantata.midi.SongMidi;
import dev.cantata.music.Arranger;
import dev.cantata.music.Score;
import dev.cantata.music.Song;
import dev.cantata.music.Stem;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A song's files under its task's folder: {@code song-K.wav} (the master, 44.1 kHz 16-bit stereo, whose {@code
 * LIST/INFO} comment names the task and index, so an upload of it can be recognised), {@code song-K.json} (score and
 * metadata, with the notes the instruments played), {@code song-K.mid} (a Standard MIDI File of it: {@link SongMidi})
 * and {@code song-K.STEM.flac} (the stems: 24-bit FLAC, all of a song's at one gain, {@link
 * #STEM_HEADROOM_DB} or lower, so that none reaches full scale; that gain undone, they sum to the mix before the
 * limiter). A song read back is the one written, to the 16-bit sample of its master and the 24-bit sample of its stems.
 */
public final class SongFiles {
    // a field a later version stops writing must not make the songs it stored unreadable here
    private static final ObjectMapper JSON =
            new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    private static final Pattern KEY = Pattern.compile("tasks/([0-9a-f-]{36})/song-(\\d{1,2})\\.wav");
    private static final Pattern MARK = Pattern.compile("Cantata song ([0-9a-f-]{36})/(\\d{1,2})");
    /** The longest song read back (an extension chain grows; see {@link #MAX_EXTENDED_SECONDS}). */
    public static final double MAX_STORED_SECONDS = 3600;
    /** The longest song extended again: its extension must still be readable whole. */
    public static final double MAX_EXTENDED_SECONDS = 1800;
    /** The longest song edited: an edit makes a new song as long as it, and the engine's songs end at 600 s. */
    public static final double MAX_EDIT_SECONDS = 590;

    /**
     * The gain stems are written at: the stems sum to the mix before the limiter, whose peaks the limiter takes down by
     * up to a few dB (measured: 3.9 dB on a 95 s pop-rock song), so at unity a stem's drum hits would pass full scale.
     */
    public static final double STEM_HEADROOM_DB = -6;
    /** The highest sample peak a written stem may have, dBFS: under full scale with room for a resampler's overshoot. */
    static final double STEM_PEAK_DBFS = -1;

    private final BlobStore blobs;
    private final Codecs codecs;

    public SongFiles(BlobStore blobs, Codecs codecs) {
        this.blobs = blobs;
        this.codecs = codecs;
    }

    /**
     * What was saved with a song besides its audio; {@code stems} are written as their wire names ({@code "vocals"}),
     * as they always were.
     *
     * @param stemGainDb the gain the stem files were written at (0 for songs stored before stems had headroom)
     * @param arrangement the notes the instruments played (null for songs stored before they were kept)
     */
    public record Saved(
            Score score,
            Song.Metadata metadata,
            List<Stem> stems,
            @JsonProperty("stem_gain_db") double stemGainDb,
            Arranger.@Nullable Arrangement arrangement) {}

    /**
     * The gain, dB, {@code stems} are written at: {@link #STEM_HEADROOM_DB}, or lower in whole dB until no sample peaks
     * over {@link #STEM_PEAK_DBFS}. One gain for all, so the files keep their balance and still sum to the mix.
     */
    public static double stemGain(Collection<float[]> stems) {
        double peak = 0;
        for (float[] stem : stems) {
            for (float x : stem) {
                peak = Math.max(peak, Math.abs(x));
            }
        }
        double gain = STEM_HEADROOM_DB;
        double limit = Math.pow(10, STEM_PEAK_DBFS / 20);
        while (peak * Math.pow(10, gain / 20) > limit && gain > -60) {
            gain -= 1;
        }
        return gain;
    }

    /** The Vorbis comments of a stem written at {@code gainDb}: what a user needs to put the stems back together. */
    static Map<String, String> stemTags(Stem stem, double gainDb) {
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put("TITLE", stem.wireName());
        tags.put("CANTATA_STEM_GAIN_DB", String.format(Locale.ROOT, "%.1f", gainDb));
        tags.put(
                "COMMENT",
                String.format(
                        Locale.ROOT,
                        "Cantata stem at %.1f dB: raised %.1f dB, the stems sum to the mix before the limiter",
                        gainDb,
                        -gainDb));
        return tags;
    }

    public static String master(UUID task, int index) {
        return Task.blobFolder(task) + "/" + "song-" + index + ".wav";
    }

    public static String mp3(UUID task, int index) {
        return Task.blobFolder(task) + "/" + "song-" + index + ".mp3";
    }

    /** The song's Standard MIDI File ({@link SongMidi}): its score and the notes its instruments played. */
    public static String midi(UUID task, int index) {
        return Task.blobFolder(task) + "/" + "song-" + index + ".mid";
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
        double gainDb = stemGain(song.stems().values());
        // FLAC needs ffmpeg; without it the song simply has no stems to give
        if (outputs.has(SongOutput.STEMS) && codecs.complete()) {
            float gain = (float) Math.pow(10, gainDb / 20);
            for (Map.Entry<Stem, float[]> stem : song.stems().entrySet()) {
                float[] scaled = stem.getValue().clone();
                for (int i = 0; i < scaled.length; i++) {
                    scaled[i] *= gain;
                }
                byte[] flac = codecs.encodeFlac24(scaled, Song.RATE, 2, stemTags(stem.getKey(), gainDb));
                keys.add(context.writeBlob(
                        "song-" + index + "." + stem.getKey().wireName() + ".flac", out -> out.write(flac)));
                stems.add(stem.getKey());
            }
        }
        byte[] midi = SongMidi.bytes(song);
        keys.add(context.writeBlob("song-" + index + ".mid", out -> out.write(midi)));
        Saved saved = new Saved(song.score(), song.metadata(), stems, gainDb, song.arrangement());
        byte[] json = JSON.writeValueAsBytes(saved);
        keys.add(context.writeBlob("song-" + index + ".json", out -> out.write(json)));
        return keys;
    }

    /** What was saved with song {@code index} of {@code task} (score, metadata, stem names), if it is still there. */
    public Optional<Saved> saved(UUID task, int index) throws IOException {
        String key = Task.blobFolder(task) + "/song-" + index + ".json";
        return blobs.exists(key) ? Optional.of(JSON.readValue(blobs.read(key), Saved.class)) : Optional.empty();
    }

    /**
     * The Standard MIDI File of song {@code index} of {@code task}, if the song is still there: the one written with
     * it, or, for a song stored before MIDI files were, one made now from its saved score (and the notes played, when
     * they were saved).
     */
    public Optional<byte[]> midiFile(UUID task, int index) throws IOException {
        String key = midi(task, index);
        if (blobs.exists(key)) {
            return Optional.of(blobs.read(key));
        }
        Optional<Saved> saved = saved(task, index);
        if (saved.isEmpty()) {
            return Optional.empty();
        }
        Arranger.Arrangement played =
                saved.get().arrangement() != null ? saved.get().arrangement() : Song.NO_ARRANGEMENT;
        return Optional.of(SongMidi.bytes(
                saved.get().score(), played, saved.get().metadata().title()));
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
            float undo = (float) Math.pow(10, -saved.stemGainDb() / 20);
            for (Stem stem : saved.stems()) {
                float[] audio = codecs.decodeStereo(
                        blobs.read(folder + "." + stem.wireName() + ".flac"), Song.RATE, MAX_STORED_SECONDS);
                float[] fitted = java.util.Arrays.copyOf(audio, master.length);
                for (int i = 0; i < fitted.length; i++) {
                    fitted[i] *= undo;
                }
                stems.put(stem, fitted);
            }
            Arranger.Arrangement played = saved.arrangement() != null ? saved.arrangement() : Song.NO_ARRANGEMENT;
            return Optional.of(new Song(master, stems, saved.score(), saved.metadata(), played));
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
