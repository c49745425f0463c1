package dev.cantata.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

final class HealthRoutesTest {
    static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void healthTurnsDegradedWithTheReasonsAndBackWhenTheyPass() throws Exception {
        AtomicReference<Optional<String>> disk = new AtomicReference<>(Optional.empty());
        HealthCheck fine = Optional::empty;
        HttpServer http = new HttpServer(
                new HttpServer.Options("127.0.0.1", 0, List.of(), 1 << 20, Duration.ofSeconds(10), "test", null),
                List.of(new HealthRoutes("test", List.of(fine, disk::get))));
        http.start();
        try {
            HttpClient client = HttpClient.newHttpClient();
            HttpRequest health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + http.port() + "/api/health"))
                    .build();

            HttpResponse<String> healthy = client.send(health, HttpResponse.BodyHandlers.ofString());
            assertThat(healthy.statusCode()).isEqualTo(200);
            assertThat(JSON.readTree(healthy.body()).get("status").asText()).isEqualTo("healthy");

            disk.set(Optional.of("the data folder's disk is nearly full"));
            HttpResponse<String> degraded = client.send(health, HttpResponse.BodyHandlers.ofString());
            assertThat(degraded.statusCode()).isEqualTo(503);
            JsonNode body = JSON.readTree(degraded.body());
            assertThat(body.get("status").asText()).isEqualTo("degraded");
            assertThat(body.get("problems").get(0).asText()).isEqualTo("the data folder's disk is nearly full");
            assertThat(body.get("message").asText()).contains("nearly full");

            disk.set(Optional.empty());
            assertThat(client.send(health, HttpResponse.BodyHandlers.ofString()).statusCode())
                    .isEqualTo(200);
        } finally {
            http.close();
        }
    }

    @Test
    void aDiskWithLessRoomThanWantedIsAProblem() {
        Path here = Path.of(".");
        assertThat(new DiskSpace(here, 0).problem()).isEmpty();
        assertThat(new DiskSpace(here, Long.MAX_VALUE).problem())
                .hasValueSatisfying(p -> assertThat(p).contains("nearly full"));
    }
}
