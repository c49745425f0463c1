package dev.cantata.language;

import com.github.pemistahl.lingua.api.LanguageDetectorBuilder;
import java.lang.Character.UnicodeScript;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import org.jspecify.annotations.Nullable;

/**
 * Which language a text is in, and its split into runs of one language each.
 *
 * <p>A script that one language writes decides alone (Hangul is Korean, kana Japanese, Greek Greek; Hanzi without kana
 * Mandarin). Scripts that many languages share (Latin, Cyrillic, Arabic, Devanagari) are told apart by Lingua, an
 * n-gram model of 75 languages, over the languages of those scripts that espeak-ng speaks, in its low-accuracy mode
 * (trigrams only): measured, its high-accuracy mode for 47 languages held 1.3 GB of heap and took 12 s to load, the
 * low one 79 MB and 0.65 s, with the same answers on sentences. Short texts are where Lingua errs ("Hello, world!" as
 * Vietnamese, "Hallo Welt" as Finnish, measured), and English is what most clients send, so Latin text stays English
 * unless Lingua is sure: a text of fewer than four words without accented letters is English, and so is one in which
 * English is within {@value #ENGLISH_MARGIN} of the best language's confidence. A client that knows better says so: a
 * language field or a language's voice.
 */
public final class LanguageDetector {
    /** English is kept when its relative confidence is at least this (Lingua's best language scores 1.0). */
    static final double ENGLISH_MARGIN = 0.85;
    /** Latin texts of fewer words than this, in plain ASCII letters, are English. */
    static final int SHORT_WORDS = 4;

    /** The ISO 639-1 codes Lingua tells apart, by the script they are written in (where espeak-ng speaks them). */
    private static final Map<UnicodeScript, List<String>> SHARED = Map.of(
            UnicodeScript.LATIN,
            List.of(
                    "en", "af", "sq", "az", "eu", "bs", "ca", "hr", "cs", "da", "nl", "eo", "et", "fi", "fr", "ga",
                    "de", "hu", "is", "id", "it", "la", "lv", "lt", "ms", "mi", "nb", "pl", "pt", "ro", "sk", "sl",
                    "es", "sw", "sv", "tr", "vi", "cy", "tn"),
            UnicodeScript.CYRILLIC,
            List.of("ru", "uk", "be", "bg", "kk", "mk", "sr"),
            UnicodeScript.ARABIC,
            List.of("ar", "fa", "ur"),
            UnicodeScript.DEVANAGARI,
            List.of("hi", "mr"));

    /** The language a script means when nothing else tells (ISO 639-1, or espeak-ng's tag). */
    private static final Map<UnicodeScript, String> BY_SCRIPT = Map.ofEntries(
            Map.entry(UnicodeScript.LATIN, "en"),
            Map.entry(UnicodeScript.HAN, "zh"),
            Map.entry(UnicodeScript.HIRAGANA, "ja"),
            Map.entry(UnicodeScript.KATAKANA, "ja"),
            Map.entry(UnicodeScript.HANGUL, "ko"),
            Map.entry(UnicodeScript.CYRILLIC, "ru"),
            Map.entry(UnicodeScript.GREEK, "el"),
            Map.entry(UnicodeScript.ARABIC, "ar"),
            Map.entry(UnicodeScript.HEBREW, "he"),
            Map.entry(UnicodeScript.DEVANAGARI, "hi"),
            Map.entry(UnicodeScript.THAI, "th"),
            Map.entry(UnicodeScript.BENGALI, "bn"),
            Map.entry(UnicodeScript.TAMIL, "ta"),
            Map.entry(UnicodeScript.TELUGU, "te"),
            Map.entry(UnicodeScript.KANNADA, "kn"),
            Map.entry(UnicodeScript.MALAYALAM, "ml"),
            Map.entry(UnicodeScript.GUJARATI, "gu"),
            Map.entry(UnicodeScript.GURMUKHI, "pa"),
            Map.entry(UnicodeScript.ORIYA, "or"),
            Map.entry(UnicodeScript.GEORGIAN, "ka"),
            Map.entry(UnicodeScript.ARMENIAN, "hy"),
            Map.entry(UnicodeScript.ETHIOPIC, "am"),
            Map.entry(UnicodeScript.SINHALA, "si"),
            Map.entry(UnicodeScript.MYANMAR, "my"),
            Map.entry(UnicodeScript.CHEROKEE, "chr-us-qaaa-x-west"));

