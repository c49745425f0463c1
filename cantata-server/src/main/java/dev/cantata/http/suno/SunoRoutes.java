package dev.cantata.http.suno;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cantata.audio.AudioFormatException;
import dev.cantata.audio.Codec;
import dev.cantata.audio.Codecs;
import dev.cantata.blobs.BlobStore;
import dev.cantata.http.ApiException;
import dev.cantata.http.ErrorShape;
import dev.cantata.http.Routes;
import dev.cantata.jobs.Task;
import dev.cantata.jobs.TaskStatus;
import dev.cantata.jobs.TaskStore;
import dev.cantata.jobs.TaskWorkers;
import dev.cantata.music.Lyrics;
import dev.cantata.music.LyricWriter;
import dev.cantata.music.Score;
import dev.cantata.music.Song;
import dev.cantata.songs.SongFiles;
import dev.cantata.songs.SongJob;
import dev.cantata.songs.SongTasks;
import dev.cantata.songs.Studio;
import dev.cantata.speech.BuiltInVoices;
import dev.cantata.speech.Voice;
import dev.cantata.voices.Voices;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.openapi.HttpMethod;
import io.javalin.openapi.OpenApi;
import io.javalin.openapi.OpenApiContent;
import io.javalin.openapi.OpenApiResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

/**
 * The Suno dialect (gcui-art/suno-api). Every generation queues two clips, each a durable song task with its own
 * seed; a clip's id is its task's id. Status words: {@code submitted} (in the reply to the request), {@code queued},
 * {@code streaming} (being made, and for {@code streaming-hold} after it is finished, since the seed's client stops
 * polling only on {@code streaming}), {@code complete}, {@code error}. {@code audio_url} is absolute and works as soon
 * as the clip is queued: asked for early, it answers once the song is made (the seed's client prints both clips'
 * URLs when the first one streams). Credits are charged before queueing and
 * refunded if queueing fails. Errors are {@code {"error": "…"}}.
 */
public final class SunoRoutes implements Routes {
  static final int CLIPS = 2;
  private static final Duration WAIT = Duration.ofSeconds(100);
  private static final Duration AUDIO_WAIT = Duration.ofMinutes(10);
  private static final int PAGE = 20;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> PATHS = Set.of("/api/custom_generate", "/api/extend_audio", "/api/generate_lyrics",
      "/api/get", "/api/get_limit", "/api/clip", "/api/concat", "/api/generate_stems", "/api/get_aligned_lyrics",
      "/api/persona", "/v1/chat/completions");

  private final TaskStore tasks;
  private final TaskWorkers workers;
  private final BlobStore blobs;
  private final Codecs codecs;
  private final SongFiles files;
  private final Studio studio;
  private final Voices voices;
  private final Credits credits;
  private final InstantSource clock;
  private final Duration hold;
  private final SecureRandom seeds = new SecureRandom();
  private final Waiting waiting = new Waiting();

  public SunoRoutes(TaskStore tasks, TaskWorkers workers, BlobStore blobs, Codecs codecs, SongFiles files,
      Studio studio, Voices voices, dev.cantata.db.Database database, InstantSource clock, int monthlyCredits,
      Duration hold) {
    this.tasks = tasks;
    this.workers = workers;
    this.blobs = blobs;
    this.codecs = codecs;
    this.files = files;
    this.studio = studio;
    this.voices = voices;
    this.credits = new Credits(database, clock, monthlyCredits);
    this.clock = clock;
    this.hold = hold;
  }

  @Override
  public void addTo(JavalinConfig config) {
    config.router.mount(router -> {
      router.post("/api/custom_generate", this::customGenerate);
      router.post("/api/extend_audio", this::extendAudio);
      router.post("/api/generate_lyrics", this::generateLyrics);
      router.get("/api/get", this::get);
      router.get("/api/get_limit", this::getLimit);
      router.get("/api/clip", this::clip);
      router.post("/api/concat", this::concat);
      router.post("/api/generate_stems", this::generateStems);
      router.get("/api/get_aligned_lyrics", this::alignedLyrics);
      router.get("/api/persona", this::persona);
      router.post("/v1/chat/completions", this::chat);
      router.get("/api/audio/{file}", this::audio);
      router.get("/api/image/{file}", this::image);
      router.get("/api/stems/{id}/{file}", this::stem);
    });
  }

  /** The handler for {@code POST /api/generate} with a JSON body (the path is shared with DiffRhythm's multipart). */
  public Handler jsonGenerate() {
    return this::generate;
  }

