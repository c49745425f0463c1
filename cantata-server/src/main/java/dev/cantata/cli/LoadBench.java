package dev.cantata.cli;

import dev.cantata.CantataServer;
import dev.cantata.client.CantataClient;
import dev.cantata.client.SongTask;
import dev.cantata.client.SongUpload;
import dev.cantata.config.Settings;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code bench load}: one node under the load of many users at once. {@value #SPEAKERS} speech clients each ask for
 * {@value #REQUESTS_EACH} streamed replies in turn (both speech dialects, three formats) while {@value #SONGS} DiffRhythm
 * songs are queued behind them; every reply must be a 200 that arrives whole, and every song must complete. It prints
 * the errors (which must be 0), first-byte latencies (p50, p99), the songs' wall time and the node's peak memory.
 */
final class LoadBench {
    static final int SPEAKERS = 50;
    static final int REQUESTS_EACH = 4;
    static final int SONGS = 20;
    private static final String LRC = """
            [00:05.00]Morning rain upon the window
            [00:12.00]Coffee cooling in my hand
            [00:19.00]Every street I used to walk with you
            [00:26.00]Is a road I don't understand
            """;

    private final List<Double> firstBytesMs = Collections.synchronizedList(new ArrayList<>());
    private final List<String> errors = Collections.synchronizedList(new ArrayList<>());
    private final AtomicLong peakHeap = new AtomicLong();

    int run() throws Exception {
        Path data = Files.createTempDirectory("cantata-bench-load");
        // the defaults of a real node (half the cores as workers), on loopback
        // the bench is many users behind one address: the per-client queue limit must not count them as one
        Settings settings = Settings.builder(data)
                .host("127.0.0.1")
                .port(0)
                .maxQueuedSongsPerClient(SONGS + 1)
                .build();
        ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
        try (CantataServer server = CantataServer.start(settings, Map.of(), List.of(), InstantSource.system())) {
            String base = "http://127.0.0.1:" + server.port();
            HttpClient http = HttpClient.newBuilder()
                    .connectTimeout(Duration.ofSeconds(10))
                    .build();
            CantataClient client = CantataClient.builder()
                    .baseUrl(base)
                    .timeout(Duration.ofMinutes(10))
                    .build();
            System.out.printf(
                    Locale.ROOT, "workers: %d; warming up (engine, soundfont, one song)%n", settings.workers());
            speak(http, base, 0, 0, false);
            client.awaitSong(
                    client.generateSong(SongUpload.prompt(LRC, "folk, acoustic guitar", 95)), Duration.ofMinutes(5));
            long rssBefore = rss("VmRSS");
            var sampling = sampler.scheduleAtFixedRate(
                    () -> peakHeap.accumulateAndGet(
                            Runtime.getRuntime().totalMemory()
                                    - Runtime.getRuntime().freeMemory(),
                            Math::max),
                    0,
                    100,
                    TimeUnit.MILLISECONDS);

            long t0 = System.nanoTime();
            List<String> songs = new ArrayList<>();
            for (int i = 0; i < SONGS; i++) {
                try {
                    songs.add(client.generateSong(SongUpload.prompt(LRC, "pop, piano", 95)));
                } catch (RuntimeException e) {
                    errors.add("queueing song " + i + ": " + e.getMessage());
                }
            }
            try (ExecutorService users = Executors.newVirtualThreadPerTaskExecutor()) {
                List<Future<?>> done = new ArrayList<>();
                for (int u = 0; u < SPEAKERS; u++) {
                    int user = u;
                    done.add(users.submit(() -> {
                        for (int r = 0; r < REQUESTS_EACH; r++) {
                            speak(http, base, user, r, true);
                        }
                    }));
                }
                for (Future<?> f : done) {
                    f.get();
                }
            }
            double speechSeconds = (System.nanoTime() - t0) / 1e9;
            for (String id : songs) {
                try {
                    SongTask task = client.awaitSong(id, Duration.ofMinutes(30));
                    if (!"completed".equals(task.status())) {
                        errors.add("song " + id + " ended " + task.status() + ": " + task.error());
                    }
                } catch (RuntimeException e) {
                    errors.add("song " + id + ": " + e.getMessage());
                }
            }
            double songSeconds = (System.nanoTime() - t0) / 1e9;
            sampling.cancel(false);

            List<Double> sorted = new ArrayList<>(firstBytesMs);
            Collections.sort(sorted);
            System.out.printf(
                    Locale.ROOT,
                    "speech: %d clients x %d streamed replies = %d, all answered in %.1f s%n",
                    SPEAKERS,
                    REQUESTS_EACH,
                    SPEAKERS * REQUESTS_EACH,
                    speechSeconds);
            System.out.printf(
                    Locale.ROOT,
                    "first byte: p50 %.0f ms, p99 %.0f ms, max %.0f ms (%d measured)%n",
                    percentile(sorted, 0.50),
                    percentile(sorted, 0.99),
                    sorted.isEmpty() ? Double.NaN : sorted.get(sorted.size() - 1),
                    sorted.size());
            System.out.printf(
                    Locale.ROOT,
                    "songs: %d of 95 s queued with the speech, all finished after %.1f s (%.1f s each)%n",
                    songs.size(),
                    songSeconds,
                    songSeconds / Math.max(1, songs.size()));
            System.out.printf(
                    Locale.ROOT,
                    "memory: heap peak %d MB (max %d MB); RSS %d MB before the load, peak %d MB%n",
                    peakHeap.get() >> 20,
                    Runtime.getRuntime().maxMemory() >> 20,
                    rssBefore >> 10,
                    rss("VmHWM") >> 10);
            System.out.printf(Locale.ROOT, "errors: %d%n", errors.size());
            errors.stream().limit(20).forEach(e -> System.out.println("  " + e));
            return errors.isEmpty() ? 0 : 1;
        } finally {
            sampler.shutdownNow();
        }
    }

    /** One streamed reply: a route and a format by turn, read whole; its first byte timed. */
    private void speak(HttpClient http, String base, int user, int turn, boolean measure) {
        String[] formats = {"mp3", "wav", "opus"};
        String format = formats[(user + turn) % formats.length];
        boolean openAi = (user + turn) % 2 == 0;
        String text = "Request " + turn + " of client " + user + ". The node is busy, and it still answers.";
        String body = openAi
                ? "{\"model\":\"tts-1\",\"voice\":\"alloy\",\"input\":\"" + text + "\",\"response_format\":\"" + format
                        + "\"}"
                : "{\"name\":\"female\",\"text\":\"" + text + "\",\"stream\":true,\"response_format\":\"" + format
                        + "\"}";
        String route = openAi ? "/v1/audio/speech" : "/speak";
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + route))
                .header("Content-Type", "application/json")
                .timeout(Duration.ofMinutes(5))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        long t0 = System.nanoTime();
        try {
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream in = response.body()) {
                int first = in.read();
                double firstMs = (System.nanoTime() - t0) / 1e6;
                long length = first < 0 ? 0 : 1 + in.readAllBytes().length;
                if (response.statusCode() != 200 || length < 1000) {
                    errors.add(route + " " + format + ": " + response.statusCode() + ", " + length + " bytes");
                } else if (measure) {
                    firstBytesMs.add(firstMs);
                }
            }
        } catch (IOException e) {
            errors.add(route + " " + format + ": " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            errors.add(route + " " + format + ": interrupted");
        }
    }

    private static double percentile(List<Double> sorted, double p) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1));
    }

    /** A line of /proc/self/status in kB (VmRSS now, VmHWM the peak); 0 where there is no /proc. */
    private static long rss(String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith(field + ":")) {
                    return Long.parseLong(line.replaceAll("\\D+", ""));
                }
            }
        } catch (IOException | NumberFormatException e) {
            return 0;
        }
        return 0;
    }
}
