package dev.cantata.http;

/** The health answer, shaped like the DiffRhythm wrapper's so its clients read it unchanged. */
public record Health(String status, String message, String version) {}