  @Override
  public List<ErrorShape.Family> errorFamilies() {
    return List.of(new ErrorShape.Family("suno", SunoRoutes::owns, SunoRoutes::error));
  }

  static boolean owns(Context ctx) {
    String path = ctx.path();
    if (PATHS.contains(path) || path.startsWith("/api/audio/") || path.startsWith("/api/image/")
        || path.startsWith("/api/stems/")) {
      return true;
    }
    String type = ctx.contentType() == null ? "" : ctx.contentType().toLowerCase(Locale.ROOT);
    return path.equals("/api/generate") && type.startsWith("application/json");
  }

  static void error(Context ctx, ApiException error) {
    ctx.status(error.status()).json(Map.of("error", error.getMessage() == null ? "Internal error" : error.getMessage()));
  }

  // ---------------------------------------------------------------- generation

  /** A request's JSON body; anything but an object is a 400 in Suno's words. */
  private static JsonNode body(Context ctx) {
    JsonNode node;
    try {
      node = ctx.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(ctx.body());
    } catch (IOException e) {
      throw ApiException.badRequest("Invalid JSON body");
    }
    if (node == null || !node.isObject()) {
      throw ApiException.badRequest("The body must be a JSON object");
    }
    return node;
  }

  private static String text(JsonNode body, String field) {
    JsonNode node = body.get(field);
    return node == null || node.isNull() ? "" : node.isTextual() ? node.asText() : node.toString();
  }

  /** JavaScript's {@code Boolean(x)}, as upstream coerces {@code make_instrumental} and {@code wait_audio}. */
  private static boolean truthy(JsonNode body, String field) {
    JsonNode node = body.get(field);
    if (node == null || node.isNull()) {
      return false;
    }
    if (node.isBoolean()) {
      return node.asBoolean();
    }
    if (node.isNumber()) {
      return node.asDouble() != 0;
    }
    return !node.isTextual() || !node.asText().isEmpty();
  }

  /** {@code POST /api/generate} with JSON (documented with the path's owner, {@code DiffRhythmRoutes#generate}). */
  void generate(Context ctx) throws Exception {
    JsonNode body = body(ctx);
    String description = text(body, "prompt").strip();
    if (description.isEmpty()) {
      throw ApiException.badRequest("Prompt is required: describe the song");
    }
    if (description.length() > 3000) {
      throw ApiException.badRequest("Prompt is over 3000 characters");
    }
    boolean instrumental = truthy(body, "make_instrumental");
    List<Order> orders = new ArrayList<>();
    LyricWriter writer = studio.lyricWriter();
    for (int i = 0; i < CLIPS; i++) {
      long seed = seeds.nextLong() & 0xFFFF_FFFFL;
      LyricWriter.Written written = writer.write(description, seed);
      orders.add(new Order(instrumental ? "" : written.lyrics(), description, written.title(), written.tags(),
          "", description, "gen", null, 0, seed));
    }
    submit(ctx, body, orders);
  }

  @OpenApi(path = "/api/custom_generate", methods = HttpMethod.POST, tags = {"Suno"},
      summary = "Two clips from lyrics and style tags (Suno)",
      description = "JSON: prompt (lyrics, Suno section markup or LRC), tags (style), title, make_instrumental,"
          + " negative_tags (their words are taken out of the style; echoed), model, wait_audio.",
      responses = {@OpenApiResponse(status = "200", content = @OpenApiContent(type = "application/json"))})
  void customGenerate(Context ctx) throws Exception {
    JsonNode body = body(ctx);
    String lyrics = text(body, "prompt");
    String tags = text(body, "tags");
    checkLyrics(lyrics);
    if (tags.length() > 1000) {
      throw ApiException.badRequest("tags is over 1000 characters");
    }
    boolean instrumental = truthy(body, "make_instrumental");
    List<Order> orders = new ArrayList<>();
    for (int i = 0; i < CLIPS; i++) {
      orders.add(new Order(instrumental ? "" : lyrics, without(tags, text(body, "negative_tags")), text(body, "title"),
          tags, text(body, "negative_tags"), "", "gen", null, 0, seeds.nextLong() & 0xFFFF_FFFFL));
    }
    submit(ctx, body, orders);
  }

