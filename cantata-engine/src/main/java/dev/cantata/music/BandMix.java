package dev.cantata.music;

import dev.cantata.audio.Biquad;
import dev.cantata.audio.Dynamics;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The band's half of the mix, as a producer sets it before the master bus: where each instrument sits (pan, reverb
 * and chorus sends inside the synthesizer), and what each instrument stem goes through: the section's fader ride
 * (verses under the chorus), EQ that leaves the vocal and the bass their room, amp-style saturation for the loud
 * guitars, glue compression on the drum bus, and the kick ducking bass and chords in the dance styles.
 */
final class BandMix {
    private BandMix() {}

    /**
     * The synthesizer's channel mix: kick, snare and bass in the centre (Gervill pans the kit's cymbals and toms
     * itself), a single guitar or the keys off-centre, the chorus's doubled guitar opposite the first, the pad wide
     * through the chorus effect, clean guitars and pads chorused, the bass dry; reverb sends follow the genre's room.
     */
    static Map<Integer, InstrumentRenderer.Channel> channels(Genre genre) {
        int room = (int) Math.round(40 + 60 * genre.reverb()); // 0.12 (punk) → 47, 0.55 (ambient) → 73
        boolean guitar = genre.compProgram() >= 24 && genre.compProgram() <= 31;
        boolean clean = genre.compProgram() >= 24 && genre.compProgram() <= 28;
        Map<Integer, InstrumentRenderer.Channel> mix = new HashMap<>();
        mix.put(9, new InstrumentRenderer.Channel(64, room / 2, 0));
        mix.put(1, new InstrumentRenderer.Channel(64, 0, 0));
        // the bass's slid notes, placed as the bass
        mix.put(Arranger.SLIDE_CHANNEL, new InstrumentRenderer.Channel(64, 0, 0));
        mix.put(Arranger.SECOND_SLIDE_CHANNEL, new InstrumentRenderer.Channel(64, 0, 0));
        mix.put(0, new InstrumentRenderer.Channel(64, room, clean ? 40 : 0));
        mix.put(2, new InstrumentRenderer.Channel(guitar ? 30 : 78, room - 10, clean ? 45 : 10));
        mix.put(Arranger.DOUBLE_CHANNEL, new InstrumentRenderer.Channel(100, room - 10, clean ? 45 : 10));
        mix.put(3, new InstrumentRenderer.Channel(64, Math.min(127, room + 20), 90));
        for (int c = 4; c <= 8; c++) {
            mix.put(c, new InstrumentRenderer.Channel(c % 2 == 0 ? 50 : 80, room, 20));
        }
        return mix;
    }

    /**
     * The fader ride of a section, dB: verses under the chorus, the bridge lowest, as mixers automate a build. Where the
     * chorus doubles its guitar the arrangement already lifts it, so the verse is ridden 1 dB less (measured: rock's
     * choruses came out 3.1–3.4 dB over the verse at −4, over the +1.5–3 dB aimed for). Where the voice carries the
     * song and the band's chorus adds least (hip hop, house, funk, jazz) the verse is ridden 2 dB deeper: at −4 (with
     * their hooks doubled) their second choruses measured +0.9, +1.4, +1.6 and +1.4 dB over the verse before them, at
     * −6 +1.3, +1.8, +1.9 and +1.9 (95 s songs, seed 3, {@code bench production}).
     */
    static double ride(Lyrics.Part part, Genre genre) {
        return switch (part) {
            // never over the verse: the band alone out-sounded the band with the voice in the songs whose verses are
            // ridden deep (a 95 s jazz song's intro read as loud as its verse, its outro louder than its choruses)
            case INTRO, OUTRO -> Math.min(-2.5, verse(genre)) - softEnds(genre);
            case VERSE -> verse(genre);
            case PRE_CHORUS -> -2.0;
            case CHORUS -> 0;
            case BREAK -> -1.0;
            case BRIDGE -> -4.5;
        };
    }

    /**
     * How far under the verse a genre's intro and outro are ridden, dB. Jazz and ballad records open and close on a
     * piano or a trio played softly before the band comes in full; orchestral and ambient pieces rise out of and fade
     * into quiet; rock opens on a riff before the whole band is in. Measured (95 s songs, seed 3, {@code bench
     * production}): without this jazz read 4.5 LU of loudness range, the ballad 5.3, classical 7.8, ambient 6.2 and
     * rock 4.7, against the 6–8 LU of jazz records, the 9 and more of classical ones and the 5–6 of rock (Anderton,
     * PreSonus blog, "Mastering: What LRA Means to You"); with it 6.8, 7.5, 10.7, 8.8 and 5.7, their chorus-over-verse
     * unchanged.
     */
    private static double softEnds(Genre genre) {
        return switch (genre) {
            case JAZZ, BALLAD, CLASSICAL, AMBIENT -> 3.0;
            case ROCK -> 2.0;
            default -> 0;
        };
    }

