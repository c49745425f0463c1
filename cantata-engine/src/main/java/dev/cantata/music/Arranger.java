package dev.cantata.music;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Turns a {@link Score} into note events per stem: drums (General MIDI percussion), bass, and "other" (the chord
 * instrument, a pad in choruses, and every instrument the style names, which plays the intro, instrumental and outro
 * melodies and answers the voice in choruses). Grooves, bass lines and comping come from the genre; a fill closes each
 * section and a crash opens the next.
 */
public final class Arranger {
  /** A note event: when, how long, which program on which channel, pitch and velocity. */
  public record Event(double start, double duration, int channel, int program, int pitch, int velocity) {}

  /** The events of the three instrument stems. */
  public record Arrangement(List<Event> drums, List<Event> bass, List<Event> other) {}

  static final int KICK = 36;
  static final int SNARE = 38;
  static final int HAT = 42;
  static final int OPEN_HAT = 46;
  static final int RIDE = 51;
  static final int CRASH = 49;
  static final int TOM_HIGH = 50;
  static final int TOM_MID = 47;
  static final int TOM_LOW = 45;
  static final int RIM = 37;
  static final int SHAKER = 70;

  private Arranger() {}

  /** Arranges {@code score} in {@code style}; the seed varies the patterns' details. */
  public static Arrangement arrange(Score score, Style style, long seed) {
    SplittableRandom random = new SplittableRandom(seed ^ 0x5EEDL);
    Genre genre = style.genre();
    List<Event> drums = new ArrayList<>();
    List<Event> bass = new ArrayList<>();
    List<Event> other = new ArrayList<>();
    double beat = score.beatSeconds();
    double swing = genre.swing();
    int bassVariant = random.nextInt(2);
    int compVariant = random.nextInt(2);
    for (Score.Span span : score.sections()) {
      boolean soft = span.part() == Lyrics.Part.INTRO || span.part() == Lyrics.Part.OUTRO
          || (span.part() == Lyrics.Part.VERSE && random.nextInt(3) == 0);
      boolean big = span.part() == Lyrics.Part.CHORUS || span.part() == Lyrics.Part.BREAK;
      int firstBar = (int) Math.round(span.start() / score.barSeconds());
      for (int b = 0; b < span.bars(); b++) {
        double barStart = span.start() + b * score.barSeconds();
        if (barStart >= score.length() - 0.05) {
          break;
        }
        Score.Chord chord = score.chordAt(barStart + 1e-6);
        boolean lastBar = b == span.bars() - 1;
        boolean finalBar = lastBar && span.equals(score.sections().get(score.sections().size() - 1));
        if (finalBar) {
          // the song ends on a held tonic chord
          addChord(other, barStart, score.barSeconds() * 2, chord, genre.compProgram(), 0, 80, 4);
          bass.add(new Event(barStart, score.barSeconds() * 2, 1, genre.bassProgram(), bassNote(chord.root()), 90));
          if (!genre.drums().equals("none")) {
            drums.add(new Event(barStart, 1.5, 9, 0, CRASH, 100));
            drums.add(new Event(barStart, 0.2, 9, 0, KICK, 110));
          }
          continue;
        }
        if (!genre.drums().equals("none") && !(soft && span.part() == Lyrics.Part.INTRO && b < 2)) {
          groove(drums, genre.drums(), barStart, beat, swing, soft ? 0.75 : big ? 1.0 : 0.88);
          if (b == 0 && firstBar > 0) {
            drums.add(new Event(barStart, 1.2, 9, 0, CRASH, big ? 105 : 85));
          }
          if (lastBar && span.bars() >= 2) {
            fill(drums, barStart, beat, random);
          }
        }
        bassLine(bass, genre, chord, score.chordAt(barStart + score.barSeconds() + 1e-6), barStart, beat, swing,
            bassVariant);
        comp(other, genre, chord, barStart, beat, swing, soft ? 62 : big ? 84 : 74, compVariant);
        if (big && genre.padProgram() >= 0) {
          addChord(other, barStart, score.barSeconds(), chord, genre.padProgram(), 3, 58, 5);
        }
      }
      boolean instrumental = span.part() == Lyrics.Part.INTRO || span.part() == Lyrics.Part.BREAK
          || span.part() == Lyrics.Part.OUTRO;
      List<Integer> featured = new ArrayList<>(style.instruments());
      if (featured.isEmpty() && instrumental) {
        featured.add(genre.leadProgram());
      }
      for (int f = 0; f < featured.size(); f++) {
        int program = featured.get(f);
        if (program == genre.bassProgram() || isBass(program)) {
          continue;
        }
        int channel = 4 + f % 5;
        if (instrumental) {
          lead(other, score, span, program, channel, random);
        } else if (big) {
          answer(other, score, span, program, channel);
        }
      }
    }
    return new Arrangement(clip(drums, score.length()), clip(bass, score.length()), clip(other, score.length()));
  }

