package dev.cantata.music;

import dev.cantata.audio.Pcm;
import dev.cantata.speech.MaryEngine;
import dev.cantata.speech.SpeechException;
import dev.cantata.speech.VoiceProfile;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import marytts.util.dom.DomUtils;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Sings with MaryTTS: a lyric line is phonemised once (MaryTTS's ACOUSTPARAMS: words, syllables, stress, phones with
 * durations), then for each phrase the phone durations and F0 targets are rewritten from the notes and the document is
 * synthesised. Each syllable's vowel starts exactly on its note; the consonants before it are sung just before the
 * beat; the vowel fills the note up to the coda and the next syllable's onset; long notes get a delayed vibrato. F0
 * targets are whole hertz (MaryTTS reads integers). A voice's tract length is applied with the same resampling trick
 * as speech (see {@link MaryEngine}). Identical phrases are synthesised once.
 */
public final class MarySinger implements LineSyllables.Reader {
  static final Set<String> VOWELS =
      Set.of("A", "O", "u", "i", "E", "{", "V", "@", "I", "U", "r=", "EI", "AI", "OI", "aU", "@U", "aI", "oU", "OU",
          "Q", "3", "3r", "e", "o", "a");
  private static final Set<String> UNVOICED = Set.of("p", "t", "k", "f", "T", "s", "S", "h", "tS", "_");
  private static final double MIN_VOWEL = 0.06;

  private final MaryEngine engine;
  private final Map<String, String> lines = new ConcurrentHashMap<>();
  private final Map<String, Sung> sung = new ConcurrentHashMap<>();

  public MarySinger(MaryEngine engine) {
    this.engine = engine;
  }

  /** Audio of a sung phrase; its first note's vowel begins {@code lead} seconds into {@code audio}. */
  public record Sung(Pcm audio, double lead) {}

  @Override
  public LineSyllables read(String line) throws SpeechException {
    Document doc = parse(acoustparams(line));
    List<LineSyllables.Syllable> syllables = new ArrayList<>();
    int word = -1;
    NodeList tokens = doc.getElementsByTagNameNS("*", "t");
    for (int i = 0; i < tokens.getLength(); i++) {
      Element t = (Element) tokens.item(i);
      List<Element> syls = children(t, "syllable");
      if (syls.isEmpty()) {
        continue;
      }
      word++;
      String text = t.getFirstChild() == null ? "" : t.getFirstChild().getNodeValue().strip();
      for (Element syllable : syls) {
        syllables.add(new LineSyllables.Syllable(word, text, "1".equals(syllable.getAttribute("stress"))));
      }
    }
    return new LineSyllables(line, syllables);
  }

  /** The singer's range (MIDI) for a voice: about an octave around where it speaks, nudged up as singers do. */
  public static int[] range(double medianF0) {
    int center = (int) Math.round(69 + 12 * Math.log(medianF0 / 440) / Math.log(2)) + 7;
    return new int[] {center - 6, center + 6};
  }

  /** Sings one phrase. */
  public Sung sing(Score.Phrase phrase, VoiceProfile voice) throws SpeechException {
    String cacheKey = cacheKey(phrase, voice);
    Sung cached = sung.get(cacheKey);
    if (cached != null) {
      return cached;
    }
    Document doc = parse(acoustparams(phrase.text()));
    double tract = voice.tract();
    double lead = retime(doc, phrase.notes(), tract);
    Pcm audio = engine.withMary(mary -> {
      mary.setInputType("ACOUSTPARAMS");
      mary.setOutputType("AUDIO");
      return MaryEngine.audio(mary.generateAudio(doc));
    });
    Pcm declared = tract == 1.0 ? audio : new Pcm(audio.samples(), (int) Math.round(audio.sampleRate() / tract));
    Sung result = new Sung(declared, lead);
    sung.put(cacheKey, result);
    return result;
  }

  private static String cacheKey(Score.Phrase phrase, VoiceProfile voice) {
    StringBuilder key = new StringBuilder(phrase.text()).append('|').append(voice);
    double origin = phrase.start();
    for (Score.Note n : phrase.notes()) {
      key.append(String.format(Locale.ROOT, "|%.4f,%.4f,%d", n.start() - origin, n.end() - origin, n.pitch()));
    }
    return key.toString();
  }