    private static double verse(Genre genre) {
        if (Arranger.doubled(genre)) {
            return -3.0;
        }
        return switch (genre) {
            // hip hop at −8 gained 0.1 dB more (its verses' loudness is the rapped vocal's), so it stays with the rest
            case HIP_HOP, HOUSE, FUNK, JAZZ -> -6.0;
            default -> -4.0;
        };
    }

    /**
     * The gain of the fader ride per frame: each section at its {@link #ride}, a pre-chorus rising through its length
     * to the chorus, and 120 ms ramps at the other joins so no step clicks; the last chorus half a dB over the others.
     */
    static float[] rides(Score score, int frames, int rate, Genre genre) {
        float[] gain = new float[frames];
        List<Score.Span> sections = score.sections();
        int lastChorus = -1;
        for (int s = 0; s < sections.size(); s++) {
            if (sections.get(s).part() == Lyrics.Part.CHORUS) {
                lastChorus = s;
            }
        }
        double[] db = new double[sections.size()];
        for (int s = 0; s < sections.size(); s++) {
            db[s] = ride(sections.get(s).part(), genre) + (s == lastChorus && s > 1 ? 0.5 : 0);
        }
        int ramp = (int) (0.12 * rate);
        for (int s = 0; s < sections.size(); s++) {
            Score.Span span = sections.get(s);
            int from = Math.max(0, (int) Math.round(span.start() * rate));
            int to = s + 1 < sections.size()
                    ? (int) Math.round(sections.get(s + 1).start() * rate)
                    : frames;
            to = Math.min(frames, to);
            boolean rising = span.part() == Lyrics.Part.PRE_CHORUS && s + 1 < sections.size();
            for (int i = from; i < to; i++) {
                double level =
                        rising ? db[s] + (db[s + 1] - db[s]) * (i - from) / (double) Math.max(1, to - from) : db[s];
                if (s > 0 && i - from < ramp) {
                    level = db[s - 1] + (level - db[s - 1]) * (i - from) / ramp;
                }
                gain[i] = (float) Math.pow(10, level / 20);
            }
        }
        return gain;
    }

    /**
     * Processes the three instrument stems in place (interleaved stereo at {@code rate}) for {@code genre}: the fader
     * ride; EQ per stem; saturation; the drum bus's glue; the kick's sidechain in electronic, house and disco; the
     * risers into choruses ({@link Riser}).
     */
    static void process(
            float[] drums, float[] bass, float[] other, Genre genre, Score score, List<Arranger.Event> kit, int rate) {
        int frames = drums.length / 2;
        float[] ride = rides(score, frames, rate, genre);
        for (float[] stem : new float[][] {drums, bass, other}) {
            for (int i = 0; i < frames; i++) {
                stem[2 * i] *= ride[i];
                stem[2 * i + 1] *= ride[i];
            }
        }
        boolean vocal = !score.phrases().isEmpty();
        for (int c = 0; c < 2; c++) {
            Biquad.highPass(30, 0.707, rate).processInterleaved(drums, c, 2);
            Biquad.highPass(35, 0.707, rate).processInterleaved(bass, c, 2);
            Biquad.peaking(250, 1.0, -2.0, rate).processInterleaved(bass, c, 2); // the mud the kick and keys share
            // the chords leave the bottom to bass and kick (which also takes out the DC some patches carry) ...
            Biquad.highPass(110, 0.707, rate).processInterleaved(other, c, 2);
            Biquad.highPass(110, 0.707, rate).processInterleaved(other, c, 2);
            if (vocal) {
                // ... and the vocal's presence band to the voice
                Biquad.peaking(2800, 1.2, -2.5, rate).processInterleaved(other, c, 2);
            }
        }
        double drive = switch (genre) {
            case METAL -> 4.0;
            case PUNK -> 3.0;
            case ROCK -> 2.2;
            default -> 0;
        };
        if (drive > 0) {
            saturate(other, drive);
            saturate(bass, drive / 2);
        }
        glue(drums, rate, genre);
        boolean acoustic = genre == Genre.JAZZ
                || genre == Genre.FOLK
                || genre == Genre.LATIN
                || genre == Genre.BALLAD
                || genre == Genre.CLASSICAL;
        clip(drums, acoustic ? 14 : 11);
        double duck = switch (genre) {
            case HOUSE -> 0.5;
            case ELECTRONIC -> 0.55;
            case DISCO -> 0.3;
            default -> 0;
        };
        if (duck > 0) {
            float[] envelope = sidechain(kit, frames, rate, duck, score.beatSeconds() * 0.45);
            for (float[] stem : new float[][] {bass, other}) {
                for (int i = 0; i < frames; i++) {
                    stem[2 * i] *= envelope[i];
                    stem[2 * i + 1] *= envelope[i];
                }
            }
        }
        Riser.add(other, score, genre, rate); // after the ducking: a riser builds through the kicks, not with them
    }