  /**
   * The style words with every phrase of {@code negative} (comma-separated, whole words, any case) taken out: "pop
   * metal, piano" without "metal" is "pop, piano". This is what {@code negative_tags} does here.
   */
  static String without(String tags, String negative) {
    String style = tags;
    for (String phrase : negative.split(",")) {
      String p = phrase.strip();
      if (!p.isEmpty()) {
        style = style.replaceAll("(?i)(?<![\\p{L}\\p{N}])" + java.util.regex.Pattern.quote(p)
            + "(?![\\p{L}\\p{N}])", " ");
      }
    }
    return style.replaceAll("\\s+", " ").replaceAll("\\s*,(\\s*,)*", ",").replaceAll(",(?=\\S)", ", ")
        .replaceAll("^,|,$", "").strip();
  }

  private static void checkLyrics(String lyrics) {
    if (lyrics.length() > 20_000) {
      throw ApiException.badRequest("prompt (the lyrics) is over 20000 characters");
    }
    try {
      Lyrics.parse(lyrics);
    } catch (Lyrics.LyricsException e) {
      throw ApiException.badRequest(e.getMessage());
    }
  }

  @OpenApi(path = "/api/extend_audio", methods = HttpMethod.POST, tags = {"Suno"},
      summary = "Continue a clip (Suno)",
      description = "JSON: audio_id (required), continue_at (seconds; default the clip's end), prompt (new lyrics),"
          + " tags (added to the clip's style; key, tempo and instruments stay unless they name others), title,"
          + " model, wait_audio. Each new clip is the source up to the first beat at or after continue_at, sample for"
          + " sample, then new material.",
      responses = {@OpenApiResponse(status = "200", content = @OpenApiContent(type = "application/json"))})
  void extendAudio(Context ctx) throws Exception {
    JsonNode body = body(ctx);
    Clip source = finished(text(body, "audio_id"), "Audio ID is required");
    double duration = source.duration() == null ? 0 : source.duration();
    if (duration > SongFiles.MAX_EXTENDED_SECONDS) {
      throw ApiException.badRequest(String.format(Locale.ROOT, "Clip %s is %.0f s long; extensions stop at %.0f s",
          source.task().id(), duration, SongFiles.MAX_EXTENDED_SECONDS));
    }
    double continueAt = duration;
    JsonNode at = body.get("continue_at");
    if (at != null && !at.isNull()) {
      if (!at.isNumber() && !(at.isTextual() && at.asText().strip().matches("\\d+(\\.\\d+)?"))) {
        throw ApiException.badRequest("continue_at must be a number of seconds");
      }
      continueAt = at.asDouble();
    }
    if (!(continueAt > 0 && continueAt <= duration + 1e-6)) {
      throw ApiException.badRequest(String.format(Locale.ROOT,
          "continue_at must be between 0 and the clip's duration (%.2f s), not %s", duration, continueAt));
    }
    String lyrics = text(body, "prompt");
    checkLyrics(lyrics);
    String tags = text(body, "tags");
    String title = text(body, "title").isBlank() ? source.job().label("title") : text(body, "title");
    List<Order> orders = new ArrayList<>();
    for (int i = 0; i < CLIPS; i++) {
      orders.add(new Order(lyrics, without(tags, text(body, "negative_tags")), title,
          tags.isBlank() ? source.job().label("tags") : tags,
          text(body, "negative_tags"), "", "extend", SongFiles.master(source.task().id(), 0), continueAt,
          seeds.nextLong() & 0xFFFF_FFFFL));
    }
    submit(ctx, body, orders);
  }

  /** One clip to queue. */
  private record Order(String lyrics, String style, String title, String tags, String negativeTags,
      String description, String type, @Nullable String extendsSong, double continueAt, long seed) {}

