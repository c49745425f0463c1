package dev.cantata.songs;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cantata.audio.Codecs;
import dev.cantata.blobs.BlobStore;
import dev.cantata.jobs.Task;
import dev.cantata.jobs.TaskContext;
import dev.cantata.jobs.TaskHandler;
import dev.cantata.jobs.TaskResult;
import dev.cantata.music.Progress;
import dev.cantata.music.ReferenceStyle;
import dev.cantata.music.Segments;
import dev.cantata.music.Song;
import dev.cantata.music.SongSpec;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Runs {@link SongJob}s: makes {@code variations} songs (new ones, edits or a continuation), each from the next seed,
 * and writes the files the job asks for with {@link SongFiles}. Progress moves through the engine's real stages
 * (syllables, composing, each sung line, instruments, mixing) scaled into each variation's share. Run again after a
 * crash, it writes the same files again.
 */
public final class SongTasks implements TaskHandler {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Studio studio;
    private final SongFiles files;
    private final BlobStore blobs;
    private final Codecs codecs;

    public SongTasks(Studio studio, SongFiles files, BlobStore blobs, Codecs codecs) {
        this.studio = studio;
        this.files = files;
        this.blobs = blobs;
        this.codecs = codecs;
    }

    /** One made song as listed in a task's result. */
    public record Made(String audio, double seconds, String title, Map<String, Object> metadata) {}

    /** A song task's result. */
    public record Result(List<Made> songs) {}

    public static Result result(String json) throws IOException {
        return JSON.readValue(json, Result.class);
    }

    /** Makes one variation from its spec; prepared once per task (the reference heard, the source read). */
    @FunctionalInterface
    private interface Maker {
        Song make(SongSpec spec, Progress progress) throws Exception;
    }

    @Override
    public TaskResult run(Task task, TaskContext context) throws Exception {
        SongJob job = SongJobs.read(task.input());
        context.progress(1, "starting the song engine");
        studio.engine();
        Map<String, Object> extra = new LinkedHashMap<>();
        Maker maker;
        String style;
        @Nullable Double seconds = null;
        @Nullable String title = null;
        switch (job) {
            case NewSong s -> {
                style = style(s.style(), context);
                seconds = s.seconds();
                title = s.title();
                maker = studio.engine()::make;
            }
            case EditSong e -> {
                style = style(e.style(), context);
                maker = editor(e, context, extra);
            }
            case ExtendSong x -> {
                style = x.style();
                title = x.title();
                Song source = source(x, context);
                maker = (spec, progress) -> studio.editor().extend(source, x.continueAt(), spec, progress);
            }
        }
        List<String> keys = new ArrayList<>();
        List<Made> made = new ArrayList<>();
        int n = job.variations();
        for (int k = 0; k < n; k++) {
            int base = 4 + 94 * k / n;
            int span = 94 / n;
            String prefix = n > 1 ? "song " + (k + 1) + " of " + n + ": " : "";
            Progress progress = (percent, stage) -> context.progress(base + span * percent / 100, prefix + stage);
            SongSpec spec = new SongSpec(
                    job.lyrics(), style, seconds, job.seed() + k, job.lyrics().isBlank(), title, null, 0);
            Song song = maker.make(spec, progress);
            context.progress(base + span, prefix + "saving");
            keys.addAll(files.write(context, task.id(), k, song, job.outputs()));
            // the result shows the song's metadata with the keys it is stored under, plus what only the task knows
            Map<String, Object> metadata = JSON.convertValue(
                    song.metadata(),
                    new com.fasterxml.jackson.core.type.TypeReference<LinkedHashMap<String, Object>>() {});
            metadata.putAll(extra);
            made.add(new Made(
                    SongFiles.master(task.id(), k),
                    song.seconds(),
                    song.metadata().title(),
                    metadata));
        }
        return new TaskResult(JSON.writeValueAsString(new Result(made)), keys);
    }

    /** The style words, refined by what the reference recording says when there is one. */
    private String style(StyleSource source, TaskContext context) throws Exception {
        if (source.reference() == null) {
            return source.words();
        }
        context.progress(2, "listening to the reference audio");
        var reference = codecs.decode(blobs.read(source.reference()), 22_050, ReferenceStyle.MAX_SECONDS);
        return ReferenceStyle.analyze(reference).style(source.words()).text();
    }

    /**
     * An edit of this node's own song (recognised by its WAV comment and bytes) works from its stored score and stems;
     * any other recording is edited on its own beats.
     */
    private Maker editor(EditSong job, TaskContext context, Map<String, Object> extra) throws Exception {
        context.progress(3, "reading the song to edit");
        byte[] upload = blobs.read(job.song());
        Optional<SongFiles.Origin> origin = files.recognise(upload);
        Song own = origin.isPresent()
                ? files.read(origin.get().task(), origin.get().index()).orElse(null)
                : null;
        extra.put("edited_own_song", own != null);
        if (own != null) {
            List<Segments.Segment> segments = Segments.parse(job.segments(), own.seconds());
            return (spec, progress) -> studio.editor().edit(own, segments, spec, progress);
        }
        float[] recording = codecs.decodeStereo(upload, Song.RATE, SongFiles.MAX_EDIT_SECONDS + 1);
        List<Segments.Segment> segments = Segments.parse(job.segments(), recording.length / 2.0 / Song.RATE);
        return (spec, progress) -> studio.editor().editRecording(recording, segments, spec, progress);
    }

    private Song source(ExtendSong job, TaskContext context) throws IOException {
        context.progress(3, "reading the song to continue");
        SongFiles.Origin origin = SongFiles.origin(job.source())
                .orElseThrow(() -> new IllegalStateException("not a song's file: " + job.source()));
        return files.read(origin.task(), origin.index())
                .orElseThrow(
                        () -> new IllegalStateException("the song to continue is gone (deleted or past retention)"));
    }
}
