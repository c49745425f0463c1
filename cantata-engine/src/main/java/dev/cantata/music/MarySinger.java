package dev.cantata.music;

import dev.cantata.audio.Pcm;
import dev.cantata.speech.BoundedCache;
import dev.cantata.speech.MaryEngine;
import dev.cantata.speech.SpeechException;
import dev.cantata.speech.VoiceProfile;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.DoubleUnaryOperator;
import marytts.util.dom.DomUtils;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Sings with MaryTTS: a lyric line is phonemised once (MaryTTS's ACOUSTPARAMS: words, syllables, stress, phones with
 * durations), then for each phrase the phone durations and F0 targets are rewritten from the notes and the document is
 * synthesised. Each syllable's vowel starts exactly on its note; the consonants before it are sung just before the
 * beat; the vowel fills the note up to the coda and the next syllable's onset, synthesised no longer than a spoken
 * vowel and held to that length afterwards ({@link HeldVowels}). Pitch follows a {@link PitchContour}
 * (transitions with preparation and overshoot, vibrato on long notes, fine fluctuation, scoops); F0 targets are whole
 * hertz (MaryTTS reads integers). A voice's tract length is applied with the same resampling trick
 * as speech (see {@link MaryEngine}). Identical phrases are synthesised once.
 */
public final class MarySinger implements Singer {
    static final Set<String> VOWELS = Set.of(
            "A", "O", "u", "i", "E", "{", "V", "@", "I", "U", "r=", "EI", "AI", "OI", "aU", "@U", "aI", "oU", "OU", "Q",
            "3", "3r", "e", "o", "a");
    private static final Set<String> UNVOICED = Set.of("p", "t", "k", "f", "T", "s", "S", "h", "tS", "_");
    /** The most of a note the consonants after its vowel (its coda and the next onset) may take. */
    private static final double CONSONANT_SHARE = 0.45;
    /** Plosives, fricatives and affricates: the consonants whose bursts and noise carry a sung word's identity. */
    private static final Set<String> PLOSIVES = Set.of("p", "t", "k", "b", "d", "g");

    private static final Set<String> FRICATIVES = Set.of("f", "v", "T", "D", "s", "z", "S", "Z", "h", "tS", "dZ");
    /** MaryTTS's shortest phone: five HMM states of one 5 ms frame, plus a millisecond of rounding room. */
    private static final double MIN_PHONE = 0.026;

    private final MaryEngine engine;
    /** Phonemised lines (small) and sung phrases (about 1 MB each), bounded so a long-running server does not grow. */
    private final BoundedCache<String, String> lines = new BoundedCache<>(2048);

    private final BoundedCache<String, Sung> sung = new BoundedCache<>(128);

    public MarySinger(MaryEngine engine) {
        this.engine = engine;
    }

    /** Audio of a sung phrase; its first note's vowel begins {@code lead} seconds into {@code audio}. */
    public record Sung(Pcm audio, double lead) {}

    @Override
    public LineSyllables read(String line) throws SpeechException {
        Document doc = parse(acoustparams(line));
        List<LineSyllables.Syllable> syllables = new ArrayList<>();
        int word = -1;
        NodeList tokens = doc.getElementsByTagNameNS("*", "t");
        for (int i = 0; i < tokens.getLength(); i++) {
            Element t = (Element) tokens.item(i);
            List<Element> syls = children(t, "syllable");
            if (syls.isEmpty()) {
                continue;
            }
            word++;
            String text = t.getFirstChild() == null
                    ? ""
                    : t.getFirstChild().getNodeValue().strip();
            for (Element syllable : syls) {
                syllables.add(new LineSyllables.Syllable(word, text, "1".equals(syllable.getAttribute("stress"))));
            }
        }
        return new LineSyllables(line, syllables);
    }

    /** The singer's range (MIDI) for a voice: about an octave around where it speaks, nudged up as singers do. */
    public static int[] range(double medianF0) {
        int center = (int) Math.round(69 + 12 * Math.log(medianF0 / 440) / Math.log(2)) + 7;
        return new int[] {center - 6, center + 6};
    }