  private void submit(Context ctx, JsonNode body, List<Order> orders) throws Exception {
    String account = account(ctx);
    String period = credits.period();
    int cost = Credits.PER_CLIP * orders.size();
    if (!credits.spend(account, cost)) {
      Credits.Balance balance = credits.balance(account);
      throw new ApiException(402, "Payment required: " + balance.left() + " credits left this month, "
          + cost + " needed (" + Credits.PER_CLIP + " a clip)");
    }
    String model = text(body, "model").isBlank() ? "chirp-v3-5" : text(body, "model");
    List<UUID> ids = new ArrayList<>();
    try {
      for (Order o : orders) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("dialect", "suno");
        labels.put("account", account);
        labels.put("model", model);
        labels.put("title", o.title());
        labels.put("tags", o.tags());
        labels.put("negative_tags", o.negativeTags());
        labels.put("description", o.description());
        labels.put("type", o.type());
        labels.put("mp3", "yes");
        SongJob job = new SongJob(false, o.lyrics(), o.style(), null, 0, 1, o.seed(), null, null,
            o.title().isBlank() ? null : o.title(), o.extendsSong(), o.continueAt(), labels);
        ids.add(tasks.submit(SongJob.KIND, JSON.writeValueAsString(job)).id());
      }
    } catch (RuntimeException e) {
      ids.forEach(tasks::delete);
      credits.refund(account, cost, period);
      throw e;
    }
    workers.wake();
    if (truthy(body, "wait_audio")) {
      String base = base(ctx);
      ctx.future(() -> waitForAudio(base, ids).thenAccept(ctx::json));
      return;
    }
    List<Map<String, Object>> clips = new ArrayList<>();
    for (UUID id : ids) {
      Map<String, Object> c = clip(id.toString()).json(base(ctx), true);
      c.put("status", "submitted");
      clips.add(c);
    }
    ctx.json(clips);
  }

  /**
   * Upstream's wait: until every clip streams or is complete, or all failed, at most 100 s; then the last look. The
   * request holds no server thread meanwhile.
   */
  private CompletableFuture<List<Map<String, Object>>> waitForAudio(String base, List<UUID> ids) {
    return waiting.until(() -> {
      List<Clip> clips = new ArrayList<>();
      for (UUID id : ids) {
        clips.add(clip(id.toString()));
      }
      boolean ready = clips.stream().allMatch(c -> c.status().equals("streaming") || c.status().equals("complete"));
      boolean failed = clips.stream().allMatch(c -> c.status().equals("error"));
      List<Map<String, Object>> out = new ArrayList<>();
      for (Clip c : clips) {
        out.add(c.json(base, false));
      }
      return new Waiting.Look<>(ready || failed, out);
    }, WAIT);
  }

  // ---------------------------------------------------------------- clips

  /** A clip: its task, the job it was asked as, and what was made. */
  private record Clip(Task task, SongJob job, SongTasks.@Nullable Made made, String status) {
    @Nullable Double duration() {
      return made == null ? null : made.seconds();
    }

    Map<String, Object> json(String base, boolean submitted) {
      String id = task.id().toString();
      // the URL works from the moment the clip exists: asked early, it answers once the song is made
      boolean playable = !status.equals("error");
      Map<String, Object> c = new LinkedHashMap<>();
      c.put("id", id);
      c.put("title", made != null ? made.title() : job.label("title"));
      c.put("image_url", base + "/api/image/" + id + ".png");
      c.put("lyric", job.lyrics().lines().filter(l -> !l.isBlank()).reduce((a, b) -> a + "\n" + b).orElse(""));
      c.put("audio_url", playable ? base + "/api/audio/" + id + ".mp3" : "");
      c.put("video_url", "");
      c.put("created_at", task.createdAt().toString());
      c.put("model_name", job.label("model"));
      c.put("status", status);
      c.put("gpt_description_prompt", job.label("description"));
      c.put("prompt", job.lyrics());
      c.put("type", job.label("type"));
      c.put("tags", job.label("tags"));
      if (submitted) {
        c.put("negative_tags", job.label("negative_tags"));
      }
      c.put("duration", duration());
      if (!submitted) {
        c.put("error_message", status.equals("error") ? task.error() : null);
      }
      return c;
    }
  }

  private Clip clip(String id) throws IOException {
    return clipOf(SongJob.find(tasks, id).orElseThrow(() -> ApiException.notFound("Clip not found: " + id)));
  }

  /** The clip named by {@code id}, which must be finished; {@code missing} is the 400 when no id was given. */
  private Clip finished(String id, String missing) throws IOException {
    if (id.isBlank()) {
      throw ApiException.badRequest(missing);
    }
    Clip c = clip(id);
    if (c.task().status() != TaskStatus.COMPLETED) {
      throw ApiException.badRequest("Clip " + id.strip() + " is not complete yet (" + c.status() + ")");
    }
    return c;
  }

  private SongFiles.Saved saved(Clip c) throws IOException {
    return files.saved(c.task().id(), 0).orElseThrow(() -> ApiException.notFound("The clip's files are gone"));
  }

  private Clip clipOf(Task task) throws IOException {
    SongJob job = JSON.readValue(task.input(), SongJob.class);
    SongTasks.@Nullable Made made = null;
    if (task.status() == TaskStatus.COMPLETED && task.result() != null) {
      List<SongTasks.Made> songs = SongTasks.result(task.result()).songs();
      made = songs.isEmpty() ? null : songs.get(0);
    }
    String status = switch (task.status()) {
      case QUEUED -> "queued";
      case PROCESSING -> "streaming";
      case COMPLETED -> task.finishedAt() != null
          && Duration.between(task.finishedAt(), clock.instant()).compareTo(hold) < 0 ? "streaming" : "complete";
      case FAILED, CANCELLED -> "error";
    };
    return new Clip(task, job, made, status);
  }

  /** Where this server is, as the client reached it (a proxy's forwarded host and scheme win). */
  static String base(Context ctx) {
    String proto = Optional.ofNullable(ctx.header("X-Forwarded-Proto")).orElse(ctx.scheme());
    String host = Optional.ofNullable(ctx.header("X-Forwarded-Host")).orElse(ctx.host());
    return proto + "://" + (host == null ? "localhost" : host);
  }

  /** The account credits are counted against: the bearer key's hash, or one pool when requests carry none. */
  static String account(Context ctx) {
    String auth = ctx.header("Authorization");
    if (auth == null || !auth.regionMatches(true, 0, "Bearer ", 0, 7) || auth.substring(7).isBlank()) {
      return "default";
    }
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(auth.substring(7).strip()
          .getBytes(StandardCharsets.UTF_8));
      return "key:" + HexFormat.of().formatHex(hash, 0, 12);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  @OpenApi(path = "/api/get", methods = HttpMethod.GET, tags = {"Suno"}, summary = "Clips by id, or your feed (Suno)",
      description = "ids (comma-separated) or none for this account's clips, newest first, 20 a page (page from 0).",
      responses = {@OpenApiResponse(status = "200", content = @OpenApiContent(type = "application/json"))})
  void get(Context ctx) throws Exception {
    String ids = ctx.queryParam("ids");
    List<Map<String, Object>> out = new ArrayList<>();
    if (ids != null && !ids.isBlank()) {
      for (String id : ids.split(",")) {
        if (!id.isBlank()) {
          out.add(clip(id).json(base(ctx), false));
        }
      }
      ctx.json(out);
      return;
    }
    int page;
    try {
      page = Math.max(0, Integer.parseInt(Optional.ofNullable(ctx.queryParam("page")).orElse("0").strip()));
    } catch (NumberFormatException e) {
      throw ApiException.badRequest("page must be a whole number");
    }
    String account = account(ctx);
    int skip = page * PAGE;
    for (Task t : tasks.recent(SongJob.KIND, 2000, 0)) {
      Clip c = clipOf(t);
      if (c.job().label("dialect").equals("suno") && c.job().label("account").equals(account)) {
        if (skip-- > 0) {
          continue;
        }
        out.add(c.json(base(ctx), false));
        if (out.size() == PAGE) {
          break;
        }
      }
    }
    ctx.json(out);
  }

  @OpenApi(path = "/api/get_limit", methods = HttpMethod.GET, tags = {"Suno"}, summary = "Credits (Suno)",
      description = "credits_left, period (this month), monthly_limit, monthly_usage; 5 credits a clip.",
      responses = {@OpenApiResponse(status = "200", content = @OpenApiContent(type = "application/json"))})
  void getLimit(Context ctx) {
    Credits.Balance b = credits.balance(account(ctx));
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("credits_left", b.left());
    out.put("period", "month");
    out.put("monthly_limit", b.monthly());
    out.put("monthly_usage", b.used());
    ctx.json(out);
  }

  @OpenApi(path = "/api/clip", methods = HttpMethod.GET, tags = {"Suno"}, summary = "One clip, raw (Suno)",
      responses = {@OpenApiResponse(status = "200", content = @OpenApiContent(type = "application/json"))})
  void clip(Context ctx) throws Exception {
    String id = ctx.queryParam("id");
    if (id == null || id.isBlank()) {
      throw ApiException.badRequest("Missing parameter id");
    }
    ctx.json(raw(clip(id), base(ctx), null));
  }

  /** Suno's own clip object: metadata nested, the fields its web app shows. */
  private Map<String, Object> raw(Clip c, String base, @Nullable String type) {
    Map<String, Object> flat = c.json(base, false);
    Map<String, Object> metadata = new LinkedHashMap<>();
    metadata.put("tags", flat.get("tags"));
    metadata.put("negative_tags", c.job().label("negative_tags"));
    metadata.put("prompt", flat.get("prompt"));
    metadata.put("gpt_description_prompt", flat.get("gpt_description_prompt"));
    metadata.put("type", type != null ? type : flat.get("type"));
    metadata.put("duration", flat.get("duration"));
    metadata.put("error_message", flat.get("error_message"));
    if (c.job().extendsSong() != null) {
      metadata.put("continue_at", c.job().continueAt());
      metadata.put("continue_clip_id", SongFiles.origin(c.job().extendsSong()).map(o -> o.task().toString())
          .orElse(null));
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("id", flat.get("id"));
    out.put("video_url", "");
    out.put("audio_url", flat.get("audio_url"));
    out.put("image_url", flat.get("image_url"));
    out.put("image_large_url", flat.get("image_url"));
    out.put("major_model_version", "cantata");
    out.put("model_name", flat.get("model_name"));
    out.put("metadata", metadata);
    out.put("is_liked", false);
    out.put("is_public", false);
    out.put("is_trashed", false);
    out.put("created_at", flat.get("created_at"));
    out.put("status", flat.get("status"));
    out.put("title", flat.get("title"));
    out.put("play_count", 0);
    out.put("upvote_count", 0);
    return out;
  }

  @OpenApi(path = "/api/concat", methods = HttpMethod.POST, tags = {"Suno"}, summary = "The whole song (Suno)",
      description = "JSON clip_id. A Cantata extension already holds the whole song (the source up to the join, then"
          + " the new part), so this returns that clip as the whole song, with the chain of clips it continues.",
      responses = {@OpenApiResponse(status = "200", content = @OpenApiContent(type = "application/json"))})
  void concat(Context ctx) throws Exception {
    String id = text(body(ctx), "clip_id").strip();
    if (id.isEmpty()) {
      throw ApiException.badRequest("Clip id is required");
    }
    Clip c = clip(id);
    Map<String, Object> out = raw(c, base(ctx), "concat");
    List<Map<String, Object>> history = new ArrayList<>();
    Clip at = c;
    for (int guard = 0; at.job().extendsSong() != null && guard < 100; guard++) {
      Optional<SongFiles.Origin> origin = SongFiles.origin(at.job().extendsSong());
      if (origin.isEmpty()) {
        break;
      }
      history.add(0, Map.of("id", origin.get().task().toString(), "continue_at", at.job().continueAt()));
      Optional<Task> previous = tasks.find(origin.get().task());
      if (previous.isEmpty()) {
        break;
      }
      at = clipOf(previous.get());
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> metadata = (Map<String, Object>) out.get("metadata");
    metadata.put("concat_history", history);
    ctx.json(out);
  }

  @OpenApi(path = "/api/generate_stems", methods = HttpMethod.POST, tags = {"Suno"},
      summary = "A clip's stems (Suno)", description = "JSON audio_id → vocals, drums, bass and other, each with an"
          + " audio_url (FLAC): the stems the song was mixed from, not a separation.",
      responses = {@OpenApiResponse(status = "200", content = @OpenApiContent(type = "application/json"))})
  void generateStems(Context ctx) throws Exception {
    Clip c = finished(text(body(ctx), "audio_id"), "Audio ID is required");
    String id = c.task().id().toString();
    SongFiles.Saved saved = saved(c);
    if (saved.stems().isEmpty()) {
      throw new ApiException(501, "This server kept no stems for the clip (ffmpeg was missing when it was made)");
    }
    List<Map<String, Object>> out = new ArrayList<>();
    for (dev.cantata.music.Stem part : saved.stems()) {
      String stem = part.wireName();
      Map<String, Object> s = new LinkedHashMap<>();
      s.put("id", UUID.nameUUIDFromBytes((id + "/" + stem).getBytes(StandardCharsets.UTF_8)).toString());
      s.put("status", "complete");
      s.put("created_at", c.task().createdAt().toString());
      s.put("title", c.made() != null ? c.made().title() + " (" + stem + ")" : stem);
      s.put("stem_from_id", id);
      s.put("duration", c.duration());
      s.put("stem", stem);
      s.put("audio_url", base(ctx) + "/api/stems/" + id + "/" + stem + ".flac");
      out.add(s);
    }
    ctx.json(out);
  }

  @OpenApi(path = "/api/get_aligned_lyrics", methods = HttpMethod.GET, tags = {"Suno"},
      summary = "Word timings (Suno)", description = "song_id → [{word, start_s, end_s, success, p_align}] from the"
          + " score the song was sung from: exact, not estimated.",
      responses = {@OpenApiResponse(status = "200", content = @OpenApiContent(type = "application/json"))})
  void alignedLyrics(Context ctx) throws Exception {
    Score score = saved(finished(Optional.ofNullable(ctx.queryParam("song_id")).orElse(""), "Song ID is required"))
        .score();
    List<Map<String, Object>> out = new ArrayList<>();
    for (Score.Word w : score.words()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("word", w.word());
      m.put("start_s", Math.round(w.start() * 1000) / 1000.0);
      m.put("end_s", Math.round(w.end() * 1000) / 1000.0);
      m.put("success", true);
      m.put("p_align", 1.0);
      out.add(m);
    }
    ctx.json(out);
  }

  @OpenApi(path = "/api/persona", methods = HttpMethod.GET, tags = {"Suno"}, summary = "A singer persona (Suno)",
      description = "id: a built-in voice or an added speaker, which can sing (\"male\", \"female\", a cloned name).",
      responses = {@OpenApiResponse(status = "200", content = @OpenApiContent(type = "application/json"))})
  void persona(Context ctx) {
    String id = ctx.queryParam("id");
    if (id == null || id.isBlank()) {
      throw ApiException.badRequest("Missing parameter id");
    }
    Voice voice = BuiltInVoices.find(id.strip()).or(() -> voices.library().find(id.strip()))
        .orElseThrow(() -> ApiException.notFound("Persona not found: " + id));
    Map<String, Object> persona = new LinkedHashMap<>();
    persona.put("id", voice.name());
    persona.put("name", voice.name());
    persona.put("description", voice.description());
    persona.put("root_clip_id", null);
    persona.put("clip", null);
    persona.put("persona_clips", List.of());
    persona.put("is_public", false);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("persona", persona);
    out.put("total_results", 0);
    out.put("current_page", Optional.ofNullable(ctx.queryParam("page")).orElse("1"));
    out.put("is_following", false);
    ctx.json(out);
  }

  @OpenApi(path = "/api/generate_lyrics", methods = HttpMethod.POST, tags = {"Suno"},
      summary = "Lyrics from a description (Suno)", description = "JSON prompt → {text, title, status}. How the lyrics"
          + " are written is in the README: a template bank filled with the description's nouns, rhymes and meter"
          + " checked with MaryTTS's pronunciation lexicon.",
      responses = {@OpenApiResponse(status = "200", content = @OpenApiContent(type = "application/json"))})
  void generateLyrics(Context ctx) throws Exception {
    String description = text(body(ctx), "prompt").strip();
    if (description.isEmpty()) {
      throw ApiException.badRequest("Prompt is required: describe the song");
    }
    LyricWriter.Written written = studio.lyricWriter().write(description, seeds.nextLong() & 0xFFFF_FFFFL);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("text", written.lyrics());
    out.put("title", written.title());
    out.put("status", "complete");
    ctx.json(out);
  }

  @OpenApi(path = "/v1/chat/completions", methods = HttpMethod.POST, tags = {"Suno"},
      summary = "A song from a chat message (Suno's Markdown answer)", description = "JSON messages; the last user"
          + " message describes the song. Waits for the audio and answers in Markdown: title, cover, lyrics, link.",
      responses = {@OpenApiResponse(status = "200", content = @OpenApiContent(type = "text/plain"))})
  void chat(Context ctx) throws Exception {
    JsonNode messages = body(ctx).get("messages");
    String prompt = "";
    if (messages != null && messages.isArray()) {
      for (JsonNode m : messages) {
        if ("user".equals(m.path("role").asText()) && m.path("content").isTextual()) {
          prompt = m.path("content").asText();
        }
      }
    }
    if (prompt.isBlank()) {
      throw ApiException.badRequest("Prompt message is required");
    }
    LyricWriter.Written written = studio.lyricWriter().write(prompt, seeds.nextLong() & 0xFFFF_FFFFL);
    String account = account(ctx);
    if (!credits.spend(account, Credits.PER_CLIP)) {
      throw new ApiException(402, "Payment required: " + credits.balance(account).left() + " credits left");
    }
    Map<String, String> labels = new LinkedHashMap<>(Map.of("dialect", "suno", "account", account, "model",
        "chirp-v3-5", "title", written.title(), "tags", written.tags(), "negative_tags", "", "description", prompt,
        "type", "gen", "mp3", "yes"));
    // upstream's chat route makes an instrumental; the lyrics it shows are the ones written for it
    SongJob job = new SongJob(false, "", prompt, null, 0, 1, seeds.nextLong() & 0xFFFF_FFFFL, null, null,
        written.title(), null, 0, labels);
    UUID id = tasks.submit(SongJob.KIND, JSON.writeValueAsString(job)).id();
    workers.wake();
    ctx.future(() -> waitForAudio(base(ctx), List.of(id)).thenAccept(clips -> {
      Map<String, Object> clip = clips.get(0);
      String markdown = "## Song Title: " + written.title() + "\n![Song Cover](" + clip.get("image_url") + ")\n"
          + "### Lyrics:\n" + written.lyrics() + "\n### Listen to the song: " + clip.get("audio_url") + "\n";
      ctx.contentType("text/plain; charset=utf-8").result(markdown);
    }));
  }

  // ---------------------------------------------------------------- files

  @OpenApi(path = "/api/audio/{file}", methods = HttpMethod.GET, tags = {"Suno"}, summary = "A clip's MP3",
      description = "<id>.mp3. Asked for while the clip is still being made, it answers once it is (up to 10 min).",
      responses = {@OpenApiResponse(status = "200", content = @OpenApiContent(type = "audio/mpeg"))})
  void audio(Context ctx) throws Exception {
    String file = ctx.pathParam("file");
    String id = file.endsWith(".mp3") ? file.substring(0, file.length() - 4) : file;
    clip(id); // an unknown clip is a 404 now, not after the wait
    ctx.future(() -> waiting.until(() -> {
      Clip c = clip(id);
      return new Waiting.Look<>(c.task().status().finished(), c);
    }, AUDIO_WAIT).thenAccept(c -> sendAudio(ctx, id, c)));
  }

  private void sendAudio(Context ctx, String id, Clip c) {
    if (c.task().status() != TaskStatus.COMPLETED) {
      throw ApiException.notFound("Audio not available: the clip " + (c.status().equals("error")
          ? "failed: " + c.task().error() : "is still " + c.status()));
    }
    String key = SongFiles.mp3(c.task().id(), 0);
    try {
      if (!blobs.exists(key)) { // a song made for another dialect: encode it once, keep it with its task
        float[] master = codecs.decodeStereo(blobs.read(SongFiles.master(c.task().id(), 0)), Song.RATE,
            SongFiles.MAX_STORED_SECONDS);
        byte[] mp3 = codecs.encodeMusic(master, Song.RATE, 2, Codec.MP3);
        blobs.write(key, mp3);
      }
      ctx.contentType("audio/mpeg");
      ctx.header("Content-Length", String.valueOf(blobs.size(key)));
      ctx.header("Content-Disposition", "inline; filename=\"" + id + ".mp3\"");
      ctx.result(blobs.open(key));
    } catch (AudioFormatException e) {
      throw new IllegalStateException("the stored song " + key + " cannot be read: " + e.getMessage(), e);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @OpenApi(path = "/api/image/{file}", methods = HttpMethod.GET, tags = {"Suno"}, summary = "A clip's cover (PNG)",
      responses = {@OpenApiResponse(status = "200", content = @OpenApiContent(type = "image/png"))})
  void image(Context ctx) throws Exception {
    String file = ctx.pathParam("file");
    String id = file.endsWith(".png") ? file.substring(0, file.length() - 4) : file;
    Clip c = clip(id);
    String title = c.made() != null ? c.made().title() : c.job().label("title");
    ctx.contentType("image/png");
    ctx.header("Cache-Control", "public, max-age=86400");
    ctx.result(Cover.png(title, c.job().label("tags"), c.task().id().getLeastSignificantBits()));
  }

  @OpenApi(path = "/api/stems/{id}/{file}", methods = HttpMethod.GET, tags = {"Suno"}, summary = "A clip's stem",
      description = "<stem>.flac: vocals, drums, bass or other.",
      responses = {@OpenApiResponse(status = "200", content = @OpenApiContent(type = "audio/flac"))})
  void stem(Context ctx) throws Exception {
    Clip c = clip(ctx.pathParam("id"));
    String file = ctx.pathParam("file");
    String stem = file.endsWith(".flac") ? file.substring(0, file.length() - 5) : file;
    String key = SongFiles.stem(c.task().id(), 0, dev.cantata.music.Stem.find(stem)
        .orElseThrow(() -> ApiException.notFound("No such stem: " + stem)));
    if (c.task().status() != TaskStatus.COMPLETED || !blobs.exists(key)) {
      throw ApiException.notFound("Stem not available");
    }
    ctx.contentType("audio/flac");
    ctx.header("Content-Length", String.valueOf(blobs.size(key)));
    ctx.result(blobs.open(key));
  }
}
