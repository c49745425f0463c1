package dev.cantata.hash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

final class Sha256Test {
    // FIPS 180-2's example for "abc"
    static final String ABC = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

    @Test
    void theDigestOfAbcIsTheOneInTheStandard() {
        assertThat(new Sha256().update("abc").hex()).isEqualTo(ABC);
    }

    @Test
    void piecesDigestLikeTheWholeMessage() {
        assertThat(new Sha256()
                        .update("a")
                        .update((byte) 'b')
                        .update("c".getBytes(StandardCharsets.UTF_8))
                        .hex())
                .isEqualTo(ABC);
    }

    @Test
    void aShortNameIsTheDigestsFirstBytes() {
        assertThat(new Sha256().update("abc").hex(12)).isEqualTo(ABC.substring(0, 24));
        assertThatThrownBy(() -> new Sha256().hex(33)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anEmptyMessageHasTheWellKnownDigest() {
        assertThat(new Sha256().hex()).isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    }
}
