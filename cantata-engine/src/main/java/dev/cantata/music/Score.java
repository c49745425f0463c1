package dev.cantata.music;

import java.util.List;

/**
 * The symbolic song: everything the arranger, the singer and the mixer need, and what extend, edit, stems and aligned
 * lyrics read later. Times are seconds from the start of the song.
 *
 * @param tempo beats per minute (4/4)
 * @param key tonic pitch class 0–11
 * @param length the song's exact length in seconds
 */
public record Score(
    double tempo,
    int key,
    boolean minor,
    double length,
    List<Span> sections,
    List<Chord> chords,
    List<Phrase> phrases,
    List<String> dropped) {

  public Score {
    sections = List.copyOf(sections);
    chords = List.copyOf(chords);
    phrases = List.copyOf(phrases);
    dropped = List.copyOf(dropped);
  }

  /** A section of the song in time. */
  public record Span(Lyrics.Part part, String label, double start, double end, int bars) {}

  /** A chord: root pitch class, minor or major triad, optional seventh. */
  public record Chord(double start, double end, int root, boolean minor, boolean seventh, int bar) {
    /** Pitch classes of the chord. */
    public int[] pitchClasses() {
      int third = minor ? 3 : 4;
      return seventh
          ? new int[] {root, (root + third) % 12, (root + 7) % 12, (root + (minor ? 10 : 10)) % 12}
          : new int[] {root, (root + third) % 12, (root + 7) % 12};
    }
  }

  /** One sung note: a syllable on a pitch. */
  public record Note(double start, double end, int pitch, int syllable) {
    public double duration() {
      return end - start;
    }

    public double hz() {
      return 440 * Math.pow(2, (pitch - 69) / 12.0);
    }
  }

  /** A word and when it is sung (from its first syllable's onset to its last note's end). */
  public record Word(String word, double start, double end) {}

  /** One lyric line as sung. */
  public record Phrase(String text, Lyrics.Part part, List<Note> notes, List<Word> words) {
    public Phrase {
      notes = List.copyOf(notes);
      words = List.copyOf(words);
    }

    public double start() {
      return notes.get(0).start();
    }

    public double end() {
      return notes.get(notes.size() - 1).end();
    }
  }

  public double beatSeconds() {
    return 60.0 / tempo;
  }

  public double barSeconds() {
    return 4 * beatSeconds();
  }

  /** Every word of the song in order. */
  public List<Word> words() {
    return phrases.stream().flatMap(p -> p.words().stream()).toList();
  }

  /** The chord sounding at {@code time}. */
  public Chord chordAt(double time) {
    return chordAt(chords, time);
  }

  /** The chord of {@code chords} (in time order) sounding at {@code time}: the last one started by then. */
  static Chord chordAt(List<Chord> chords, double time) {
    Chord found = chords.get(0);
    for (Chord c : chords) {
      if (c.start() <= time + 1e-9) {
        found = c;
      }
    }
    return found;
  }
}