    /** Sings one phrase, moving its pitch as the genre's singers do ({@link PitchContour}). */
    @Override
    public Sung sing(Score.Phrase phrase, VoiceProfile voice, Genre.Singing singing) throws SpeechException {
        String cacheKey = cacheKey(phrase, voice) + '|' + singing;
        Sung cached = sung.get(cacheKey);
        if (cached != null) {
            return cached;
        }
        Document doc = parse(acoustparams(phrase.text()));
        double tract = voice.tract();
        Retimed retimed = retime(doc, phrase.notes(), tract, singing, cacheKey.hashCode());
        Pcm audio = engine.withMary(mary -> {
            mary.setInputType("ACOUSTPARAMS");
            mary.setOutputType("AUDIO");
            return MaryEngine.audio(mary.generateAudio(doc));
        });
        Pcm declared = tract == 1.0 ? audio : new Pcm(audio.samples(), (int) Math.round(audio.sampleRate() / tract));
        if (!retimed.held().isEmpty()) {
            declared = retimed.held().stretch(declared, HarmonyTake.track(declared, phrase), retimed.contour());
        }
        Sung result = new Sung(declared, retimed.lead());
        sung.put(cacheKey, result);
        return result;
    }

    private static String cacheKey(Score.Phrase phrase, VoiceProfile voice) {
        StringBuilder key = new StringBuilder(phrase.text()).append('|').append(voice);
        double origin = phrase.start();
        for (Score.Note n : phrase.notes()) {
            key.append(String.format(Locale.ROOT, "|%.4f,%.4f,%d", n.start() - origin, n.end() - origin, n.pitch()));
        }
        return key.toString();
    }

    /**
     * MaryTTS's analysis of one line. The line is plain text in a MaryXML document we make (escaped: no lyric can
     * become markup), and at most {@link Lyrics#MAX_LINE_CHARACTERS} long: MaryTTS walks a sentence's tokens
     * recursively, and a line of thousands of tokens overflowed its stack.
     */
    private String acoustparams(String line) throws SpeechException {
        if (line.length() > Lyrics.MAX_LINE_CHARACTERS) {
            throw new IllegalArgumentException(
                    "a sung line has at most " + Lyrics.MAX_LINE_CHARACTERS + " characters, not " + line.length());
        }
        String cached = lines.get(line);
        if (cached != null) {
            return cached;
        }
        Document input = MaryEngine.document(line);
        String xml = engine.withMary(mary -> {
            mary.setInputType("RAWMARYXML");
            mary.setOutputType("ACOUSTPARAMS");
            return DomUtils.document2String(mary.generateXML(input));
        });
        lines.put(line, xml);
        return xml;
    }

    private static Document parse(String xml) throws SpeechException {
        Document doc;
        try {
            doc = DomUtils.parseDocument(xml);
        } catch (Exception e) {
            throw new SpeechException("MaryTTS gave unreadable ACOUSTPARAMS: " + e.getMessage(), e);
        }
        mergeVoicelessSyllables(doc);
        return doc;
    }

    /**
     * MaryTTS sometimes makes a syllable of consonants alone (a sentence-initial "Still" is "s - t I l"). Nothing in it
     * can carry a note, so its phones join the next syllable of the word (or the previous one when it is the last).
     */
    static void mergeVoicelessSyllables(Document doc) {
        NodeList all = doc.getElementsByTagNameNS("*", "syllable");
        List<Element> syllables = new ArrayList<>();
        for (int i = 0; i < all.getLength(); i++) {
            syllables.add((Element) all.item(i));
        }
        for (int i = 0; i < syllables.size(); i++) {
            Element syllable = syllables.get(i);
            List<Element> phones = children(syllable, "ph");
            boolean singable = phones.stream().anyMatch(p -> !UNVOICED.contains(p.getAttribute("p")));
            if (singable) {
                continue;
            }
            Element next = i + 1 < syllables.size() ? syllables.get(i + 1) : null;
            Element previous = i > 0 ? syllables.get(i - 1) : null;
            if (next != null && next.getParentNode().isSameNode(syllable.getParentNode())) {
                Node first = next.getFirstChild();
                for (Element p : phones) {
                    next.insertBefore(p, first);
                }
            } else if (previous != null && previous.getParentNode().isSameNode(syllable.getParentNode())) {
                phones.forEach(previous::appendChild);
            } else if (next != null) {
                Node first = next.getFirstChild();
                for (Element p : phones) {
                    next.insertBefore(p, first);
                }
            } else {
                continue; // a line of consonants only: nothing to sing, left as it is
            }
            syllable.getParentNode().removeChild(syllable);
        }
    }