    private final Languages languages;
    private final Map<UnicodeScript, Language> byScript = new EnumMap<>(UnicodeScript.class);
    private final Map<String, UnicodeScript> scriptOf;
    private final com.github.pemistahl.lingua.api.@Nullable LanguageDetector lingua;

    private LanguageDetector(Languages languages) {
        this.languages = languages;
        BY_SCRIPT.forEach((script, tag) -> languages.find(tag).ifPresent(l -> byScript.put(script, l)));
        Map<String, UnicodeScript> scripts = new java.util.HashMap<>();
        byScript.forEach((script, language) -> scripts.putIfAbsent(language.tag(), script));
        List<com.github.pemistahl.lingua.api.Language> known = new ArrayList<>();
        SHARED.forEach((script, codes) -> {
            for (String code : codes) {
                Optional<Language> spoken = languages.find(code);
                com.github.pemistahl.lingua.api.Language lingua = linguaOf(code);
                if (spoken.isPresent() && lingua != null) {
                    known.add(lingua);
                    scripts.put(spoken.get().tag(), script);
                }
            }
        });
        this.scriptOf = Collections.unmodifiableMap(scripts);
        this.lingua = known.size() < 2
                ? null
                : LanguageDetectorBuilder.fromLanguages(known.toArray(com.github.pemistahl.lingua.api.Language[]::new))
                        .withLowAccuracyMode()
                        .withPreloadedLanguageModels()
                        .build();
    }

    /** A detector over {@code languages}; with more than English it loads Lingua's models (about 0.7 s, 80 MB). */
    public static LanguageDetector of(Languages languages) {
        return new LanguageDetector(languages);
    }

    /** The languages it chooses among. */
    public Languages languages() {
        return languages;
    }

    /** The scripts some language of this node reads: Latin always. */
    public Set<UnicodeScript> scripts() {
        Set<UnicodeScript> scripts = new LinkedHashSet<>();
        scripts.add(UnicodeScript.LATIN);
        scripts.addAll(byScript.keySet());
        return scripts;
    }

    /** The language of {@code text} as a whole (English when it holds no letters, or none a language here reads). */
    public Language detect(String text) {
        Map<UnicodeScript, Integer> letters = letters(text);
        if (letters.isEmpty()) {
            return Language.ENGLISH;
        }
        if (letters.containsKey(UnicodeScript.HIRAGANA) || letters.containsKey(UnicodeScript.KATAKANA)) {
            Language japanese = byScript.get(UnicodeScript.HIRAGANA);
            if (japanese != null) {
                return japanese;
            }
        }
        // a Hanzi, a kana or a Hangul block is a syllable, about three Latin letters: weighed so, "我今天用 Cantata 做了一首
        // song" is Chinese
        letters.replaceAll((script, count) -> isSyllabic(script) ? count * 3 : count);
        UnicodeScript dominant = Collections.max(letters.entrySet(), Map.Entry.comparingByValue())
                .getKey();
        return detectIn(text, dominant);
    }

    /** The language of {@code text} among those that write {@code script}. */
    private Language detectIn(String text, UnicodeScript script) {
        Language byDefault = byScript.getOrDefault(script, Language.ENGLISH);
        if (lingua == null || !SHARED.containsKey(script)) {
            return byDefault;
        }
        String own = only(text, script);
        if (script == UnicodeScript.LATIN && isShortPlain(own)) {
            return Language.ENGLISH;
        }
        SortedMap<com.github.pemistahl.lingua.api.Language, Double> confidence =
                lingua.computeLanguageConfidenceValues(own);
        if (confidence.isEmpty()) {
            return byDefault;
        }
        com.github.pemistahl.lingua.api.Language best = confidence.firstKey();
        if (script == UnicodeScript.LATIN
                && confidence.getOrDefault(com.github.pemistahl.lingua.api.Language.ENGLISH, 0.0) >= ENGLISH_MARGIN) {
            return Language.ENGLISH;
        }
        String code = best.getIsoCode639_1().name().toLowerCase(Locale.ROOT);
        return languages.find(code).orElse(byDefault);
    }

