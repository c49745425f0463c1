package dev.cantata.speech;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

final class SpeechTextTest {

    @Test
    void cleanTextComesBackAsItWas() {
        String text = "Héllo, wörld! \ud83c\udfb5 Tabs\tand\nlines\r\n";

        assertThat(SpeechText.clean(text)).isSameAs(text);
    }

    @Test
    void noncharactersAndForbiddenControlsAreDropped() {
        assertThat(SpeechText.clean("\ufffe hi\uffff\ufdd0\ufdef\u0000\u0007!")).isEqualTo(" hi!");
        assertThat(SpeechText.clean("a\udbff\udfffb"))
                .as("U+10FFFF is a noncharacter")
                .isEqualTo("ab");
    }

    @Test
    void loneSurrogatesBecomeTheReplacementCharacter() {
        assertThat(SpeechText.clean("\ud800")).isEqualTo("\ufffd");
        assertThat(SpeechText.clean("a\udc00b\ud800")).isEqualTo("a\ufffdb\ufffd");
        assertThat(SpeechText.clean("\udc00\ud800"))
                .as("reversed halves are no pair")
                .isEqualTo("\ufffd\ufffd");
    }

    @Test
    void cleanedTextIsXmlSafeAndEscapedTextHasNoMarkup() {
        String escaped = MaryEngine.escape("<prosody rate=\"9\">&x;</prosody>\ufffe\u0001]]>");

        assertThat(escaped).doesNotContain("<", ">", "\ufffe", "\u0001").contains("&lt;prosody");
    }
}
