package dev.cantata.midi;

import dev.cantata.music.Score;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The lyric of each sung note: a word sung on one note is the word; a word sung on several is split into that many
 * pieces at its vowel groups, each but the last ending in {@code -} (the karaoke and notation convention: "mor-",
 * "ning"), and a note the word has no piece left for carries {@code -} alone (a melisma).
 */
final class Syllables {
    private Syllables() {}

    /** One lyric per note of {@code phrase}, in order. */
    static List<String> lyrics(Score.Phrase phrase) {
        List<Score.Note> notes = phrase.notes();
        List<String> lyrics = new ArrayList<>();
        int n = 0;
        for (Score.Word word : phrase.words()) {
            int first = n;
            while (n < notes.size() && notes.get(n).start() < word.end() - 1e-9) {
                n++;
            }
            int count = n - first;
            if (count == 0) {
                continue;
            }
            lyrics.addAll(split(word.word(), count));
        }
        while (lyrics.size() < notes.size()) {
            lyrics.add("-"); // a note after the last word's end: held from it
        }
        return lyrics;
    }

    /** {@code word} in {@code count} pieces, as the class comment says. */
    static List<String> split(String word, int count) {
        List<Integer> cuts = cuts(word);
        // the first count - 1 cuts make count pieces; with fewer cuts, the notes left over hold the last piece
        List<String> pieces = new ArrayList<>();
        int from = 0;
        for (int i = 0; i < Math.min(count - 1, cuts.size()); i++) {
            pieces.add(word.substring(from, cuts.get(i)) + "-");
            from = cuts.get(i);
        }
        pieces.add(word.substring(from));
        while (pieces.size() < count) {
            pieces.add("-");
        }
        return pieces;
    }

    /**
     * Where {@code word} may be cut between syllables: between two vowel groups, before the consonant after the first
     * (V-CV, "mo-ment") or between two consonants (VC-CV, "mor-ning"); a final {@code e} after a consonant is silent
     * and starts no syllable.
     */
    private static List<Integer> cuts(String word) {
        String w = word.toLowerCase(Locale.ROOT);
        List<int[]> groups = new ArrayList<>();
        for (int i = 0; i < w.length(); ) {
            if (vowel(w, i)) {
                int start = i;
                while (i < w.length() && vowel(w, i)) {
                    i++;
                }
                groups.add(new int[] {start, i});
            } else {
                i++;
            }
        }
        if (groups.size() > 1) {
            int[] last = groups.get(groups.size() - 1);
            if (last[0] == w.length() - 1 && w.charAt(last[0]) == 'e' && !vowel(w, last[0] - 1)) {
                groups.remove(groups.size() - 1);
            }
        }
        List<Integer> cuts = new ArrayList<>();
        for (int g = 1; g < groups.size(); g++) {
            int end = groups.get(g - 1)[1];
            int next = groups.get(g)[0];
            int consonants = next - end;
            cuts.add(consonants >= 2 ? end + 1 : end);
        }
        return cuts;
    }

    private static boolean vowel(String w, int i) {
        return "aeiouyàáâäèéêëìíîïòóôöùúûü".indexOf(w.charAt(i)) >= 0 && !(w.charAt(i) == 'y' && i == 0);
    }
}