    /**
     * {@code text} cut into runs of one language each, in order, nothing dropped: each script's letters with the
     * spaces, digits and punctuation around them. {@code language} is the text's language (given by the client or
     * {@linkplain #detect detected}): the runs in its script are in it, the others in their script's language (English
     * words inside Chinese are English, Chinese inside German is Mandarin).
     */
    public List<Run> runs(String text, Language language) {
        UnicodeScript own = scriptOf(language);
        List<Run> runs = new ArrayList<>();
        int start = 0;
        @Nullable UnicodeScript current = null;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            UnicodeScript script = group(cp);
            if (script != null && current != null && script != current) {
                add(
                        runs,
                        text.substring(start, i),
                        start,
                        languageOf(text.substring(start, i), current, own, language));
                start = i;
            }
            if (script != null) {
                current = script;
            }
            i += Character.charCount(cp);
        }
        if (start < text.length()) {
            UnicodeScript script = current != null ? current : own;
            add(runs, text.substring(start), start, languageOf(text.substring(start), script, own, language));
        }
        return runs;
    }

    private Language languageOf(String run, UnicodeScript script, UnicodeScript own, Language language) {
        if (script == own) {
            return language;
        }
        if (script == UnicodeScript.HAN) {
            boolean kana = run.codePoints()
                    .anyMatch(cp -> UnicodeScript.of(cp) == UnicodeScript.HIRAGANA
                            || UnicodeScript.of(cp) == UnicodeScript.KATAKANA);
            Language japanese = byScript.get(UnicodeScript.HIRAGANA);
            return kana && japanese != null ? japanese : byScript.getOrDefault(UnicodeScript.HAN, Language.ENGLISH);
        }
        if (script == UnicodeScript.LATIN) {
            return Language.ENGLISH;
        }
        return detectIn(run, script);
    }

    private static void add(List<Run> runs, String text, int start, Language language) {
        if (!runs.isEmpty() && runs.get(runs.size() - 1).language().equals(language)) {
            Run last = runs.remove(runs.size() - 1);
            runs.add(new Run(language, last.text() + text, last.start()));
        } else {
            runs.add(new Run(language, text, start));
        }
    }

    /** The script a language is written in: Latin unless this node knows better. */
    public UnicodeScript scriptOf(Language language) {
        if (language.english()) {
            return UnicodeScript.LATIN;
        }
        UnicodeScript script = scriptOf.get(language.tag());
        if (script == UnicodeScript.HIRAGANA || script == UnicodeScript.KATAKANA) {
            return UnicodeScript.HAN; // Japanese runs are kana and kanji together
        }
        return script != null ? script : UnicodeScript.LATIN;
    }

    /**
     * The script group of a letter for cutting runs (kana and Hanzi are one group), or null for what belongs to the
     * letters around it: spaces, digits, punctuation, marks.
     */
    private static @Nullable UnicodeScript group(int cp) {
        if (!Character.isLetter(cp)) {
            return null;
        }
        UnicodeScript script = UnicodeScript.of(cp);
        return switch (script) {
            case COMMON, INHERITED, UNKNOWN -> null;
            case HIRAGANA, KATAKANA -> UnicodeScript.HAN;
            default -> script;
        };
    }

    private static boolean isSyllabic(UnicodeScript script) {
        return script == UnicodeScript.HAN
                || script == UnicodeScript.HIRAGANA
                || script == UnicodeScript.KATAKANA
                || script == UnicodeScript.HANGUL;
    }

    private static Map<UnicodeScript, Integer> letters(String text) {
        Map<UnicodeScript, Integer> letters = new EnumMap<>(UnicodeScript.class);
        text.codePoints().filter(Character::isLetter).forEach(cp -> {
            UnicodeScript script = UnicodeScript.of(cp);
            if (script != UnicodeScript.COMMON && script != UnicodeScript.INHERITED) {
                letters.merge(script, 1, Integer::sum);
            }
        });
        return letters;
    }

    /** The letters of {@code script} in {@code text}, with what is between them, other scripts as spaces. */
    private static String only(String text, UnicodeScript script) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            UnicodeScript s = Character.isLetter(cp) ? UnicodeScript.of(cp) : UnicodeScript.COMMON;
            out.appendCodePoint(s == script || s == UnicodeScript.COMMON || s == UnicodeScript.INHERITED ? cp : ' ');
        });
        return out.toString();
    }

    private static boolean isShortPlain(String text) {
        String[] words = text.strip().split("[^\\p{L}']+");
        long count = java.util.Arrays.stream(words).filter(w -> !w.isEmpty()).count();
        return count < SHORT_WORDS
                && text.codePoints().filter(Character::isLetter).allMatch(cp -> cp < 0x80);
    }

    private static com.github.pemistahl.lingua.api.@Nullable Language linguaOf(String isoCode) {
        for (com.github.pemistahl.lingua.api.Language language : com.github.pemistahl.lingua.api.Language.values()) {
            if (language.getIsoCode639_1().name().equalsIgnoreCase(isoCode)) {
                return language;
            }
        }
        return null;
    }
}
