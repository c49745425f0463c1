package dev.cantata.cli;

import dev.cantata.CantataServer;
import dev.cantata.config.Settings;
import java.io.ByteArrayInputStream;
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
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;

/**
 * The speech part of {@code bench load} (issue #16), through HTTP on loopback, on a node with one engine and on one
 * with an engine per core, in the same run, each warmed up with 20 requests and one unmeasured burst: {@value #CLIENTS} concurrent one-sentence clients (first-byte p50 and p99,
 * wall time, and its ratio to the CPU limit: one request's time measured alone in the same run × {@value #CLIENTS} ÷
 * cores); one {@value #LONG_SENTENCES}-sentence stream with {@value #SHORTS} one-sentence clients behind it (the short
 * clients' first-byte p99); and the real-time factor of one request alone.
 */
final class SpeechLoadBench {
    static final int CLIENTS = 50;
    static final int SHORTS = 20;
    static final int LONG_SENTENCES = 40;
    private static final int ALONE_RUNS = 9;
    /** Requests before measuring: the first node's JIT warm-up (the second node shares it: same process). */
    private static final int WARM_UP = 20;

    /** The first Harvard sentences (IEEE 1969, lists 1 and 2): phonetically balanced, each about 2.5 s spoken. */
    static final List<String> HARVARD = List.of(
            "The birch canoe slid on the smooth planks.",
            "Glue the sheet to the dark blue background.",
            "It's easy to tell the depth of a well.",
            "These days a chicken leg is a rare dish.",
            "Rice is often served in round bowls.",
            "The juice of lemons makes fine punch.",
            "The box was thrown beside the parked truck.",
            "The hogs were fed chopped corn and garbage.",
            "Four hours of steady work faced us.",
            "A large size in stockings is hard to sell.",
            "The boy was there when the sun rose.",
            "A rod is used to catch pink salmon.",
            "The source of the huge river is the clear spring.",
            "Kick the ball straight and follow through.",
            "Help the woman get back to her feet.",
            "A pot of tea helps to pass the evening.",
            "Smoky fires lack flame and heat.",
            "The soft cushion broke the man's fall.",
            "The salt breeze came across from the sea.",
            "The girl at the booth sold fifty bonds.");

    /** What one node measured. */
    record Figures(
            int engines,
            double aloneSeconds,
            double p50,
            double p99,
            double wall,
            double limit,
            double aloneCpu,
            double burstCpu,
            double shortP99,
            double longWall,
            double rtf,
            int errors) {}

    private final List<String> errors = Collections.synchronizedList(new ArrayList<>());

    int run() throws Exception {
        int cores = Runtime.getRuntime().availableProcessors();
        List<Figures> all = new ArrayList<>();
        for (int engines : cores == 1 ? new int[] {1} : new int[] {1, cores}) {
            all.add(measure(engines, cores));
        }
        Figures one = all.get(0);
        Figures many = all.get(all.size() - 1);
        System.out.printf(
                Locale.ROOT,
                "speech, %d engines against 1: first-byte p50 %.2f×, wall %.2f×, long+short p99 %.2f×, RTF %.2f×%n",
                many.engines(),
                many.p50() / one.p50(),
                many.wall() / one.wall(),
                many.shortP99() / one.shortP99(),
                many.rtf() / one.rtf());
        System.out.printf(Locale.ROOT, "speech errors: %d%n", errors.size());
        errors.stream().limit(20).forEach(e -> System.out.println("  " + e));
        return errors.isEmpty() ? 0 : 1;
    }

