package com.example.langdetect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.langdetect.Sentences.Sentence;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The labeled data is what the README says it is. */
class SentencesDataTest {

    private static final Set<String> LANGUAGES = Set.of("eng", "deu", "fra", "spa", "ita", "por", "nld", "swe");

    private static List<Sentence> sentences;

    @BeforeAll
    static void read() throws Exception {
        sentences = Sentences.read();
    }

    @Test
    void atLeastFortySentencesInEachOfEightLanguages() {
        Map<String, Long> perLanguage = sentences.stream()
                .collect(Collectors.groupingBy(Sentence::language, TreeMap::new, Collectors.counting()));
        assertEquals(LANGUAGES, perLanguage.keySet());
        perLanguage.forEach((language, count) -> assertTrue(count >= 40, language + " has only " + count));
    }

    @Test
    void idsAndTextsAreUnique() {
        Set<String> ids = new HashSet<>();
        Set<String> texts = new HashSet<>();
        for (Sentence s : sentences) {
            assertTrue(ids.add(s.id()), "duplicate id " + s.id());
            assertTrue(texts.add(s.text()), "duplicate text " + s.text());
        }
    }

    @Test
    void shortMeansOneToThreeWordsAndLongTenOrMore() {
        for (Sentence s : sentences) {
            int words = s.text().trim().split("\\s+").length;
            switch (s.length()) {
                case "short" -> assertTrue(words >= 1 && words <= 3, s.id() + " is short but has " + words + " words");
                case "long" -> assertTrue(words >= 10, s.id() + " is long but has " + words + " words");
                default -> throw new AssertionError(s.id() + ": length must be short or long, not " + s.length());
            }
        }
    }

    @Test
    void everyLanguageHasShortAndLongSentences() {
        for (String language : LANGUAGES) {
            Set<String> lengths = sentences.stream().filter(s -> s.language().equals(language))
                    .map(Sentence::length).collect(Collectors.toSet());
            assertEquals(Set.of("short", "long"), lengths, language);
        }
    }
}
