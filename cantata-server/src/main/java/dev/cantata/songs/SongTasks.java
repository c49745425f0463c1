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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Runs {@link SongJob}s: makes {@code variations} songs (or edits), each from the next seed, and writes them with
 * {@link SongFiles}. Progress moves through the engine's real stages (syllables, composing, each sung line,
 * instruments, mixing) scaled into each variation's share. Run again after a crash, it writes the same files again.
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

  public static Result result(String json) throws java.io.IOException {
    return JSON.readValue(json, Result.class);
  }

  @Override
  public TaskResult run(Task task, TaskContext context) throws Exception {
    SongJob job = JSON.readValue(task.input(), SongJob.class);
    context.progress(1, "starting the song engine");
    studio.engine();
    String style = job.prompt() != null ? job.prompt() : "";
    if (job.refAudio() != null) {
      context.progress(2, "listening to the reference audio");
      var reference = codecs.decode(blobs.read(job.refAudio()), 22_050, ReferenceStyle.MAX_SECONDS);
      style = ReferenceStyle.analyze(reference).style(style).text();
    }
    Song own = null;
    float[] recording = null;
    List<Segments.Segment> segments = List.of();
    if (job.edit()) {
      context.progress(3, "reading the song to edit");
      byte[] upload = blobs.read(requireNonNull(job.refSong(), "ref_song"));
      Optional<SongFiles.Origin> origin = files.recognise(upload);
      if (origin.isPresent()) {
        own = files.read(origin.get().task(), origin.get().index()).orElse(null);
      }
      double seconds;
      if (own == null) {
        recording = codecs.decodeStereo(upload, Song.RATE, SongFiles.MAX_EDIT_SECONDS + 1);
        seconds = recording.length / 2.0 / Song.RATE;
      } else {
        seconds = own.seconds();
      }
      segments = Segments.parse(requireNonNull(job.segments(), "edit_segments"), seconds);
    }
    Song source = null;
    if (job.extendsSong() != null) {
      context.progress(3, "reading the song to continue");
      SongFiles.Origin origin = SongFiles.origin(job.extendsSong())
          .orElseThrow(() -> new IllegalStateException("not a song's file: " + job.extendsSong()));
      source = files.read(origin.task(), origin.index())
          .orElseThrow(() -> new IllegalStateException("the song to continue is gone (deleted or past retention)"));
    }
    List<String> keys = new ArrayList<>();
    List<Made> made = new ArrayList<>();
    int n = job.variations();
    for (int k = 0; k < n; k++) {
      int base = 4 + 94 * k / n;
      int span = 94 / n;
      String prefix = n > 1 ? "song " + (k + 1) + " of " + n + ": " : "";
      Progress progress = (percent, stage) -> context.progress(base + span * percent / 100, prefix + stage);
      SongSpec spec = new SongSpec(job.lyrics(), style, job.edit() || job.length() <= 0 ? null : job.length(), job.seed() + k,
          job.lyrics().isBlank(), job.title(), null, 0);
      Song song;
      if (source != null) {
        song = studio.editor().extend(source, job.continueAt(), spec, progress);
      } else if (!job.edit()) {
        song = studio.engine().make(spec, progress);
      } else if (own != null) {
        song = studio.editor().edit(own, segments, spec, progress);
      } else {
        song = studio.editor().editRecording(requireNonNull(recording, "recording"), segments, spec, progress);
      }
      context.progress(base + span, prefix + "saving");
      keys.addAll(files.write(context, task.id(), k, song, job.label("mp3").equals("yes")));
      // the result shows the song's metadata with the keys it is stored under, plus what only the task knows
      Map<String, Object> metadata = JSON.convertValue(song.metadata(),
          new com.fasterxml.jackson.core.type.TypeReference<LinkedHashMap<String, Object>>() {});
      if (job.edit()) {
        metadata.put("edited_own_song", own != null);
      }
      made.add(new Made(SongFiles.master(task.id(), k), song.seconds(),
          song.metadata().title(), metadata));
    }
    return new TaskResult(JSON.writeValueAsString(new Result(made)), keys);
  }

  private static <T> T requireNonNull(@Nullable T value, String what) {
    if (value == null) {
      throw new IllegalStateException("the task has no " + what);
    }
    return value;
  }
}
