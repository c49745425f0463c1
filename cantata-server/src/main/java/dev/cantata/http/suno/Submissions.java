package dev.cantata.http.suno;

import dev.cantata.http.Clients;
import dev.cantata.http.Forwarded;
import dev.cantata.http.Hangup;
import io.javalin.http.Context;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;

/**
 * How every Suno route that makes clips answers: the clips are queued through {@link ClipQueue} as the caller's, and
 * the reply is them {@code submitted}, or with {@code wait_audio} what upstream's wait ends with. No server thread is
 * held while a reply waits.
 */
final class Submissions {
    /** Upstream's longest wait for {@code wait_audio}. */
    private static final Duration WAIT = Duration.ofSeconds(100);

    private final ClipQueue queue;
    private final Clips clips;
    private final Waiting waiting;
    private final Clients clients;
    private final Forwarded forwarded;

    Submissions(ClipQueue queue, Clips clips, Waiting waiting, Clients clients, Forwarded forwarded) {
        this.queue = queue;
        this.clips = clips;
        this.waiting = waiting;
        this.clients = clients;
        this.forwarded = forwarded;
    }

    /** Queues the clips and answers: at once with them {@code submitted}, or after the wait of {@code wait_audio}. */
    void submit(Context ctx, SunoBody body, ClipQueue.Orders orders) throws Exception {
        answer(ctx, queued(ctx, body, orders));
    }

    /** Answers now when the reply is ready, else when it is (without holding a thread). */
    static void answer(Context ctx, CompletableFuture<List<SunoReplies.AudioInfo>> reply) {
        if (reply.isDone()) {
            ctx.json(reply.join());
        } else {
            ctx.future(() -> reply.thenAccept(ctx::json));
        }
    }

    /** Queues the clips; the reply is them {@code submitted}, or what the wait of {@code wait_audio} ends with. */
    CompletableFuture<List<SunoReplies.AudioInfo>> queued(Context ctx, SunoBody body, ClipQueue.Orders orders)
            throws Exception {
        String model = body.text("model").isBlank() ? SunoRoutes.DEFAULT_MODEL : body.text("model");
        List<UUID> ids = queue.queue(clients.account(ctx), clients.client(ctx), model, SunoRoutes.CLIPS, orders);
        String base = forwarded.base(ctx);
        if (body.truthy("wait_audio")) {
            return waitForAudio(base, ids, Hangup.watch(ctx));
        }
        List<SunoReplies.AudioInfo> out = new ArrayList<>();
        for (UUID id : ids) {
            out.add(SunoReplies.AudioInfo.submitted(clips.get(id.toString()), base));
        }
        return CompletableFuture.completedFuture(out);
    }

    /**
     * Upstream's wait: until every clip streams or is complete, or all failed, at most 100 s; then the last look. The
     * request holds no server thread meanwhile.
     */
    CompletableFuture<List<SunoReplies.AudioInfo>> waitForAudio(String base, List<UUID> ids, BooleanSupplier hungUp) {
        return waiting.until(
                () -> {
                    List<SunoReplies.AudioInfo> out = new ArrayList<>();
                    for (UUID id : ids) {
                        out.add(SunoReplies.AudioInfo.polled(clips.get(id.toString()), base));
                    }
                    boolean ready = out.stream().allMatch(c -> c.status().playable());
                    boolean failed = out.stream().allMatch(c -> c.status() == ClipStatus.ERROR);
                    return new Waiting.Look<>(ready || failed, out);
                },
                WAIT,
                hungUp);
    }
}
