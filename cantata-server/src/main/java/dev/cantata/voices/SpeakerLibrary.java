package dev.cantata.voices;

import dev.cantata.blobs.BlobStore;
import dev.cantata.db.Database;
import dev.cantata.db.Jdbc;
import dev.cantata.speech.BuiltInVoices;
import dev.cantata.speech.LanguageVoices;
import dev.cantata.speech.Voice;
import dev.cantata.speech.VoiceProfile;
import java.io.IOException;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Every voice a client can name: the built-in ones and the speakers added from recordings, which live in the database
 * (their profile) and the blob store (their recording) and so survive restarts and are shared by every node.
 * Adding a name that exists replaces it, as upstream does; built-in names cannot be replaced or deleted.
 */
public final class SpeakerLibrary {
    private static final Pattern NAME = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N} _.\\-]{0,63}");

    private final Jdbc jdbc;
    private final BlobStore blobs;
    private final InstantSource clock;
    private final LanguageVoices languageVoices;

    /** A library whose built-in voices are the language-neutral ones alone (a node that speaks English). */
    public SpeakerLibrary(Database database, BlobStore blobs, InstantSource clock) {
        this(database, blobs, clock, LanguageVoices.none());
    }

    /** A library with the voices of the node's languages ({@link LanguageVoices}) among its built-in ones. */
    public SpeakerLibrary(Database database, BlobStore blobs, InstantSource clock, LanguageVoices languageVoices) {
        this.jdbc = database.jdbc();
        this.blobs = blobs;
        this.clock = clock;
        this.languageVoices = languageVoices;
    }

    /** The voices that speak one language each. */
    public LanguageVoices languageVoices() {
        return languageVoices;
    }

    /** A speaker added from a recording. */
    public record AddedSpeaker(
            String name,
            VoiceProfile profile,
            double medianF0,
            @Nullable String referenceText) {
        public Voice voice() {
            return new Voice(
                    name, String.format(java.util.Locale.ROOT, "Added speaker, median F0 %.0f Hz", medianF0), profile);
        }
    }

    /**
     * Checks a speaker name: letters, digits, spaces and {@code _ . -}, 1–64 characters, starting with a letter or digit.
     *
     * @throws IllegalArgumentException naming the problem
     */
    public static String checkName(String name) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("invalid speaker name \"" + name
                    + "\": use 1–64 letters, digits, spaces, '_', '.' or '-', starting with a" + " letter or digit");
        }
        return name;
    }

    /**
     * The voice called {@code name}: a built-in voice or an OpenAI or Orpheus name, else an added speaker. Built-ins are looked up
     * first and never touch the database (no speaker may take their names, see {@link #add}), so they speak while the
     * database is down.
     */
    public Optional<Voice> find(String name) {
        Optional<Voice> builtIn = builtIn(name);
        if (builtIn.isPresent()) {
            return builtIn;
        }
        return added(name).map(AddedSpeaker::voice);
    }

    /** The built-in voice called {@code name}: language-neutral, an OpenAI or Orpheus name, or a language's voice. */
    private Optional<Voice> builtIn(String name) {
        Optional<Voice> neutral = BuiltInVoices.find(name);
        return neutral.isPresent() ? neutral : languageVoices.find(name);
    }

    public Optional<AddedSpeaker> added(String name) {
        return jdbc.queryOne(
                "reading speaker " + name,
                "SELECT name, pitch, pitch_range, tract, rate, median_f0, reference_text FROM speakers WHERE name = ?",
                SpeakerLibrary::speaker,
                name);
    }

    private static AddedSpeaker speaker(java.sql.ResultSet row) throws java.sql.SQLException {
        return new AddedSpeaker(
                row.getString("name"),
                new VoiceProfile(
                        row.getDouble("pitch"),
                        row.getDouble("pitch_range"),
                        row.getDouble("tract"),
                        row.getDouble("rate")),
                row.getDouble("median_f0"),
                row.getString("reference_text"));
    }

    /**
     * The names FlashTTS lists as its roles: the built-in voices, the Orpheus engine's names (FlashTTS with Orpheus
     * lists those), the languages' voices, then added speakers in name order.
     */
    public List<String> names() {
        return new ArrayList<>(roles().keySet());
    }

    /** {@link #names()}, each with the voice it speaks with (an Orpheus name with its built-in voice): one query. */
    public Map<String, Voice> roles() {
        Map<String, Voice> roles = new LinkedHashMap<>();
        for (Voice voice : BuiltInVoices.all()) {
            roles.put(voice.name(), voice);
        }
        for (String orpheus : BuiltInVoices.ORPHEUS_NAMES.keySet()) {
            roles.put(orpheus, BuiltInVoices.find(orpheus).orElseThrow());
        }
        for (Voice voice : languageVoices.all()) {
            roles.put(voice.name(), voice);
        }
        for (AddedSpeaker speaker : addedSpeakers()) {
            roles.put(speaker.name(), speaker.voice());
        }
        return roles;
    }

    /** Every added speaker, in name order. */
    public List<AddedSpeaker> addedSpeakers() {
        return jdbc.query(
                "listing speakers",
                "SELECT name, pitch, pitch_range, tract, rate, median_f0, reference_text FROM speakers ORDER BY name",
                SpeakerLibrary::speaker);
    }

    /** Adds or replaces a speaker, keeping its recording. */
    public void add(AddedSpeaker speaker, byte[] recording) throws IOException {
        checkName(speaker.name());
        if (builtIn(speaker.name()).isPresent()) {
            throw new IllegalArgumentException("\"" + speaker.name() + "\" is a built-in voice and cannot be replaced");
        }
        String key = "speakers/" + UUID.randomUUID() + ".audio";
        blobs.write(key, recording);
        Optional<String> old = blobKey(speaker.name());
        VoiceProfile p = speaker.profile();
        int updated = jdbc.update(
                "replacing speaker " + speaker.name(),
                "UPDATE speakers SET pitch = ?, pitch_range = ?, tract = ?, rate = ?, median_f0 = ?, reference_text = ?,"
                        + " reference_blob = ?, created_at = ? WHERE name = ?",
                p.pitch(),
                p.range(),
                p.tract(),
                p.rate(),
                speaker.medianF0(),
                speaker.referenceText(),
                key,
                clock.millis(),
                speaker.name());
        if (updated == 0) {
            jdbc.update(
                    "adding speaker " + speaker.name(),
                    "INSERT INTO speakers (name, pitch, pitch_range, tract, rate, median_f0, reference_text, reference_blob,"
                            + " created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    speaker.name(),
                    p.pitch(),
                    p.range(),
                    p.tract(),
                    p.rate(),
                    speaker.medianF0(),
                    speaker.referenceText(),
                    key,
                    clock.millis());
        }
        if (old.isPresent()) {
            blobs.delete(old.get());
        }
    }

    /** Deletes an added speaker; false when there is none of that name. */
    public boolean delete(String name) throws IOException {
        if (builtIn(name).isPresent()) {
            throw new IllegalArgumentException("\"" + name + "\" is a built-in voice and cannot be deleted");
        }
        Optional<String> key = blobKey(name);
        boolean deleted = jdbc.update("deleting speaker " + name, "DELETE FROM speakers WHERE name = ?", name) == 1;
        if (key.isPresent()) {
            blobs.delete(key.get());
        }
        return deleted;
    }

    private Optional<String> blobKey(String name) {
        return jdbc.queryOne(
                "reading speaker " + name,
                "SELECT reference_blob FROM speakers WHERE name = ?",
                row -> row.getString(1),
                name);
    }
}
