package dev.cantata.music;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Windows, shifts and joins of {@link Arranger.Arrangement}s, as {@link Score#window}, {@link Score#shifted} and
 * {@link Score#merge} do for scores: how an extended or edited song keeps the notes its instruments played.
 */
final class Arrangements {
    private Arrangements() {}

    /** The notes of {@code a} that start in {@code [from, to)}, cut off at {@code to}. */
    static Arranger.Arrangement window(Arranger.Arrangement a, double from, double to) {
        return map(a, events -> {
            List<Arranger.Event> kept = new ArrayList<>();
            for (Arranger.Event e : events) {
                if (e.start() >= from - 1e-9 && e.start() < to - 1e-9) {
                    kept.add(e.lasting(Math.min(e.duration(), to - e.start())));
                }
            }
            return kept;
        });
    }

    /** {@code a}, {@code seconds} later. */
    static Arranger.Arrangement shifted(Arranger.Arrangement a, double seconds) {
        return map(
                a, events -> events.stream().map(e -> e.at(e.start() + seconds)).toList());
    }

    /** The notes of every piece, in time order. */
    static Arranger.Arrangement merge(List<Arranger.Arrangement> pieces) {
        List<Arranger.Event> drums = new ArrayList<>();
        List<Arranger.Event> bass = new ArrayList<>();
        List<Arranger.Event> other = new ArrayList<>();
        for (Arranger.Arrangement p : pieces) {
            drums.addAll(p.drums());
            bass.addAll(p.bass());
            other.addAll(p.other());
        }
        Comparator<Arranger.Event> byStart = Comparator.comparingDouble(Arranger.Event::start);
        drums.sort(byStart);
        bass.sort(byStart);
        other.sort(byStart);
        return new Arranger.Arrangement(List.copyOf(drums), List.copyOf(bass), List.copyOf(other));
    }

    private static Arranger.Arrangement map(Arranger.Arrangement a, UnaryOperator<List<Arranger.Event>> f) {
        return new Arranger.Arrangement(f.apply(a.drums()), f.apply(a.bass()), f.apply(a.other()));
    }
}
