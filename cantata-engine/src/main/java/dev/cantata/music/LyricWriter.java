package dev.cantata.music;

import dev.cantata.speech.SpeechException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.jspecify.annotations.Nullable;

/**
 * Writes song lyrics from a description ("a cheerful folk song about a morning walk by the sea").
 *
 * <p>How, honestly: there is no language model. The description's nouns (MaryTTS's part-of-speech tagger) become the
 * song's themes; its mood words pick happy, sad or neutral lines. A bank of about 150 line templates, a third with a
 * slot for a theme noun, is filled with the themes; every candidate line is measured with MaryTTS's pronunciation
 * lexicon for its syllable count and the rhyme of its last word (stressed vowel and what follows). Sections are then
 * built from lines that rhyme and scan: verses ABAB around eight syllables, a chorus AABB whose first line carries the
 * main theme and gives the title, a bridge AA. The chorus repeats word for word. Every choice comes from the seed, so
 * the same description and seed give the same lyrics.
 */
public final class LyricWriter {
    /** Written lyrics: Suno section markup, a title, and the style words found in the description. */
    public record Written(String title, String lyrics, String tags, List<String> themes) {}

    private static final Set<String> DETERMINERS =
            Set.of("the", "a", "an", "my", "your", "our", "their", "his", "her", "this", "that");
    private static final Set<String> NOT_THEMES = Set.of(
            "song",
            "songs",
            "music",
            "track",
            "tune",
            "ballad",
            "lyrics",
            "voice",
            "vocals",
            "singer",
            "style",
            "genre",
            "tempo",
            "beat",
            "bpm",
            "something",
            "thing",
            "things",
            "kind",
            "type",
            "lot",
            "way",
            "one",
            "bit",
            "piece",
            "melody",
            "chorus",
            "verse",
            "bridge",
            "instrumental",
            "feel",
            "vibe",
            "mood",
            "sound",
            "about",
            "man",
            "woman",
            "guy",
            "girl",
            "boy",
            "male",
            "female",
            "duet",
            "upbeat",
            "uptempo",
            "downtempo",
            "slow",
            "fast",
            "driving",
            "tenor",
            "baritone",
            "soprano",
            "alto",
            "minor",
            "major",
            "key");

