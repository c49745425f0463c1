package dev.cantata;

import dev.cantata.audio.Codecs;
import dev.cantata.audio.Ffmpeg;
import dev.cantata.blobs.BlobStore;
import dev.cantata.config.Settings;
import dev.cantata.db.Database;
import dev.cantata.http.Clients;
import dev.cantata.http.DiskSpace;
import dev.cantata.http.Forwarded;
import dev.cantata.http.GenerateRoute;
import dev.cantata.http.HealthRoutes;
import dev.cantata.http.HttpServer;
import dev.cantata.http.LyricsTimingRoutes;
import dev.cantata.http.Routes;
import dev.cantata.http.StyleRoutes;
import dev.cantata.http.diffrhythm.DiffRhythmRoutes;
import dev.cantata.http.flashtts.FlashTtsRoutes;
import dev.cantata.http.openai.OpenAiRoutes;
import dev.cantata.http.studio.StudioRoutes;
import dev.cantata.http.suno.SunoRoutes;
import dev.cantata.jobs.QueueLimit;
import dev.cantata.jobs.RetentionSweeper;
import dev.cantata.jobs.TaskHandler;
import dev.cantata.jobs.TaskStore;
import dev.cantata.jobs.TaskWorkers;
import dev.cantata.language.LanguageDetector;
import dev.cantata.language.Languages;
import dev.cantata.songs.Seeds;
import dev.cantata.songs.SongFiles;
import dev.cantata.songs.SongJob;
import dev.cantata.songs.SongTasks;
import dev.cantata.songs.Songs;
import dev.cantata.songs.Studio;
import dev.cantata.speech.EspeakEngine;
import dev.cantata.speech.LanguageVoices;
import dev.cantata.voices.SpeakerLibrary;
import dev.cantata.voices.Voices;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running node, wired by hand: database, blobs, tasks, workers, retention and HTTP. {@link #close()} shuts it down
 * in the order that loses nothing: workers stop claiming and give their tasks back, HTTP stops accepting and lets its
 * requests finish, then the sweeper and the database close.
 */
public final class CantataServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(CantataServer.class);

    private final Settings settings;
    private final Database database;
    private final BlobStore blobs;
    private final TaskStore tasks;
    private final TaskWorkers workers;
    private final RetentionSweeper retention;
    private final HttpServer http;
    private final Codecs codecs;
    private final Voices voices;

    private CantataServer(
            Settings settings,
            Database database,
            BlobStore blobs,
            TaskStore tasks,
            TaskWorkers workers,
            RetentionSweeper retention,
            HttpServer http,
            Codecs codecs,
            Voices voices) {
        this.settings = settings;
        this.database = database;
        this.blobs = blobs;
        this.tasks = tasks;
        this.workers = workers;
        this.retention = retention;
        this.http = http;
        this.codecs = codecs;
        this.voices = voices;
    }

    /**
     * Starts a node.
     *
     * @param handlers the task kinds this node runs
     * @param extraRoutes route groups beyond the server's own (the API dialects)
     */
    public static CantataServer start(
            Settings settings, Map<String, TaskHandler> handlers, List<Routes> extraRoutes, InstantSource clock) {
        try {
            Files.createDirectories(settings.dataDir());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the data folder " + settings.dataDir(), e);
        }
        Database database = Database.open(settings.dbUrl());
        try {
            BlobStore blobs = new BlobStore(settings.dataDir().resolve("blobs"));
            TaskStore tasks = new TaskStore(database, clock);
            Codecs codecs = new Codecs(Ffmpeg.locate());
            if (!codecs.complete()) {
                LOG.warn(
                        "ffmpeg is not installed: opus, aac and flac output, non-WAV uploads and stems are unavailable");
            }
            SongFiles songFiles = new SongFiles(blobs, codecs);
            // espeak-ng answers in milliseconds, so its languages (and their voices) are known before the first
            // request;
            // one detector for speech and songs (it loads its 80 MB of models when first asked)
            Optional<EspeakEngine> espeak = EspeakEngine.find(settings.engines());
            LanguageDetector detector =
                    LanguageDetector.of(espeak.map(EspeakEngine::languages).orElseGet(Languages::englishOnly));
            Studio studio = new Studio(
                    Optional.ofNullable(settings.soundfont()), settings.engines(), espeak.orElse(null), detector);
            Map<String, TaskHandler> allHandlers = new HashMap<>(handlers);
            allHandlers.putIfAbsent(SongJob.KIND, new SongTasks(studio, songFiles, blobs, codecs));
            TaskWorkers workers = new TaskWorkers(
                    tasks, blobs, allHandlers, settings.workers(), settings.lease(), settings.maxAttempts());
            LanguageVoices languageVoices =
                    espeak.map(e -> LanguageVoices.of(e.languages())).orElseGet(LanguageVoices::none);
            Voices voices = new Voices(
                    Voices.start(settings.engines(), espeak.orElse(null), detector),
                    codecs,
                    new SpeakerLibrary(database, blobs, clock, languageVoices));
            List<Routes> routes = new ArrayList<>();
            routes.add(new HealthRoutes(
                    Version.current(),
                    List.of(
                            database::problem,
                            () -> workers.alive() < workers.expected()
                                    ? Optional.of((workers.expected() - workers.alive()) + " of " + workers.expected()
                                            + " workers are not running")
                                    : Optional.empty(),
                            new DiskSpace(settings.dataDir(), DiskSpace.DEFAULT_MIN_FREE))));
            routes.add(new FlashTtsRoutes(voices));
            routes.add(new OpenAiRoutes(voices, clock));
            Songs songs = new Songs(
                    tasks,
                    workers,
                    blobs,
                    codecs,
                    songFiles,
                    studio,
                    new Seeds(),
                    new QueueLimit(settings.maxQueuedSongs(), settings.maxQueuedSongsPerClient()));
            Clients clients = new Clients(settings.accounts());
            DiffRhythmRoutes diffRhythm = new DiffRhythmRoutes(songs, Version.current(), clients);
            SunoRoutes suno = SunoRoutes.create(
                    songs,
                    voices,
                    database,
                    clock,
                    settings.credits(),
                    settings.streamingHold(),
                    settings.clipRetention(),
                    clients,
                    new Forwarded(settings.trustedProxies()));
            // Suno clips are a library: the task retention leaves them to it
            RetentionSweeper retention =
                    new RetentionSweeper(tasks, blobs, settings.retention(), clock, List.of(suno.library()));
            routes.add(diffRhythm);
            routes.add(suno);
            routes.add(new GenerateRoute(diffRhythm.generate(), suno.generate()));
            routes.add(new StudioRoutes(diffRhythm.index()));
            routes.add(new StyleRoutes());
            routes.add(new LyricsTimingRoutes(studio));
            routes.addAll(extraRoutes);
            HttpServer http = new HttpServer(
                    new HttpServer.Options(
                            settings.host(),
                            settings.port(),
                            settings.listenPorts(),
                            settings.maxRequestBytes(),
                            settings.shutdownGrace(),
                            Version.current(),
                            settings.apiKey(),
                            settings.idleTimeout(),
                            settings.minRequestRate(),
                            settings.corsOrigins()),
                    routes);
            http.start();
            workers.start();
            retention.start(settings.sweepInterval());
            LOG.info(
                    "Cantata {} listening on {}:{}{} with data in {} and database {}",
                    Version.current(),
                    settings.host(),
                    http.port(),
                    http.extraPorts().isEmpty() ? "" : " and " + http.extraPorts(),
                    settings.dataDir(),
                    database.dialect().name().toLowerCase(java.util.Locale.ROOT));
            return new CantataServer(settings, database, blobs, tasks, workers, retention, http, codecs, voices);
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    public int port() {
        return http.port();
    }

    public List<Integer> extraPorts() {
        return http.extraPorts();
    }

    /** The codecs and their decode budget. */
    public Codecs codecs() {
        return codecs;
    }

    /** The speech side: engine, voices, speaker library. */
    public Voices voices() {
        return voices;
    }

    public TaskStore tasks() {
        return tasks;
    }

    public BlobStore blobs() {
        return blobs;
    }

    public TaskWorkers workers() {
        return workers;
    }

    /** The retention sweep (tests run one at the time they choose, with the clock the node was started with). */
    public RetentionSweeper retention() {
        return retention;
    }

    public Settings settings() {
        return settings;
    }

    /** The node's database (tests take it away to see the node answer without it). */
    public Database database() {
        return database;
    }

    /**
     * Blocks until the process is asked to stop (SIGTERM, SIGINT), then closes the node in the shutdown hook, so the
     * JVM exits only once tasks are released and requests in flight have finished.
     */
    public void runUntilStopped() throws InterruptedException {
        java.util.concurrent.CountDownLatch stopped = new java.util.concurrent.CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            close();
                            stopped.countDown();
                        },
                        "cantata-shutdown"));
        stopped.await();
    }

    @Override
    public void close() {
        LOG.info("shutting down");
        workers.stop(settings.shutdownGrace());
        http.close();
        retention.close();
        database.close();
        LOG.info("stopped");
    }
}
