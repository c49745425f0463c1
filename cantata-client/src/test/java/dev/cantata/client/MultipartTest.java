package dev.cantata.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

final class MultipartTest {

    @Test
    void fieldsAndFilesAreFramedByTheBoundaryTheContentTypeNames() {
        Multipart form = new Multipart().field("audio_length", "95").file("lyrics", "l.lrc", new byte[] {'[', 0, ']'});

        String boundary = form.contentType().substring("multipart/form-data; boundary=".length());
        assertThat(form.contentType()).startsWith("multipart/form-data; boundary=cantata-");
        assertThat(new String(form.bytes(), StandardCharsets.ISO_8859_1))
                .isEqualTo("--" + boundary + "\r\n"
                        + "Content-Disposition: form-data; name=\"audio_length\"\r\n\r\n"
                        + "95\r\n"
                        + "--" + boundary + "\r\n"
                        + "Content-Disposition: form-data; name=\"lyrics\"; filename=\"l.lrc\"\r\n"
                        + "Content-Type: application/octet-stream\r\n\r\n"
                        + "[\0]\r\n"
                        + "--" + boundary + "--\r\n");
    }

    @Test
    void theBodyCanBeReadAgainAndGrowsWithLaterFields() {
        Multipart form = new Multipart().field("a", "1");
        byte[] first = form.bytes();

        assertThat(form.bytes()).isEqualTo(first);
        assertThat(form.field("b", "2").bytes()).hasSizeGreaterThan(first.length);
    }

    @Test
    void textFieldsAreUtf8() {
        String body = new String(new Multipart().field("title", "Café ♪").bytes(), StandardCharsets.UTF_8);

        assertThat(body).contains("\r\n\r\nCafé ♪\r\n");
    }

    @Test
    void everyFormHasItsOwnBoundary() {
        assertThat(new Multipart().contentType()).isNotEqualTo(new Multipart().contentType());
    }
}