  private String acoustparams(String line) throws SpeechException {
    String cached = lines.get(line);
    if (cached != null) {
      return cached;
    }
    String xml = engine.withMary(mary -> {
      mary.setInputType("TEXT");
      mary.setOutputType("ACOUSTPARAMS");
      return DomUtils.document2String(mary.generateXML(line));
    });
    lines.put(line, xml);
    return xml;
  }

  private static Document parse(String xml) throws SpeechException {
    Document doc;
    try {
      doc = DomUtils.parseDocument(xml);
    } catch (Exception e) {
      throw new SpeechException("MaryTTS gave unreadable ACOUSTPARAMS: " + e.getMessage(), e);
    }
    mergeVoicelessSyllables(doc);
    return doc;
  }

  /**
   * MaryTTS sometimes makes a syllable of consonants alone (a sentence-initial "Still" is "s - t I l"). Nothing in it
   * can carry a note, so its phones join the next syllable of the word (or the previous one when it is the last).
   */
  static void mergeVoicelessSyllables(Document doc) {
    NodeList all = doc.getElementsByTagNameNS("*", "syllable");
    List<Element> syllables = new ArrayList<>();
    for (int i = 0; i < all.getLength(); i++) {
      syllables.add((Element) all.item(i));
    }
    for (int i = 0; i < syllables.size(); i++) {
      Element syllable = syllables.get(i);
      List<Element> phones = children(syllable, "ph");
      boolean singable = phones.stream().anyMatch(p -> !UNVOICED.contains(p.getAttribute("p")));
      if (singable) {
        continue;
      }
      Element next = i + 1 < syllables.size() ? syllables.get(i + 1) : null;
      Element previous = i > 0 ? syllables.get(i - 1) : null;
      if (next != null && next.getParentNode() == syllable.getParentNode()) {
        Node first = next.getFirstChild();
        for (Element p : phones) {
          next.insertBefore(p, first);
        }
      } else if (previous != null && previous.getParentNode() == syllable.getParentNode()) {
        phones.forEach(previous::appendChild);
      } else if (next != null) {
        Node first = next.getFirstChild();
        for (Element p : phones) {
          next.insertBefore(p, first);
        }
      } else {
        continue; // a line of consonants only: nothing to sing, left as it is
      }
      syllable.getParentNode().removeChild(syllable);
    }
  }

