package dev.cantata.music;

import dev.cantata.music.Arranger.Event;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Plays the arranger's grid like people: each role (kick, snare, hats, the other drums, bass, chords, pad, lead) moves
 * its notes off the grid by a little correlated noise and the genre's push or pull, and varies its velocities. Every
 * role draws from its own generator seeded from the song's seed, so the same seed plays the same way and a change to
 * one part leaves the others' timing as it was.
 */
final class Performer {
    /** Who plays an event; each has its own looseness. */
    enum Role {
        KICK,
        SNARE,
        HATS,
        PERCUSSION,
        BASS,
        CHORDS,
        PAD,
        LEAD;

        static Role of(Event e) {
            if (e.channel() == 9) {
                return switch (e.pitch()) {
                    case Arranger.KICK -> KICK;
                    case Arranger.SNARE, Arranger.RIM, Arranger.CLAP -> SNARE;
                    case Arranger.HAT, Arranger.OPEN_HAT, Arranger.RIDE, Arranger.SHAKER -> HATS;
                    default -> PERCUSSION;
                };
            }
            return switch (e.channel()) {
                case 1, Arranger.SLIDE_CHANNEL, Arranger.SECOND_SLIDE_CHANNEL -> BASS;
                case 0, 2, Arranger.DOUBLE_CHANNEL -> CHORDS;
                case 3 -> PAD;
                default -> LEAD;
            };
        }
    }

    /**
     * How a role plays in a genre: the spread of its timing (σ, seconds), where it sits against the beat (seconds,
     * positive behind it) and the spread of its velocity (σ, MIDI steps).
     */
    record Feel(double spread, double push, double velocity) {}

    /**
     * Timing spreads are of the order studies of players' timing report (a skilled drummer's onsets scatter a few ms
     * around a steady grid; bassists and pianists a little more); drum machines (electronic, house, disco) are near
     * exact. The snare sits behind the beat in soul, hip hop and lo-fi (the "lazy" backbeat of 10–20 ms that producers
     * describe), punk is straight and driven (hats a hair ahead), and jazz rides on top of the beat.
     */
    static Feel feel(Role role, Genre genre) {
        boolean machine = genre == Genre.ELECTRONIC || genre == Genre.HOUSE || genre == Genre.DISCO;
        double tight = machine ? 0.35 : genre == Genre.PUNK || genre == Genre.METAL ? 0.7 : 1.0;
        return switch (role) {
            case KICK -> new Feel(0.0025 * tight, 0, 5);
            case SNARE -> new Feel(0.003 * tight, snarePull(genre), 6);
            case HATS -> new Feel(0.003 * tight, genre == Genre.PUNK || genre == Genre.JAZZ ? -0.003 : 0, 8);
            case PERCUSSION -> new Feel(0.004 * tight, 0, 6);
            case BASS -> new Feel(0.004 * tight, laidBack(genre) ? 0.006 : 0, 5);
            case CHORDS -> new Feel(0.005 * tight, laidBack(genre) ? 0.008 : 0, 6);
            case PAD -> new Feel(0.008 * tight, 0.005, 4);
            case LEAD -> new Feel(0.009 * tight, 0.004, 7);
        };
    }

    private static boolean laidBack(Genre genre) {
        return genre == Genre.SOUL || genre == Genre.HIP_HOP || genre == Genre.LOFI || genre == Genre.REGGAE;
    }

    private static double snarePull(Genre genre) {
        return switch (genre) {
            case HIP_HOP, LOFI -> 0.018;
            case SOUL, GOSPEL, REGGAE -> 0.012;
            case FUNK, BLUES -> 0.006;
            default -> 0;
        };
    }

    private Performer() {}

    /** One role's generator and where its timing has drifted to (for the grid time it was drawn at). */
    private static final class Player {
        final SplittableRandom random;
        double offset;
        double drawnAt = -1;

        Player(SplittableRandom random) {
            this.random = random;
        }
    }

    /**
     * The events played: each start moved by its role's feel (never before 0), each velocity varied and kept in
     * 1–127. Consecutive offsets of a role are correlated (an AR(1) with coefficient 0.5), as a player's timing drifts
     * rather than jumping independently from note to note; notes a chord strikes together move together.
     */
    static List<Event> perform(List<Event> events, Genre genre, long seed) {
        Map<Role, Player> players = new EnumMap<>(Role.class);
        for (Role r : Role.values()) {
            // seeded by the role's name, so adding a role never changes another's playing
            players.put(
                    r,
                    new Player(new SplittableRandom(
                            seed * 0x9E3779B97F4A7C15L + r.name().hashCode())));
        }
        List<Event> out = new ArrayList<>(events.size());
        for (Event e : events) {
            Role role = Role.of(e);
            Feel feel = feel(role, genre);
            Player player = Objects.requireNonNull(players.get(role), "every role has a player");
            SplittableRandom random = player.random;
            double together = role == Role.CHORDS ? 0.035 : 0.004; // a strum spans up to 30 ms
            if (Math.abs(e.start() - player.drawnAt) > together) {
                player.offset = 0.5 * player.offset + 0.866 * feel.spread() * random.nextGaussian();
                player.drawnAt = e.start();
            }
            double start = Math.max(0, e.start() + player.offset + feel.push());
            int velocity = (int) Math.round(e.velocity() + feel.velocity() * random.nextGaussian());
            out.add(new Event(
                    start,
                    e.duration(),
                    e.channel(),
                    e.program(),
                    e.pitch(),
                    Math.max(1, Math.min(127, velocity)),
                    e.slide()));
        }
        return out;
    }
}
