package dev.cantata.cli;

import dev.cantata.CantataServer;
import dev.cantata.audio.Codec;
import dev.cantata.audio.Pcm;
import dev.cantata.client.CantataClient;
import dev.cantata.client.SongUpload;
import dev.cantata.config.Settings;
import dev.cantata.speech.MaryEngine;
import dev.cantata.speech.Speaker;
import dev.cantata.speech.VoiceProfile;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
@Command(
        name = "bench",
        mixinStandardHelpOptions = true,
        description = "Measure speed: bench speech | song | api | load | voice | production.")
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

    /** What can be measured. */
    enum Benchmark {
        SPEECH,
        SONG,
        /** the song APIs over HTTP */
        API,
        /** many speech clients and queued songs on one node at once */
        LOAD,
        /** the singing's gestures on a rendered song, and what its backing vocals cost */
        VOICE,
        /** how the band plays and the mix sits, genre by genre, and a song's wall time and stages */
        PRODUCTION
    }

    @Parameters(
            index = "0",
            paramLabel = "WHAT",
            description =
                    "speech, song, api (the song APIs over HTTP), load (speech and songs on 1 engine against N, then 50"
                            + " speech clients and 20 songs at once; --part), voice (the singing's gestures, and the cost"
                            + " of backing vocals) or production (the band and the mix, genre by genre)")
    Benchmark what = Benchmark.SPEECH;

    @Option(names = "--runs", description = "Runs per measurement (default 5).")
    int runs = 5;

    /** The parts of {@code bench load}. */
    enum LoadPart {
        /** 50 one-sentence clients, a long stream with short clients, one request's RTF: 1 engine against N */
        SPEECH,
        /** a 95 s and a 285 s song on 1 engine against N */
        SONGS,
        /** 50 speech clients and 20 songs at once */
        MIXED,
        ALL
    }

    @Option(
            names = "--part",
            description = "For load: speech (1 engine against N), songs (1 engine against N), mixed (speech"
                    + " clients and songs at once) or all (default).")
    LoadPart part = LoadPart.ALL;

    @Option(
            names = "--style",
            description = "For production: a style to measure instead of the eleven it measures by default (repeat"
                    + " the option for several).")
    java.util.List<String> styles = new java.util.ArrayList<>();

    @Override
    public Integer call() throws Exception {
        System.out.printf(
                Locale.ROOT,
                "machine: %d cores, %s %s, Java %s%n",
                Runtime.getRuntime().availableProcessors(),
                System.getProperty("os.name"),
                System.getProperty("os.arch"),
                System.getProperty("java.version"));
        return switch (what) {
            case SONG -> song();
            case API -> api();
            case LOAD -> load();
            case VOICE -> voice();
            case PRODUCTION -> new ProductionBench(runs, styles.isEmpty() ? ProductionBench.STYLES : styles).run();
            case SPEECH -> speech();
        };
    }

    private int load() throws Exception {
        int failed = 0;
        if (part == LoadPart.SPEECH || part == LoadPart.ALL) {
            failed += new SpeechLoadBench().run();
        }
        if (part == LoadPart.SONGS || part == LoadPart.ALL) {
            failed += new SongPoolBench().run();
        }
        if (part == LoadPart.MIXED || part == LoadPart.ALL) {
            failed += new LoadBench().run();
        }
        return failed == 0 ? 0 : 1;
    }

    private int speech() throws Exception {
        long started = System.nanoTime();
        MaryEngine engine = MaryEngine.start();
        System.out.printf(Locale.ROOT, "engine start: %.2f s%n", (System.nanoTime() - started) / 1e9);
        Speaker speaker = new Speaker(engine);
        for (int i = 0; i < 3; i++) {
            speaker.speak(new Speaker.Request(LONG, VoiceProfile.NEUTRAL, 1, 1, 24_000)); // JIT warm-up
        }
        rtf(speaker, "short (2 sentences)", SHORT);
        rtf(speaker, "long (9 sentences)", LONG);
        java.util.Optional<dev.cantata.speech.EspeakEngine> espeak =
                dev.cantata.speech.EspeakEngine.find(MaryEngine.defaultEngines());
        if (espeak.isPresent()) {
            // the other languages, by espeak-ng (a process a sentence), on the same Speaker path
            Speaker polyglot =
                    new Speaker(dev.cantata.speech.Polyglot.start(MaryEngine.defaultEngines(), espeak.get()));
            polyglot.speak(new Speaker.Request(MANDARIN + GERMAN, VoiceProfile.NEUTRAL, 1, 1, 24_000)); // calibration
            rtf(polyglot, "Mandarin, espeak-ng (4 sentences)", MANDARIN);
            rtf(polyglot, "German, espeak-ng (3 sentences)", GERMAN);
        } else {
            System.out.println("espeak-ng is not installed: other languages not measured");
        }
        firstByte();
        return 0;
    }

    static final String MANDARIN = "你好，世界。今天天气很好，我们去公园散步吧。公园里有很多花，红的黄的都有。我们一起唱一首歌，直到太阳下山。";
    static final String GERMAN = "Guten Morgen, wie geht es dir heute? Das Wetter ist schön, wir gehen in den Park."
            + " Dort singen wir zusammen ein Lied, bis die Sonne untergeht.";

    /**
     * The same 95 s pop song (seed 3) made with and without the voices around its lead (harmonies, pads), alternating,
     * {@code runs} times each: the ratio of their fastest wall and CPU times is what those voices cost; then the
     * gestures measured on the vocal stem and the backing voices heard in theirs.
     */
    private int voice() throws Exception {
        MaryEngine mary = MaryEngine.start();
        dev.cantata.music.InstrumentRenderer instruments =
                dev.cantata.music.InstrumentRenderer.load(java.util.Optional.empty());
        dev.cantata.music.SongSpec spec = dev.cantata.music.SongSpec.of(LYRICS, "pop female", 95.0, 3);
        // a new engine for every song: each singer caches the phrases it sang, which would make later runs free
        new dev.cantata.music.SongEngine(mary, instruments, true).make(spec, dev.cantata.music.Progress.NONE);
        List<Double> withTimes = new ArrayList<>();
        List<Double> withoutTimes = new ArrayList<>();
        List<Double> withCpu = new ArrayList<>();
        List<Double> withoutCpu = new ArrayList<>();
        dev.cantata.music.Song song = null;
        for (int r = 0; r < Math.max(1, runs); r++) {
            long t = System.nanoTime();
            double cpu = SpeechLoadBench.cpuSeconds();
            new dev.cantata.music.SongEngine(mary, instruments, false).make(spec, dev.cantata.music.Progress.NONE);
            withoutTimes.add((System.nanoTime() - t) / 1e9);
            withoutCpu.add(SpeechLoadBench.cpuSeconds() - cpu);
            t = System.nanoTime();
            cpu = SpeechLoadBench.cpuSeconds();
            song = new dev.cantata.music.SongEngine(mary, instruments, true)
                    .make(spec, dev.cantata.music.Progress.NONE);
            withTimes.add((System.nanoTime() - t) / 1e9);
            withCpu.add(SpeechLoadBench.cpuSeconds() - cpu);
        }
        // On a shared 2-core machine one build's ratio of medians moved 0.83-1.88 between runs (2026-12-07/08): other
        // work on the machine only ever adds time, so the fastest run of each is the steadier figure of what the
        // voices cost, and it is the one to compare.
        printRatio("95 s pop song on " + mary.engines() + " engines, wall", withoutTimes, withTimes);
        printRatio("the same in CPU time of the process", withoutCpu, withCpu);
        dev.cantata.music.SungGestures.Report g =
                dev.cantata.music.SungGestures.of(java.util.Objects.requireNonNull(song, "made above"));
        System.out.printf(
                Locale.ROOT,
                "sung pitch (YIN on the vocal stem): %.0f %% of %d notes within 25 cents; %d leaps sung through,"
                        + " glide (10-90 %%) %.0f ms, %.0f %% overshoot; vibrato on %d notes at %.1f Hz, %.0f cents%n",
                100 * g.inTune(),
                g.notes(),
                g.leaps(),
                1000 * g.glideSeconds(),
                100 * g.overshootShare(),
                g.vibratoCents().size(),
                g.vibratoRate(),
                g.vibratoExtent());
        dev.cantata.music.Song made = java.util.Objects.requireNonNull(song, "made above");
        System.out.printf(
                Locale.ROOT,
                "backing vocals: %d voices; notes heard at their pitch in the backing stem: %s%n",
                made.score().voices().size(),
                dev.cantata.music.SungGestures.backingHeard(made).entrySet().stream()
                        .map(e -> String.format(Locale.ROOT, "%s %.0f %%", e.getKey(), 100 * e.getValue()))
                        .collect(java.util.stream.Collectors.joining(", ")));
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
        dev.cantata.music.SongEngine engine = new dev.cantata.music.SongEngine(
                MaryEngine.start(), dev.cantata.music.InstrumentRenderer.load(java.util.Optional.empty()));
        System.out.printf(
                Locale.ROOT, "engine start (MaryTTS + soundfont): %.2f s%n", (System.nanoTime() - started) / 1e9);
        engine.make(
                dev.cantata.music.SongSpec.of(LYRICS, "pop", 60.0, 1000), dev.cantata.music.Progress.NONE); // warm-up
        long seed = 2000;
        for (double length : new double[] {95, 285}) {
            double[] walls = new double[Math.max(1, runs / 2)];
            dev.cantata.music.Song.Metadata last = null;
            for (int i = 0; i < walls.length; i++) {
                long t0 = System.nanoTime();
                dev.cantata.music.Song song = engine.make(
                        dev.cantata.music.SongSpec.of(LYRICS, "pop upbeat", length, seed++),
                        dev.cantata.music.Progress.NONE);
                walls[i] = (System.nanoTime() - t0) / 1e9;
                last = song.metadata();
            }
            double wall = median(walls);
            System.out.printf(
                    Locale.ROOT,
                    "song with vocals, %.0f s: %.1f s wall, RTF %.3f (median of %d; stages %s)%n",
                    length,
                    wall,
                    wall / length,
                    walls.length,
                    last == null ? "none" : last.timingsMs());
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
        System.out.printf(
                Locale.ROOT,
                "speech RTF, %s, %.1f s of audio: %.3f (median of %d)%n",
                label,
                seconds,
                median(factors),
                runs);
    }

    /**
     * The song APIs as a client sees them, on a loopback node with the default workers: the Suno seed's request (two
     * clips of its lyrics) until both are playable and until both MP3s are downloaded; an extension; a 95 s DiffRhythm
     * song until completed; an edit of 15 s of it.
     */
    private int api() throws Exception {
        Path data = Files.createTempDirectory("cantata-bench");
        // Not loopback's one worker: the clips of a request render side by side, as on a server with the defaults.
        Settings settings = Settings.builder(data).host("127.0.0.1").port(0).build();
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        try (CantataServer server = CantataServer.start(settings, Map.of(), List.of(), InstantSource.system())) {
            String base = "http://127.0.0.1:" + server.port();
            HttpClient client = HttpClient.newHttpClient();
            System.out.printf(Locale.ROOT, "workers: %d%n", settings.workers());
            // warm-up: the engine and soundfont load on the first song
            for (String id : suno(
                    client, json, base, "/api/custom_generate", "{\"prompt\":\"[Verse]\\nHello\",\"tags\":\"pop\"}")) {
                waitCompleted(client, json, base, id);
            }
            String body = json.writeValueAsString(Map.of(
                    "prompt",
                    LYRICS,
                    "tags",
                    "pop metal male melancholic",
                    "title",
                    "Bench",
                    "make_instrumental",
                    false,
                    "wait_audio",
                    false));
            long t0 = System.nanoTime();
            List<String> ids = suno(client, json, base, "/api/custom_generate", body);
            double playable = -1;
            while (true) {
                com.fasterxml.jackson.databind.JsonNode clips = json.readTree(client.send(
                                HttpRequest.newBuilder(URI.create(base + "/api/get?ids=" + String.join(",", ids)))
                                        .build(),
                                HttpResponse.BodyHandlers.ofByteArray())
                        .body());
                boolean all = true;
                for (com.fasterxml.jackson.databind.JsonNode c : clips) {
                    all &= c.get("status").asText().matches("streaming|complete");
                }
                if (all && playable < 0) {
                    playable = (System.nanoTime() - t0) / 1e9;
                    break;
                }
                Thread.sleep(100);
            }
            for (String id : ids) {
                client.send(
                        HttpRequest.newBuilder(URI.create(base + "/api/audio/" + id + ".mp3"))
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
            }
            double whole = (System.nanoTime() - t0) / 1e9;
            double audio = 0;
            for (com.fasterxml.jackson.databind.JsonNode c : json.readTree(client.send(
                            HttpRequest.newBuilder(URI.create(base + "/api/get?ids=" + String.join(",", ids)))
                                    .build(),
                            HttpResponse.BodyHandlers.ofByteArray())
                    .body())) {
                audio += c.get("duration").asDouble();
            }
            System.out.printf(
                    Locale.ROOT,
                    "suno custom_generate, 2 clips of the seed-length lyrics: both playable after %.1f s,"
                            + " both MP3s downloaded after %.1f s (%.0f s of audio, %.1f s of audio per second)%n",
                    playable,
                    whole,
                    audio,
                    audio / whole);
            t0 = System.nanoTime();
            List<String> extensions = suno(
                    client,
                    json,
                    base,
                    "/api/extend_audio",
                    "{\"audio_id\":\"" + ids.get(0)
                            + "\",\"prompt\":\"[Verse 3]\\nThe city lights are fading slow\",\"continue_at\":20}");
            for (String id : extensions) {
                waitCompleted(client, json, base, id);
            }
            System.out.printf(
                    Locale.ROOT,
                    "suno extend_audio at 20 s with one new verse, 2 clips: both made after %.1f s%n",
                    (System.nanoTime() - t0) / 1e9);

            StringBuilder lrc = new StringBuilder();
            String[] lines = LYRICS.lines()
                    .filter(l -> !l.isBlank() && !l.startsWith("["))
                    .toArray(String[]::new);
            for (int i = 0; i < lines.length; i++) { // sixteen lines, one every 4.5 s from 0:10
                double at = 10 + 4.5 * i;
                lrc.append(String.format(Locale.ROOT, "[%02d:%05.2f]%s%n", (int) at / 60, at % 60, lines[i]));
            }
            // The DiffRhythm uploads go through the Java client, as a client of the server would send them; completion
            // is polled every 100 ms here rather than by awaitSong's 500 ms, for the resolution of the timings.
            CantataClient cantata = CantataClient.builder().baseUrl(base).build();
            SongUpload upload = SongUpload.prompt(lrc.toString(), "folk, acoustic guitar", 95);
            t0 = System.nanoTime();
            String task = cantata.generateSong(upload);
            waitCompleted(client, json, base, task);
            double generated = (System.nanoTime() - t0) / 1e9;
            byte[] wav = cantata.downloadSong(task, 0);
            System.out.printf(
                    Locale.ROOT,
                    "diffrhythm generate, 95 s, 16 sung lines: completed after %.1f s (RTF %.3f)%n",
                    generated,
                    generated / 95);
            t0 = System.nanoTime();
            waitCompleted(client, json, base, cantata.editSong(upload.editing(wav, List.of(new double[] {30, 45}))));
            System.out.printf(
                    Locale.ROOT,
                    "diffrhythm edit of 15 s in a 95 s song: completed after %.1f s%n",
                    (System.nanoTime() - t0) / 1e9);
        }
        return 0;
    }

    private static List<String> suno(
            HttpClient client, com.fasterxml.jackson.databind.ObjectMapper json, String base, String path, String body)
            throws Exception {
        HttpResponse<byte[]> r = client.send(
                HttpRequest.newBuilder(URI.create(base + path))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        if (r.statusCode() != 200) {
            throw new IllegalStateException(
                    path + " answered " + r.statusCode() + ": " + new String(r.body(), StandardCharsets.UTF_8));
        }
        List<String> ids = new ArrayList<>();
        json.readTree(r.body()).forEach(c -> ids.add(c.get("id").asText()));
        return ids;
    }

    /** Until the song task behind a clip or a DiffRhythm task has completed. */
    private static void waitCompleted(
            HttpClient client, com.fasterxml.jackson.databind.ObjectMapper json, String base, String id)
            throws Exception {
        while (true) {
            String status = json.readTree(client.send(
                                    HttpRequest.newBuilder(URI.create(base + "/api/status/" + id))
                                            .build(),
                                    HttpResponse.BodyHandlers.ofByteArray())
                            .body())
                    .get("status")
                    .asText();
            if (status.equals("completed")) {
                return;
            }
            if (status.equals("failed")) {
                throw new IllegalStateException("task " + id + " failed");
            }
            Thread.sleep(100);
        }
    }

    private void firstByte() throws Exception {
        Path data = Files.createTempDirectory("cantata-bench");
        Settings settings = Settings.loopback(data);
        try (CantataServer server = CantataServer.start(settings, Map.of(), List.of(), InstantSource.system())) {
            HttpClient client = HttpClient.newHttpClient();
            for (Codec codec : List.of(Codec.MP3, Codec.WAV)) {
                String format = codec.extension();
                for (String route : List.of("/v1/audio/speech", "/speak")) {
                    String body = route.equals("/speak")
                            ? "{\"name\":\"female\",\"text\":\"" + SHORT + "\",\"stream\":true,\"response_format\":\""
                                    + format + "\"}"
                            : "{\"model\":\"tts-1\",\"voice\":\"alloy\",\"input\":\"" + SHORT
                                    + "\",\"response_format\":\"" + format + "\"}";
                    List<Double> firsts = new ArrayList<>();
                    List<Double> wholes = new ArrayList<>();
                    for (int i = 0; i < runs + 2; i++) {
                        HttpRequest request = HttpRequest.newBuilder(
                                        URI.create("http://127.0.0.1:" + server.port() + route))
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(body))
                                .build();
                        long t0 = System.nanoTime();
                        HttpResponse<InputStream> response =
                                client.send(request, HttpResponse.BodyHandlers.ofInputStream());
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
                    System.out.printf(
                            Locale.ROOT,
                            "first streamed byte, %s %s, 2 sentences: %.0f ms (whole %.0f ms)%n",
                            route,
                            format,
                            median(firsts.stream().mapToDouble(d -> d).toArray()),
                            median(wholes.stream().mapToDouble(d -> d).toArray()));
                }
            }
        }
    }

    /** The fastest and the median of {@code without} and {@code with} side by side, and the ratios of each. */
    private static void printRatio(String what, List<Double> without, List<Double> with) {
        double[] a = without.stream().mapToDouble(Double::doubleValue).toArray();
        double[] b = with.stream().mapToDouble(Double::doubleValue).toArray();
        double fastestA = Arrays.stream(a).min().orElseThrow();
        double fastestB = Arrays.stream(b).min().orElseThrow();
        System.out.printf(
                Locale.ROOT,
                "%s: %.1f s with the lead alone, %.1f s with its harmonies and pads; ratio %.2f (fastest of %d each);"
                        + " medians %.1f and %.1f s, ratio %.2f%n",
                what,
                fastestA,
                fastestB,
                fastestB / fastestA,
                a.length,
                median(a),
                median(b),
                median(b) / median(a));
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
