package dev.cantata.music;

import dev.cantata.audio.Pcm;
import dev.cantata.audio.PitchTracker;
import dev.cantata.audio.Psola;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A voice around the lead made from a take already sung instead of sung anew, as a vocal harmoniser (TC-Helicon's
 * VoiceLive, Antares' Harmony Engine) makes backing voices from the lead: the same singer's take, its pitch moved note
 * by note to the voice's own notes by {@link Psola#shift}, which keeps the vowels (the spectral envelope), the
 * consonants and the source's glides and vibrato. A chorus harmony sings the lead's words on the lead's rhythm, and the
 * upper pad holds the lower pad's vowel on the same chord, so both are made this way; what differs in words or rhythm
 * (a duet partner's line, a phrase whose source was not sung) is sung.
 *
 * <p>Why: with a three-part stack and two pads all sung through MaryTTS, a 95 s pop song cost 1.36× the lead alone
 * ({@code bench voice}, 2 cores, 2026-12-02; issue #14 asks ≤ 1.3×), and 1.29× made this way in the same run: a shift
 * costs a pitch track and an overlap-add, a small share of one HMM synthesis.
 */
final class HarmonyTake {
    /**
     * The widest move made from a source, in semitones: the harmonies sit a third to a sixth from the melody (3–9), the
     * pads a third or fourth apart; further than that a shifted voice stops sounding like a person (its vowels stay
     * where the source's were while its pitch moves away from them).
     */
    static final int MAX_INTERVAL = 9;

    /**
     * How late the made voice is placed after its source: two singers never start a word in the same millisecond, and
     * 12 ms (inside the 10–30 ms of a double-tracked vocal) keeps the two from fusing into one voice.
     */
    static final double LAG = 0.012;

    /**
     * Half the time the interval takes to change at a note boundary: the source glides into its next note over about
     * 60 ms ({@link PitchContour}), and the made voice moves with it instead of jumping.
     */
    static final double TURN = 0.03;

    /**
     * The PSOLA analysis (F0 track and pitch marks) of each take made from, by the take's audio (a {@link Pcm}'s array
     * is compared by identity): a chorus's lead feeds two harmonies, and a chorus that comes back is the singer's
     * cached take again, so each take is analysed once a song.
     */
    private final Map<Pcm, CompletableFuture<Psola.Analysis>> analyses = new ConcurrentHashMap<>();

    /**
     * Whether {@code voice} can be made from a take of {@code source}: the same text, as many notes, each at the same
     * times on the same syllable, none more than {@link #MAX_INTERVAL} away.
     */
    static boolean derivable(Score.Phrase source, Score.Phrase voice) {
        List<Score.Note> from = source.notes();
        List<Score.Note> to = voice.notes();
        if (!source.text().equals(voice.text()) || from.size() != to.size() || from.isEmpty()) {
            return false;
        }
        for (int i = 0; i < from.size(); i++) {
            Score.Note a = from.get(i);
            Score.Note b = to.get(i);
            if (Math.abs(a.start() - b.start()) > 1e-9
                    || Math.abs(a.end() - b.end()) > 1e-9
                    || a.syllable() != b.syllable()
                    || Math.abs(a.pitch() - b.pitch()) > MAX_INTERVAL) {
                return false;
            }
        }
        return true;
    }

    /**
     * {@code voice} made from {@code sung}, the take of {@code source} ({@link #derivable} holds): as long as the take,
     * placed {@link #LAG} after it. Safe to call from several threads at once.
     */
    MarySinger.Sung derive(MarySinger.Sung sung, Score.Phrase source, Score.Phrase voice) {
        Pcm audio = sung.audio();
        Psola.Analysis analysis = analysis(audio, source);
        double zero = source.start() - sung.lead(); // where the take's first sample sits in the song
        float[] shifted = Psola.shift(analysis, t -> interval(source, voice, zero + t));
        return new MarySinger.Sung(new Pcm(shifted, audio.sampleRate()), sung.lead() - LAG);
    }

    /**
     * The analysis of {@code audio}, a take of {@code source}: made by the first caller, outside the map's locks (a
     * computeIfAbsent would hold a bin of the map for the whole search, stalling other takes that hash to it), and
     * waited for by the others.
     */
    private Psola.Analysis analysis(Pcm audio, Score.Phrase source) {
        CompletableFuture<Psola.Analysis> mine = new CompletableFuture<>();
        CompletableFuture<Psola.Analysis> known = analyses.putIfAbsent(audio, mine);
        if (known != null) {
            return known.join();
        }
        try {
            mine.complete(Psola.analyse(audio.samples(), audio.sampleRate(), track(audio, source), 0.01));
        } catch (RuntimeException | Error e) {
            mine.completeExceptionally(e);
            throw e;
        }
        return mine.join();
    }

    /**
     * The F0 of {@code audio}, a take of {@code source}, every 10 ms: YIN on the take at half its rate (two samples
     * averaged, a low-pass enough for F0 under 1 kHz; a quarter of the work), within a range around the notes that its
     * glides, overshoot and vibrato stay well inside.
     */
    static double[] track(Pcm audio, Score.Phrase source) {
        double minHz = Math.max(
                50, source.notes().stream().mapToDouble(Score.Note::hz).min().orElseThrow() * 0.6);
        double maxHz = Math.min(
                1000, source.notes().stream().mapToDouble(Score.Note::hz).max().orElseThrow() * 1.6);
        float[] x = audio.samples();
        float[] half = new float[x.length / 2];
        for (int i = 0; i < half.length; i++) {
            half[i] = 0.5f * (x[2 * i] + x[2 * i + 1]);
        }
        return new PitchTracker(minHz, maxHz).track(new Pcm(half, audio.sampleRate() / 2));
    }

    /**
     * The interval from {@code source} to {@code voice} at {@code time} (song seconds): each note's, turning from one to
     * the next over {@link #TURN} either side of the boundary.
     */
    static double interval(Score.Phrase source, Score.Phrase voice, double time) {
        List<Score.Note> from = source.notes();
        List<Score.Note> to = voice.notes();
        double semitones = to.get(0).pitch() - from.get(0).pitch();
        for (int i = 1; i < from.size(); i++) {
            double step = (to.get(i).pitch() - from.get(i).pitch())
                    - (to.get(i - 1).pitch() - from.get(i - 1).pitch());
            if (step != 0) {
                double x = (time - from.get(i).start()) / TURN;
                semitones += step * Math.max(0, Math.min(1, (x + 1) / 2));
            }
        }
        return semitones;
    }
}