  private static boolean isBass(int program) {
    return program >= 32 && program <= 39;
  }

  private static List<Event> clip(List<Event> events, double length) {
    List<Event> out = new ArrayList<>();
    for (Event e : events) {
      if (e.start() < length - 0.02) {
        out.add(new Event(e.start(), Math.min(e.duration(), length - e.start()), e.channel(), e.program(), e.pitch(),
            e.velocity()));
      }
    }
    return out;
  }

  private static double at(double barStart, double beat, double beats, double swing) {
    double fraction = beats - Math.floor(beats);
    double swung = Math.abs(fraction - 0.5) < 1e-9 ? beats + swing : beats;
    return barStart + swung * beat;
  }

  // ---------------------------------------------------------------- drums

  /** One bar of a groove: strings of 16 steps per instrument, 'x' hit, 'o' soft, '.' rest. */
  private static void groove(List<Event> out, String groove, double barStart, double beat, double swing, double level) {
    String[][] pattern = switch (groove) {
      case "rock" -> new String[][] {{"x.......x.x.....", "K"}, {"....x.......x...", "S"}, {"x.x.x.x.x.x.x.x.", "H"}};
      case "metal" -> new String[][] {{"x.x.x.x.x.x.x.x.", "K"}, {"....x.......x...", "S"}, {"x...x...x...x...", "R"}};
      case "punk" -> new String[][] {{"x...x...x...x...", "K"}, {"..x...x...x...x.", "S"}, {"x.x.x.x.x.x.x.x.", "H"}};
      case "folk" -> new String[][] {{"x.......x.......", "K"}, {"....o.......o...", "R2"}, {"..o...o...o...o.", "SH"}};
      case "train" -> new String[][] {{"x.......x.......", "K"}, {"o.xo.ox.o.xo.ox.", "S"}};
      case "swing", "shuffle" -> new String[][] {{"x.......x.......", "K"}, {"....o.......o...", "S"}, {"x...x.x.x...x.x.", "R"}};
      case "soul" -> new String[][] {{"x......x..x.....", "K"}, {"....x.......x...", "S"}, {"x.x.x.x.x.x.x.x.", "H"}};
      case "funk" -> new String[][] {{"x..x..x...x..x..", "K"}, {"....x..o.o..x...", "S"}, {"xxxxxxxxxxxxxxxx", "H"}};
      case "four" -> new String[][] {{"x...x...x...x...", "K"}, {"....x.......x...", "S"}, {"..x...x...x...x.", "OH"}};
      case "boombap" -> new String[][] {{"x......x.xx.....", "K"}, {"....x.......x...", "S"}, {"x.x.x.x.x.x.x.x.", "H"}};
      case "lofi" -> new String[][] {{"x......x..x.....", "K"}, {"....o.......o...", "S"}, {"o.o.o.o.o.o.o.o.", "H"}};
      case "onedrop" -> new String[][] {{"........x.......", "K"}, {"........x.......", "R2"}, {"x.x.x.x.x.x.x.x.", "H"}};
      case "bossa" -> new String[][] {{"x..x x..x..x x..".replace(' ', '.'), "K"}, {"x..x..x...x..x..", "R2"},
          {"x.x.x.x.x.x.x.x.", "H"}};
      case "ballad" -> new String[][] {{"x.......x.......", "K"}, {"....o.......o...", "S"}, {"o...o...o...o...", "H"}};
      default -> new String[][] {{"x.......x.x.....", "K"}, {"....x.......x...", "S"}, {"x.x.x.x.x.x.x.x.", "H"}};
    };
    for (String[] line : pattern) {
      int pitch = switch (line[1]) {
        case "K" -> KICK;
        case "S" -> SNARE;
        case "R" -> RIDE;
        case "R2" -> RIM;
        case "OH" -> OPEN_HAT;
        case "SH" -> SHAKER;
        default -> HAT;
      };
      for (int step = 0; step < 16; step++) {
        char c = line[0].charAt(step);
        if (c == '.') {
          continue;
        }
        int velocity = (int) Math.round((c == 'x' ? 100 : 70) * level * (step % 4 == 0 ? 1.0 : 0.88));
        out.add(new Event(at(barStart, beat, step / 4.0, swing), 0.12, 9, 0, pitch, Math.min(127, velocity)));
      }
    }
  }

