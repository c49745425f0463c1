package dev.cantata.jobs;

import java.util.UUID;

/**
 * A worker's hold on a task. Every write a worker makes carries the token, and the store applies it only while the
 * token is still the task's: a worker whose lease expired and was taken over can no longer change the task, so a
 * task completes once even when two workers ran it.
 */
public record Claim(Task task, UUID token) {}
