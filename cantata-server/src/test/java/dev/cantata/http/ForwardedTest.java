package dev.cantata.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cantata.config.AddressRange;
import dev.cantata.config.Settings;
import dev.cantata.testing.TestServer;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Forwarded headers shape the URLs handed out only when a configured proxy sends them, and only when they are sane. */
final class ForwardedTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String SONG = "{\"prompt\":\"[Verse]\\nHold on, the light is coming through\",\"tags\":\"folk\"}";

    @TempDir
    Path data;

    @Test
    void forwardedHeadersFromAnyoneAreIgnored() throws Exception {
        try (TestServer server = TestServer.start(data, null)) {
            String url = audioUrl(server, "javascript", "evil.example");
            assertThat(url).startsWith("http://127.0.0.1:" + server.server.port() + "/api/audio/");
        }
    }

    @Test
    void aTrustedProxysHeadersWinButOnlyWithAWebSchemeAndAPlainHost() throws Exception {
        Settings settings = Settings.loopback(data).toBuilder()
                .trustedProxies(List.of(AddressRange.parse("127.0.0.0/8")))
                .build();
        try (TestServer server = TestServer.start(settings)) {
            assertThat(audioUrl(server, "https", "music.example:8443"))
                    .startsWith("https://music.example:8443/api/audio/");
            assertThat(audioUrl(server, "javascript", "evil.example/x?"))
                    .startsWith("http://127.0.0.1:" + server.server.port() + "/api/audio/");
        }
    }

    @Test
    void addressRangesMatchTheirBlockOnly() throws Exception {
        AddressRange block = AddressRange.parse("10.1.0.0/16");
        assertThat(block.contains(ip("10.1.200.3"))).isTrue();
        assertThat(block.contains(ip("10.2.0.1"))).isFalse();
        assertThat(block.contains(ip("::1"))).isFalse();
        assertThat(AddressRange.parse("::1").contains(ip("::1"))).isTrue();
    }

    private static java.net.InetAddress ip(String literal) throws java.net.UnknownHostException {
        return java.net.InetAddress.getAllByName(literal)[0];
    }

    private static String audioUrl(TestServer server, String proto, String host) throws Exception {
        HttpResponse<String> made = server.client.send(
                HttpRequest.newBuilder(server.uri("/api/custom_generate"))
                        .header("Content-Type", "application/json")
                        .header("X-Forwarded-Proto", proto)
                        .header("X-Forwarded-Host", host)
                        .POST(HttpRequest.BodyPublishers.ofString(SONG))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(made.statusCode()).as(made.body()).isEqualTo(200);
        JsonNode clips = JSON.readTree(made.body());
        for (JsonNode clip : clips) {
            server.server
                    .tasks()
                    .cancel(java.util.UUID.fromString(clip.get("id").asText()));
        }
        return clips.get(0).get("audio_url").asText();
    }
}