    /**
     * Line templates. {@code {t}} is a theme noun (with "the" where the template has it); a leading {@code +} marks a
     * bright line, {@code -} a dark one, none a line for any mood.
     */
    private static final List<String> BANK = List.of(
            // -ight
            "We are dancing in the light",
            "+Everything will be alright",
            "Holding on with all my might",
            "Underneath the silver light",
            "-Lonely shadows in the night",
            "+Stars are burning clear and bright",
            "I will find the {t} tonight",
            "Keep the {t} within your sight",
            "+Hearts are lifting into flight",
            "-Every window dark tonight",
            "And the {t} is shining bright",
            "Walking slowly through the night",
            // -ay
            "+We could dance the night away",
            "I will find another way",
            "+Brighter than the light of day",
            "-Every color turns to gray",
            "Tell me that you want to stay",
            "With the {t} along the way",
            "Nothing left for me to say",
            "+Sunlight on a summer day",
            "-Watching as you walk away",
            "Let the {t} show us the way",
            // -ee
            "+Come along and sing with me",
            "+Open up and set it free",
            "Walking down beside the sea",
            "That is where I want to be",
            "The {t} is calling out to me",
            "+Now the {t} belongs to me",
            "-Only shadows left to see",
            "+Like a bird that flies so free",
            "Waiting by the {t} for me",
            "All the things we used to be",
            // -ome
            "Every road will lead me home",
            "+Now I never walk alone",
            "-Sitting here all on my own",
            "Through the {t} I used to roam",
            "+Every seed that we have sown",
            "-Cold as any winter stone",
            // -ine
            "+Everything is feeling fine",
            "Underneath the morning shine",
            "+Tell me you will still be mine",
            "Walking on a silver line",
            "The {t} is a kind of sign",
            "-Waiting for a little sign",
            // -ain
            "-Standing in the falling rain",
            "We will meet someday again",
            "-Every tear and every pain",
            "Like the {t} after rain",
            "+Dancing in the summer rain",
            "Riding on a midnight train",
            // -ore
            "Waiting on the rocky shore",
            "+I could never ask for more",
            "-Standing by an open door",
            "The {t} I am searching for",
            "+Like we never did before",
            "Waves are breaking on the shore",
            // -oo
            "+Every dream is coming true",
            "All the skies are turning blue",
            "I keep coming back to you",
            "+Everything is feeling new",
            "The {t} is shining through",
            "-Nothing left for me to do",
            "+Morning light is breaking through",
            "Tell me what is right and true",
            // -art
            "Every beating of my heart",
            "This is where the journeys start",
            "-Even when we are apart",
            "+Now the {t} is in my heart",
            "Take the {t} and make a start",
            "-Falling slowly all apart",
            // -ire
            "+Burning like an open fire",
            "Taking us a little higher",
            "+Singing like a summer choir",
            "All the {t} we desire",
            // -ong
            "+Come and sing a happy song",
            "Where the {t} has been all along",
            "+Hold me close and hold me strong",
            "This is where we all belong",
            "-Waiting for it all along",
            "+Nights are warm and days are long",
            // -and
            "Take my heart and take my hand",
            "Walking barefoot in the sand",
            "+Dancing in a distant land",
            "The {t} is more than I had planned",
            "Now I finally understand",
            "Here together we will stand",
            // -ow
            "+Let the {t} begin to glow",
            "Rivers running deep and slow",
            "There is nowhere else to go",
            "All the things I want to know",
            "+Watch the morning colors grow",
            "-Memories of long ago",
            "+Let the {t} and music flow",
            // -ear
            "+Now the sky is crystal clear",
            "I am glad that you are here",
            "-Every whisper that I fear",
            "The {t} is drawing near",
            "+Summer days of every year",
            "Calling out for you to hear",
            // -eam
            "+Life is better than a dream",
            "Floating down a gentle stream",
            "The {t} is not what it seems",
            "+Golden light and silver gleam",
            "-Nothing is the way it seems",
            "We are drifting in a dream",
            // -ind
            "Leave the troubled days behind",
            "+You are always on my mind",
            "The {t} is there for us to find",
            "-All the answers hard to find",
            "+Peace of heart and peace of mind",
            // -ace
            "+Smiling when I see your face",
            "Every moment, every place",
            "Moving at a gentle pace",
            "+Hold the {t} in your embrace",
            "-Time is leaving not a trace",
            "+Filled with wonder, filled with grace",
            // -ound
            "+Feet are dancing off the ground",
            "Listen to the {t} around",
            "-Lost and never to be found",
            "+Hear the joyful happy sound",
            "Turning all my world around",
            // -ing (theme endings)
            "+Let the {t} begin to sing",
            "+Every bird is on the wing",
            "Waiting for the coming spring",
            "+Happy is the {t} we bring",
            "-Broken like a fragile wing");

    private final Pronouncer pronouncer;

    public LyricWriter(Pronouncer pronouncer) {
        this.pronouncer = pronouncer;
    }

    private record Line(String text, String end, String rhyme, int syllables, boolean themed) {}

    /**
     * Writes lyrics for {@code description}.
     *
     * @throws IllegalArgumentException when the description is blank
     */
    public Written write(String description, long seed) throws SpeechException {
        if (description.isBlank()) {
            throw new IllegalArgumentException("a description is needed to write lyrics");
        }
        String read = readable(description);
        SplittableRandom random = new SplittableRandom(seed ^ read.hashCode());
        Style style = Style.parse(read);
        int mood = moodOf(style);
        List<String> themes = themes(read);
        List<Line> lines = candidates(themes, mood);

        Set<String> used = new HashSet<>();
        String main = themes.get(0);
        List<Line> chorus = couplets(lines, used, random, 7, 2, main);
        List<Line> verse1 = alternating(lines, used, random, 8);
        List<Line> verse2 = alternating(lines, used, random, 8);
        List<Line> bridge = couplets(lines, used, random, 7, 1, null);

        StringBuilder text = new StringBuilder();
        section(text, "Verse 1", verse1);
        section(text, "Chorus", chorus);
        section(text, "Verse 2", verse2);
        section(text, "Chorus", chorus);
        section(text, "Bridge", bridge);
        section(text, "Chorus", chorus);
        String title = title(chorus.get(0).text(), main);
        List<String> tags = new ArrayList<>();
        tags.add(style.genre().wireName());
        tags.addAll(style.moods());
        if (style.voice() != null) {
            tags.add(style.voice());
        }
        return new Written(title, text.toString().strip(), String.join(", ", tags), themes);
    }

