package dev.cantata.http.suno;

import dev.cantata.http.ApiException;
import dev.cantata.jobs.Task;
import dev.cantata.songs.NewSong;
import dev.cantata.songs.SongJob;
import dev.cantata.songs.Songs;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Queues clips, the one way every Suno route does it: the credits are spent first (so a request that cannot pay
 * costs no work), then the orders are made (which may mean writing lyrics), then each clip's song task and its row are
 * stored. If anything fails after the spending, the clips already stored are deleted and the credits given back.
 */
final class ClipQueue {
    private final Songs songs;
    private final ClipStore clips;
    private final Credits credits;

    ClipQueue(Songs songs, ClipStore clips, Credits credits) {
        this.songs = songs;
        this.clips = clips;
        this.credits = credits;
    }

    /**
     * One clip to queue: its song job and what the dialect shows of it.
     *
     * @param source the clip an extension continues, or null
     * @param lineage the clip this one is a version of, and how, or null for a clip made from scratch
     */
    record Order(
            SongJob job,
            String title,
            String tags,
            String negativeTags,
            String description,
            ClipType type,
            @Nullable UUID source,
            double continueAt,
            byte @Nullable [] reference,
            @Nullable Lineage lineage) {
        Order(
                SongJob job,
                String title,
                String tags,
                String negativeTags,
                String description,
                ClipType type,
                @Nullable UUID source,
                double continueAt,
                byte @Nullable [] reference) {
            this(job, title, tags, negativeTags, description, type, source, continueAt, reference, null);
        }

        Order(
                SongJob job,
                String title,
                String tags,
                String negativeTags,
                String description,
                ClipType type,
                @Nullable UUID source,
                double continueAt) {
            this(job, title, tags, negativeTags, description, type, source, continueAt, null, null);
        }
    }

    /** The upload name of a song's reference recording in its task's {@code input/} folder. */
    static final String REFERENCE = "reference_audio";

    /** Makes the orders once the credits for them are spent. */
    @FunctionalInterface
    interface Orders {
        List<Order> make() throws Exception;
    }

    /**
     * Spends {@code count} clips' credits of {@code account}, then makes and queues the orders as {@code client}'s.
     *
     * @return the new clips' ids, in order
     * @throws ApiException 402 when the account cannot pay (and nothing was done)
     * @throws dev.cantata.songs.SongQueueFull when the song queue has no room for the clips (and nothing was spent)
     */
    List<UUID> queue(String account, String client, String model, int count, Orders orders) throws Exception {
        songs.admit(client, count); // before spending: a refused request costs nothing
        String period = credits.period();
        int cost = Credits.PER_CLIP * count;
        if (!credits.spend(account, cost)) {
            Credits.Balance balance = credits.balance(account);
            throw new ApiException(
                    402,
                    "Payment required: " + balance.left() + " credits left this month, " + cost + " needed ("
                            + Credits.PER_CLIP + " a clip)");
        }
        List<UUID> ids = new ArrayList<>();
        try {
            List<Order> made = orders.make();
            if (made.size() != count) {
                throw new IllegalStateException(made.size() + " orders made for " + count + " clips paid for");
            }
            for (Order o : made) {
                byte[] reference = o.reference();
                Task task = reference == null
                        ? songs.submit(client, Map.of(), keys -> o.job())
                        : songs.submit(
                                client,
                                Map.of(REFERENCE, reference),
                                keys -> ((NewSong) o.job())
                                        .withReference(java.util.Objects.requireNonNull(keys.get(REFERENCE))));
                ids.add(task.id());
                clips.insert(new SunoClip(
                        task.id(),
                        account,
                        model,
                        o.title(),
                        o.tags(),
                        o.negativeTags(),
                        o.description(),
                        o.type(),
                        o.job().lyrics(),
                        o.source(),
                        o.continueAt(),
                        task.createdAt(),
                        null,
                        o.lineage()));
            }
        } catch (Exception | Error e) {
            ids.forEach(songs.tasks()::delete); // a clip's row goes with its task
            credits.refund(account, cost, period);
            throw e;
        }
        return ids;
    }
}