  private static void fill(List<Event> out, double barStart, double beat, SplittableRandom random) {
    out.removeIf(e -> e.start() >= barStart + 2 * beat - 1e-6 && e.start() < barStart + 4 * beat - 1e-6
        && (e.pitch() == SNARE || e.pitch() == HAT || e.pitch() == RIDE));
    int[] toms = random.nextBoolean() ? new int[] {SNARE, SNARE, TOM_HIGH, TOM_HIGH, TOM_MID, TOM_MID, TOM_LOW, TOM_LOW}
        : new int[] {SNARE, SNARE, SNARE, SNARE, TOM_HIGH, TOM_MID, TOM_LOW, SNARE};
    for (int i = 0; i < 8; i++) {
      out.add(new Event(barStart + (2 + i * 0.25) * beat, 0.12, 9, 0, toms[i], 70 + i * 5));
    }
  }

  // ---------------------------------------------------------------- bass

  static int bassNote(int pitchClass) {
    return 36 + Math.floorMod(pitchClass - 4, 12) + 4; // E1..D#2 region, the bass's low octave
  }

  private static void bassLine(List<Event> out, Genre genre, Score.Chord chord, Score.Chord next, double barStart,
      double beat, double swing, int variant) {
    int root = bassNote(chord.root());
    int fifth = root + 7;
    int program = genre.bassProgram();
    switch (genre.bass()) {
      case "eighths" -> {
        for (int i = 0; i < 8; i++) {
          out.add(new Event(at(barStart, beat, i * 0.5, swing), beat * 0.45, 1, program, root, 92));
        }
      }
      case "walking" -> {
        int target = bassNote(next.root());
        int third = root + (chord.minor() ? 3 : 4);
        int[] walk = {root, third, fifth, target + (target > fifth ? -1 : 1)};
        for (int i = 0; i < 4; i++) {
          out.add(new Event(barStart + i * beat, beat * 0.9, 1, program, walk[i], 88));
        }
      }
      case "octave" -> {
        for (int i = 0; i < 8; i++) {
          out.add(new Event(barStart + i * 0.5 * beat, beat * 0.4, 1, program, i % 2 == 0 ? root : root + 12, 95));
        }
      }
      case "offbeat" -> {
        for (int i = 0; i < 4; i++) {
          out.add(new Event(barStart + (i + 0.5) * beat, beat * 0.4, 1, program, root, 95));
        }
      }
      case "funk" -> {
        double[] at = {0, 0.75, 1.5, 2, 2.75, 3.5};
        int[] notes = {root, root + 12, root, fifth, root + 10, root + 12};
        for (int i = 0; i < at.length; i++) {
          out.add(new Event(barStart + at[i] * beat, beat * 0.3, 1, program, notes[i], 100));
        }
      }
      case "bossa" -> {
        out.add(new Event(barStart, beat * 1.4, 1, program, root, 85));
        out.add(new Event(barStart + 1.5 * beat, beat * 0.5, 1, program, fifth - 12 >= 28 ? fifth - 12 : fifth, 80));
        out.add(new Event(barStart + 2 * beat, beat * 1.4, 1, program, fifth - 12 >= 28 ? fifth - 12 : fifth, 82));
        out.add(new Event(barStart + 3.5 * beat, beat * 0.5, 1, program, root, 80));
      }
      case "sparse" -> {
        out.add(new Event(barStart, beat * 1.5, 1, program, root, 100));
        out.add(new Event(barStart + 2.5 * beat, beat * 0.8, 1, program, variant == 0 ? root : fifth, 90));
      }
      case "long" -> out.add(new Event(barStart, beat * 3.9, 1, program, root, 80));
      case "roots" -> {
        out.add(new Event(barStart, beat * 0.9, 1, program, root, 90));
        out.add(new Event(barStart + 2 * beat, beat * 0.9, 1, program, variant == 0 ? fifth - 12 < 28 ? fifth : fifth - 12 : root, 85));
      }
      default -> { // pulse
        out.add(new Event(barStart, beat * 0.9, 1, program, root, 95));
        out.add(new Event(barStart + 1.5 * beat, beat * 0.4, 1, program, root, 80));
        out.add(new Event(barStart + 2 * beat, beat * 0.9, 1, program, variant == 0 ? root : fifth, 90));
        out.add(new Event(barStart + 3.5 * beat, beat * 0.4, 1, program, root + 12, 75));
      }
    }
  }

  // ---------------------------------------------------------------- chords and leads

  /** Chord tones voiced around middle C (root position, closed). */
  static int[] voicing(Score.Chord chord, int low) {
    int[] pcs = chord.pitchClasses();
    int[] notes = new int[pcs.length];
    int base = low + Math.floorMod(pcs[0] - low, 12);
    for (int i = 0; i < pcs.length; i++) {
      int n = base + Math.floorMod(pcs[i] - pcs[0], 12);
      notes[i] = n;
    }
    return notes;
  }

  private static void addChord(List<Event> out, double start, double duration, Score.Chord chord, int program,
      int channel, int velocity, int octaveShift) {
    for (int n : voicing(chord, 12 * octaveShift + 7)) {
      out.add(new Event(start, duration, channel, program, n, velocity));
    }
  }