    /**
     * A phrase's document rewritten for MaryTTS.
     *
     * @param lead seconds from the start of the audio to the first vowel
     * @param held the vowels to stretch to their notes once synthesised
     * @param contour the phrase's pitch, semitones, at a sung time from the start of its audio
     */
    record Retimed(double lead, HeldVowels held, DoubleUnaryOperator contour) {}

    /**
     * Rewrites durations and F0 in {@code doc} so syllable {@code i}'s vowel starts at note {@code i}, a long vowel
     * synthesised short to be held afterwards ({@link HeldVowels}). Every voiced phone follows the phrase's
     * {@link PitchContour}, so the glide between two notes runs through the consonants between them as a singer's does.
     */
    static Retimed retime(Document doc, List<Score.Note> sungNotes, double tract, Genre.Singing singing, long seed) {
        List<Score.Note> notes = syllableSpans(sungNotes);
        unwrapProsody(doc);
        NodeList boundaries = doc.getElementsByTagNameNS("*", "boundary");
        for (int i = boundaries.getLength() - 1; i >= 0; i--) {
            Node b = boundaries.item(i);
            b.getParentNode().removeChild(b); // pauses inside a sung line would break its timing
        }
        List<Element> syllables = new ArrayList<>();
        NodeList all = doc.getElementsByTagNameNS("*", "syllable");
        for (int i = 0; i < all.getLength(); i++) {
            syllables.add((Element) all.item(i));
        }
        int n = Math.min(syllables.size(), notes.size());
        double origin = notes.get(0).start();
        double[] onset = new double[n];
        double[] coda = new double[n];
        List<List<Element>> phones = new ArrayList<>();
        int[] nucleus = new int[n];
        for (int i = 0; i < n; i++) {
            List<Element> ph = children(syllables.get(i), "ph");
            phones.add(ph);
            nucleus[i] = nucleusOf(ph);
            for (int j = 0; j < ph.size(); j++) {
                double d = consonant(ph.get(j));
                if (j < nucleus[i]) {
                    onset[i] += d;
                } else if (j > nucleus[i]) {
                    coda[i] += d;
                }
            }
        }
        // The consonants between two vowels (coda of one, onset of the next) share one squeeze, so the second vowel can
        // start on its note; no phone goes below MaryTTS's floor (five HMM states of one 5 ms frame), which it would
        // silently lengthen. Each vowel then runs from where the clock really is to where the next consonants must
        // begin, so any shortfall is caught up at once instead of adding up along the line.
        double floor = MIN_PHONE * tract;
        double[] squeeze = new double[n + 1];
        java.util.Arrays.fill(squeeze, 1);
        for (int i = 0; i < n; i++) {
            double gap = i + 1 < n
                    ? notes.get(i + 1).start() - notes.get(i).start()
                    : notes.get(i).duration();
            double consonants = coda[i] + (i + 1 < n ? onset[i + 1] : 0);
            if (consonants > CONSONANT_SHARE * gap) {
                // singers keep the vowel: the consonants between two notes take at most this share of the first
                squeeze[i + 1] = CONSONANT_SHARE * gap / consonants;
            }
        }
        double[][] durations = new double[n][];
        double[] onsetActual = new double[n];
        double[] codaActual = new double[n];
        for (int i = 0; i < n; i++) {
            List<Element> ph = phones.get(i);
            durations[i] = new double[ph.size()];
            for (int j = 0; j < ph.size(); j++) {
                double natural = consonant(ph.get(j));
                if (j < nucleus[i]) {
                    durations[i][j] = Math.max(floor, natural * squeeze[i]);
                    onsetActual[i] += durations[i][j];
                } else if (j > nucleus[i]) {
                    durations[i][j] = Math.max(floor, natural * squeeze[i + 1]);
                    codaActual[i] += durations[i][j];
                }
            }
        }
        double lead = onsetActual[0];
        Timeline timeline = new Timeline(tract);
        for (int i = 0; i < n; i++) {
            Score.Note note = notes.get(i);
            List<Element> ph = phones.get(i);
            for (int j = 0; j < ph.size(); j++) {
                Element p = ph.get(j);
                double d = durations[i][j];
                if (j != nucleus[i]) {
                    timeline.emit(p, d);
                    continue;
                }
                double nextConsonantsAt = i + 1 < n
                        ? lead + notes.get(i + 1).start() - origin - onsetActual[i + 1] - codaActual[i]
                        : lead + note.end() - origin - codaActual[i];
                timeline.emitVowel(p, Math.max(floor, nextConsonantsAt - timeline.clock));
            }
        }
        double clock = timeline.clock;
        List<Element> voiced = timeline.voiced;
        List<double[]> spans = timeline.spans;
        double zero = origin - lead; // the notes' time at the start of the audio
        double end = notes.get(n - 1).end();
        List<Score.Note> heard =
                sungNotes.stream().filter(x -> x.start() < end - 1e-9).toList();
        double[] frames = PitchContour.of(heard, zero, (int) Math.ceil(clock / PitchContour.FRAME) + 2, singing, seed);
        DoubleUnaryOperator contour = t -> sample(frames, t / PitchContour.FRAME);
        HeldVowels held = timeline.held;
        DoubleUnaryOperator asked = s -> held.semitonesAt(s, contour);
        for (int k = 0; k < voiced.size(); k++) {
            voiced.get(k).setAttribute("f0", targets(asked, spans.get(k)[0], spans.get(k)[1], tract));
        }
        return new Retimed(lead, held, contour);
    }

