package dev.cantata.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** Lyrics Cantata wrote from a description: section markup, a title, and {@code complete}. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record WrittenLyrics(String text, String title, String status) {}