    private Figures measure(int engines, int cores) throws Exception {
        Path data = Files.createTempDirectory("cantata-bench-speech-load");
        Settings settings = Settings.builder(data)
                .host("127.0.0.1")
                .port(0)
                .engines(engines)
                .build();
        int errorsBefore = errors.size();
        try (CantataServer server = CantataServer.start(settings, Map.of(), List.of(), InstantSource.system())) {
            String base = "http://127.0.0.1:" + server.port();
            HttpClient http = HttpClient.newBuilder()
                    .connectTimeout(Duration.ofSeconds(10))
                    .build();
            for (int i = 0; i < WARM_UP; i++) {
                call(http, base, HARVARD.get(i % HARVARD.size()), "mp3", true); // the engine starts, the JIT compiles
            }
            // and once under load, unmeasured: the JIT's compiler threads count in this process's CPU time
            together(http, base, CLIENTS, i -> HARVARD.get(i % HARVARD.size()));
            // 50 clients at once, one sentence each
            double burstCpu0 = cpuSeconds();
            List<Timing> burst = together(http, base, CLIENTS, i -> HARVARD.get(i % HARVARD.size()));
            double burstCpu = cpuSeconds() - burstCpu0;
            double wall = burst.stream().mapToDouble(Timing::wholeSeconds).max().orElse(Double.NaN);
            List<Double> firsts =
                    new ArrayList<>(burst.stream().map(Timing::firstSeconds).toList());
            Collections.sort(firsts);

            // one long stream, and once its first audio has arrived, 20 short clients
            StringBuilder longText = new StringBuilder();
            for (int i = 0; i < LONG_SENTENCES; i++) {
                longText.append(HARVARD.get(i % HARVARD.size())).append(' ');
            }
            CountDownLatch longStarted = new CountDownLatch(1);
            Timing[] longTiming = new Timing[1];
            Thread longClient = Thread.ofVirtual().start(() -> {
                longTiming[0] = call(http, base, longText.toString().strip(), "mp3", true, longStarted);
            });
            longStarted.await();
            List<Timing> shorts = together(http, base, SHORTS, i -> HARVARD.get((i + 7) % HARVARD.size()));
            longClient.join();
            List<Double> shortFirsts =
                    new ArrayList<>(shorts.stream().map(Timing::firstSeconds).toList());
            Collections.sort(shortFirsts);

            // one request alone, warm: its time sets the CPU limit of the load above
            double[] alone = new double[ALONE_RUNS];
            double cpu0 = cpuSeconds();
            for (int i = 0; i < alone.length; i++) {
                alone[i] = call(http, base, HARVARD.get(i), "mp3", true).wholeSeconds();
            }
            double aloneCpu = (cpuSeconds() - cpu0) / alone.length;
            java.util.Arrays.sort(alone);
            double aloneSeconds = alone[alone.length / 2];

            double limit = aloneSeconds * CLIENTS / cores;
            double rtf = rtf(http, base);
            Figures f = new Figures(
                    engines,
                    aloneSeconds,
                    percentile(firsts, 0.50),
                    percentile(firsts, 0.99),
                    wall,
                    limit,
                    aloneCpu,
                    burstCpu,
                    percentile(shortFirsts, 0.99),
                    longTiming[0] == null ? Double.NaN : longTiming[0].wholeSeconds(),
                    rtf,
                    errors.size() - errorsBefore);
            print(f, cores);
            return f;
        }
    }

    private static void print(Figures f, int cores) {
        // The CPU this process got: on a machine it shares, the wall time is set by what the others leave it
        // One request alone already keeps more than one core busy (MaryTTS's vocoder runs on a thread of its own
        // beside the caller, and the encoder beside both), so its wall time understates its work: the limit set by
        // its CPU time is the one the load can reach.
        System.out.printf(
                Locale.ROOT,
                "engines %d: CPU of this process: %.2f s a request alone; the %d clients used %.1f s of CPU in %.2f s"
                        + " (%.2f of %d cores; %.2f s a request): wall = %.2f× the CPU-time limit (%.2f s × %d ÷ %d)%n",
                f.engines(),
                f.aloneCpu(),
                CLIENTS,
                f.burstCpu(),
                f.wall(),
                f.burstCpu() / f.wall(),
                cores,
                f.burstCpu() / CLIENTS,
                f.wall() / (f.aloneCpu() * CLIENTS / cores),
                f.aloneCpu(),
                CLIENTS,
                cores);
        System.out.printf(
                Locale.ROOT,
                "engines %d: one request alone %.2f s; %d one-sentence clients at once: first byte p50 %.2f s, p99 %.2f s,"
                        + " wall %.2f s = %.2f× the CPU limit (%.2f s × %d ÷ %d cores = %.2f s)%n",
                f.engines(),
                f.aloneSeconds(),
                CLIENTS,
                f.p50(),
                f.p99(),
                f.wall(),
                f.wall() / f.limit(),
                f.aloneSeconds(),
                CLIENTS,
                cores,
                f.limit());
        System.out.printf(
                Locale.ROOT,
                "engines %d: a %d-sentence stream with %d one-sentence clients behind it: short first byte p99 %.2f s;"
                        + " the stream took %.1f s; one request alone: RTF %.3f; errors %d%n",
                f.engines(),
                LONG_SENTENCES,
                SHORTS,
                f.shortP99(),
                f.longWall(),
                f.rtf(),
                f.errors());
    }