    /**
     * One note a syllable: a syllable sung on several notes (a melisma) spans from its first note's start to its last
     * one's end, at its first note's pitch. Its vowel is timed on that span; the {@link PitchContour} of all the notes
     * then moves the pitch through the run on that one vowel.
     */
    static List<Score.Note> syllableSpans(List<Score.Note> notes) {
        List<Score.Note> spans = new ArrayList<>();
        for (Score.Note note : notes) {
            Score.Note last = spans.isEmpty() ? null : spans.get(spans.size() - 1);
            if (last != null && last.syllable() == note.syllable()) {
                spans.set(spans.size() - 1, new Score.Note(last.start(), note.end(), last.pitch(), last.syllable()));
            } else {
                spans.add(note);
            }
        }
        return spans;
    }

    /**
     * The declared timeline of a phrase being retimed: each phone's duration and end set in turn, as sung and as
     * synthesised (shorter by what {@link HeldVowels} will hold).
     */
    private static final class Timeline {
        final double tract;
        /** Seconds from the start of the audio, in the declared (not synthesised) timeline, as sung. */
        double clock;
        /** The same, as MaryTTS is asked to synthesise it. */
        double synthClock;

        /** {@link #synthClock} in whole milliseconds, as the phones so far were given to MaryTTS. */
        long synthClockMs;

        final List<Element> voiced = new ArrayList<>();
        /** Each voiced phone's span in the synthesised timeline. */
        final List<double[]> spans = new ArrayList<>();

        final HeldVowels held = new HeldVowels();

        Timeline(double tract) {
            this.tract = tract;
        }

        /** Gives {@code p} the next {@code d} seconds; a voiced phone is kept to receive its pitch. */
        void emit(Element p, double d) {
            emit(p, d, d);
        }

        /** Gives vowel {@code p} the next {@code d} seconds, synthesised shorter when that long. */
        void emitVowel(Element p, double d) {
            held.add(clock, d, synthClock);
            emit(p, d, HeldVowels.synthesised(d));
        }

