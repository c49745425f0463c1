package dev.cantata.music;

import dev.cantata.audio.Pcm;
import dev.cantata.audio.PitchTracker;
import dev.cantata.audio.Psola;
import dev.cantata.audio.Resampler;
import dev.cantata.language.Language;
import dev.cantata.language.Mandarin;
import dev.cantata.speech.BoundedCache;
import dev.cantata.speech.EspeakEngine;
import dev.cantata.speech.SpeechException;
import dev.cantata.speech.VoiceProfile;
import java.lang.Character.UnicodeScript;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Sings Mandarin, Japanese (its kana) and the Latin-script languages of espeak-ng with espeak-ng, which has no note
 * interface: each syllable (a Hanzi; a kana mora; a Latin word's vowel groups) is
 * spoken alone in its level tone (tone 1: the flattest source, since sung Mandarin lets the melody override the lexical
 * tone), cut into its onset consonant and its voiced part, and the voiced part is re-timed and re-pitched by {@link
 * Psola} onto the note: the vowel starts on the beat and holds until the next syllable's consonant, and its F0 follows
 * the same {@link PitchContour} as the English singer's (glides with overshoot, vibrato, scoops). Unvoiced onsets keep
 * their spoken length and sound just before the beat; a voiced onset (m, n, l, r, y, w) keeps its length too, its
 * pitch moved with the vowel's; a nasal coda (-n, -ng) keeps its length at the note's end, so the vowel is what is
 * held, as singers hold it. Joins are faded over {@link #FADE} seconds, so syllables meet without clicks.
 */
final class EspeakSinger {
    /** Joins between a syllable's parts and between syllables are faded over this, against clicks. */
    static final double FADE = 0.005;
    /** How long the last vowel of a phrase, or one before a rest, rings on past its note while the voice releases. */
    static final double RELEASE = 0.06;
    /** Voiced onsets keep at most this much of their spoken length. */
    static final double MAX_HEAD = 0.06;
    /** A nasal coda keeps at most this much. */
    static final double MAX_CODA = 0.07;
    /** The rate syllables are cut and sung at: espeak-ng's own. */
    static final int RATE = 22_050;
    /** The base voice's median F0 (a profile's pitch 1): speech's. */
    private static final double BASE_F0 = 167;

    private final EspeakEngine espeak;
    /** Spoken syllables by text, language and pitch (a semitone apart): a chorus that comes back costs nothing. */
    private final BoundedCache<String, Spoken> spoken = new BoundedCache<>(4096);

    EspeakSinger(EspeakEngine espeak) {
        this.espeak = espeak;
    }

    /** This singer with Latin-script words in {@code latin} (English words inside Chinese lines are English). */
    Singer in(Language latin) {
        Language japanese = espeak.languages().find("ja").orElse(null);
        return new Singer() {
            @Override
            public LineSyllables read(String line) {
                return EspeakSinger.read(line, latin, japanese);
            }

            @Override
            public MarySinger.Sung sing(Score.Phrase phrase, VoiceProfile voice, Genre.Singing singing)
                    throws SpeechException {
                return EspeakSinger.this.sing(units(phrase.text(), latin, japanese), phrase, voice, singing);
            }
        };
    }

    /** One sung unit: what espeak-ng is given, in which language, and what the composer knows of it. */
    record Unit(String say, Language language, int word, String wordText, boolean stressed) {
        boolean voicedOnset() {
            return !say.isEmpty() && "mnlrywMNLRYW".indexOf(say.charAt(0)) >= 0;
        }

        boolean nasalCoda() {
            String bare = say.replaceAll("[0-9]", "");
            return bare.endsWith("n") || bare.endsWith("ng") || bare.endsWith("m");
        }
    }

    /**
     * {@code line} as sung units: a Hanzi is one syllable (its pinyin, read as words: 银行 is yin hang), stressed
     * unless its tone is neutral; a kana is one mora (with the small kana and the long mark after it), each its own
     * word, and in a line with kana the kanji are not sung (espeak-ng reads kana only); a Latin word, in {@code latin},
     * is one syllable per vowel group, the first stressed. Other characters (digits, punctuation) are not sung.
     */
    static List<Unit> units(String line, Language latin, @Nullable Language japanese) {
        List<Unit> units = new ArrayList<>();
        boolean kana = japanese != null && Singers.isJapanese(line);
        int word = 0;
        int i = 0;
        while (i < line.length()) {
            int cp = line.codePointAt(i);
            if (japanese != null && kana && isKana(cp)) {
                int end = i + Character.charCount(cp);
                while (end < line.length() && isMoraTail(line.charAt(end))) {
                    end++;
                }
                String mora = line.substring(i, end);
                units.add(new Unit(mora, japanese, word++, mora, true));
                i = end;
            } else if (kana && Mandarin.isHanzi(cp)) {
                i += Character.charCount(cp); // a kanji: not read
            } else if (Mandarin.isHanzi(cp)) {
                int end = i;
                while (end < line.length() && Mandarin.isHanzi(line.codePointAt(end))) {
                    end += Character.charCount(line.codePointAt(end));
                }
                String run = line.substring(i, end);
                List<String> syllables = Mandarin.syllables(run);
                int[] chars = run.codePoints().toArray();
                for (int k = 0; k < syllables.size(); k++) {
                    String pinyin = syllables.get(k);
                    if (!pinyin.isEmpty()) {
                        String hanzi = new String(Character.toChars(chars[Math.min(k, chars.length - 1)]));
                        units.add(new Unit(
                                pinyin.replaceAll("[1-5]$", "") + "1",
                                Language.MANDARIN,
                                word++,
                                hanzi,
                                !pinyin.endsWith("5")));
                    }
                }
                i = end;
            } else if (Character.isLetter(cp) && cp < 0x250) {
                int end = i;
                while (end < line.length()
                        && (Character.isLetter(line.charAt(end)) || line.charAt(end) == '\'')
                        && line.charAt(end) < 0x250) {
                    end++;
                }
                String written = line.substring(i, end);
                // a final e is silent in English and French ("love", "belle"), sung in German and Spanish ("Liebe")
                List<String> chunks =
                        vowelGroups(written, latin.english() || latin.tag().startsWith("fr"));
                for (int k = 0; k < chunks.size(); k++) {
                    units.add(new Unit(chunks.get(k), latin, word, written, k == 0));
                }
                word++;
                i = end;
            } else {
                i += Character.charCount(cp);
            }
        }
        return units;
    }

    /** A Latin word in syllables by its vowel groups: a consonant between two vowels starts the second. */
    static List<String> vowelGroups(String word, boolean silentFinalE) {
        String lower = word.toLowerCase(Locale.ROOT);
        List<int[]> groups = new ArrayList<>();
        for (int i = 0; i < lower.length(); ) {
            if (isVowel(lower.charAt(i))) {
                int end = i;
                while (end < lower.length() && isVowel(lower.charAt(end))) {
                    end++;
                }
                groups.add(new int[] {i, end});
                i = end;
            } else {
                i++;
            }
        }
        // a silent final e ("love", "time") is no syllable of its own
        if (silentFinalE
                && groups.size() > 1
                && lower.endsWith("e")
                && groups.get(groups.size() - 1)[0] == lower.length() - 1) {
            groups.remove(groups.size() - 1);
        }
        if (groups.size() <= 1) {
            return List.of(word);
        }
        List<String> chunks = new ArrayList<>();
        int from = 0;
        for (int g = 1; g < groups.size(); g++) {
            int consonants = groups.get(g)[0] - groups.get(g - 1)[1];
            int cut = groups.get(g)[0] - (consonants >= 2 ? consonants - 1 : consonants);
            chunks.add(word.substring(from, cut));
            from = cut;
        }
        chunks.add(word.substring(from));
        return chunks;
    }

    private static boolean isVowel(char c) {
        return "aeiouyàáâãäåæèéêëìíîïòóôõöøùúûüýÿœ".indexOf(c) >= 0;
    }

    /** Whether {@code cp} is a kana letter (hiragana or katakana). */
    static boolean isKana(int cp) {
        UnicodeScript script = UnicodeScript.of(cp);
        return Character.isLetter(cp) && (script == UnicodeScript.HIRAGANA || script == UnicodeScript.KATAKANA);
    }

    /** The small kana (ゃ, ョ, ぁ…), the long mark and the geminate っ belong to the mora before them. */
    private static boolean isMoraTail(char c) {
        return "ゃゅょぁぃぅぇぉゎャュョァィゥェォヮっッーゝゞヽヾ".indexOf(c) >= 0;
    }

    static LineSyllables read(String line, Language latin, @Nullable Language japanese) {
        List<LineSyllables.Syllable> syllables = new ArrayList<>();
        for (Unit unit : units(line, latin, japanese)) {
            syllables.add(new LineSyllables.Syllable(unit.word(), unit.wordText(), unit.stressed()));
        }
        return new LineSyllables(line, syllables);
    }

    /** A spoken syllable, cut: its samples, where its sound starts, where its voicing starts and ends, its F0. */
    record Spoken(float[] samples, int rate, int start, int voicedStart, int voicedEnd, double[] f0) {
        double onsetSeconds() {
            return (voicedStart - start) / (double) rate;
        }

        double voicedSeconds() {
            return (voicedEnd - voicedStart) / (double) rate;
        }
    }

    private Spoken spoken(Unit unit, VoiceProfile profile) throws SpeechException {
        String key = unit.say() + '|' + unit.language().tag() + '|' + profile;
        Spoken cached = spoken.get(key);
        if (cached != null) {
            return cached;
        }
        // one rate for every syllable of a phrase: speech's pitch correction declares a syllable at its own rate
        Spoken cut = cut(Resampler.resample(espeak.speak(unit.say(), unit.language(), profile, () -> false), RATE));
        spoken.put(key, cut);
        return cut;
    }

    /** Cuts a spoken syllable at its sound's start and end (30 dB under its peak) and at its voicing's. */
    static Spoken cut(Pcm pcm) {
        float[] x = pcm.samples();
        int rate = pcm.sampleRate();
        double floor = 0.03 * Math.max(1e-6, pcm.peak());
        int frame = Math.max(1, rate / 200);
        int start = 0;
        int end = x.length;
        while (start + frame < x.length && rms(x, start, frame) < floor) {
            start += frame;
        }
        while (end - frame > start && rms(x, end - frame, frame) < floor) {
            end -= frame;
        }
        double[] track = new PitchTracker(60, 700).track(pcm);
        int hop = rate / 100;
        int first = -1;
        int last = -1;
        for (int i = 0; i < track.length; i++) {
            if (track[i] > 0 && i * hop >= start - hop && i * hop < end) {
                if (first < 0) {
                    first = i;
                }
                last = i;
            }
        }
        int voicedStart = first < 0 ? start : Math.max(start, first * hop);
        int voicedEnd = last < 0 ? end : Math.min(end, (last + 2) * hop);
        if (voicedEnd - voicedStart < 4 * hop) { // a syllable without voicing to speak of: all of it is held
            voicedStart = start;
            voicedEnd = end;
        }
        return new Spoken(x, rate, start, voicedStart, voicedEnd, track);
    }

    private static double rms(float[] x, int from, int n) {
        double sum = 0;
        for (int i = from; i < from + n && i < x.length; i++) {
            sum += x[i] * (double) x[i];
        }
        return Math.sqrt(sum / n);
    }

    MarySinger.Sung sing(List<Unit> units, Score.Phrase phrase, VoiceProfile voice, Genre.Singing singing)
            throws SpeechException {
        List<Score.Note> spans = MarySinger.syllableSpans(phrase.notes());
        int n = Math.min(units.size(), spans.size());
        if (n == 0) {
            return new MarySinger.Sung(new Pcm(new float[0], RATE), 0);
        }
        double tract = voice.tract();
        // the syllables are spoken near the phrase's pitch, a semitone grid apart, so PSOLA moves them little
        double medianHz = spans.stream().mapToDouble(Score.Note::hz).sorted().toArray()[spans.size() / 2];
        double semitones = Math.round(12 * Math.log(medianHz * tract / BASE_F0) / Math.log(2));
        double pitch = Math.max(0.4, Math.min(2.0, Math.pow(2, semitones / 12)));
        VoiceProfile speaking = new VoiceProfile(pitch, 1, 1, 1);
        List<Spoken> parts = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            parts.add(spoken(units.get(i), speaking));
        }
        int rate = parts.get(0).rate();
        double s = 1 / tract; // the phrase is made on a clock 1/tract as fast, then declared at rate/tract
        double origin = spans.get(0).start();
        double[] onset = new double[n];
        double[] head = new double[n];
        for (int i = 0; i < n; i++) {
            Spoken p = parts.get(i);
            head[i] = units.get(i).voicedOnset() ? Math.min(MAX_HEAD, 0.3 * p.voicedSeconds()) : 0;
            onset[i] = p.onsetSeconds() + head[i];
        }
        double lead = onset[0];
        double length = (spans.get(n - 1).end() - origin) * s + lead + RELEASE + 0.05;
        float[] out = new float[(int) Math.ceil(length * rate)];
        double zero = origin - lead * tract;
        int frames = (int) Math.ceil(length * tract / PitchContour.FRAME) + 2;
        double[] contour = PitchContour.of(
                phrase.notes(), zero, frames, singing, phrase.text().hashCode());
        for (int i = 0; i < n; i++) {
            Spoken p = parts.get(i);
            Score.Note span = spans.get(i);
            double vowelStart = (span.start() - origin) * s + lead;
            double heldTo = (span.end() - origin) * s + lead + RELEASE;
            if (i + 1 < n) { // legato: the vowel holds until the next syllable's consonant
                heldTo = Math.min(heldTo, (spans.get(i + 1).start() - origin) * s + lead - onset[i + 1]);
            }
            double held = Math.max(0.05, heldTo - vowelStart);
            // the unvoiced onset, as spoken, ends where the voiced part starts
            int consonant = p.voicedStart() - p.start();
            int consonantAt = (int) Math.round((vowelStart - head[i]) * rate) - consonant;
            add(out, p.samples(), p.start(), consonant, consonantAt, rate);
            // the voiced part: its head as spoken, the vowel stretched to the note, its coda as spoken
            double voiced = p.voicedSeconds();
            double h = head[i];
            double c = units.get(i).nasalCoda() ? Math.min(MAX_CODA, 0.3 * voiced) : Math.min(0.03, 0.2 * voiced);
            double body = Math.max(1e-3, voiced - h - c);
            double heldBody = Math.max(1e-3, held - c);
            double total = h + held;
            double inStart = p.voicedStart() / (double) rate;
            float[] sung = Psola.render(
                    java.util.Arrays.copyOfRange(p.samples(), 0, p.voicedEnd()),
                    rate,
                    p.f0(),
                    0.01,
                    (int) Math.round(total * rate),
                    t -> t < h
                            ? inStart + t
                            : t < h + heldBody
                                    ? inStart + h + (t - h) * body / heldBody
                                    : inStart + voiced - (total - t),
                    t -> {
                        double real = zero + (vowelStart - h + t) * tract;
                        int f = (int) Math.max(
                                0, Math.min(contour.length - 1, Math.round((real - zero) / PitchContour.FRAME)));
                        return 440 * Math.pow(2, (contour[f] - 69) / 12.0) * tract;
                    });
            add(out, sung, 0, sung.length, (int) Math.round((vowelStart - h) * rate), rate);
        }
        return new MarySinger.Sung(new Pcm(out, (int) Math.round(rate / tract)), lead * tract);
    }

    /** Adds {@code count} samples of {@code from} at {@code offset} into {@code out}, faded in and out. */
    private static void add(float[] out, float[] from, int start, int count, int offset, int rate) {
        int fade = Math.max(1, (int) Math.round(FADE * rate));
        for (int k = 0; k < count; k++) {
            int to = offset + k;
            int src = start + k;
            if (to < 0 || to >= out.length || src < 0 || src >= from.length) {
                continue;
            }
            double g = Math.min(1, Math.min((k + 1) / (double) fade, (count - k) / (double) fade));
            out[to] += (float) (from[src] * g);
        }
    }
}
