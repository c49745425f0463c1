package dev.cantata.speech;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import org.junit.jupiter.api.Test;

/** The order of turns, on names and on a simulated pool of engines with known costs (no clock, no threads). */
final class TurnQueueTest {
    private static List<String> drain(TurnQueue<String> queue) {
        List<String> order = new ArrayList<>();
        for (String t = queue.next(x -> false); t != null; t = queue.next(x -> false)) {
            order.add(t);
        }
        return order;
    }

    @Test
    void clientsAreServedRoundRobinOneTurnAtATime() {
        TurnQueue<String> queue = new TurnQueue<>();
        for (int i = 1; i <= 4; i++) {
            queue.add("long", Priority.SPEECH, "L" + i);
        }
        queue.add("a", Priority.SPEECH, "A1");
        queue.add("b", Priority.SPEECH, "B1");
        queue.add("b", Priority.SPEECH, "B2");

        assertThat(drain(queue)).containsExactly("L1", "A1", "B1", "L2", "B2", "L3", "L4");
        assertThat(queue.size()).isZero();
    }

    @Test
    void aHigherPriorityGoesFirstWhateverCameBefore() {
        TurnQueue<String> queue = new TurnQueue<>();
        queue.add("writer", Priority.WRITING, "W1");
        queue.add("song", Priority.SINGING, "S1");
        queue.add("song", Priority.SINGING, "S2");
        queue.add("listener", Priority.SPEECH, "P1");

        assertThat(drain(queue)).containsExactly("P1", "S1", "S2", "W1");
    }

    @Test
    void aClientThatServedGoesBehindTheOthersWhenItComesBack() {
        TurnQueue<String> queue = new TurnQueue<>();
        queue.add("a", Priority.SPEECH, "A1");
        queue.add("b", Priority.SPEECH, "B1");
        assertThat(queue.next(x -> false)).isEqualTo("A1");
        queue.add("a", Priority.SPEECH, "A2");

        assertThat(drain(queue)).containsExactly("B1", "A2");
    }

    @Test
    void droppedAndRemovedTurnsAreNeverServed() {
        TurnQueue<String> queue = new TurnQueue<>();
        queue.add("gone", Priority.SPEECH, "G1");
        queue.add("a", Priority.SPEECH, "A1");
        queue.add("a", Priority.SPEECH, "A2");
        queue.add("b", Priority.SPEECH, "B1");

        assertThat(queue.remove("a", "A2")).isTrue();
        assertThat(queue.remove("a", "A2")).isFalse();
        assertThat(queue.next(t -> t.startsWith("G"))).isEqualTo("A1");
        assertThat(drain(queue)).containsExactly("B1");
        assertThat(queue.size()).isZero();
    }

    /** A sentence asked for by a client in the simulation: its client, its index there, and its cost. */
    private record Sentence(int client, int index, double cost) {}

    /**
     * Simulates {@code engines} engines serving clients that each ask for their sentences one at a time (as a
     * streaming speaker does: the next once the last is done), every client arriving at time 0; returns each client's
     * first-sentence finish time, in units of one sentence's cost.
     */
    private static double[] firstSentenceDone(int engines, int[] sentences) {
        TurnQueue<Sentence> queue = new TurnQueue<>();
        for (int c = 0; c < sentences.length; c++) {
            queue.add(c, Priority.SPEECH, new Sentence(c, 0, 1.0));
        }
        double[] first = new double[sentences.length];
        record Running(double end, Sentence sentence) {}
        PriorityQueue<Running> running = new PriorityQueue<>((x, y) -> Double.compare(x.end(), y.end()));
        double now = 0;
        int idle = engines;
        while (true) {
            while (idle > 0) {
                Sentence next = queue.next(x -> false);
                if (next == null) {
                    break;
                }
                running.add(new Running(now + next.cost(), next));
                idle--;
            }
            Running done = running.poll();
            if (done == null) {
                return first;
            }
            now = done.end();
            idle++;
            Sentence s = done.sentence();
            if (s.index() == 0) {
                first[s.client()] = now;
            }
            if (s.index() + 1 < sentences[s.client()]) {
                queue.add(s.client(), Priority.SPEECH, new Sentence(s.client(), s.index() + 1, s.cost()));
            }
        }
    }

    @Test
    void shortClientsBehindALongStreamWaitForItsOneSentenceNotItsForty() {
        int[] sentences = new int[21];
        sentences[0] = 40; // the long stream came first
        for (int c = 1; c <= 20; c++) {
            sentences[c] = 1;
        }

        double[] first = firstSentenceDone(2, sentences);

        // 21 first sentences on 2 engines: the last of them is done after 11 sentences' time, however long the stream
        double worstShort = 0;
        for (int c = 1; c <= 20; c++) {
            worstShort = Math.max(worstShort, first[c]);
        }
        assertThat(worstShort).isEqualTo(11.0);
        assertThat(first[0]).isEqualTo(1.0);
    }

    @Test
    void fiftyOneSentenceClientsOnTwoEnginesFinishAtTheCpuLimit() {
        int[] sentences = new int[50];
        java.util.Arrays.fill(sentences, 1);

        double[] first = firstSentenceDone(2, sentences);
        double[] sorted = first.clone();
        java.util.Arrays.sort(sorted);

        assertThat(sorted[49]).as("wall: 50 sentences ÷ 2 engines").isEqualTo(25.0);
        assertThat(sorted[24]).as("median first sentence: half of that").isEqualTo(13.0);
    }
}
