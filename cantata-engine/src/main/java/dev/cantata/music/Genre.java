package dev.cantata.music;

import java.util.List;

/**
 * What a genre means to the arranger.
 *
 * @param tempoMin slowest natural tempo, BPM
 * @param tempoMax fastest natural tempo, BPM
 * @param drums the groove ({@link Arranger} knows each)
 * @param bass the bass line pattern
 * @param comp how the chord instrument plays
 * @param compProgram General MIDI program of the chord instrument
 * @param padProgram program of the sustained layer in choruses, or -1
 * @param leadProgram program that plays intro and instrumental melodies
 * @param bassProgram program of the bass
 * @param minor how likely a minor key is, 0–1
 * @param swing 0 for straight eighths, up to about 0.33 for a triplet shuffle
 * @param reverb vocal reverb send, 0–1
 */
public record Genre(
    String name,
    List<String> aliases,
    int tempoMin,
    int tempoMax,
    String drums,
    String bass,
    String comp,
    int compProgram,
    int padProgram,
    int leadProgram,
    int bassProgram,
    double minor,
    double swing,
    double reverb) {

  /** At least twenty genres, each with its own groove, instruments and tempo range. */
  public static final List<Genre> ALL =
      List.of(
          new Genre("pop", List.of("dance pop", "synthpop", "k-pop", "kpop", "j-pop", "jpop"), 96, 124, "pop", "pulse",
              "block", 0, 89, 80, 33, 0.3, 0, 0.25),
          new Genre("rock", List.of("classic rock", "hard rock", "alternative", "alt rock", "grunge"), 100, 140,
              "rock", "eighths", "power", 29, -1, 30, 34, 0.4, 0, 0.18),
          new Genre("metal", List.of("heavy metal", "metalcore", "thrash", "power metal"), 120, 170, "metal",
              "eighths", "power", 30, -1, 30, 34, 0.85, 0, 0.15),
          new Genre("punk", List.of("pop punk", "punk rock"), 150, 190, "punk", "eighths", "power", 29, -1, 29, 34,
              0.3, 0, 0.12),
          new Genre("folk", List.of("acoustic", "singer-songwriter", "americana"), 80, 112, "folk", "roots", "arpeggio",
              25, 48, 73, 32, 0.35, 0, 0.25),
          new Genre("country", List.of("bluegrass", "country pop"), 90, 130, "train", "roots", "strum", 25, -1, 40, 32,
              0.15, 0, 0.2),
          new Genre("jazz", List.of("swing", "bebop", "smooth jazz"), 100, 160, "swing", "walking", "comp", 0, -1, 65,
              32, 0.4, 0.3, 0.3),
          new Genre("blues", List.of("rhythm and blues", "delta blues"), 70, 110, "shuffle", "walking", "comp", 0, -1,
              22, 33, 0.3, 0.33, 0.25),
          new Genre("soul", List.of("r&b", "rnb", "neo soul", "motown"), 70, 100, "soul", "pulse", "block", 4, 49, 65,
              33, 0.45, 0.1, 0.3),
          new Genre("funk", List.of("disco funk"), 98, 118, "funk", "funk", "stab", 7, -1, 61, 36, 0.5, 0, 0.15),
          new Genre("disco", List.of("nu disco"), 112, 126, "four", "octave", "stab", 4, 48, 48, 33, 0.35, 0, 0.25),
          new Genre("electronic", List.of("edm", "electro", "techno", "trance", "synthwave", "dance"), 118, 132,
              "four", "octave", "pad", 81, 89, 81, 38, 0.55, 0, 0.3),
          new Genre("house", List.of("deep house", "tech house"), 118, 126, "four", "offbeat", "stab", 4, 89, 80, 38,
              0.45, 0, 0.28),
          new Genre("hip hop", List.of("hip-hop", "rap", "trap", "boom bap"), 82, 98, "boombap", "sparse", "pad", 4,
              -1, 81, 38, 0.6, 0.12, 0.15),
          new Genre("lofi", List.of("lo-fi", "chillhop", "chill"), 70, 90, "lofi", "sparse", "block", 4, 89, 11, 33,
              0.5, 0.15, 0.35),
          new Genre("reggae", List.of("ska", "dub", "dancehall"), 70, 95, "onedrop", "offbeat", "skank", 27, -1, 16,
              33, 0.35, 0, 0.2),
          new Genre("latin", List.of("bossa nova", "bossa", "salsa", "samba", "reggaeton"), 90, 130, "bossa", "bossa",
              "arpeggio", 24, -1, 73, 32, 0.45, 0, 0.25),
          new Genre("classical", List.of("orchestral", "cinematic", "epic", "soundtrack", "score"), 60, 100, "none",
              "long", "strings", 48, 49, 40, 43, 0.5, 0, 0.45),
          new Genre("ambient", List.of("new age", "atmospheric", "drone"), 60, 84, "none", "long", "pad", 89, 92, 88,
              38, 0.5, 0, 0.55),
          new Genre("gospel", List.of("worship", "christian", "choir"), 70, 100, "soul", "pulse", "block", 19, 52, 0,
              33, 0.2, 0.1, 0.4),
          new Genre("indie", List.of("indie pop", "indie rock", "dream pop", "shoegaze"), 96, 128, "rock", "pulse",
              "strum", 27, 89, 26, 33, 0.45, 0, 0.3),
          new Genre("ballad", List.of("power ballad", "piano ballad"), 60, 80, "ballad", "long", "arpeggio", 0, 48, 73,
              33, 0.4, 0, 0.4));

  public static Genre named(String name) {
    return ALL.stream().filter(g -> g.name.equals(name)).findFirst().orElseThrow();
  }
}