  /**
   * Rewrites durations and F0 in {@code doc} so syllable {@code i}'s vowel starts at note {@code i}; returns the time
   * from the start of the audio to the first vowel.
   */
  static double retime(Document doc, List<Score.Note> notes, double tract) {
    unwrapProsody(doc);
    NodeList boundaries = doc.getElementsByTagNameNS("*", "boundary");
    for (int i = boundaries.getLength() - 1; i >= 0; i--) {
      Node b = boundaries.item(i);
      b.getParentNode().removeChild(b); // pauses inside a sung line would break its timing
    }
    List<Element> syllables = new ArrayList<>();
    NodeList all = doc.getElementsByTagNameNS("*", "syllable");
    for (int i = 0; i < all.getLength(); i++) {
      syllables.add((Element) all.item(i));
    }
    int n = Math.min(syllables.size(), notes.size());
    double origin = notes.get(0).start();
    double[] onset = new double[n];
    double[] coda = new double[n];
    List<List<Element>> phones = new ArrayList<>();
    int[] nucleus = new int[n];
    for (int i = 0; i < n; i++) {
      List<Element> ph = children(syllables.get(i), "ph");
      phones.add(ph);
      nucleus[i] = nucleusOf(ph);
      for (int j = 0; j < ph.size(); j++) {
        double d = clamp(Double.parseDouble(ph.get(j).getAttribute("d")) / 1000, 0.03, 0.09);
        if (j < nucleus[i]) {
          onset[i] += d;
        } else if (j > nucleus[i]) {
          coda[i] += d;
        }
      }
    }
    double lead = onset[0];
    double clock = 0; // seconds from the start of the audio
    double previousSqueeze = 1; // the squeeze of a syllable's coda applies to the next onset too
    for (int i = 0; i < n; i++) {
      Score.Note note = notes.get(i);
      double vowelStart = lead + note.start() - origin;
      double nextOnsetAt = i + 1 < n ? lead + notes.get(i + 1).start() - origin - onset[i + 1] : lead + note.end() - origin;
      double vowel = nextOnsetAt - vowelStart - coda[i];
      double squeeze = 1;
      if (vowel < MIN_VOWEL) { // fast notes: consonants give way so the vowel keeps its place on the beat
        double consonants = coda[i] + (i + 1 < n ? onset[i + 1] : 0);
        squeeze = Math.max(0.2, (nextOnsetAt - vowelStart - MIN_VOWEL) / Math.max(1e-6, consonants));
        vowel = Math.max(0.02, nextOnsetAt - vowelStart - coda[i] * squeeze);
      }
      List<Element> ph = phones.get(i);
      for (int j = 0; j < ph.size(); j++) {
        Element p = ph.get(j);
        double d;
        if (j < nucleus[i]) {
          d = clamp(Double.parseDouble(p.getAttribute("d")) / 1000, 0.03, 0.09) * (i == 0 ? 1 : previousSqueeze);
        } else if (j == nucleus[i]) {
          d = vowel;
        } else {
          d = clamp(Double.parseDouble(p.getAttribute("d")) / 1000, 0.03, 0.09) * squeeze;
        }
        double start = clock;
        clock += d;
        long startMs = Math.round(start * 1000 / tract);
        long endMs = Math.round(clock * 1000 / tract);
        p.setAttribute("d", String.valueOf(Math.max(1, endMs - startMs)));
        p.setAttribute("end", String.format(Locale.ROOT, "%.4f", endMs / 1000.0));
        String symbol = p.getAttribute("p");
        if (UNVOICED.contains(symbol)) {
          p.removeAttribute("f0");
        } else if (j == nucleus[i]) {
          p.setAttribute("f0", vibrato(note.hz() * tract, d));
        } else {
          long hz = Math.round(note.hz() * tract);
          p.setAttribute("f0", "(0," + hz + ")(100," + hz + ")");
        }
      }
      previousSqueeze = squeeze;
    }
    return lead;
  }

  /** F0 targets for a vowel: steady, with a 5.5 Hz, ±30 cent vibrato after 150 ms on notes longer than 350 ms. */
  static String vibrato(double hz, double seconds) {
    if (seconds < 0.35) {
      long f = Math.round(hz);
      return "(0," + f + ")(100," + f + ")";
    }
    StringBuilder targets = new StringBuilder();
    int points = (int) Math.min(100, Math.max(10, seconds * 40));
    for (int k = 0; k <= points; k++) {
      double t = seconds * k / points;
      double depth = t < 0.15 ? 0 : Math.min(1, (t - 0.15) / 0.2) * 30;
      double f = hz * Math.pow(2, depth * Math.sin(2 * Math.PI * 5.5 * t) / 1200);
      targets.append('(').append(Math.round(100.0 * k / points)).append(',').append(Math.round(f)).append(')');
    }
    return targets.toString();
  }

  private static int nucleusOf(List<Element> phones) {
    for (int j = 0; j < phones.size(); j++) {
      if (VOWELS.contains(phones.get(j).getAttribute("p"))) {
        return j;
      }
    }
    int best = 0;
    for (int j = 0; j < phones.size(); j++) {
      if (!UNVOICED.contains(phones.get(j).getAttribute("p"))) {
        return j; // a syllabic consonant ("l", "n")
      }
    }
    return best;
  }

  private static void unwrapProsody(Document doc) {
    NodeList prosody = doc.getElementsByTagNameNS("*", "prosody");
    for (int i = prosody.getLength() - 1; i >= 0; i--) {
      Node p = prosody.item(i);
      Node parent = p.getParentNode();
      while (p.getFirstChild() != null) {
        parent.insertBefore(p.getFirstChild(), p);
      }
      parent.removeChild(p);
    }
  }

  private static List<Element> children(Element parent, String name) {
    List<Element> out = new ArrayList<>();
    for (Node c = parent.getFirstChild(); c != null; c = c.getNextSibling()) {
      if (c instanceof Element e && name.equals(e.getLocalName() == null ? e.getTagName() : e.getLocalName())) {
        out.add(e);
      }
    }
    return out;
  }

  private static double clamp(double v, double lo, double hi) {
    return Math.max(lo, Math.min(hi, v));
  }
}