  private static void comp(List<Event> out, Genre genre, Score.Chord chord, double barStart, double beat, double swing,
      int velocity, int variant) {
    int program = genre.compProgram();
    int[] notes = voicing(chord, 55);
    switch (genre.comp()) {
      case "power" -> {
        int root = 40 + Math.floorMod(chord.root() - 4, 12);
        for (int i = 0; i < 8; i++) {
          double t = at(barStart, beat, i * 0.5, swing);
          out.add(new Event(t, beat * 0.45, 2, program, root, velocity));
          out.add(new Event(t, beat * 0.45, 2, program, root + 7, velocity));
          out.add(new Event(t, beat * 0.45, 2, program, root + 12, velocity - 10));
        }
      }
      case "arpeggio" -> {
        int[] order = variant == 0 ? new int[] {0, 1, 2, 1, 0, 2, 1, 2} : new int[] {0, 2, 1, 2, 0, 2, 1, 2};
        for (int i = 0; i < 8; i++) {
          int pitch = notes[order[i] % notes.length] + (i % 4 == 3 ? 12 : 0);
          out.add(new Event(at(barStart, beat, i * 0.5, swing), beat * 0.9, 2, program, pitch, velocity - 8));
        }
      }
      case "strum" -> {
        double[] hits = {0, 1, 1.5, 2.5, 3, 3.5};
        for (double h : hits) {
          for (int k = 0; k < notes.length; k++) {
            out.add(new Event(at(barStart, beat, h, swing) + k * 0.012, beat * 0.6, 2, program, notes[k],
                velocity - (h == Math.floor(h) ? 0 : 12)));
          }
        }
      }
      case "comp" -> {
        double[] hits = variant == 0 ? new double[] {0, 1.5, 2.5} : new double[] {0.5, 2, 3.5};
        for (double h : hits) {
          for (int n : notes) {
            out.add(new Event(at(barStart, beat, h, swing), beat * 0.5, 2, program, n, velocity - 10));
          }
        }
      }
      case "stab", "skank" -> {
        for (int i = 0; i < 4; i++) {
          for (int n : notes) {
            out.add(new Event(barStart + (i + 0.5) * beat, beat * 0.25, 2, program, n + 12, velocity - 5));
          }
        }
      }
      case "pad", "strings" -> {
        for (int n : notes) {
          out.add(new Event(barStart, beat * 4, 2, program, n, velocity - 15));
        }
        if (genre.comp().equals("strings")) {
          out.add(new Event(barStart, beat * 4, 2, program, notes[0] - 12, velocity - 20));
        }
      }
      default -> { // block: chords on beats 1 and 3 with a push on the "and" of 2
        double[] hits = variant == 0 ? new double[] {0, 2} : new double[] {0, 1.5, 2, 3.5};
        for (double h : hits) {
          for (int n : notes) {
            out.add(new Event(at(barStart, beat, h, swing), beat * (h % 1 == 0 ? 1.8 : 0.45), 2, program, n,
                velocity - (h % 1 == 0 ? 0 : 12)));
          }
        }
      }
    }
  }

  /** An instrumental melody over a section: chord tones on the beats, steps between, a rest every other bar. */
  private static void lead(List<Event> out, Score score, Score.Span span, int program, int channel,
      SplittableRandom random) {
    double beat = score.beatSeconds();
    int previous = 67;
    for (int b = 0; b < span.bars(); b++) {
      double barStart = span.start() + b * score.barSeconds();
      Score.Chord chord = score.chordAt(barStart + 1e-6);
      int[] tones = voicing(chord, 64);
      int notes = b % 2 == 0 ? 4 : 2;
      for (int i = 0; i < notes; i++) {
        int target = tones[random.nextInt(tones.length)];
        while (Math.abs(target - previous) > 7) {
          target += target > previous ? -12 : 12;
        }
        double duration = notes == 4 ? beat * 0.95 : beat * 1.9;
        out.add(new Event(barStart + i * (notes == 4 ? beat : 2 * beat), duration, channel, program, target, 88));
        previous = target;
      }
    }
  }

  /** In choruses a named instrument answers the voice: long chord tones where the voice breathes. */
  private static void answer(List<Event> out, Score score, Score.Span span, int program, int channel) {
    for (int b = 1; b < span.bars(); b += 2) {
      double barStart = span.start() + b * score.barSeconds();
      Score.Chord chord = score.chordAt(barStart + 1e-6);
      int[] tones = voicing(chord, 67);
      out.add(new Event(barStart + 2 * score.beatSeconds(), score.beatSeconds() * 1.8, channel, program,
          tones[b % tones.length], 80));
    }
  }
}
