package dev.cantata.http.suno;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cantata.http.Hangup;
import dev.cantata.http.HttpServer;
import dev.cantata.http.Routes;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/**
 * Waiters are dropped when their clients hang up. Jetty 11 reports nothing when the client of a suspended request
 * closes (no AsyncListener call, no idle timeout), so without {@link Hangup} each of these would poll for its whole
 * wait.
 */
final class WaitingTest {
    @Test
    void waitersWhoseClientsHangUpAreDroppedWithinASecond() throws Exception {
        Waiting waiting = new Waiting();
        Routes slow = config -> config.router.mount(router -> router.get("/wait", ctx -> {
            BooleanSupplier hungUp = Hangup.watch(ctx);
            ctx.future(() -> waiting.until(() -> new Waiting.Look<>(false, "never"), Duration.ofMinutes(10), hungUp)
                    .thenAccept(ctx::result));
        }));
        try (HttpServer http = new HttpServer(
                        new HttpServer.Options("127.0.0.1", 0, List.of(), 1 << 20, Duration.ofSeconds(1), "test", null),
                        List.of(slow))
                .start()) {
            List<Socket> clients = new ArrayList<>();
            for (int i = 0; i < 300; i++) {
                Socket s = new Socket(java.net.InetAddress.getLoopbackAddress(), http.port());
                s.getOutputStream().write("GET /wait HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                clients.add(s);
            }
            awaitPending(waiting, 300, Duration.ofSeconds(10));
            Socket stays = clients.remove(0);
            for (Socket s : clients) {
                s.close();
            }
            long t0 = System.nanoTime();
            awaitPending(waiting, 1, Duration.ofSeconds(5));
            assertThat((System.nanoTime() - t0) / 1e9).isLessThan(1.0);
            Thread.sleep(600);
            assertThat(waiting.pending())
                    .as("a client still there keeps waiting")
                    .isEqualTo(1);
            stays.close();
            awaitPending(waiting, 0, Duration.ofSeconds(5));
        }
    }

    private static void awaitPending(Waiting waiting, int count, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (waiting.pending() != count && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(waiting.pending()).isEqualTo(count);
    }
}
