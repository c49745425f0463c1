package dev.cantata.testing;

import dev.cantata.CantataServer;
import dev.cantata.audio.ReferenceDecoder;
import dev.cantata.client.Multipart;
import dev.cantata.config.Settings;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** A real node on a free loopback port with its own data folder, and helpers to call it. */
public final class TestServer implements AutoCloseable {
    public final Path data;
    public final CantataServer server;
    public final HttpClient client = HttpClient.newHttpClient();

    private TestServer(Path data, CantataServer server) {
        this.data = data;
        this.server = server;
    }

    public static TestServer start(Path data, @Nullable String apiKey) {
        return start(Settings.loopback(data).toBuilder().apiKey(apiKey).build());
    }

    public static TestServer start(Settings settings) {
        return new TestServer(
                settings.dataDir(), CantataServer.start(settings, Map.of(), List.of(), InstantSource.system()));
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }

    public HttpResponse<byte[]> postJson(String path, String json) throws IOException, InterruptedException {
        return client.send(
                HttpRequest.newBuilder(uri(path))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json))
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<byte[]> postMultipart(String path, Multipart form) throws IOException, InterruptedException {
        return client.send(
                HttpRequest.newBuilder(uri(path))
                        .header("Content-Type", form.contentType())
                        .POST(HttpRequest.BodyPublishers.ofByteArray(form.bytes()))
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    /**
     * Decodes audio with the ffmpeg binary (not Cantata's decoder) to mono float at {@code rate}; {@code rawRate} reads
     * headerless s16le at that rate.
     */
    public static float[] ffmpegDecode(byte[] bytes, int rate, boolean raw) throws IOException, InterruptedException {
        return ReferenceDecoder.decode(bytes, rate, raw);
    }

    @Override
    public void close() {
        server.close();
    }
}