    /**
     * An amp's soft clipping, {@code tanh(drive·x)/drive} on the signal brought to −18 dBFS RMS (so the drive means the
     * same whatever level the synthesizer rendered at), then put back at its level.
     */
    static void saturate(float[] stereo, double drive) {
        double rms = rms(stereo);
        if (rms < 1e-6) {
            return;
        }
        double in = Math.pow(10, -18 / 20.0) / rms;
        for (int i = 0; i < stereo.length; i++) {
            // unity gain for small signals, so only the peaks are rounded and the level barely moves
            stereo[i] = (float) (Math.tanh(drive * stereo[i] * in) / drive / in);
        }
    }

    /**
     * The drum bus's glue: 3:1 above 4 dB under the bus's RMS, a 10 ms attack that lets each hit's transient through
     * and a 120 ms release that pulls the kit together; gentler (2:1) in the acoustic styles.
     */
    static void glue(float[] drums, int rate, Genre genre) {
        double rms = rms(drums);
        if (rms < 1e-6) {
            return;
        }
        boolean gentle = genre == Genre.JAZZ || genre == Genre.FOLK || genre == Genre.LATIN || genre == Genre.BALLAD;
        double threshold = 20 * Math.log10(rms) - 4;
        Dynamics.compress(drums, rate, threshold, gentle ? 2 : 3, 10, 120);
    }

    /**
     * A soft clipper on the drum bus, as mix engineers clip drums before the master: peaks more than {@code crestDb}
     * over the bus's RMS are rounded off (linear up to 70 % of that ceiling, a tanh knee above it, never past it), so
     * the master's limiter need not pull the loud sections down on every hit (measured: it took a chorus's lift from
     * +2.0 dB before mastering to +1.2 dB after).
     */
    static void clip(float[] stereo, double crestDb) {
        double rms = rms(stereo);
        if (rms < 1e-6) {
            return;
        }
        double ceiling = rms * Math.pow(10, crestDb / 20);
        double knee = 0.7 * ceiling;
        double room = ceiling - knee;
        for (int i = 0; i < stereo.length; i++) {
            double a = Math.abs(stereo[i]);
            if (a > knee) {
                stereo[i] = (float) (Math.signum(stereo[i]) * (knee + room * Math.tanh((a - knee) / room)));
            }
        }
    }

    /**
     * The kick's sidechain as a gain per frame: down by {@code depth} (0–1) within 3 ms of each kick, back with time
     * constant {@code recovery} seconds, the pump of dance records.
     */
    static float[] sidechain(List<Arranger.Event> kit, int frames, int rate, double depth, double recovery) {
        float[] gain = new float[frames];
        java.util.Arrays.fill(gain, 1f);
        int attack = Math.max(1, (int) (0.003 * rate));
        for (Arranger.Event e : kit) {
            if (e.pitch() != Arranger.KICK) {
                continue;
            }
            int at = (int) Math.round(e.start() * rate);
            int span = (int) (recovery * 5 * rate);
            for (int i = Math.max(0, at - attack); i < Math.min(frames, at + span); i++) {
                double g = i < at
                        ? 1 - depth * (i - at + attack) / (double) attack
                        : 1 - depth * Math.exp(-(i - at) / (recovery * rate));
                gain[i] = (float) Math.min(gain[i], g);
            }
        }
        return gain;
    }

    private static double rms(float[] x) {
        double s = 0;
        for (float v : x) {
            s += v * v;
        }
        return x.length == 0 ? 0 : Math.sqrt(s / x.length);
    }
}