    /**
     * The most of a description that is read: a description is a sentence or a few, and what is read goes through
     * MaryTTS's tagger, so a long one would cost engine time in proportion for nothing.
     */
    static final int MAX_DESCRIPTION = 1000;
    /** Themes beyond these would only multiply the candidate lines (each themed template is tried with each). */
    static final int MAX_THEMES = 8;

    /** The description up to {@link #MAX_DESCRIPTION} characters, cut at a word. */
    static String readable(String description) {
        String clean = dev.cantata.speech.SpeechText.clean(description);
        if (clean.length() <= MAX_DESCRIPTION) {
            return clean;
        }
        int cut = clean.lastIndexOf(' ', MAX_DESCRIPTION);
        return clean.substring(0, cut > MAX_DESCRIPTION / 2 ? cut : MAX_DESCRIPTION);
    }

    private static int moodOf(Style style) {
        double score = 0;
        for (String m : style.moods()) {
            double[] weights = java.util.Objects.requireNonNull(Style.MOODS.get(m), "a mood Style knows");
            score += weights[1] > 0 ? -1 : weights[0] > 0 ? 1 : 0;
        }
        return (int) Math.signum(score);
    }

    /** The description's nouns, in order, without song words; "love" and "night" when it names none. */
    List<String> themes(String description) throws SpeechException {
        Set<String> nouns = new LinkedHashSet<>();
        Set<String> styleWords = new HashSet<>();
        for (Genre g : Genre.values()) {
            styleWords.add(g.wireName());
            styleWords.addAll(g.aliases());
        }
        styleWords.addAll(Style.MOODS.keySet());
        String previous = "";
        for (Pronouncer.Word w : pronouncer.pronounce(description.replaceAll("[^\\p{L}\\p{N}' ,.]", " "))) {
            String word = w.text().toLowerCase(Locale.ROOT);
            // the tagger takes "the rain" for a verb now and then; after a determiner a word is a noun
            boolean noun = w.pos().startsWith("NN") || DETERMINERS.contains(previous);
            previous = word;
            if (noun
                    && word.length() > 2
                    && word.matches("[a-z]+")
                    && !NOT_THEMES.contains(word)
                    && !styleWords.contains(word)
                    && !instrument(word)) {
                nouns.add(word);
            }
        }
        List<String> themes = new ArrayList<>(nouns.stream().limit(MAX_THEMES).toList());
        for (String fallback : List.of("night", "heart")) {
            if (themes.size() < 2 && !themes.contains(fallback)) {
                themes.add(fallback);
            }
        }
        return themes;
    }

    /** A word naming an instrument; General MIDI's effects (rain, seashore, bird tweet…) are themes, not instruments. */
    private static boolean instrument(String word) {
        Integer program = Style.INSTRUMENTS.get(word);
        return program != null && (program < 96 || (program >= 104 && program < 120));
    }

