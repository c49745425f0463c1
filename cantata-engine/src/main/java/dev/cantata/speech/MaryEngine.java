package dev.cantata.speech;

import dev.cantata.audio.Pcm;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.locks.ReentrantLock;
import javax.sound.sampled.AudioInputStream;
import marytts.LocalMaryInterface;
import marytts.exceptions.MaryConfigurationException;
import marytts.exceptions.SynthesisException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * MaryTTS 5.2.1 in-process with its one HMM voice, {@code cmu-slt-hsmm} (US English, 48 kHz).
 *
 * <p>Pitch and rate are applied per request through MaryXML {@code <prosody>} (measured: pitch moves the median F0
 * almost linearly; {@code range} is ignored by this HMM voice; rate is linear when faster, weaker when slower, so exact
 * speeds are made by {@link dev.cantata.audio.TimeStretch} after synthesis).
 *
 * <p>Vocal-tract length L is made by resampling, not by MaryTTS's {@code TractScaler} effect (measured: at low F0 it
 * breaks voicing and clips): the voice is synthesised with F0 and rate multiplied by L, and its samples are then
 * declared to be at 1/L of the rate, which moves every frequency, formants included, down by 1/L, brings F0 back to
 * its target and restores the duration. The HMM effects that change the voice's models ({@code F0Add}, {@code F0Scale})
 * are never used: they mutate the shared voice. MaryTTS keeps global state and gains nothing from parallel calls, so
 * synthesis is serialised by one fair lock.
 */
public final class MaryEngine implements SpeechEngine {
    private static final Logger LOG = LoggerFactory.getLogger(MaryEngine.class);
    private static final String VOICE = "cmu-slt-hsmm";

    private final LocalMaryInterface mary;
    private final ReentrantLock lock = new ReentrantLock(true);

    private MaryEngine(LocalMaryInterface mary) {
        this.mary = mary;
    }

    private static @org.jspecify.annotations.Nullable MaryEngine shared;

    /**
     * The engine of this process, started (about two seconds) and warmed up on first use. MaryTTS keeps its modules in
     * static state, so a second engine in the same process would share them behind a second lock: there is exactly one.
     */
    public static synchronized MaryEngine start() throws SpeechException {
        if (shared == null) {
            shared = startMary();
        }
        return shared;
    }

    private static MaryEngine startMary() throws SpeechException {
        // MaryTTS configures log4j to write ./log/server.log unless log4j already has an appender.
        org.apache.log4j.Logger.getRootLogger().addAppender(new org.apache.log4j.varia.NullAppender());
        long started = System.nanoTime();
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
        MaryEngine engine = new MaryEngine(mary);
        engine.synthesize("Warming up the voice.", VoiceProfile.NEUTRAL);
        LOG.info("MaryTTS ready in {} ms", (System.nanoTime() - started) / 1_000_000);
        return engine;
    }

    /**
     * {@inheritDoc}
     *
     * <p>The text is cleaned ({@link SpeechText}) and escaped, so nothing in it can become markup. A text longer than
     * one piece ({@link #MAX_PIECE} characters) is spoken piece by piece ({@link Tokenizer#pieces}), taking the engine
     * for one piece at a time, so a long text cannot hold it while a short request waits.
     */
    @Override
    public Pcm synthesize(String text, VoiceProfile voice) throws SpeechException {
        String clean = SpeechText.clean(text);
        if (clean.length() <= MAX_PIECE) {
            return synthesizePiece(clean, voice);
        }
        List<Pcm> pieces = new ArrayList<>();
        for (String piece : Tokenizer.pieces(clean, MAX_PIECE, MAX_PIECE)) {
            pieces.add(synthesizePiece(piece, voice));
        }
        return pieces.isEmpty()
                ? synthesizePiece("", voice)
                : Pcm.concat(pieces, pieces.get(0).sampleRate());
    }

    /** The longest text given to MaryTTS in one call by {@link #synthesize}. */
    public static final int MAX_PIECE = 280;

    /** How many calls are waiting for the engine now (for metrics and admission). */
    public int waiting() {
        return lock.getQueueLength();
    }

    private Pcm synthesizePiece(String text, VoiceProfile voice) throws SpeechException {
        double tract = voice.tract();
        String xml = maryXml(text, voice.pitch() * tract, voice.rate() * tract);
        lock.lock();
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
            lock.unlock();
        }
    }

    /**
     * Runs {@code work} while holding the engine, for callers that drive MaryTTS in other ways (singing). The lock is
     * fair and held for the whole of {@code work}: a caller with much to do calls this once per line or phrase, never
     * once for all of it, so other requests take their turns in between.
     */
    public <T> T withMary(MaryWork<T> work) throws SpeechException {
        lock.lock();
        try {
            mary.setAudioEffects("");
            return work.run(mary);
        } catch (Exception e) {
            throw new SpeechException("MaryTTS failed: " + e.getMessage(), e);
        } finally {
            mary.setInputType("RAWMARYXML"); // the work may have changed them; speech expects these
            mary.setOutputType("AUDIO");
            lock.unlock();
        }
    }

    /** Reads MaryTTS's audio stream into PCM (for callers of {@link #withMary}). */
    public static Pcm audio(AudioInputStream stream) throws IOException {
        return read(stream);
    }

    /** Work done with the MaryTTS interface under the engine's lock. */
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
