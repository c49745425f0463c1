package dev.cantata.speech;

import dev.cantata.audio.Pcm;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BooleanSupplier;
import javax.sound.sampled.AudioInputStream;
import marytts.LocalMaryInterface;
import marytts.exceptions.MaryConfigurationException;
import marytts.exceptions.SynthesisException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * MaryTTS 5.2.1 in-process with its one HMM voice, {@code cmu-slt-hsmm} (US English, 48 kHz), on a pool of engines
 * that synthesise in parallel.
 *
 * <p>Pitch and rate are applied per request through MaryXML {@code <prosody>} (measured: pitch moves the median F0
 * almost linearly; {@code range} is ignored by this HMM voice; rate is linear when faster, weaker when slower, so exact
 * speeds are made by {@link dev.cantata.audio.TimeStretch} after synthesis).
 *
 * <p>Vocal-tract length L is made by resampling, not by MaryTTS's {@code TractScaler} effect (measured: at low F0 it
 * breaks voicing and clips): the voice is synthesised with F0 and rate multiplied by L, and its samples are then
 * declared to be at 1/L of the rate, which moves every frequency, formants included, down by 1/L, brings F0 back to
 * its target and restores the duration. The HMM effects that change the voice's models ({@code F0Add}, {@code F0Scale})
 * are never used: they mutate the shared voice.
 *
 * <p>Parallelism: MaryTTS keeps its modules and voices in static state, but every call makes its own {@code Request},
 * and the modules on the way from RAWMARYXML to AUDIO and ACOUSTPARAMS keep no per-call state in shared fields: that
 * is how {@code marytts.server.MaryServer} serves concurrent clients from threads. What is not shareable is the
 * {@link LocalMaryInterface} itself (its input and output types and audio effects are fields that {@link #withMary}
 * callers set), so the pool holds one interface per engine, over the one set of modules: an engine costs no memory
 * beyond the audio of the call it is making. Measured on 2 cores (docs/architecture.md, "Engines"): two threads give
 * samples identical to the sequential ones, and about twice the throughput. Calls wait for an engine in an {@link
 * EnginePool}: by {@link Priority}, then round-robin by client, one sentence (or phrase, or line) per turn.
 *
 * <p>An instance is a view of the pool: {@link #start} gives the view that speaks at {@link Priority#SPEECH} with every
 * call its own client; {@link #lane} the same at another priority; {@link #client} one client whose calls take turns
 * with every other client's.
 */
public final class MaryEngine implements SpeechEngine {
    private static final Logger LOG = LoggerFactory.getLogger(MaryEngine.class);
    private static final String VOICE = "cmu-slt-hsmm";
    /** More engines than this gain nothing on any machine we serve from, and each holds a thread's audio. */
    public static final int MAX_ENGINES = 64;

    private final EnginePool<LocalMaryInterface> pool;
    private final Priority priority;
    /** The client every call of this view is, or null when each call is a client of its own. */
    private final @Nullable Object client;

    private MaryEngine(EnginePool<LocalMaryInterface> pool, Priority priority, @Nullable Object client) {
        this.pool = pool;
        this.priority = priority;
        this.client = client;
    }

    private static final Map<Integer, MaryEngine> STARTED = new HashMap<>();

    /** The number of engines a node runs unless told otherwise: one per core. */
    public static int defaultEngines() {
        return Runtime.getRuntime().availableProcessors();
    }

    /** {@link #start(int)} with {@link #defaultEngines()} engines. */
    public static MaryEngine start() throws SpeechException {
        return start(defaultEngines());
    }

    /**
     * The pool of {@code engines} engines of this process, started (about two seconds, once for all pools: MaryTTS's
     * modules are static) and warmed up on first use. Asking again for the same number gives the same pool; a pool of
     * another size shares MaryTTS's modules (and the cores) with it, which is what a benchmark comparing sizes wants.
     */
    public static synchronized MaryEngine start(int engines) throws SpeechException {
        if (engines < 1 || engines > MAX_ENGINES) {
            throw new IllegalArgumentException("engines must be 1–" + MAX_ENGINES + ", not " + engines);
        }
        MaryEngine engine = STARTED.get(engines);
        if (engine == null) {
            engine = startMary(engines);
            STARTED.put(engines, engine);
        }
        return engine;
    }

    private static MaryEngine startMary(int engines) throws SpeechException {
        // MaryTTS configures log4j to write ./log/server.log unless log4j already has an appender.
        org.apache.log4j.Logger.getRootLogger().addAppender(new org.apache.log4j.varia.NullAppender());
        long started = System.nanoTime();
        List<LocalMaryInterface> interfaces = new ArrayList<>();
        for (int i = 0; i < engines; i++) {
            LocalMaryInterface mary;
            try {
                mary = new LocalMaryInterface();
            } catch (MaryConfigurationException e) {
                throw new SpeechException("MaryTTS did not start: " + e.getMessage(), e);
            }
            if (!mary.getAvailableVoices().contains(VOICE)) {
                throw new SpeechException("MaryTTS has no voice " + VOICE + "; it has " + mary.getAvailableVoices());
            }
            mary.setVoice(VOICE);
            mary.setInputType("RAWMARYXML");
            mary.setOutputType("AUDIO");
            interfaces.add(mary);
        }
        MaryEngine engine = new MaryEngine(new EnginePool<>(interfaces), Priority.SPEECH, null);
        engine.synthesize("Warming up the voice.", VoiceProfile.NEUTRAL);
        LOG.info("MaryTTS ready with {} engines in {} ms", engines, (System.nanoTime() - started) / 1_000_000);
        return engine;
    }

    /** How many engines synthesise in parallel. */
    public int engines() {
        return pool.size();
    }

    /** {@link #engines()}. */
    @Override
    public int parallelism() {
        return pool.size();
    }

    /** This pool at {@code priority}, each call a client of its own (served in arrival order within the priority). */
    public MaryEngine lane(Priority priority) {
        return new MaryEngine(pool, priority, null);
    }

    /**
     * One new client of this pool at {@code priority}: its calls are served in their order, one at a time in turn with
     * every other waiting client's, so a long text made through it never holds back a short one asked for later.
     */
    @Override
    public MaryEngine client(Priority priority) {
        return new MaryEngine(pool, priority, new Object());
    }

    /** {@link #synthesize(String, VoiceProfile, BooleanSupplier)} for a client that never leaves. */
    @Override
    public Pcm synthesize(String text, VoiceProfile voice) throws SpeechException {
        return synthesize(text, voice, () -> false);
    }

    /**
     * {@inheritDoc}
     *
     * <p>The text is cleaned ({@link SpeechText}) and escaped, so nothing in it can become markup. A text longer than
     * one piece ({@link #MAX_PIECE} characters) is spoken piece by piece ({@link Tokenizer#pieces}), a turn for each,
     * so a long text cannot hold an engine while a short request waits.
     */
    @Override
    public Pcm synthesize(String text, VoiceProfile voice, BooleanSupplier gone) throws SpeechException {
        String clean = SpeechText.clean(text);
        Object who = client != null ? client : new Object();
        if (clean.length() <= MAX_PIECE) {
            return synthesizePiece(clean, voice, who, gone);
        }
        List<Pcm> pieces = new ArrayList<>();
        for (String piece : Tokenizer.pieces(clean, MAX_PIECE, MAX_PIECE)) {
            pieces.add(synthesizePiece(piece, voice, who, gone));
        }
        return pieces.isEmpty()
                ? synthesizePiece("", voice, who, gone)
                : Pcm.concat(pieces, pieces.get(0).sampleRate());
    }

    /** The longest text given to MaryTTS in one call by {@link #synthesize}. */
    public static final int MAX_PIECE = 280;

    /** How many calls are waiting for an engine now (for metrics and admission). */
    public int waiting() {
        return pool.waiting();
    }

    /** How many engines are synthesising now. */
    public int busy() {
        return pool.busy();
    }

    private Pcm synthesizePiece(String text, VoiceProfile voice, Object who, BooleanSupplier gone)
            throws SpeechException {
        double tract = voice.tract();
        String xml = maryXml(text, voice.pitch() * tract, voice.rate() * tract);
        LocalMaryInterface mary = acquire(who, gone);
        try {
            mary.setAudioEffects("");
            AudioInputStream audio = mary.generateAudio(marytts.util.dom.DomUtils.parseDocument(xml));
            Pcm spoken = read(audio);
            return tract == 1.0 ? spoken : new Pcm(spoken.samples(), (int) Math.round(spoken.sampleRate() / tract));
        } catch (SynthesisException
                | IOException
                | RuntimeException
                | javax.xml.parsers.ParserConfigurationException
                | org.xml.sax.SAXException e) {
            throw new SpeechException("MaryTTS could not speak \"" + abbreviate(text) + "\": " + e.getMessage(), e);
        } finally {
            pool.release(mary);
        }
    }

    private LocalMaryInterface acquire(Object who, BooleanSupplier gone) throws SpeechException {
        try {
            return pool.acquire(who, priority, gone);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SpeechException("interrupted while waiting for a speech engine", e);
        }
    }

    /**
     * Runs {@code work} on one engine of the pool, held for the whole of {@code work}, for callers that drive MaryTTS
     * in other ways (singing, pronouncing). Calls from several threads run in parallel on as many engines as there are.
     * A caller with much to do calls this once per line or phrase, never once for all of it, so other clients take
     * their turns in between. {@code work} may set the interface's input and output types; they are put back after.
     */
    public <T> T withMary(MaryWork<T> work) throws SpeechException {
        LocalMaryInterface mary = acquire(client != null ? client : new Object(), () -> false);
        try {
            mary.setAudioEffects("");
            return work.run(mary);
        } catch (Exception e) {
            throw new SpeechException("MaryTTS failed: " + e.getMessage(), e);
        } finally {
            mary.setInputType("RAWMARYXML"); // the work may have changed them; speech expects these
            mary.setOutputType("AUDIO");
            pool.release(mary);
        }
    }

    /** Reads MaryTTS's audio stream into PCM (for callers of {@link #withMary}). */
    public static Pcm audio(AudioInputStream stream) throws IOException {
        return read(stream);
    }

    /** Work done with one engine's MaryTTS interface, which nothing else uses meanwhile. */
    @FunctionalInterface
    public interface MaryWork<T> {
        T run(LocalMaryInterface mary) throws Exception;
    }

    /**
     * A RAWMARYXML document of plain {@code text} (cleaned and escaped: no user text becomes markup), for callers of
     * {@link #withMary} that need MaryTTS's analysis of a line.
     */
    public static org.w3c.dom.Document document(String text) throws SpeechException {
        String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<maryxml version=\"0.5\" xmlns=\"http://mary.dfki.de/2002/MaryXML\" xml:lang=\"en-US\">"
                + escape(text)
                + "</maryxml>";
        try {
            return marytts.util.dom.DomUtils.parseDocument(xml);
        } catch (javax.xml.parsers.ParserConfigurationException | org.xml.sax.SAXException | IOException e) {
            throw new SpeechException("could not make MaryXML of \"" + abbreviate(text) + "\": " + e.getMessage(), e);
        }
    }

    static String maryXml(String text, double pitch, double rate) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<maryxml version=\"0.5\" xmlns=\"http://mary.dfki.de/2002/MaryXML\" xml:lang=\"en-US\">"
                + "<prosody pitch=\"" + percent(pitch) + "\" rate=\"" + percent(rate) + "\">"
                + escape(text)
                + "</prosody></maryxml>";
    }

    private static String percent(double factor) {
        double change = (factor - 1) * 100;
        return String.format(Locale.ROOT, "%+.1f%%", change);
    }

    /**
     * {@code text} cleaned ({@link SpeechText#clean}), without what the voices cannot pronounce ({@link
     * Coverage#withoutUnspoken}) unless that leaves nothing (MaryTTS refuses a document of blanks, while it answers
     * unpronounceable text with silence), and with XML's special characters escaped.
     */
    static String escape(String raw) {
        String clean = SpeechText.clean(raw);
        String pronounced = Coverage.withoutUnspoken(clean);
        String text = pronounced.isBlank() ? clean : pronounced;
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                default -> out.append(c); // clean: nothing XML 1.0 forbids is left
            }
        }
        return out.toString();
    }

    /** Reads all of MaryTTS's stream: a single read or readAllBytes can stop early. */
    static Pcm read(AudioInputStream audio) throws IOException {
        javax.sound.sampled.AudioFormat format = audio.getFormat();
        if (format.getSampleSizeInBits() != 16 || format.getChannels() != 1) {
            throw new IOException("unexpected MaryTTS audio format " + format);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        byte[] buffer = new byte[65536];
        try (InputStream in = audio) {
            int n;
            while ((n = in.read(buffer)) > 0 || (n == 0 && audio.available() > 0)) {
                bytes.write(buffer, 0, Math.max(0, n));
            }
        }
        byte[] raw = bytes.toByteArray();
        boolean big = format.isBigEndian();
        float[] samples = new float[raw.length / 2];
        for (int i = 0; i < samples.length; i++) {
            int lo = raw[2 * i + (big ? 1 : 0)] & 0xFF;
            int hi = raw[2 * i + (big ? 0 : 1)];
            samples[i] = (short) (hi << 8 | lo) / 32768f;
        }
        return new Pcm(samples, Math.round(format.getSampleRate()));
    }

    private static String abbreviate(String text) {
        return text.length() <= 60 ? text : text.substring(0, 57) + "...";
    }
}