    /** The real-time factor of one whole 9-sentence request alone, as WAV: its wall time ÷ its audio's length. */
    private double rtf(HttpClient http, String base) {
        String text = String.join(" ", HARVARD.subList(0, 9));
        double[] rtfs = new double[3];
        for (int i = 0; i < rtfs.length; i++) {
            Timing t = call(http, base, text, "wav", false);
            rtfs[i] = t.audioSeconds() > 0 ? t.wholeSeconds() / t.audioSeconds() : Double.NaN;
        }
        java.util.Arrays.sort(rtfs);
        return rtfs[1];
    }

    /** {@code count} clients started at once, each asking for {@code text.apply(i)}; their timings. */
    private List<Timing> together(HttpClient http, String base, int count, java.util.function.IntFunction<String> text)
            throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Timing>> futures = new ArrayList<>();
        try (ExecutorService users = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < count; i++) {
                String t = text.apply(i);
                futures.add(users.submit(() -> {
                    go.await();
                    return call(http, base, t, "mp3", true);
                }));
            }
            go.countDown();
            List<Timing> out = new ArrayList<>();
            for (Future<Timing> f : futures) {
                out.add(f.get());
            }
            return out;
        }
    }

    /** One request's times from sending it: to its first byte of audio and to its last; its audio's length (WAV). */
    record Timing(double firstSeconds, double wholeSeconds, double audioSeconds) {}

    private Timing call(HttpClient http, String base, String text, String format, boolean stream) {
        return call(http, base, text, format, stream, null);
    }

    private Timing call(
            HttpClient http,
            String base,
            String text,
            String format,
            boolean stream,
            @org.jspecify.annotations.Nullable CountDownLatch firstByte) {
        String body = "{\"model\":\"tts-1\",\"voice\":\"alloy\",\"input\":\"" + text.replace("\"", "\\\"")
                + "\",\"response_format\":\"" + format + "\",\"stream\":" + stream + "}";
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/v1/audio/speech"))
                .header("Content-Type", "application/json")
                .timeout(Duration.ofMinutes(5))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        long t0 = System.nanoTime();
        try {
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream in = response.body()) {
                int first = in.read();
                double firstSeconds = (System.nanoTime() - t0) / 1e9;
                if (firstByte != null) {
                    firstByte.countDown();
                }
                byte[] rest = first < 0 ? new byte[0] : in.readAllBytes();
                double wholeSeconds = (System.nanoTime() - t0) / 1e9;
                if (response.statusCode() != 200 || rest.length < 1000) {
                    errors.add("speech: " + response.statusCode() + ", " + (rest.length + 1) + " bytes");
                    return new Timing(firstSeconds, wholeSeconds, 0);
                }
                double audio = 0;
                if (format.equals("wav")) {
                    byte[] all = new byte[rest.length + 1];
                    all[0] = (byte) first;
                    System.arraycopy(rest, 0, all, 1, rest.length);
                    audio = wavSeconds(all);
                }
                return new Timing(firstSeconds, wholeSeconds, audio);
            }
        } catch (IOException e) {
            errors.add("speech: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            errors.add("speech: interrupted");
        } finally {
            if (firstByte != null) {
                firstByte.countDown();
            }
        }
        return new Timing(Double.NaN, Double.NaN, 0);
    }

    private double wavSeconds(byte[] wav) {
        try {
            AudioFileFormat f = AudioSystem.getAudioFileFormat(new ByteArrayInputStream(wav));
            return f.getFrameLength() / (double) f.getFormat().getFrameRate();
        } catch (UnsupportedAudioFileException | IOException e) {
            errors.add("speech: the WAV answer is unreadable: " + e.getMessage());
            return 0;
        }
    }

    /** The CPU time this process has used, all threads. */
    static double cpuSeconds() {
        java.lang.management.OperatingSystemMXBean os =
                java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() / 1e9 : Double.NaN;
    }

    private static double percentile(List<Double> sorted, double p) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1));
    }
}