        private void emit(Element p, double d, double synthesised) {
            double from = synthClock;
            clock += d;
            synthClock += synthesised;
            long endMs = Math.round(synthClock * 1000);
            long synthStart = Math.round(synthClockMs / tract);
            long synthEnd = Math.round(endMs / tract);
            synthClockMs = endMs;
            p.setAttribute("d", String.valueOf(Math.max(1, synthEnd - synthStart)));
            p.setAttribute("end", String.format(Locale.ROOT, "%.4f", synthEnd / 1000.0));
            if (UNVOICED.contains(p.getAttribute("p"))) {
                p.removeAttribute("f0");
            } else {
                voiced.add(p);
                spans.add(new double[] {from, synthClock});
            }
        }
    }

    /**
     * MaryTTS F0 targets for a phone from {@code from} to {@code to} seconds: {@code semitonesAt} sampled every 10 ms (at least
     * at both ends), as whole hertz at whole-percent positions, which is what MaryTTS reads. At 200 Hz one hertz is 9
     * cents, so the rounding is below what the contour's own fluctuation moves.
     */
    static String targets(DoubleUnaryOperator semitonesAt, double from, double to, double tract) {
        StringBuilder out = new StringBuilder();
        int points = Math.max(1, (int) Math.round((to - from) / 0.01));
        int lastPercent = -1;
        for (int k = 0; k <= points; k++) {
            int percent = (int) Math.round(100.0 * k / points);
            if (percent == lastPercent) {
                continue;
            }
            lastPercent = percent;
            double t = from + (to - from) * k / points;
            double semitones = semitonesAt.applyAsDouble(t);
            long hz = Math.round(440 * Math.pow(2, (semitones - 69) / 12) * tract);
            out.append('(').append(percent).append(',').append(hz).append(')');
        }
        return out.toString();
    }

    private static double sample(double[] contour, double frame) {
        int i = (int) Math.floor(frame);
        if (i < 0) {
            return contour[0];
        }
        if (i >= contour.length - 1) {
            return contour[contour.length - 1];
        }
        double w = frame - i;
        return contour[i] * (1 - w) + contour[i + 1] * w;
    }

    /**
     * How long a consonant is sung, before any squeeze: MaryTTS's spoken duration, but never shorter than a singer
     * articulates it. Sung consonants keep about their spoken length while the vowels stretch (Sundberg, "The Science
     * of the Singing Voice", 1987: consonants take 50–150 ms whatever the note); a fricative needs some 70 ms of noise
     * and a plosive a 50 ms closure and burst to be heard over a band, nasals and liquids about 45 ms.
     */
    static double consonant(Element phone) {
        String p = phone.getAttribute("p");
        double natural = Double.parseDouble(phone.getAttribute("d")) / 1000;
        double floor = FRICATIVES.contains(p) ? 0.07 : PLOSIVES.contains(p) ? 0.05 : 0.045;
        return clamp(natural, floor, 0.14);
    }

    private static int nucleusOf(List<Element> phones) {
        for (int j = 0; j < phones.size(); j++) {
            if (VOWELS.contains(phones.get(j).getAttribute("p"))) {
                return j;
            }
        }
        for (int j = 0; j < phones.size(); j++) {
            if (!UNVOICED.contains(phones.get(j).getAttribute("p"))) {
                return j; // a syllabic consonant ("l", "n")
            }
        }
        return 0;
    }

    private static void unwrapProsody(Document doc) {
        NodeList prosody = doc.getElementsByTagNameNS("*", "prosody");
        for (int i = prosody.getLength() - 1; i >= 0; i--) {
            Node p = prosody.item(i);
            Node parent = p.getParentNode();
            while (p.getFirstChild() != null) {
                parent.insertBefore(p.getFirstChild(), p);
            }
            parent.removeChild(p);
        }
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> out = new ArrayList<>();
        for (Node c = parent.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (c instanceof Element e && name.equals(e.getLocalName() == null ? e.getTagName() : e.getLocalName())) {
                out.add(e);
            }
        }
        return out;
    }

    private static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }
}
