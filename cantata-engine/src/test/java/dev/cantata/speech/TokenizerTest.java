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
    void chineseAndJapaneseSentencesEndAtFullWidthMarksWithoutASpace() {
        assertThat(Tokenizer.sentences("你好，世界。今天天气很好！你呢？こんにちは。")).containsExactly("你好，世界。", "今天天气很好！", "你呢？", "こんにちは。");
    }

    @Test
    void aLongChineseSentenceIsCutAtItsCommas() {
        String clause = "我们一起去公园散步，";
        List<String> pieces = Tokenizer.pieces(clause.repeat(12) + "然后回家。", 40, 40);

        assertThat(pieces).allSatisfy(p -> assertThat(p.length()).isLessThanOrEqualTo(40));
        assertThat(pieces.subList(0, pieces.size() - 1))
                .allSatisfy(p -> assertThat(p).endsWith("，"));
        assertThat(String.join("", pieces)).isEqualTo(clause.repeat(12) + "然后回家。");
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

    @Test
    void aLongChainOfDottedLettersIsOneAbbreviation() {
        // "a." 9,999 times: once quadratic (a regex over the word so far at every period), now linear
        String text = "a.".repeat(9_999);

        List<Tokenizer.Token> tokens = Tokenizer.tokenize(text);

        assertThat(tokens).hasSize(1);
        assertThat(tokens.get(0).end()).isEqualTo(text.length());
    }

    @Test
    void manyShortSentencesAreEachTheirOwn() {
        String text = "A. ".repeat(5_000) + "Go on. ".repeat(5_000);

        assertThat(Tokenizer.tokenize(text)).hasSize(5_000 + 3 * 5_000);
        // initials ("A.") do not end a sentence, so the first "Go on." ends the first one
        assertThat(Tokenizer.sentences(text)).hasSize(5_000);
    }

    @Test
    void dottedAbbreviationsAreStillRecognised() {
        String text = "The U.S. and the U.K. met, e.g. today. Then ab.cd ended";

        List<String> tokens = Tokenizer.tokenize(text).stream()
                .map(t -> text.substring(t.start(), t.end()))
                .toList();

        assertThat(tokens).contains("U.S.", "U.K.", "e.g.", "ab", "cd");
    }

    @Test
    void piecesHoldAtMostTheLimitAndLoseNothingButSpaces() {
        String text = "word ".repeat(300) + "x".repeat(1000) + ", and; then: more. " + "Short one.";

        List<String> pieces = Tokenizer.pieces(text, 120, 280);

        assertThat(pieces.get(0)).hasSizeLessThanOrEqualTo(120);
        assertThat(pieces).allSatisfy(p -> assertThat(p).isNotBlank().hasSizeLessThanOrEqualTo(280));
        assertThat(String.join("", pieces).replaceAll("\\s+", "")).isEqualTo(text.replaceAll("\\s+", ""));
        assertThat(pieces.get(pieces.size() - 1)).isEqualTo("Short one.");
    }

    @Test
    void aPieceNeverEndsInsideASurrogatePair() {
        String text = "\ud83c\udfb5".repeat(500);

        List<String> pieces = Tokenizer.pieces(text, 121, 281);

        assertThat(String.join("", pieces)).isEqualTo(text);
        assertThat(pieces)
                .allSatisfy(
                        p -> assertThat(Character.isLowSurrogate(p.charAt(0))).isFalse());
    }
}
