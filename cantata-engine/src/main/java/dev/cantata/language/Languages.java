package dev.cantata.language;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The languages a node speaks: English always (MaryTTS), and every language of the installed espeak-ng, read from its
 * voice list ({@code espeak-ng --voices}) so that a newer espeak-ng brings its new languages with it. A language is
 * found by its tag, an alias espeak-ng lists ({@code zh}, {@code no}), its primary subtag ({@code fr} for {@code
 * fr-fr}, {@code de-at} for {@code de}) or its English name ("German", "mandarin"), in any case, with {@code _} or
 * {@code -}.
 */
public final class Languages {
    /** A voice-list line: priority, language, age/gender, name, file, then other languages as "(zh 5)(zh-cmn 5)". */
    private static final Pattern LINE = Pattern.compile("^\\s*\\d+\\s+(\\S+)\\s+\\S+\\s+(\\S+)\\s+(\\S+)(.*)$");

    private static final Pattern OTHER = Pattern.compile("\\(([a-z0-9-]+) (\\d+)\\)");

    /** espeak-ng's voices that Cantata does not offer as languages of their own: its Mandarin is offered as zh. */
    private static final List<String> SKIPPED = List.of("cmn", "cmn-latn-pinyin", "yue-latn-jyutping");

    private final Map<String, Language> byTag;
    private final Map<String, Language> byAlias;

    private Languages(Map<String, Language> byTag, Map<String, Language> byAlias) {
        this.byTag = Collections.unmodifiableMap(byTag);
        this.byAlias = Collections.unmodifiableMap(byAlias);
    }

    /** English alone: a node without espeak-ng. */
    public static Languages englishOnly() {
        return of("");
    }

    /**
     * The languages of espeak-ng's voice list ({@code espeak-ng --voices} as printed), English always among them.
     * Lines that are not voices (the header) are skipped.
     */
    public static Languages of(String voiceList) {
        Map<String, Language> byTag = new LinkedHashMap<>();
        Map<String, Language> byAlias = new LinkedHashMap<>();
        byTag.put(Language.ENGLISH.tag(), Language.ENGLISH);
        Map<String, Integer> ranks = new java.util.HashMap<>();
        boolean espeak = false;
        for (String line : voiceList.split("\\R")) {
            Matcher m = LINE.matcher(line);
            if (!m.matches()) {
                continue;
            }
            espeak = true;
            String code = m.group(1).toLowerCase(Locale.ROOT);
            if (SKIPPED.contains(code) || code.equals("en") || code.startsWith("en-") || code.contains("-x-")) {
                continue;
            }
            Language language = byTag.computeIfAbsent(code, c -> new Language(c, c));
            Matcher other = OTHER.matcher(m.group(4));
            while (other.find()) {
                // espeak-ng ranks the voices of an alias: "(fr 5)" for fr-fr before "(fr 8)" for fr-be
                int rank = Integer.parseInt(other.group(2));
                Integer held = ranks.get(other.group(1));
                if (held == null || rank < held) {
                    ranks.put(other.group(1), rank);
                    byAlias.put(other.group(1), language);
                }
            }
        }
        if (espeak) {
            byTag.put(Language.MANDARIN.tag(), Language.MANDARIN);
            for (String alias : List.of("cmn", "zh-cn", "zh-hans", "zh-cmn", "zh-tw", "zh-hant", "zh-sg")) {
                byAlias.put(alias, Language.MANDARIN);
            }
            byAlias.put("zh-hk", byTag.getOrDefault("yue", Language.MANDARIN));
        }
        for (Language language : List.copyOf(byTag.values())) {
            String primary = language.tag().split("-")[0];
            byAlias.putIfAbsent(primary, language);
            byAlias.putIfAbsent(language.name().toLowerCase(Locale.ROOT), language);
            // "French" is the French that "fr" is
            byAlias.putIfAbsent(
                    Locale.forLanguageTag(primary)
                            .getDisplayLanguage(Locale.ENGLISH)
                            .toLowerCase(Locale.ROOT),
                    byAlias.getOrDefault(primary, language));
        }
        byAlias.putIfAbsent("mandarin", byTag.getOrDefault("zh", Language.ENGLISH));
        byAlias.putIfAbsent("cantonese", byTag.getOrDefault("yue", Language.ENGLISH));
        byAlias.put("english", Language.ENGLISH);
        byAlias.remove("");
        // English and Chinese first: listings and errors that show a few languages show the ones most asked for
        Map<String, Language> ordered = new LinkedHashMap<>();
        for (String first : List.of(Language.ENGLISH.tag(), Language.MANDARIN.tag(), "yue")) {
            Language language = byTag.get(first);
            if (language != null) {
                ordered.put(first, language);
            }
        }
        ordered.putAll(byTag);
        return new Languages(ordered, byAlias);
    }

    /** Every language: English, Mandarin and Cantonese first, then espeak-ng's in its order (by tag). */
    public List<Language> all() {
        return new ArrayList<>(byTag.values());
    }

    /** Whether any language but English is spoken (espeak-ng is installed). */
    public boolean beyondEnglish() {
        return byTag.size() > 1;
    }

    /** The language called {@code name} (a tag, an alias, a primary subtag or an English name), if it is spoken. */
    public Optional<Language> find(String name) {
        String key = name.strip().toLowerCase(Locale.ROOT).replace('_', '-');
        if (key.isEmpty()) {
            return Optional.empty();
        }
        Language exact = byTag.get(key);
        if (exact != null) {
            return Optional.of(exact);
        }
        Language alias = byAlias.get(key);
        if (alias != null) {
            return Optional.of(alias);
        }
        int dash = key.indexOf('-');
        return dash > 0 ? find(key.substring(0, dash)) : Optional.empty();
    }
}
