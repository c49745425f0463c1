package dev.cantata.music;

import dev.cantata.speech.BoundedCache;
import dev.cantata.speech.MaryEngine;
import dev.cantata.speech.SpeechException;
import dev.cantata.speech.SpeechText;
import dev.cantata.speech.Tokenizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import marytts.util.dom.DomUtils;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Words as MaryTTS pronounces them (its CMU-dictionary lexicon, letter-to-sound rules for the rest): syllables in
 * SAMPA, which one carries the stress, and the part of speech its tagger gave. Rhymes and meter are read from this.
 */
public final class Pronouncer {
    private final MaryEngine engine;
    private final BoundedCache<String, Word> cache = new BoundedCache<>(8192);

    public Pronouncer(MaryEngine engine) {
        this.engine = engine;
    }

    /**
     * One pronounced word.
     *
     * @param syllables each syllable's phones
     * @param stressed the index of the syllable with primary stress (the last stressed one when there are several)
     * @param pos the tagger's part of speech ({@code NN}, {@code VB}, …), or empty
     */
    public record Word(String text, List<List<String>> syllables, int stressed, String pos) {
        public Word {
            syllables = List.copyOf(syllables);
        }

        /**
         * What a rhyming word must share: the stressed syllable's vowel and everything after it ("night" and "light"
         * give {@code AI t}; "sea" and "free" give {@code i}).
         */
        public String rhyme() {
            if (syllables.isEmpty()) {
                return "";
            }
            List<String> tail = new ArrayList<>();
            List<String> first = syllables.get(stressed);
            int vowel = 0;
            while (vowel < first.size() && !MarySinger.VOWELS.contains(first.get(vowel))) {
                vowel++;
            }
            tail.addAll(first.subList(Math.min(vowel, first.size()), first.size()));
            for (int i = stressed + 1; i < syllables.size(); i++) {
                tail.addAll(syllables.get(i));
            }
            return String.join(" ", tail);
        }
    }

    /**
     * The words of {@code text} in order (punctuation dropped), pronounced in context. The text goes to MaryTTS a
     * sentence (at most {@link MaryEngine#MAX_PIECE} characters) at a time, each taking the engine on its own, so a
     * long text makes no other request wait for all of it.
     */
    public List<Word> pronounce(String text) throws SpeechException {
        List<Word> words = new ArrayList<>();
        for (String piece : Tokenizer.pieces(SpeechText.clean(text), MaryEngine.MAX_PIECE, MaryEngine.MAX_PIECE)) {
            words.addAll(pronouncePiece(piece));
        }
        return words;
    }

    private List<Word> pronouncePiece(String text) throws SpeechException {
        Document input = MaryEngine.document(text);
        String xml = engine.withMary(mary -> {
            mary.setInputType("RAWMARYXML");
            mary.setOutputType("PHONEMES");
            return DomUtils.document2String(mary.generateXML(input));
        });
        Document doc;
        try {
            doc = DomUtils.parseDocument(xml);
        } catch (Exception e) {
            throw new SpeechException("MaryTTS gave unreadable PHONEMES: " + e.getMessage(), e);
        }
        List<Word> words = new ArrayList<>();
        NodeList tokens = doc.getElementsByTagNameNS("*", "t");
        for (int i = 0; i < tokens.getLength(); i++) {
            Element t = (Element) tokens.item(i);
            String ph = t.getAttribute("ph");
            String word = t.getTextContent().strip();
            if (ph.isBlank() || word.isEmpty()) {
                continue;
            }
            words.add(parse(word, ph, t.getAttribute("pos")));
        }
        return words;
    }

    /** Each word of {@code words} pronounced on its own, remembered; one MaryTTS call for all the new ones. */
    public Map<String, Word> lookUp(List<String> words) throws SpeechException {
        Map<String, Word> found = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        for (String w : words) {
            String key = w.toLowerCase(Locale.ROOT);
            Word cached = cache.get(key);
            if (cached != null) {
                found.put(key, cached);
            } else if (!missing.contains(key)) {
                missing.add(key);
            }
        }
        for (int from = 0; from < missing.size(); from += BATCH) {
            lookUpMissing(missing.subList(from, Math.min(missing.size(), from + BATCH)), found);
        }
        return found;
    }

    /** Words asked of MaryTTS in one call: enough to make calls few, few enough that each call is short. */
    static final int BATCH = 32;

    private void lookUpMissing(List<String> missing, Map<String, Word> found) throws SpeechException {
        {
            // one word a sentence, so each is pronounced as it would end a line
            List<Word> said = pronounce(String.join(". ", missing) + ".");
            if (said.size() == missing.size()) {
                for (int i = 0; i < said.size(); i++) {
                    cache.put(missing.get(i), said.get(i));
                    found.put(missing.get(i), said.get(i));
                }
            } else {
                for (String w : missing) { // a word MaryTTS split in two (a contraction): ask for it alone
                    List<Word> alone = pronounce(w + ".");
                    if (!alone.isEmpty()) {
                        Word last = alone.get(alone.size() - 1);
                        int syllables = alone.stream()
                                .mapToInt(a -> a.syllables().size())
                                .sum();
                        List<List<String>> all = new ArrayList<>();
                        alone.forEach(a -> all.addAll(a.syllables()));
                        Word merged =
                                new Word(w, all, syllables - last.syllables().size() + last.stressed(), last.pos());
                        cache.put(w, merged);
                        found.put(w, merged);
                    }
                }
            }
        }
    }

    /** Parses MaryXML's {@code ph} attribute: syllables split by {@code -}, stress marked by {@code '}. */
    static Word parse(String text, String ph, String pos) {
        List<List<String>> syllables = new ArrayList<>();
        int stressed = -1;
        for (String syllable : ph.strip().split("\\s*-\\s*")) {
            List<String> phones = new ArrayList<>();
            boolean stress = false;
            for (String phone : syllable.strip().split("\\s+")) {
                if (phone.equals("'")) {
                    stress = true;
                } else if (phone.startsWith("'")) {
                    stress = true;
                    phones.add(phone.substring(1));
                } else if (!phone.isEmpty() && !phone.equals(",")) {
                    phones.add(phone);
                }
            }
            if (stress) {
                stressed = syllables.size();
            }
            syllables.add(phones);
        }
        return new Word(text, syllables, Math.max(0, stressed == -1 ? syllables.size() - 1 : stressed), pos);
    }
}
