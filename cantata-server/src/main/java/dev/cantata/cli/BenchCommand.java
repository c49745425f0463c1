package dev.cantata.cli;

import dev.cantata.CantataServer;
import dev.cantata.audio.Pcm;
import dev.cantata.config.Settings;
import dev.cantata.speech.MaryEngine;
import dev.cantata.speech.Speaker;
import dev.cantata.speech.VoiceProfile;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code cantata bench speech}: warm real-time factor of synthesis for a short and a long text, and time to the first
 * streamed byte over real HTTP on loopback, each the median of several runs.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Measure speed: bench speech.")
final class BenchCommand implements Callable<Integer> {
  static final String SHORT = "Hello, world! This is a test of the speech server.";
  static final String LONG =
      "Cantata is a self-hosted audio generation server. It speaks and sings on an ordinary processor, offline,"
          + " with no model to download. This paragraph is long enough to measure how fast the engine runs once it"
          + " is warm. Each sentence is synthesised in turn, stretched to the requested speed, and resampled to the"
          + " rate the client asked for. A streaming client hears the first sentence while the rest is still being"
          + " made. The numbers printed below are medians of several runs on this machine. Real-time factor is the"
          + " time it took divided by the length of the audio it made, so smaller is faster. Time to first byte is"
          + " measured over real HTTP on the loopback interface, from sending the request to receiving the first"
          + " byte of audio.";

  @Parameters(index = "0", paramLabel = "WHAT", description = "speech or song")
  String what = "speech";

  @Option(names = "--runs", description = "Runs per measurement (default 5).")
  int runs = 5;

  @Override
  public Integer call() throws Exception {
    if (!what.equals("speech") && !what.equals("song")) {
      System.err.println("cantata bench: unknown benchmark \"" + what + "\"; available: speech, song");
      return 2;
    }
    System.out.printf(Locale.ROOT, "machine: %d cores, %s %s, Java %s%n", Runtime.getRuntime().availableProcessors(),
        System.getProperty("os.name"), System.getProperty("os.arch"), System.getProperty("java.version"));
    if (what.equals("song")) {
      return song();
    }
    long started = System.nanoTime();
    MaryEngine engine = MaryEngine.start();
    System.out.printf(Locale.ROOT, "engine start: %.2f s%n", (System.nanoTime() - started) / 1e9);
    Speaker speaker = new Speaker(engine);
    for (int i = 0; i < 3; i++) {
      speaker.speak(new Speaker.Request(LONG, VoiceProfile.NEUTRAL, 1, 1, 24_000)); // JIT warm-up
    }
    rtf(speaker, "short (2 sentences)", SHORT);
    rtf(speaker, "long (9 sentences)", LONG);
    firstByte();
    return 0;
  }

  static final String LYRICS = """
      [Verse 1]
      Morning rain upon the window
      Coffee cooling in my hand
      Every street I used to walk with you
      Is a road I don't understand

      [Chorus]
      Hold on, hold on, the night is almost over
      Hold on, hold on, the light is coming through
      Every mile I drive I'm getting closer
      Every song I sing comes back to you

      [Verse 2]
      Pictures fading on the table
      Letters written never sent
      All the words that I was never able
      To tell you what I really meant

      [Chorus]
      Hold on, hold on, the night is almost over
      Hold on, hold on, the light is coming through
      Every mile I drive I'm getting closer
      Every song I sing comes back to you
      """;

  /** Warm wall time of a 95 s and a 285 s song with vocals, each with a seed not used before. */
  private int song() throws Exception {
    long started = System.nanoTime();
    dev.cantata.music.SongEngine engine = new dev.cantata.music.SongEngine(MaryEngine.start(),
        dev.cantata.music.InstrumentRenderer.load(java.util.Optional.empty()));
    System.out.printf(Locale.ROOT, "engine start (MaryTTS + soundfont): %.2f s%n", (System.nanoTime() - started) / 1e9);
    engine.make(dev.cantata.music.SongSpec.of(LYRICS, "pop", 60.0, 1000), dev.cantata.music.Progress.NONE); // warm-up
    long seed = 2000;
    for (double length : new double[] {95, 285}) {
      double[] walls = new double[Math.max(1, runs / 2)];
      java.util.Map<String, Object> last = null;
      for (int i = 0; i < walls.length; i++) {
        long t0 = System.nanoTime();
        dev.cantata.music.Song song = engine.make(dev.cantata.music.SongSpec.of(LYRICS, "pop upbeat", length, seed++),
            dev.cantata.music.Progress.NONE);
        walls[i] = (System.nanoTime() - t0) / 1e9;
        last = song.metadata();
      }
      double wall = median(walls);
      System.out.printf(Locale.ROOT, "song with vocals, %.0f s: %.1f s wall, RTF %.3f (median of %d; stages %s)%n",
          length, wall, wall / length, walls.length, last.get("timings_ms"));
    }
    return 0;
  }

  private void rtf(Speaker speaker, String label, String text) throws Exception {
    double[] factors = new double[runs];
    double seconds = 0;
    for (int i = 0; i < runs; i++) {
      long t0 = System.nanoTime();
      Pcm pcm = speaker.speak(new Speaker.Request(text, VoiceProfile.NEUTRAL, 1, 1, 24_000));
      factors[i] = (System.nanoTime() - t0) / 1e9 / pcm.seconds();
      seconds = pcm.seconds();
    }
    System.out.printf(Locale.ROOT, "speech RTF, %s, %.1f s of audio: %.3f (median of %d)%n", label, seconds,
        median(factors), runs);
  }

  private void firstByte() throws Exception {
    Path data = Files.createTempDirectory("cantata-bench");
    Settings settings = Settings.loopback(data);
    try (CantataServer server = CantataServer.start(settings, Map.of(), List.of(), InstantSource.system())) {
      HttpClient client = HttpClient.newHttpClient();
      for (String format : List.of("mp3", "wav")) {
        for (String route : List.of("/v1/audio/speech", "/speak")) {
          String body = route.equals("/speak")
              ? "{\"name\":\"female\",\"text\":\"" + SHORT + "\",\"stream\":true,\"response_format\":\"" + format + "\"}"
              : "{\"model\":\"tts-1\",\"voice\":\"alloy\",\"input\":\"" + SHORT + "\",\"response_format\":\""
                  + format + "\"}";
          List<Double> firsts = new ArrayList<>();
          List<Double> wholes = new ArrayList<>();
          for (int i = 0; i < runs + 2; i++) {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + route))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
            long t0 = System.nanoTime();
            HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream in = response.body()) {
              if (in.read() < 0 || response.statusCode() != 200) {
                throw new IllegalStateException(route + " answered " + response.statusCode());
              }
              double first = (System.nanoTime() - t0) / 1e6;
              in.readAllBytes();
              if (i > 1) { // the first two runs warm the route
                firsts.add(first);
                wholes.add((System.nanoTime() - t0) / 1e6);
              }
            }
          }
          System.out.printf(Locale.ROOT, "first streamed byte, %s %s, 2 sentences: %.0f ms (whole %.0f ms)%n",
              route, format, median(firsts.stream().mapToDouble(d -> d).toArray()),
              median(wholes.stream().mapToDouble(d -> d).toArray()));
        }
      }
    }
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }
}
