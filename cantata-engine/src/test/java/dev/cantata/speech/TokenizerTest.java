package dev.cantata.speech;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

final class TokenizerTest {

    @Test
    void sentencesEndAtTerminalMarksFollowedByANewSentence() {
        assertThat(Tokenizer.sentences("Hello there. How are you? I am fine! Good."))
                .containsExactly("Hello there.", "How are you?", "I am fine!", "Good.");
    }

    @Test
    void abbreviationsInitialsAndNumbersDoNotEndASentence() {
        assertThat(Tokenizer.sentences(
                        "Mr. Smith paid $3.50 to J. R. Tolkien, i.e. a lot. Then he left at 5 p.m. today."))
                .containsExactly("Mr. Smith paid $3.50 to J. R. Tolkien, i.e. a lot.", "Then he left at 5 p.m. today.");
    }

    @Test
    void closingQuotesAndRepeatedMarksStayWithTheirSentence() {
        assertThat(Tokenizer.sentences("She said \"stop.\" He asked why?! Nobody knew... and they waited."))
                .containsExactly("She said \"stop.\"", "He asked why?!", "Nobody knew... and they waited.");
    }

    @Test
    void aBlankLineStartsAParagraph() {
        List<Tokenizer.Token> tokens = Tokenizer.tokenize("First one.\n\nSecond one.\nStill second.");

        assertThat(tokens.stream().filter(Tokenizer.Token::paragraphStart).count())
                .isEqualTo(2);
        assertThat(tokens.stream().filter(Tokenizer.Token::sentenceStart).count())
                .isEqualTo(3);
        assertThat(tokens.get(3).paragraphStart())
                .as("\"Second\" starts the second paragraph")
                .isTrue();
    }

    @Test
    void wordsNumbersAndPunctuationAreSeparateTokens() {
        String text = "Don't pay 1,000.50 dollars, well-known friend!";

        List<String> tokens = Tokenizer.tokenize(text).stream()
                .map(t -> text.substring(t.start(), t.end()))
                .toList();

        assertThat(tokens).containsExactly("Don't", "pay", "1,000.50", "dollars", ",", "well-known", "friend", "!");
    }

    @Test
    void noCharacterOfTheTextIsLostOrRepeated() {
        String text = "One. Two three! \"Four?\" Five... six. U.S. policy, e.g. this; that: 7.5%.\n\nEnd";

        String joined = String.join(" ", Tokenizer.sentences(text)).replaceAll("\\s+", "");

        assertThat(joined).isEqualTo(text.replaceAll("\\s+", ""));
    }

    @Test
    void emptyTextHasNoSentences() {
        assertThat(Tokenizer.sentences("   \n ")).isEmpty();
    }
}