    /** Every template filled with every theme, measured. */
    private List<Line> candidates(List<String> themes, int mood) throws SpeechException {
        List<String> texts = new ArrayList<>();
        List<Boolean> themed = new ArrayList<>();
        for (String template : BANK) {
            char mark = template.charAt(0);
            String body = mark == '+' || mark == '-' ? template.substring(1) : template;
            if ((mark == '+' && mood < 0) || (mark == '-' && mood > 0)) {
                continue;
            }
            if (body.contains("{t}")) {
                for (String theme : themes) {
                    texts.add(body.replace("{t}", theme));
                    themed.add(true);
                }
            } else {
                texts.add(body);
                themed.add(false);
            }
        }
        Set<String> vocabulary = new LinkedHashSet<>();
        for (String t : texts) {
            for (String w : words(t)) {
                vocabulary.add(w);
            }
        }
        Map<String, Pronouncer.Word> said = pronouncer.lookUp(new ArrayList<>(vocabulary));
        List<Line> lines = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            List<String> words = words(texts.get(i));
            int syllables = 0;
            boolean known = true;
            for (String w : words) {
                Pronouncer.Word p = said.get(w);
                if (p == null) {
                    known = false;
                    break;
                }
                syllables += p.syllables().size();
            }
            String end = words.get(words.size() - 1);
            if (known) {
                lines.add(new Line(
                        texts.get(i),
                        end,
                        java.util.Objects.requireNonNull(said.get(end), "a known word")
                                .rhyme(),
                        syllables,
                        themed.get(i)));
            }
        }
        return lines;
    }

    private static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        for (String w : text.toLowerCase(Locale.ROOT).split("[^a-z']+")) {
            if (!w.isEmpty()) {
                words.add(w);
            }
        }
        return words;
    }

    /** Lines within one syllable of {@code target} first, then the rest, each group shuffled by the seed. */
    private static List<Line> byMeter(List<Line> lines, SplittableRandom random, int target) {
        List<Line> shuffled = new ArrayList<>(lines);
        for (int i = shuffled.size() - 1; i > 0; i--) {
            java.util.Collections.swap(shuffled, i, random.nextInt(i + 1));
        }
        shuffled.sort(Comparator.comparingInt(l -> Math.max(0, Math.abs(l.syllables() - target) - 1)));
        return shuffled;
    }

    /** An unused line in meter whose last word rhymes with {@code with}'s (and is another word). */
    private static @Nullable Line partner(List<Line> ordered, Set<String> used, Line with, int target) {
        for (Line l : ordered) {
            if (!used.contains(l.text())
                    && l.rhyme().equals(with.rhyme())
                    && !l.end().equals(with.end())
                    && Math.abs(l.syllables() - target) <= 2) {
                return l;
            }
        }
        return null;
    }

    /** {@code pairs} rhyming couplets (AABB); the first line names {@code theme} when given. */
    private static List<Line> couplets(
            List<Line> lines,
            Set<String> used,
            SplittableRandom random,
            int target,
            int pairs,
            @Nullable String theme) {
        List<Line> ordered = byMeter(lines, random, target);
        List<Line> out = new ArrayList<>();
        for (int p = 0; p < pairs; p++) {
            boolean hook = p == 0 && theme != null;
            for (Line first : ordered) {
                if (used.contains(first.text())
                        || (hook && !(first.themed() && first.text().contains(theme)))
                        || Math.abs(first.syllables() - target) > 2) {
                    continue;
                }
                Line second = partner(ordered, used, first, target);
                if (second != null) {
                    used.add(first.text());
                    used.add(second.text());
                    out.add(first);
                    out.add(second);
                    break;
                }
            }
            if (out.size() < 2 * (p + 1) && hook) { // no themed couplet scans: any couplet will do
                return couplets(lines, used, random, target, pairs, null);
            }
        }
        return out;
    }

    /** Four lines rhyming ABAB. */
    private static List<Line> alternating(List<Line> lines, Set<String> used, SplittableRandom random, int target) {
        List<Line> pairs = couplets(lines, used, random, target, 2, null);
        if (pairs.size() < 4) {
            return pairs;
        }
        return List.of(pairs.get(0), pairs.get(2), pairs.get(1), pairs.get(3));
    }

    private static void section(StringBuilder text, String name, List<Line> lines) {
        text.append('[').append(name).append("]\n");
        for (Line l : lines) {
            text.append(l.text()).append('\n');
        }
        text.append('\n');
    }

    /** The hook in title case; a hook of more than seven words from just before its theme on. */
    private static String title(String hook, String theme) {
        String[] words = hook.split(" ");
        int at = 0;
        for (int i = 0; i < words.length && words.length > 7; i++) {
            if (words[i].equalsIgnoreCase(theme)) {
                at = Math.max(0, i - 1);
            }
        }
        List<String> picked = new ArrayList<>();
        for (int i = at; i < words.length && picked.size() < 7; i++) {
            String w = words[i].toLowerCase(Locale.ROOT);
            boolean small = picked.size() > 0
                    && Set.of("the", "a", "an", "of", "in", "on", "to", "and", "by")
                            .contains(w);
            picked.add(small ? w : Character.toUpperCase(w.charAt(0)) + w.substring(1));
        }
        return String.join(" ", picked);
    }
}
